// A reading judged against its rule's limits while it is typed. The server judges it again when
// the inspection is saved, and its judgement is the one recorded; this is the same test, so the
// person sees before saving what the record will say.
import type { Outcome, ReadingType, Threshold } from "../assets/types";

interface ReadingInfo {
  /** As a label: "Hot water temperature". */
  name: string;
  /** In a sentence: "the hot water temperature". */
  sentence: string;
  unit: string;
  /** What is physically possible; anything else is a typing mistake (the server refuses it). */
  low: number;
  high: number;
  example: string;
  /** The question for the reading's optional label. */
  point: string;
}

export const READINGS: Record<ReadingType, ReadingInfo> = {
  hot_water_temperature_c: { name: "Hot water temperature", sentence: "the hot water temperature", unit: "°C", low: 0, high: 100, example: "52.5", point: "Which outlet?" },
  cold_water_temperature_c: { name: "Cold water temperature", sentence: "the cold water temperature", unit: "°C", low: 0, high: 100, example: "14", point: "Which outlet?" },
  mixed_water_temperature_c: { name: "Mixed water temperature", sentence: "the mixed water temperature", unit: "°C", low: 0, high: 100, example: "41", point: "Which outlet?" },
  emergency_duration_minutes: { name: "How long the lights stayed on", sentence: "how long the lights stayed on", unit: "minutes", low: 0, high: 1440, example: "185", point: "Which light or circuit?" },
};

export type Judgement =
  | { state: "empty" }
  | { state: "invalid"; message: string }
  | { state: "within"; message: string }
  | { state: "outside"; message: string };

/** Hundredths as whole numbers, so 49.99 < 50 is exact (the server keeps two decimal places). */
function hundredths(value: number): number {
  return Math.round(value * 100);
}

function limit(value: number | string | null): number | null {
  if (value === null || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function show(value: number, unit: string): string {
  return `${value} ${unit}`;
}

/** The limit in words: "at least 50 °C", "below 20 °C", "between 38 and 44 °C". */
export function limitText(threshold: Threshold): string {
  const { unit } = READINGS[threshold.reading];
  const low = limit(threshold.min);
  const high = limit(threshold.max);
  if (low !== null && high !== null) {
    return threshold.max_inclusive ? `between ${low} and ${show(high, unit)}` : `at least ${show(low, unit)} and below ${show(high, unit)}`;
  }
  if (low !== null) return `at least ${show(low, unit)}`;
  if (high !== null) return threshold.max_inclusive ? `at most ${show(high, unit)}` : `below ${show(high, unit)}`;
  return "any value";
}

/** A typed reading as a number: digits with up to two decimal places ("52", "52.5", "52,5"). */
export function parseReading(text: string): number | null {
  const clean = text.trim().replace(",", ".");
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(clean)) return null;
  return Number(clean);
}

/** Whether a number lies within the limits, exactly as the service tests it. */
export function withinLimits(value: number, threshold: Pick<Threshold, "min" | "max" | "max_inclusive">): boolean {
  const v = hundredths(value);
  const low = limit(threshold.min);
  const high = limit(threshold.max);
  if (low !== null && v < hundredths(low)) return false;
  if (high !== null) return threshold.max_inclusive ? v <= hundredths(high) : v < hundredths(high);
  return true;
}

/** The live judgement of what has been typed so far. */
export function judge(threshold: Threshold, text: string): Judgement {
  if (text.trim() === "") return { state: "empty" };
  const info = READINGS[threshold.reading];
  const value = parseReading(text);
  if (value === null) return { state: "invalid", message: `Enter ${info.sentence} as a number, like ${info.example}` };
  if (value < info.low || value > info.high) {
    return { state: "invalid", message: `${capitalise(info.sentence)} must be between ${info.low} and ${show(info.high, info.unit)}. Check the reading` };
  }
  return withinLimits(value, threshold)
    ? { state: "within", message: "Within limit" }
    : { state: "outside", message: `Outside limit: must be ${limitText(threshold)}` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the record will say: any reading outside its limit makes it a fail, whatever was chosen. */
export function expectedOutcome(chosen: Outcome | "", judgements: readonly Judgement[]): Outcome | "" {
  return judgements.some((j) => j.state === "outside") ? "fail" : chosen;
}
