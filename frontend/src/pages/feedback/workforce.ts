// Workforce indicators: names, formats, benchmarks and the series the trend charts draw.
import { formatShortMonth } from "./dates";
import type { Benchmark, WorkforceSeries } from "./types";

export type IndicatorKey = "turnover_rate" | "vacancy_rate" | "first_year_leaver_rate" | "sickness_days_per_fte" | "agency_share_of_hours" | "level2_share";

export interface IndicatorInfo {
  key: IndicatorKey;
  label: string;
  explain: string;
  unit: "%" | "days";
  /** Rolling 12-month figures need a return for each of the 12 months. */
  rolling: boolean;
  higherIsWorse: boolean;
}

export const INDICATORS: readonly IndicatorInfo[] = [
  { key: "turnover_rate", label: "Staff turnover", explain: "Leavers in the last 12 months as a share of the average staff in post", unit: "%", rolling: true, higherIsWorse: true },
  { key: "vacancy_rate", label: "Vacancy rate", explain: "Vacant posts as a share of all posts, this month", unit: "%", rolling: false, higherIsWorse: true },
  { key: "first_year_leaver_rate", label: "Leavers in their first year", explain: "Share of leavers in the last 12 months who had worked here less than a year", unit: "%", rolling: true, higherIsWorse: true },
  { key: "sickness_days_per_fte", label: "Sickness days per full-time post", explain: "Days lost to sickness in the last 12 months for each full-time equivalent", unit: "days", rolling: true, higherIsWorse: true },
  { key: "agency_share_of_hours", label: "Agency share of hours", explain: "Hours worked by agency staff as a share of all hours worked, over the last 12 months", unit: "%", rolling: true, higherIsWorse: true },
  { key: "level2_share", label: "Staff qualified at Level 2 or above", explain: "Staff with a care qualification at Level 2 or above, this month", unit: "%", rolling: false, higherIsWorse: false },
];

export function formatIndicator(info: Pick<IndicatorInfo, "unit">, value: number): string {
  const number = value.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return info.unit === "%" ? `${number}%` : `${number} days`;
}

/** Charts have little room on their axis: the unit goes in the title for days. */
export function formatAxisValue(info: Pick<IndicatorInfo, "unit">, value: number): string {
  return info.unit === "%" ? formatIndicator(info, value) : value.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Why a figure is missing: rolling figures need all 12 monthly returns. */
export function missingText(info: Pick<IndicatorInfo, "rolling">, monthsCovered: number): string {
  return info.rolling ? `Not enough returns yet (${monthsCovered} of the 12 months needed)` : "No return for this month";
}

export function benchmarkFor(benchmarks: readonly Benchmark[] | undefined, key: IndicatorKey): Benchmark | null {
  return benchmarks?.find((b) => b.indicator === key) ?? null;
}

/** Worse than the benchmark? Null when there is no figure or no benchmark. */
export function worseThan(info: Pick<IndicatorInfo, "higherIsWorse">, value: number | null, benchmark: Benchmark | null): boolean | null {
  if (value === null || benchmark === null) return null;
  return info.higherIsWorse ? value > benchmark.value : value < benchmark.value;
}

export interface Trend {
  periods: string[];
  values: (number | null)[][];
}

/** One indicator over the months of a series (gaps stay gaps). */
export function seriesTrend(series: WorkforceSeries, key: IndicatorKey): Trend {
  return { periods: series.points.map((p) => formatShortMonth(p.month)), values: [series.points.map((p) => p[key])] };
}
