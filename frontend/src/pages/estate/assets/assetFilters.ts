// The asset list's filters, kept in the page's address so a filtered list can be bookmarked,
// shared and come back to; and the same filters as the API's query and the export's.
import { isCondition, isStatus } from "./names";
import type { AssetQuery, AssetStatus, Condition } from "./types";

export const SORTS = {
  tag: "Tag",
  name: "Name (A to Z)",
  "-name": "Name (Z to A)",
  next_due_date: "Next inspection due",
  "-created_at": "Newest first",
} as const;

export type Sort = keyof typeof SORTS;

export interface AssetFilters {
  home_id: string;
  location_id: string;
  category_id: string;
  status: AssetStatus | "";
  condition: Condition | "";
  due_before: string;
  overdue: boolean;
  q: string;
  sort: Sort;
  cursor: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function id(value: string | null): string {
  return value && UUID.test(value) ? value : "";
}

function isSort(value: string | null): value is Sort {
  return value !== null && value in SORTS;
}

/** The filters in a URL's search params; anything unrecognised is dropped, not sent. */
export function filtersFrom(params: URLSearchParams, defaultHome: string): AssetFilters {
  const status = params.get("status");
  const condition = params.get("condition");
  const sort = params.get("sort");
  const due = params.get("due_before") ?? "";
  return {
    home_id: id(params.get("home_id")) || defaultHome,
    location_id: id(params.get("location_id")),
    category_id: id(params.get("category_id")),
    status: isStatus(status) ? status : "",
    condition: isCondition(condition) ? condition : "",
    due_before: DATE.test(due) ? due : "",
    overdue: params.get("overdue") === "true",
    q: (params.get("q") ?? "").slice(0, 100),
    sort: isSort(sort) ? sort : "tag",
    cursor: (params.get("cursor") ?? "").slice(0, 512),
  };
}

/** The search part of the list's address: only the filters that are set, no default sort. */
export function searchOf(filters: Partial<AssetFilters>): string {
  const params = new URLSearchParams();
  const order: (keyof AssetFilters)[] = ["home_id", "q", "location_id", "category_id", "status", "condition", "due_before", "overdue", "sort", "cursor"];
  for (const key of order) {
    const value = filters[key];
    if (key === "sort" && value === "tag") continue;
    if (value === true) params.set(key, "true");
    else if (typeof value === "string" && value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether anything narrows the list (the home aside). */
export function isFiltered(filters: AssetFilters): boolean {
  return Boolean(filters.location_id || filters.category_id || filters.status || filters.condition || filters.due_before || filters.overdue || filters.q);
}

/** The filters as GET /v1/assets takes them. */
export function toQuery(filters: AssetFilters, limit = 50): AssetQuery {
  return {
    limit,
    count: true,
    sort: filters.sort,
    ...(filters.home_id ? { home_id: filters.home_id } : {}),
    ...(filters.location_id ? { location_id: filters.location_id } : {}),
    ...(filters.category_id ? { category_id: filters.category_id } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.condition ? { condition: filters.condition } : {}),
    ...(filters.due_before ? { due_before: filters.due_before } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

/** A link to download the whole filtered list (all pages) as a spreadsheet. */
export function exportHref(filters: AssetFilters, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams({ format });
  const { limit: _limit, count: _count, sort: _sort, cursor: _cursor, ...query } = toQuery(filters);
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `/api/assets/v1/exports/assets?${params.toString()}`;
}
