// How the care pages name residents, statuses and dates.
import type { AllergySeverity, LpaRole, ResidentStatus, ResidentSummary } from "../types";

export const RESIDENT_STATUS_NAMES: Record<ResidentStatus, string> = {
  active: "Living here",
  in_hospital: "In hospital",
  on_leave: "On leave",
  discharged: "Discharged",
  deceased: "Died",
};

export const RESIDENT_STATUS_TAGS: Record<ResidentStatus, string> = {
  active: "govuk-tag--green",
  in_hospital: "govuk-tag--orange",
  on_leave: "govuk-tag--blue",
  discharged: "govuk-tag--grey",
  deceased: "govuk-tag--grey",
};

export const RESIDENT_STATUSES = Object.keys(RESIDENT_STATUS_NAMES) as ResidentStatus[];

export function isResidentStatus(value: string | null): value is ResidentStatus {
  return value !== null && (RESIDENT_STATUSES as string[]).includes(value);
}

export const LPA_NAMES: Record<LpaRole, string> = {
  health_and_welfare: "Lasting power of attorney for health and welfare",
  property_and_financial_affairs: "Lasting power of attorney for property and financial affairs",
};

export const SEVERITY_NAMES: Record<AllergySeverity, string> = { mild: "Mild", moderate: "Moderate", severe: "Severe" };

type Named = Pick<ResidentSummary, "given_name" | "family_name" | "preferred_name">;

/** "Margaret Ashworth". */
export function fullName(resident: Named): string {
  return `${resident.given_name} ${resident.family_name}`;
}

/** "Margaret Ashworth (Peggy)": the preferred name too, when it differs. */
export function residentName(resident: Named): string {
  const preferred = resident.preferred_name?.trim();
  return preferred && preferred !== resident.given_name ? `${fullName(resident)} (${preferred})` : fullName(resident);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** A calendar date "2026-12-04" as "4 December 2026" (a date has no time zone to shift). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const at = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? iso : dateFormat.format(at);
}

/** Whole years between a date of birth and today (both calendar dates, "YYYY-MM-DD"). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date in Europe/London, "YYYY-MM-DD". */
export function londonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
