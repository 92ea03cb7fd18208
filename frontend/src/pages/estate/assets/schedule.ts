// The inspections an asset needs and when each is next due. The service keeps this schedule in a
// table but publishes only the earliest date (the asset's next_due_date), so the asset page
// works each rule's date out the same way: the latest inspection under the rule plus the
// interval, or the home's shorter override; never inspected, due on the day the asset was added.
import { addInterval, daysBetween, londonDateOf } from "./dates";
import type { Asset, Inspection, Outcome, Override, Rule } from "./types";

export type DueState = "failed" | "overdue" | "due_soon" | "in_date";

export interface DueRow {
  rule: Rule;
  /** The home's own shorter interval, when it has one. */
  override: Override | null;
  lastDate: string | null;
  lastOutcome: Outcome | null;
  dueDate: string;
  state: DueState;
  /** Days until due (negative: days overdue). */
  daysLeft: number;
}

export function dueDate(rule: Rule, override: Override | null, last: Inspection | null, asset: Pick<Asset, "created_at">): string {
  if (!last) return londonDateOf(asset.created_at);
  const byRule = addInterval(last.inspected_date, rule.interval_value, rule.interval_unit);
  if (!override) return byRule;
  const byOverride = addInterval(last.inspected_date, override.interval_value, override.interval_unit);
  return byOverride < byRule ? byOverride : byRule;
}

export function dueState(due: string, warningDays: number, lastOutcome: Outcome | null, today: string): DueState {
  if (lastOutcome === "fail") return "failed";
  if (due < today) return "overdue";
  if (daysBetween(today, due) <= warningDays) return "due_soon";
  return "in_date";
}

/** One row per rule, soonest due first. */
export function dueRows(
  asset: Pick<Asset, "created_at">,
  rules: readonly Rule[],
  latest: ReadonlyMap<string, Inspection | null>,
  overrides: readonly Override[],
  today: string,
): DueRow[] {
  return rules
    .map((rule) => {
      const override = overrides.find((o) => o.rule_id === rule.id && o.archived_at === null) ?? null;
      const last = latest.get(rule.id) ?? null;
      const due = dueDate(rule, override, last, asset);
      return {
        rule,
        override,
        lastDate: last?.inspected_date ?? null,
        lastOutcome: last?.outcome ?? null,
        dueDate: due,
        state: dueState(due, rule.warning_days, last?.outcome ?? null, today),
        daysLeft: daysBetween(today, due),
      };
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.rule.inspection_type.localeCompare(b.rule.inspection_type));
}

/** "Due in 12 days", "Due today", "3 days overdue". */
export function dueWords(daysLeft: number): string {
  if (daysLeft === 0) return "Due today";
  if (daysLeft === 1) return "Due tomorrow";
  if (daysLeft > 1) return `Due in ${daysLeft} days`;
  return daysLeft === -1 ? "1 day overdue" : `${-daysLeft} days overdue`;
}
