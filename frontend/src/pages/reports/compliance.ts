// The compliance part of the report: the home's statutory inspections, from the assets-api
// summary, as a few headline figures and one row per kind of equipment that needs inspecting.
import type { CategoryCounts, ComplianceSummary, Counts } from "./types";

export type Standing = "action" | "due-soon" | "in-date" | "none";

export const STANDING_NAMES: Record<Standing, string> = {
  action: "Action needed",
  "due-soon": "Due soon",
  "in-date": "In date",
  none: "Nothing to inspect",
};

export const STANDING_TAGS: Record<Standing, string> = {
  action: "govuk-tag--red",
  "due-soon": "govuk-tag--yellow",
  "in-date": "govuk-tag--green",
  none: "govuk-tag--grey",
};

/** Overdue or failed inspections need action; then anything due soon; then all in date. */
export function standingOf(counts: Counts): Standing {
  if (counts.overdue > 0 || counts.failed > 0) return "action";
  if (counts.due_soon > 0) return "due-soon";
  if (counts.required > 0) return "in-date";
  return "none";
}

export interface CategoryRow {
  id: string;
  name: string;
  counts: Counts;
  standing: Standing;
}

const RANK: Record<Standing, number> = { action: 0, "due-soon": 1, "in-date": 2, none: 3 };

/**
 * Kinds of equipment with anything to report, the worst first (then by name). Categories with
 * nothing required and nothing overdue (no such equipment in the home) are left out.
 */
export function categoryRows(summary: ComplianceSummary): CategoryRow[] {
  return summary.by_category
    .filter((c: CategoryCounts) => c.required > 0 || c.overdue > 0 || c.failed > 0)
    .map((c) => ({ id: c.category_id, name: c.name, counts: c, standing: standingOf(c) }))
    .sort((a, b) => RANK[a.standing] - RANK[b.standing] || a.name.localeCompare(b.name, "en-GB"));
}

/** "79.3%", or "Nothing to inspect" when nothing is required. */
export function percentText(value: number | null | undefined): string {
  return value === null || value === undefined ? "Nothing to inspect" : `${value.toFixed(1)}%`;
}
