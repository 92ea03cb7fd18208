// Care plan reviews: a home's due and overdue list, and recording one section's review.
import type { components } from "../../../api/generated/careplan";
import { careplan } from "../../../api/client";
import type { FieldMessage } from "../../../api/messages";
import { unwrap } from "../../../api/problem";
import { isDate } from "../notes/time";
import { sectionAnchor } from "../plan/PlanSections";

type Schemas = components["schemas"];
export type DueReview = Schemas["DueReview"];
export type DueReviewPage = Schemas["DueReviewPage"];
export type ReviewCreate = Schemas["ReviewCreate"];
export type ReviewRead = Schemas["ReviewRead"];
export type ReviewOutcome = Schemas["ReviewOutcome"];
export type ReviewInterval = Schemas["ReviewInterval"];
export type Section = Schemas["SectionRead"];

export const OUTCOME_NAMES: Record<ReviewOutcome, string> = {
  no_change: "No change: the plan still meets their needs",
  changes_needed: "The plan needs changes",
  goals_met: "Goals met",
};

export const INTERVAL_NAMES: Record<ReviewInterval, string> = {
  weekly: "Every week",
  fortnightly: "Every 2 weeks",
  monthly: "Every month",
  quarterly: "Every 3 months",
};

export const WITHIN_CHOICES = [7, 14, 28, 90] as const;

export interface DueFilters {
  within: number;
  overdueOnly: boolean;
  cursor: string;
}

/** The list's filters from the URL, with anything unexpected read as the default. */
export function dueFiltersFrom(params: URLSearchParams): DueFilters {
  const within = Number(params.get("within"));
  return {
    within: (WITHIN_CHOICES as readonly number[]).includes(within) ? within : 7,
    overdueOnly: params.get("overdue") === "1",
    cursor: params.get("cursor") ?? "",
  };
}

export function dueSearch(filters: Partial<DueFilters>): string {
  const params = new URLSearchParams();
  if (filters.within && filters.within !== 7) params.set("within", String(filters.within));
  if (filters.overdueOnly) params.set("overdue", "1");
  if (filters.cursor) params.set("cursor", filters.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function fetchDue(homeId: string, filters: DueFilters, limit = 50): Promise<DueReviewPage> {
  return unwrap(
    careplan.GET("/v1/reviews/due", {
      params: {
        query: { home_id: homeId, within_days: filters.within, overdue_only: filters.overdueOnly, limit, ...(filters.cursor ? { cursor: filters.cursor } : {}) },
      },
    }),
  );
}

export interface ReviewFormValues {
  reviewDate: string;
  outcome: ReviewOutcome | "";
  summary: string;
  changes: string;
}

export const REVIEW_LABELS: Record<string, string> = {
  review_date: "the date of the review",
  outcome: "the outcome",
  summary: "the summary",
  changes: "what should change",
};

export function validateReview(values: ReviewFormValues, today: string, lastReviewed: string | null): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const date = values.reviewDate.trim();
  if (!date) errors.push({ field: "review_date", message: "Enter the date of the review" });
  else if (!isDate(date)) errors.push({ field: "review_date", message: "The date of the review must be a real date" });
  else if (date > today) errors.push({ field: "review_date", message: "The date of the review cannot be in the future" });
  else if (lastReviewed && date < lastReviewed) errors.push({ field: "review_date", message: "The date of the review cannot be before the last review" });
  if (!values.outcome) errors.push({ field: "outcome", message: "Select the outcome of the review" });
  if (!values.summary.trim()) errors.push({ field: "summary", message: "Enter a summary of the review" });
  else if (values.summary.trim().length > 4000) errors.push({ field: "summary", message: "The summary must be 4,000 characters or fewer" });
  if (values.outcome === "changes_needed" && !values.changes.trim()) errors.push({ field: "changes", message: "Say what should change in the plan" });
  if (values.changes.trim().length > 4000) errors.push({ field: "changes", message: "What should change must be 4,000 characters or fewer" });
  return errors;
}

export function toReviewCreate(values: ReviewFormValues): ReviewCreate {
  return {
    review_date: values.reviewDate.trim(),
    outcome: values.outcome || "no_change",
    summary: values.summary.trim(),
    changes: values.changes.trim() || null,
  };
}

export async function recordReview(residentId: string, sectionId: string, body: ReviewCreate, idempotencyKey: string): Promise<ReviewRead> {
  return unwrap(
    careplan.POST("/v1/residents/{resident_id}/care-plan/sections/{section_id}/reviews", {
      params: { path: { resident_id: residentId, section_id: sectionId }, header: { "idempotency-key": idempotencyKey } },
      body,
      signal: AbortSignal.timeout(20_000),
    }),
  );
}

/** One section of the resident's current plan, where the care plan page shows it (anchored by care domain). */
export function sectionLink(residentId: string, domain: string): string {
  return `/care/residents/${residentId}/plan#${sectionAnchor(domain)}`;
}
