// Days and times on shift, in Europe/London: a care home's day runs 00:00 to 24:00 local time
// (23 or 25 hours at the clock changes), which is how the API counts a day's notes and drinks.
const ZONE = "Europe/London";

const dateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partsOf(at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of dateParts.formatToParts(at)) if (part.type !== "literal") out[part.type] = Number(part.value);
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The London calendar date of an instant: "2026-12-04". */
export function londonDate(at: Date = new Date()): string {
  const p = partsOf(at);
  return `${pad(p.year ?? 0, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(at: Date): number {
  const p = partsOf(at);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a London wall-clock time ("2026-03-29", "08:00"). In the hour the clocks skip,
 * the time is read in the offset before the change (01:30 on the spring day is 02:30 BST); in the
 * hour that repeats, the first of the two is taken.
 */
export function londonInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const before = londonOffsetMinutes(new Date(wall - 3 * 3_600_000));
  const candidate = new Date(wall - before * 60_000);
  const after = londonOffsetMinutes(candidate);
  if (after === before) return candidate;
  const other = new Date(wall - after * 60_000);
  return londonOffsetMinutes(other) === after ? other : candidate;
}

/** "2026-12-04" plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const at = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days));
  return at.toISOString().slice(0, 10);
}

export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return addDays(text, 0) === text;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "14:05", London time. */
export function formatTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : timeFormat.format(at);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "Friday 4 December 2026" for a calendar date. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return dayFormat.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1))).replace(",", "");
}

/** "Today", "Yesterday" or the day written out. */
export function dayName(date: string, today: string): string {
  if (date === today) return "Today";
  if (date === addDays(today, -1)) return "Yesterday";
  return formatDay(date);
}

/** Whole years between a date of birth and a day. */
export function ageOn(born: string, day: string): number {
  const [by, bm, bd] = born.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  const before = (m ?? 0) < (bm ?? 0) || ((m ?? 0) === (bm ?? 0) && (d ?? 0) < (bd ?? 0));
  return (y ?? 0) - (by ?? 0) - (before ? 1 : 0);
}
