// Dates on the report. API dates ("2026-12-11") are calendar days: shown as they are, never
// shifted by a time zone; "today" is the day in Europe/London.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const LONG_DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const MONTH = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" });

/** "2026-12-04": the calendar day in London at that moment. */
export function londonDay(at: Date = new Date()): string {
  return LONDON_DAY.format(at);
}

function utcMidday(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "11 December 2026" from "2026-12-11" (anything unreadable is shown as given). */
export function formatDay(day: string): string {
  const at = utcMidday(day);
  return at ? LONG_DAY.format(at) : day;
}

/** "November 2026" from "2026-11-01". */
export function formatMonth(day: string): string {
  const at = utcMidday(day);
  return at ? MONTH.format(at) : day;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = utcMidday(from);
  const b = utcMidday(to);
  if (!a || !b) return 0;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** The first day of the month two months before `today`'s: the period the feedback service
 * reports on by default ("2026-10-01" for any day in December 2026). */
export function periodStart(today: string): string {
  const [year = 1970, month = 1] = today.split("-").map(Number);
  const index = year * 12 + (month - 1) - 2;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}
