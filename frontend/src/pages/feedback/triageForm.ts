// Triage of one feedback item: theme, tags and status, compared field by field on a conflict.
import type { Item, ItemTriage } from "./types";

export const TRIAGE_FIELDS = ["theme_id", "tags", "status"] as const;
const TAG = /^[a-z0-9][a-z0-9 _-]*$/;

export type TriageField = (typeof TRIAGE_FIELDS)[number];

export const TRIAGE_LABELS: Record<TriageField, string> = { theme_id: "Theme", tags: "Tags", status: "Status" };

export interface TriageValues {
  theme_id: string;
  /** Comma-separated, as typed. */
  tags: string;
  status: "triaged" | "closed";
}

/** "Rota, Night Shift ,night shift" -> ["night shift", "rota"]: lower case, no repeats, sorted, like the server. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().toLowerCase().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(tags)].sort();
}

export function toTriageValues(item: Item): TriageValues {
  // Opening an item to triage it means it has been looked at; "closed" stays closed.
  return { theme_id: item.theme_id, tags: item.tags.join(", "), status: item.status === "closed" ? "closed" : "triaged" };
}

/** The saved item's triage fields, comparable with what the form sends. */
export function triageOf(item: Item): Record<TriageField, unknown> {
  return { theme_id: item.theme_id, tags: item.tags, status: item.status };
}

export function toTriage(values: TriageValues): Required<Pick<ItemTriage, "theme_id" | "status">> & { tags: string[] } {
  return { theme_id: values.theme_id, tags: parseTags(values.tags), status: values.status };
}

export function validateTriage(values: TriageValues): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (!values.theme_id) errors.push({ field: "theme_id", message: "Select a theme" });
  const tags = parseTags(values.tags);
  if (tags.some((tag) => tag.length > 40)) errors.push({ field: "tags", message: "Each tag must be 40 characters or fewer" });
  else if (tags.some((tag) => !TAG.test(tag))) {
    errors.push({ field: "tags", message: "Tags can use letters, numbers, spaces, dashes and underscores, and start with a letter or number" });
  }
  if (tags.length > 20) errors.push({ field: "tags", message: "Use 20 tags or fewer" });
  return errors;
}

/** A patch built from TRIAGE_FIELDS (by patchOf or keepMine) is an ItemTriage. */
export function asTriage(patch: Partial<Record<TriageField, unknown>>): ItemTriage {
  return patch as ItemTriage;
}
