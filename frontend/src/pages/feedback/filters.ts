// List filters kept in the address, so a filtered list can be shared, reloaded and paged.
import type { ActionFilters, ItemFilters } from "./api";
import { isIsoDate } from "./dates";
import type { ActionStatus, ItemStatus } from "./types";

const ITEM_STATUSES: readonly ItemStatus[] = ["new", "triaged", "merged", "closed"];
const ACTION_STATUSES: readonly ActionStatus[] = ["proposed", "agreed", "in_progress", "done", "not_doing"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | "" =>
  allowed.includes(value as T) ? (value as T) : "";
const id = (value: string | null) => (value && UUID.test(value) ? value : "");
const date = (value: string | null) => (value && isIsoDate(value) ? value : "");

export function itemFiltersFrom(params: URLSearchParams): ItemFilters {
  return {
    home_id: id(params.get("home_id")),
    theme_id: id(params.get("theme_id")),
    status: pick(params.get("status"), ITEM_STATUSES),
    tag: (params.get("tag") ?? "").trim().toLowerCase().slice(0, 50),
    raised_from: date(params.get("raised_from")),
    raised_to: date(params.get("raised_to")),
    sort: params.get("sort") === "raised_on" ? "raised_on" : "-raised_on",
    cursor: params.get("cursor") ?? "",
  };
}

export function actionFiltersFrom(params: URLSearchParams): ActionFilters {
  return {
    home_id: id(params.get("home_id")),
    status: pick(params.get("status"), ACTION_STATUSES),
    overdue: params.get("overdue") === "true",
    cursor: params.get("cursor") ?? "",
  };
}

/** The filters as address parameters, without the cursor (a new search starts at page one). */
export function withoutCursor<T extends { cursor: string; sort?: string }>(filters: T): Record<string, string | boolean> {
  const { cursor: _cursor, ...rest } = filters;
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === "sort" && value === "-raised_on") continue; // the default
    if (typeof value === "string" || typeof value === "boolean") out[key] = value;
  }
  return out;
}

/** Item ids chosen in the inbox, carried to the new action form as ?item=...&item=... */
export function chosenItems(params: URLSearchParams): string[] {
  return [...new Set(params.getAll("item").filter((value) => UUID.test(value)))].slice(0, 100);
}
