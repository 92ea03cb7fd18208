// Dates without a time (YYYY-MM-DD) and months, as people read them. A date-only value is a
// calendar day, so it is formatted in UTC: no time zone may move it to the day before.
const day = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const month = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" });
const shortMonth = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "short", year: "2-digit" });
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

function parse(iso: string): Date | null {
  const at = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** "2026-12-04" -> "4 December 2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const at = parse(iso);
  return at ? day.format(at) : iso;
}

/** "2026-11-01" -> "November 2026". */
export function formatMonth(iso: string): string {
  const at = parse(iso);
  return at ? month.format(at) : iso;
}

/** "2026-11-01" -> "Nov 26", for chart axes. */
export function formatShortMonth(iso: string): string {
  const at = parse(iso);
  return at ? shortMonth.format(at) : iso;
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  return londonDay.format(now);
}

/** "2026-12-04" -> "2026-12-01". */
export function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months from the month of `iso`. */
export function addMonths(iso: string, delta: number): string {
  const year = Number(iso.slice(0, 4));
  const monthIndex = Number(iso.slice(5, 7)) - 1 + delta;
  const at = new Date(Date.UTC(year, monthIndex, 1));
  return at.toISOString().slice(0, 10);
}

/** Whether text is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = parse(text);
  return at !== null && at.toISOString().slice(0, 10) === text;
}

/** The date `days` after `iso` (both YYYY-MM-DD). */
export function addDays(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
