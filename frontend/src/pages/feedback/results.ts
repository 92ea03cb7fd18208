// Survey results as charts and tables. A suppressed group or question has no figure: it is
// shown in words ("Suppressed – fewer than 5 answers"), never as a zero.
import type { ChartSeries } from "../../components/charts";
import { LIKERT_LABELS } from "./names";
import type { GroupResult, Question, QuestionResult, SurveyResults } from "./types";

export const ALL_HOMES = "All homes";

export function suppressedText(minGroupSize: number): string {
  return `Suppressed – fewer than ${minGroupSize} answers`;
}

/** Why a group is hidden, in a sentence for the groups table. */
export function groupReason(group: GroupResult, k: number): string {
  if (!group.suppressed) return "";
  return group.reason === "differencing"
    ? `Suppressed – hidden so that a group of fewer than ${k} could not be worked out from the other figures`
    : suppressedText(k);
}

export interface GroupRow {
  label: string;
  group: GroupResult;
  /** The group's result for one question; null when the group or the question is suppressed. */
  result: QuestionResult | null;
}

/** All homes first, then each home by name. */
export function orderedGroups(results: SurveyResults, homeName: (id: string | null) => string): { label: string; group: GroupResult }[] {
  const rows = results.groups.map((group) => ({ label: group.home_id ? homeName(group.home_id) : ALL_HOMES, group }));
  return rows.sort((a, b) => (a.group.home_id === null ? -1 : b.group.home_id === null ? 1 : a.label.localeCompare(b.label)));
}

export function rowsFor(results: SurveyResults, questionId: string, homeName: (id: string | null) => string): GroupRow[] {
  return orderedGroups(results, homeName).map(({ label, group }) => {
    const result = group.suppressed ? null : (group.questions.find((q) => q.question_id === questionId) ?? null);
    return { label, group, result: result && !result.suppressed ? result : null };
  });
}

export interface ChartData {
  categories: string[];
  series: ChartSeries[];
  values: (number | null)[][];
  max?: number;
}

/** Likert (1–5) and recommend (0–10): the average score of each group. */
export function meanChart(rows: readonly GroupRow[], question: Pick<Question, "kind">): ChartData {
  return {
    categories: rows.map((r) => r.label),
    series: [{ key: "mean", label: "Average score" }],
    values: rows.map((r) => [r.result?.mean ?? null]),
    max: question.kind === "likert" ? 5 : 10,
  };
}

/** Single choice: each group's answers as shares of the group, stacked to 100%. */
export function choiceChart(rows: readonly GroupRow[], options: readonly string[]): ChartData {
  return {
    categories: rows.map((r) => r.label),
    series: options.map((option, index) => ({ key: `option-${index}`, label: option })),
    values: rows.map((r) => {
      if (!r.result?.choices) return options.map(() => null);
      const total = options.reduce((sum, option) => sum + (r.result?.choices?.[option] ?? 0), 0);
      return options.map((option) => (total > 0 ? Math.round(((r.result?.choices?.[option] ?? 0) / total) * 1000) / 10 : 0));
    }),
    max: 100,
  };
}

/** Likert: how each group's answers spread over the five levels, as shares stacked to 100%. */
export function likertSpreadChart(rows: readonly GroupRow[]): ChartData {
  const levels = [1, 2, 3, 4, 5];
  return {
    categories: rows.map((r) => r.label),
    series: levels.map((level) => ({ key: `level-${level}`, label: LIKERT_LABELS[level] ?? String(level) })),
    values: rows.map((r) => {
      const spread = r.result?.distribution;
      if (!spread) return levels.map(() => null);
      const total = levels.reduce((sum, level) => sum + (spread[String(level)] ?? 0), 0);
      return levels.map((level) => (total > 0 ? Math.round(((spread[String(level)] ?? 0) / total) * 1000) / 10 : 0));
    }),
    max: 100,
  };
}

/** eNPS as a signed figure with its sign written out: "+12.5", "−4.0", "0.0". */
export function formatEnps(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = Math.abs(value).toFixed(1);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The text for a missing figure in one question's rows: the group's or the question's reason. */
export function rowMissingText(row: GroupRow, k: number): string {
  if (row.group.suppressed) return groupReason(row.group, k);
  return suppressedText(k);
}
