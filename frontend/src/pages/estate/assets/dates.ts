// Calendar dates (no time of day) as the estate pages use them: ISO "YYYY-MM-DD" strings, the
// UK date for "today", and the same interval arithmetic as the database's due schedule.
import type { IntervalUnit } from "./types";

const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** Today's date in the UK, as the services count it ("2026-12-04"). */
export function todayInLondon(now: Date = new Date()): string {
  return londonDay.format(now);
}

/** The UK date of an instant ("2026-12-04T23:30:00Z" is 4 December in winter, 5th in summer). */
export function londonDateOf(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso.slice(0, 10) : londonDay.format(at);
}

function parts(iso: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "4 December 2026" for "2026-12-04". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const p = parts(value);
  return p ? longDate.format(new Date(Date.UTC(p[0], p[1] - 1, p[2]))) : value;
}

/** Whether year, month and day (as typed) make a real date; its ISO form if so. */
export function realDate(year: string, month: string, day: string): string | null {
  if (!/^\d{4}$/.test(year.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{1,2}$/.test(day.trim())) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return iso(y, m, d);
}

/**
 * `date + n months` or `date + n days`, as PostgreSQL adds an interval to a date: adding months
 * keeps the day of the month, or takes the month's last day when it has fewer (31 August + 6
 * months = 28 or 29 February).
 */
export function addInterval(date: string, n: number, unit: IntervalUnit): string {
  const p = parts(date);
  if (!p) return date;
  const [y, m, d] = p;
  if (unit === "days") {
    const at = new Date(Date.UTC(y, m - 1, d + n));
    return iso(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
  }
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, lastDay));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** "every 6 months", "every 7 days", "every month". */
export function intervalText(n: number, unit: IntervalUnit): string {
  const single = unit === "months" ? "month" : "day";
  return n === 1 ? `every ${single}` : `every ${n} ${unit}`;
}
