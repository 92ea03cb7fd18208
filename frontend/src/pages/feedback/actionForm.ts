// Actions: the status path the service enforces, and the create and update forms' checks.
import type { FieldMessage } from "../../api/messages";
import { isIsoDate } from "./dates";
import type { Action, ActionCreate, ActionStatus, ActionUpdate } from "./types";

/** Each status and where it may go next (the service refuses anything else with a 409). */
export const NEXT_STATUSES: Record<ActionStatus, readonly ActionStatus[]> = {
  proposed: ["agreed", "not_doing"],
  agreed: ["in_progress", "not_doing"],
  in_progress: ["done", "not_doing"],
  done: [],
  not_doing: [],
};

export function isFinished(status: ActionStatus): boolean {
  return NEXT_STATUSES[status].length === 0;
}

export const ACTION_FIELDS = ["title", "owner", "due_date", "description", "status", "outcome", "not_doing_reason"] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTION_LABELS: Record<ActionField, string> = {
  title: "What we will do",
  owner: "Who is responsible",
  due_date: "Due by",
  description: "More detail",
  status: "Status",
  outcome: "What changed (shown on the board)",
  not_doing_reason: "Why we are not doing it (shown on the board)",
};

export const ACTION_SENTENCE_LABELS: Record<string, string> = {
  title: "what you will do",
  owner: "who is responsible",
  due_date: "the due date",
  description: "more detail",
  status: "the status",
  outcome: "what changed",
  not_doing_reason: "why it is not being done",
  home_id: "the home",
  item_ids: "the feedback",
};

export type ActionValues = Record<ActionField, string>;

export function emptyAction(dueDate: string): ActionValues {
  return { title: "", owner: "", due_date: dueDate, description: "", status: "proposed", outcome: "", not_doing_reason: "" };
}

export function toActionValues(action: Action): ActionValues {
  return {
    title: action.title,
    owner: action.owner,
    due_date: action.due_date,
    description: action.description ?? "",
    status: action.status,
    outcome: action.outcome ?? "",
    not_doing_reason: action.not_doing_reason ?? "",
  };
}

/** The saved action in the form's terms (blank text as null), to compare with the form. */
export function fromAction(action: Action): Record<ActionField, unknown> {
  return {
    title: action.title,
    owner: action.owner,
    due_date: action.due_date,
    description: action.description,
    status: action.status,
    outcome: action.outcome,
    not_doing_reason: action.not_doing_reason,
  };
}

export function toApiValues(values: ActionValues): Record<ActionField, string | null> {
  const out = {} as Record<ActionField, string | null>;
  for (const field of ACTION_FIELDS) out[field] = values[field].trim() === "" ? null : values[field].trim();
  return out;
}

function checkText(errors: FieldMessage[], values: ActionValues, field: ActionField, max: number, sentence: string) {
  if (values[field].trim().length > max) errors.push({ field, message: `${sentence} must be ${max.toLocaleString("en-GB")} characters or fewer` });
}

/** Checks for both forms; `raisedOn` is the earliest due date allowed. */
export function validateAction(values: ActionValues, raisedOn: string, previous: ActionStatus | null = null): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!values.title.trim()) errors.push({ field: "title", message: "Enter what you will do" });
  checkText(errors, values, "title", 200, "What you will do");
  if (!values.owner.trim()) errors.push({ field: "owner", message: "Enter who is responsible" });
  checkText(errors, values, "owner", 200, "Who is responsible");
  if (!values.due_date) errors.push({ field: "due_date", message: "Enter the due date" });
  else if (!isIsoDate(values.due_date)) errors.push({ field: "due_date", message: "The due date must be a real date" });
  else if (values.due_date < raisedOn) errors.push({ field: "due_date", message: "The due date must be today or later than the day the action was raised" });
  checkText(errors, values, "description", 4000, "More detail");
  const status = values.status as ActionStatus;
  if (previous !== null && status !== previous && !NEXT_STATUSES[previous].includes(status)) {
    errors.push({ field: "status", message: "Choose one of the next steps shown" });
  }
  if (status === "done" && !values.outcome.trim()) errors.push({ field: "outcome", message: "Say what changed, so people can see what was done" });
  checkText(errors, values, "outcome", 4000, "What changed");
  if (status === "not_doing" && !values.not_doing_reason.trim()) {
    errors.push({ field: "not_doing_reason", message: "Say why it is not being done: everyone can read the reason" });
  }
  checkText(errors, values, "not_doing_reason", 4000, "The reason");
  return errors;
}

export function toActionCreate(values: ActionValues, extra: { home_id: string | null; theme_id: string | null; item_ids: string[] }): ActionCreate {
  const description = values.description.trim();
  return {
    title: values.title.trim(),
    owner: values.owner.trim(),
    due_date: values.due_date,
    ...(description ? { description } : {}),
    home_id: extra.home_id,
    ...(extra.theme_id ? { theme_id: extra.theme_id } : {}),
    item_ids: extra.item_ids,
  };
}

/** A patch built from ACTION_FIELDS (patchOf or keepMine) is an ActionUpdate. */
export function asActionUpdate(patch: Partial<Record<ActionField, unknown>>): ActionUpdate {
  return patch as ActionUpdate;
}

/**
 * The home and theme a new action takes from the feedback it answers: their home when they all
 * share one (else council-wide), and their theme when they all share one.
 */
export function inheritFromItems(items: readonly { home_id: string | null; theme_id: string }[]): { home_id: string | null; theme_id: string | null } {
  const homes = new Set(items.map((item) => item.home_id));
  const themes = new Set(items.map((item) => item.theme_id));
  return {
    home_id: homes.size === 1 ? (items[0]?.home_id ?? null) : null,
    theme_id: themes.size === 1 ? (items[0]?.theme_id ?? null) : null,
  };
}
