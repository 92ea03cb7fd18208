// Care-plan reviews and DoLS authorisations in the report: who, what and when, overdue first.
import { daysBetween } from "./dates";
import type { DolsExpiring, DueReview } from "./types";

interface Named {
  given_name: string;
  family_name: string;
  preferred_name?: string | null;
}

/** "Albert Cole (known as Bert)". */
export function residentName(person: Named): string {
  const full = `${person.given_name} ${person.family_name}`;
  return person.preferred_name && person.preferred_name !== person.given_name ? `${full} (known as ${person.preferred_name})` : full;
}

export interface ReviewGroups {
  overdue: DueReview[];
  dueSoon: DueReview[];
}

/** Splits the reviews (the API lists them soonest first) into overdue and due soon. */
export function groupReviews(reviews: readonly DueReview[]): ReviewGroups {
  return {
    overdue: reviews.filter((r) => r.overdue),
    dueSoon: reviews.filter((r) => !r.overdue),
  };
}

/** "3 days overdue", "Due today", "Due in 5 days". */
export function reviewWhen(nextReview: string, today: string): string {
  const days = daysBetween(today, nextReview);
  if (days < 0) return `${-days} ${days === -1 ? "day" : "days"} overdue`;
  if (days === 0) return "Due today";
  return `Due in ${days} ${days === 1 ? "day" : "days"}`;
}

/** "Expires today", "Expires in 1 day", "Expires in 20 days". */
export function dolsWhen(dols: DolsExpiring): string {
  if (dols.days_left <= 0) return "Expires today";
  return `Expires in ${dols.days_left} ${dols.days_left === 1 ? "day" : "days"}`;
}

export const DOLS_KIND_NAMES: Record<DolsExpiring["kind"], string> = { standard: "Standard", urgent: "Urgent" };
