// The compliance dashboard's numbers, words and links, from GET /v1/compliance/summary.
import type { CategoryCounts, ComplianceSummary, Counts, HomeCounts, ItemState } from "../assets/types";

export const ITEM_STATES: readonly ItemState[] = ["overdue", "failed", "due_soon", "never_inspected"];

export const STATE_NAMES: Record<ItemState, string> = {
  overdue: "Overdue",
  failed: "Failed",
  due_soon: "Due soon",
  never_inspected: "Never inspected",
};

/** What each count means, in a care home manager's words. */
export const STATE_HINTS: Record<ItemState, string> = {
  overdue: "Inspections past their due date on equipment in use",
  failed: "Failed their last inspection and not yet passed again",
  due_soon: "Due within the next few weeks",
  never_inspected: "In use but never inspected",
};

export function isItemState(value: string | null): value is ItemState {
  return value !== null && (ITEM_STATES as readonly string[]).includes(value);
}

/** "79.3%", or words when nothing needs a statutory inspection. */
export function percentText(percent: number | null): string {
  return percent === null ? "No statutory inspections needed" : `${percent.toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
}

/** The GOV.UK tag colour for a compliance level: everything in date is the only good answer. */
export function percentTag(percent: number | null): string {
  if (percent === null) return "govuk-tag--grey";
  if (percent >= 100) return "govuk-tag--green";
  if (percent >= 90) return "govuk-tag--yellow";
  return "govuk-tag--red";
}

export function countOf(counts: Counts, state: ItemState): number {
  return counts[state];
}

/** Categories with anything to show, worst compliance first, then by name. */
export function categoryRows(summary: ComplianceSummary): CategoryCounts[] {
  return summary.by_category
    .filter((c) => c.required > 0 || c.due_soon > 0 || c.overdue > 0 || c.failed > 0 || c.never_inspected > 0)
    .sort((a, b) => (a.compliance_percent ?? 101) - (b.compliance_percent ?? 101) || a.name.localeCompare(b.name));
}

/** Homes, worst compliance first, so the ones needing attention are at the top. */
export function homeRows(summary: ComplianceSummary): HomeCounts[] {
  return [...summary.by_home].sort(
    (a, b) => (a.compliance_percent ?? 101) - (b.compliance_percent ?? 101) || b.overdue + b.failed - (a.overdue + a.failed) || a.name.localeCompare(b.name),
  );
}

/** The bars of the chart: each category's compliance %, for those with statutory inspections. */
export function chartBars(summary: ComplianceSummary): { label: string; value: number }[] {
  return categoryRows(summary)
    .filter((c) => c.compliance_percent !== null)
    .map((c) => ({ label: c.name, value: c.compliance_percent ?? 0 }));
}

export interface ItemsFilter {
  state: ItemState;
  category_id?: string | undefined;
  rule_id?: string | undefined;
}

/** The page listing the inspections behind a count. */
export function itemsHref(homeId: string, filter: ItemsFilter): string {
  const params = new URLSearchParams({ state: filter.state });
  if (filter.category_id) params.set("category_id", filter.category_id);
  if (filter.rule_id) params.set("rule_id", filter.rule_id);
  return `/estate/homes/${homeId}/compliance/items?${params.toString()}`;
}

/** The asset list of a home, with filters. */
export function assetsHref(homeId: string, filters: Record<string, string> = {}): string {
  const params = new URLSearchParams({ home_id: homeId, ...filters });
  return `/estate/assets?${params.toString()}`;
}

/** "1 inspection", "3 inspections". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}
