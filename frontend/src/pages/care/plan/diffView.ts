// The API's structured diff of two plan versions as rows a person reads: for each section, what
// was added, removed or changed, with the text before and after. The kind of change is always
// said in words (never shown by colour alone).
import type { ItemDiff, PlanDiff, ReviewInterval, SectionRead, Version } from "../types";
import { formatDate } from "../residents/names";

export type ChangeKind = "added" | "removed" | "changed";

export const CHANGE_NAMES: Record<ChangeKind, string> = { added: "Added", removed: "Removed", changed: "Changed" };

export interface DiffRow {
  key: string;
  kind: ChangeKind;
  /** What changed: "Needs", "Goal", "Goal “Walk to lunch”: target date". */
  what: string;
  before: string;
  after: string;
}

export interface SectionDiffView {
  key: string;
  title: string;
  kind: ChangeKind;
  rows: DiffRow[];
}

const FIELD_NAMES: Record<string, string> = {
  title: "Title",
  domain: "Area of care",
  needs: "Needs",
  strengths: "Strengths",
  preferences: "Preferences, in their words",
  review_interval: "How often it is reviewed",
  equipment_asset_ids: "Equipment",
  description: "goal",
  measure: "how we will know",
  target_date: "target date",
  progress_notes: "progress notes",
  what: "what staff do",
  how_often: "how often",
  by_whom: "by whom",
};

const INTERVAL_WORDS: Record<ReviewInterval, string> = { weekly: "Every week", fortnightly: "Every two weeks", monthly: "Every month", quarterly: "Every three months" };

type Item = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
}

/** One value in words. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (field === "target_date" && typeof value === "string") return formatDate(value);
  if (field === "review_interval" && typeof value === "string" && value in INTERVAL_WORDS) return INTERVAL_WORDS[value as ReviewInterval];
  if (field === "equipment_asset_ids" && Array.isArray(value)) return value.length === 0 ? "None" : `${value.length} item${value.length === 1 ? "" : "s"} of equipment`;
  if (field === "progress_notes" && Array.isArray(value)) {
    if (value.length === 0) return "None";
    return value.map((note: unknown) => (typeof note === "object" && note !== null ? `${formatDate(text((note as Item)["on"]))}: ${text((note as Item)["note"])}` : text(note))).join("\n");
  }
  if (Array.isArray(value)) return value.map(text).join(", ");
  return text(value);
}

export function goalText(goal: Item): string {
  const target = text(goal["target_date"]);
  return `${text(goal["description"])}\nHow we will know: ${text(goal["measure"])}${target ? `\nBy ${formatDate(target)}` : ""}`;
}

export function interventionText(item: Item): string {
  return `${text(item["what"])}\nHow often: ${text(item["how_often"])}\nBy: ${text(item["by_whom"])}`;
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every part of a whole section, as rows that were all added (or all removed). */
function wholeSection(section: SectionRead, kind: "added" | "removed"): DiffRow[] {
  const put = (value: string) => (kind === "added" ? { before: "", after: value } : { before: value, after: "" });
  const rows: DiffRow[] = [];
  for (const field of ["needs", "strengths", "preferences", "review_interval"] as const) {
    const value = section[field];
    if (value) rows.push({ key: `${section.id}-${field}`, kind, what: FIELD_NAMES[field] ?? field, ...put(valueText(field, value)) });
  }
  section.goals.forEach((goal) => rows.push({ key: goal.id, kind, what: "Goal", ...put(goalText(goal)) }));
  section.interventions.forEach((item) => rows.push({ key: item.id, kind, what: "Support", ...put(interventionText(item)) }));
  return rows;
}

/** Names of goals and interventions by id, to say which one changed. */
export function itemNames(...versions: (Version | undefined)[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const version of versions) {
    for (const section of version?.sections ?? []) {
      for (const goal of section.goals) if (!names.has(goal.id)) names.set(goal.id, goal.description);
      for (const item of section.interventions) if (!names.has(item.id)) names.set(item.id, item.what);
    }
  }
  return names;
}

function itemRows(diff: ItemDiff, noun: "Goal" | "Support", describe: (item: Item) => string, names: ReadonlyMap<string, string>): DiffRow[] {
  const rows: DiffRow[] = [];
  diff.added.forEach((item, n) => rows.push({ key: `${noun}-added-${text(item["id"]) || n}`, kind: "added", what: noun, before: "", after: describe(item) }));
  diff.removed.forEach((item, n) => rows.push({ key: `${noun}-removed-${text(item["id"]) || n}`, kind: "removed", what: noun, before: describe(item), after: "" }));
  for (const change of diff.changed) {
    const name = names.get(change.id);
    for (const field of change.fields) {
      rows.push({
        key: `${change.id}-${field.field}`,
        kind: "changed",
        what: `${noun}${name ? ` “${name}”` : ""}: ${FIELD_NAMES[field.field] ?? field.field.replaceAll("_", " ")}`,
        before: valueText(field.field, field.before),
        after: valueText(field.field, field.after),
      });
    }
  }
  return rows;
}

export function diffSections(diff: PlanDiff, names: ReadonlyMap<string, string> = new Map()): SectionDiffView[] {
  const changed = diff.sections_changed.map(
    (section): SectionDiffView => ({
      key: section.id,
      title: section.title,
      kind: "changed",
      rows: [
        ...section.fields.map((field) => ({
          key: `${section.id}-${field.field}`,
          kind: "changed" as const,
          what: capitalise(FIELD_NAMES[field.field] ?? field.field.replaceAll("_", " ")),
          before: valueText(field.field, field.before),
          after: valueText(field.field, field.after),
        })),
        ...itemRows(section.goals, "Goal", goalText, names),
        ...itemRows(section.interventions, "Support", interventionText, names),
      ],
    }),
  );
  const added = diff.sections_added.map((section): SectionDiffView => ({ key: section.id, title: section.title, kind: "added", rows: wholeSection(section, "added") }));
  const removed = diff.sections_removed.map((section): SectionDiffView => ({ key: section.id, title: section.title, kind: "removed", rows: wholeSection(section, "removed") }));
  return [...changed, ...added, ...removed];
}

/** "2 sections changed, 1 added and 1 removed", or "No differences". */
export function diffSummary(diff: PlanDiff): string {
  const parts: string[] = [];
  const n = (count: number, word: string) => `${count} section${count === 1 ? "" : "s"} ${word}`;
  if (diff.sections_changed.length) parts.push(n(diff.sections_changed.length, "changed"));
  if (diff.sections_added.length) parts.push(n(diff.sections_added.length, "added"));
  if (diff.sections_removed.length) parts.push(n(diff.sections_removed.length, "removed"));
  if (parts.length === 0) return "No differences";
  return parts.length === 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}

/** Compare page versions from the URL: two different whole numbers, the older first. */
export function compareParams(params: URLSearchParams): { from: number; to: number } | null {
  const from = Number(params.get("from"));
  const to = Number(params.get("to"));
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < 1 || from === to) return null;
  return from < to ? { from, to } : { from: to, to: from };
}
