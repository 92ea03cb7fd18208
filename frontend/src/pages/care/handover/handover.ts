// The shift handover: which window of time a shift covers, and the careplan-api call.
import type { components } from "../../../api/generated/careplan";
import { careplan } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { addDays, formatDay, formatTime, isDate, londonDate, londonInstant } from "../notes/time";

export type Handover = components["schemas"]["Handover"];

export type Shift = "day" | "night" | "early" | "late" | "last12";

interface ShiftRule {
  name: string;
  /** London wall-clock start and end; an end before the start is the next morning. */
  start?: string;
  end?: string;
}

export const SHIFTS: Record<Shift, ShiftRule> = {
  last12: { name: "The last 12 hours" },
  day: { name: "Day, 08:00 to 20:00", start: "08:00", end: "20:00" },
  night: { name: "Night, 20:00 to 08:00", start: "20:00", end: "08:00" },
  early: { name: "Early, 07:00 to 15:00", start: "07:00", end: "15:00" },
  late: { name: "Late, 15:00 to 23:00", start: "15:00", end: "23:00" },
};

export const SHIFT_ORDER: readonly Shift[] = ["last12", "day", "night", "early", "late"];

export interface HandoverChoice {
  shift: Shift;
  /** The day the shift starts on (London). */
  date: string;
}

export function isShift(value: string | null): value is Shift {
  return value !== null && value in SHIFTS;
}

export function choiceFrom(params: URLSearchParams, today: string): HandoverChoice {
  const shift = params.get("shift");
  const date = params.get("date") ?? "";
  return { shift: isShift(shift) ? shift : "last12", date: isDate(date) && date <= today ? date : today };
}

export interface Window {
  from: Date;
  to: Date;
}

/** The instants a shift covers; a night runs into the next day, clock changes included. */
export function shiftWindow(choice: HandoverChoice, now: Date): Window {
  const rule = SHIFTS[choice.shift];
  if (!rule.start || !rule.end) return { from: new Date(now.getTime() - 12 * 3_600_000), to: now };
  const endDay = rule.end <= rule.start ? addDays(choice.date, 1) : choice.date;
  return { from: londonInstant(choice.date, rule.start), to: londonInstant(endDay, rule.end) };
}

/** "Friday 4 December 2026, 20:00 to 08:00". */
export function windowText(window: Window): string {
  const fromDay = londonDate(window.from);
  const toDay = londonDate(window.to);
  const day = formatDay;
  return fromDay === toDay
    ? `${day(fromDay)}, ${formatTime(window.from.toISOString())} to ${formatTime(window.to.toISOString())}`
    : `${day(fromDay)} ${formatTime(window.from.toISOString())} to ${day(toDay)} ${formatTime(window.to.toISOString())}`;
}

export async function fetchHandover(homeId: string, window: Window): Promise<Handover> {
  return unwrap(careplan.GET("/v1/handover", { params: { query: { home_id: homeId, from: window.from.toISOString(), to: window.to.toISOString() } } }));
}
