// Feedback actions in the report: what is still open (the overdue ones first) and what was done
// in the report's period.
import type { Action, ActionStatus } from "./types";

export const ACTION_STATUS_NAMES: Record<ActionStatus, string> = {
  proposed: "Proposed",
  agreed: "Agreed",
  in_progress: "In progress",
  done: "Done",
  not_doing: "Not doing",
};

const OPEN: ReadonlySet<ActionStatus> = new Set(["proposed", "agreed", "in_progress"]);

export function isOpen(action: Action): boolean {
  return OPEN.has(action.status);
}

export interface ActionGroups {
  /** Open actions, overdue first, then by due date. */
  open: Action[];
  overdue: number;
  /** Done on or after the start of the period, most recent first. */
  done: Action[];
  notDoing: number;
}

function byDueDate(a: Action, b: Action): number {
  return Number(b.overdue) - Number(a.overdue) || a.due_date.localeCompare(b.due_date);
}

export function groupActions(actions: readonly Action[], periodFrom: string): ActionGroups {
  const open = actions.filter(isOpen).sort(byDueDate);
  const inPeriod = (a: Action) => (a.completed_on ?? "") >= periodFrom;
  const done = actions
    .filter((a) => a.status === "done" && inPeriod(a))
    .sort((a, b) => (b.completed_on ?? "").localeCompare(a.completed_on ?? ""));
  return {
    open,
    overdue: open.filter((a) => a.overdue).length,
    done,
    notDoing: actions.filter((a) => a.status === "not_doing" && inPeriod(a)).length,
  };
}
