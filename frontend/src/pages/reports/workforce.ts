// Workforce indicators in the report: the home's figures at a month against the national
// benchmarks the feedback service holds.
import type { Comparison, Indicators } from "./types";

export type IndicatorKey =
  | "turnover_rate"
  | "vacancy_rate"
  | "first_year_leaver_rate"
  | "sickness_days_per_fte"
  | "agency_share_of_hours"
  | "level2_share";

export const INDICATOR_NAMES: Record<IndicatorKey, string> = {
  turnover_rate: "Staff turnover (last 12 months)",
  vacancy_rate: "Vacancy rate",
  first_year_leaver_rate: "Leavers in their first year",
  sickness_days_per_fte: "Sickness days per full-time post",
  agency_share_of_hours: "Hours worked by agency staff",
  level2_share: "Staff with Level 2 or above",
};

const ORDER: readonly IndicatorKey[] = [
  "turnover_rate",
  "vacancy_rate",
  "first_year_leaver_rate",
  "sickness_days_per_fte",
  "agency_share_of_hours",
  "level2_share",
];

function isIndicatorKey(value: string): value is IndicatorKey {
  return (ORDER as readonly string[]).includes(value);
}

/** A name for any indicator, including one a benchmark was added for later. */
export function indicatorName(indicator: string): string {
  return isIndicatorKey(indicator) ? INDICATOR_NAMES[indicator] : indicator.replaceAll("_", " ");
}

/** "26.9%", or "9.9 days"; "No figure" when the month's returns do not give one. */
export function indicatorValue(indicator: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "No figure";
  return indicator === "sickness_days_per_fte" ? `${value.toFixed(1)} days` : `${value.toFixed(1)}%`;
}

export type Verdict = "worse" | "ok" | "unknown" | "no-benchmark";

export interface IndicatorRow {
  key: IndicatorKey;
  name: string;
  value: string;
  benchmark: string | null;
  verdict: Verdict;
}

function verdictOf(comparison: Comparison | undefined): Verdict {
  if (!comparison) return "no-benchmark";
  if (comparison.worse_than_benchmark === true) return "worse";
  if (comparison.worse_than_benchmark === false) return "ok";
  return "unknown";
}

/** One row per indicator, in a fixed order, each with its benchmark when there is one. */
export function indicatorRows(indicators: Indicators): IndicatorRow[] {
  return ORDER.map((key) => {
    const comparison = indicators.comparisons.find((c) => c.indicator === key);
    return {
      key,
      name: INDICATOR_NAMES[key],
      value: indicatorValue(key, indicators[key]),
      benchmark: comparison ? `${indicatorValue(key, comparison.benchmark)} (${comparison.benchmark_year})` : null,
      verdict: verdictOf(comparison),
    };
  });
}

/** The benchmarks' sources, once each, for a footnote. */
export function benchmarkSources(indicators: Indicators): string[] {
  return [...new Set(indicators.comparisons.map((c) => `${c.benchmark_source}, ${c.benchmark_year}`))];
}
