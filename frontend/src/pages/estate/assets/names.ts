// How the estate pages name the service's codes, and which GOV.UK tag colour each gets.
import type { AssetStatus, Condition, Defect, Location, Outcome } from "./types";

export const STATUS_NAMES: Record<AssetStatus, string> = {
  in_service: "In service",
  out_of_service: "Out of service",
  awaiting_repair: "Awaiting repair",
  disposed: "Disposed of",
};

export const STATUS_TAGS: Record<AssetStatus, string> = {
  in_service: "govuk-tag--green",
  out_of_service: "govuk-tag--red",
  awaiting_repair: "govuk-tag--orange",
  disposed: "govuk-tag--grey",
};

export const CONDITION_NAMES: Record<Condition, string> = {
  A: "A – good",
  B: "B – satisfactory",
  C: "C – poor",
  D: "D – bad",
};

export const OUTCOME_TAGS: Record<Outcome, string> = {
  pass: "govuk-tag--green",
  pass_with_advisories: "govuk-tag--yellow",
  fail: "govuk-tag--red",
};

export const DEFECT_STATUS_NAMES: Record<Defect["status"], string> = {
  open: "Open",
  in_progress: "Being fixed",
  resolved: "Fixed",
  closed: "Closed",
};

export const PRIORITY_NAMES: Record<Defect["priority"], string> = {
  P1: "P1 urgent (safety)",
  P2: "P2 high",
  P3: "P3 routine",
  P4: "P4 long term",
};

export function isStatus(value: string | null): value is AssetStatus {
  return value !== null && value in STATUS_NAMES;
}

export function isCondition(value: string | null): value is Condition {
  return value !== null && value in CONDITION_NAMES;
}

/**
 * Each location's full name from the building down ("Main house, First floor, Room 201"), from
 * the home's locations (any order). A location whose parent is missing starts from itself.
 */
export function locationNames(locations: readonly Location[]): Map<string, string> {
  const byId = new Map(locations.map((l) => [l.id, l]));
  const names = new Map<string, string>();
  const nameOf = (location: Location, depth = 0): string => {
    const known = names.get(location.id);
    if (known) return known;
    const parent = location.parent_id ? byId.get(location.parent_id) : undefined;
    const own = location.name;
    const full = parent && depth < 20 ? `${nameOf(parent, depth + 1)}, ${own}` : own;
    names.set(location.id, full);
    return full;
  };
  for (const location of locations) nameOf(location);
  return names;
}

/** The category's extra fields of an asset as rows: the schema's description, or the field's name in words. */
export function extraRows(extra: Record<string, unknown>, schema: Record<string, unknown> | null | undefined): { name: string; value: string }[] {
  const properties = (schema?.properties ?? {}) as Record<string, { description?: unknown } | undefined>;
  return Object.entries(extra)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => {
      const described = properties[key]?.description;
      const name = typeof described === "string" ? described : key.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
      const text = typeof value === "boolean" ? (value ? "Yes" : "No") : typeof value === "string" ? value.replaceAll("_", " ") : String(value);
      return { name, value: text };
    });
}
