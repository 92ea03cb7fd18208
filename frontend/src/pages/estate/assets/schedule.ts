// The inspections an asset needs and when each is next due, from the service's schedule
// (GET /v1/assets/{id}/schedule: the same dates and states compliance counts), put beside the
// rule's name and basis and the home's own interval, for the asset page's table.
import { daysBetween } from "./dates";
import type { Outcome, Override, Rule, ScheduleEntry } from "./types";

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

/** The one state the table shows: a failure above all, then overdue, then due soon. */
export function dueState(states: readonly ScheduleEntry["states"][number][]): DueState {
  if (states.includes("failed")) return "failed";
  if (states.includes("overdue")) return "overdue";
  if (states.includes("due_soon")) return "due_soon";
  return "in_date";
}

/** One row per rule, in the service's order (soonest due first). */
export function dueRows(
  entries: readonly ScheduleEntry[],
  rules: readonly Rule[],
  overrides: readonly Override[],
  today: string,
): DueRow[] {
  return entries.flatMap((entry) => {
    const rule = rules.find((r) => r.id === entry.rule_id);
    if (!rule) return []; // a rule archived since: the schedule drops it at its next refresh
    const override = overrides.find((o) => o.rule_id === rule.id && o.archived_at === null) ?? null;
    return [
      {
        rule,
        override,
        lastDate: entry.last_inspected_date,
        lastOutcome: entry.last_outcome,
        dueDate: entry.due_date,
        state: dueState(entry.states),
        daysLeft: daysBetween(today, entry.due_date),
      },
    ];
  });
}

/** "Due in 12 days", "Due today", "3 days overdue". */
export function dueWords(daysLeft: number): string {
  if (daysLeft === 0) return "Due today";
  if (daysLeft === 1) return "Due tomorrow";
  if (daysLeft > 1) return `Due in ${daysLeft} days`;
  return daysLeft === -1 ? "1 day overdue" : `${-daysLeft} days overdue`;
}
