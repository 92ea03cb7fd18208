// Defects and work orders: the assets-api calls, the filters kept in the URL, and how the pages
// name priorities and statuses.
import { useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap, unwrapResponse } from "../../../api/problem";
import type { Defect, DefectCreate, DefectPage, DefectStatus, DefectUpdate, Priority } from "./types";

export const PRIORITIES: readonly Priority[] = ["P1", "P2", "P3", "P4"];
export const STATUSES: readonly DefectStatus[] = ["open", "in_progress", "resolved", "closed"];

export const PRIORITY_NAMES: Record<Priority, string> = {
  P1: "P1 Urgent (safety)",
  P2: "P2 High",
  P3: "P3 Routine",
  P4: "P4 Long term",
};

export const STATUS_NAMES: Record<DefectStatus, string> = {
  open: "Open",
  in_progress: "Being fixed",
  resolved: "Fixed",
  closed: "Closed",
};

export const PRIORITY_TAGS: Record<Priority, string> = {
  P1: "govuk-tag--red",
  P2: "govuk-tag--orange",
  P3: "govuk-tag--blue",
  P4: "govuk-tag--grey",
};

export const STATUS_TAGS: Record<DefectStatus, string> = {
  open: "govuk-tag--yellow",
  in_progress: "govuk-tag--light-blue",
  resolved: "govuk-tag--green",
  closed: "govuk-tag--grey",
};

/**
 * The moves the service allows from each status: open -> in progress -> fixed -> closed; open may
 * go straight to fixed, open and in progress straight to closed; fixed may be reopened; closed
 * is final.
 */
export const NEXT_STATUSES: Record<DefectStatus, readonly DefectStatus[]> = {
  open: ["in_progress", "resolved", "closed"],
  in_progress: ["resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

/** The words for moving a defect to a status, as a choice on the update form. */
export const MOVE_NAMES: Record<DefectStatus, string> = {
  open: "Open",
  in_progress: "Being fixed (a contractor or the maintenance team has it)",
  resolved: "Fixed",
  closed: "Closed (no further work: a duplicate, no fault found, or done)",
};

export type DefectSort = "-created_at" | "created_at" | "priority";

export const SORT_NAMES: Record<DefectSort, string> = {
  "-created_at": "Newest first",
  created_at: "Oldest first",
  priority: "Most urgent first",
};

export interface DefectFilters {
  /** One asset's faults only (a link from the asset's page), or "" for the whole home. */
  asset: string;
  status: DefectStatus | "";
  priority: Priority | "";
  sort: DefectSort;
  cursor: string;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | "" {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : "";
}

export function filtersFrom(params: URLSearchParams): DefectFilters {
  const sort = oneOf(params.get("sort"), ["-created_at", "created_at", "priority"] as const);
  return {
    asset: params.get("asset") ?? "",
    status: oneOf(params.get("status"), STATUSES),
    priority: oneOf(params.get("priority"), PRIORITIES),
    sort: sort || "-created_at",
    cursor: params.get("cursor") ?? "",
  };
}

/** The URL search for a set of filters; the default sort and empty values are left out. */
export function searchOf(filters: Partial<DefectFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === "sort" && value === "-created_at")) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export async function fetchDefects(homeId: string, filters: DefectFilters, limit = 50): Promise<DefectPage> {
  // One asset's faults wherever it is (the service still shows only the person's homes).
  const query = {
    ...(filters.asset ? { asset_id: filters.asset } : { home_id: homeId }),
    limit,
    sort: filters.sort,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
  return unwrap(assets.GET("/v1/defects", { params: { query } }));
}

export interface VersionedDefect {
  defect: Defect;
  /** The ETag to send as If-Match with a change. */
  etag: string;
}

function etagOf(response: Response, defect: Defect): string {
  return response.headers.get("ETag") ?? `"${defect.version}"`;
}

export async function fetchDefect(defectId: string): Promise<VersionedDefect> {
  const { data, response } = await unwrapResponse(assets.GET("/v1/defects/{defect_id}", { params: { path: { defect_id: defectId } } }));
  return { defect: data, etag: etagOf(response, data) };
}

export function useDefect(defectId: string) {
  return useQuery({ queryKey: ["defect", defectId], queryFn: () => fetchDefect(defectId) });
}

const SAVE_TIMEOUT_MS = 20_000;

/** PATCH with If-Match; a lost answer (timeout, dropped connection) is a NetworkError. */
export async function updateDefect(defectId: string, etag: string, patch: DefectUpdate): Promise<VersionedDefect> {
  const { data, response } = await unwrapResponse(
    assets.PATCH("/v1/defects/{defect_id}", {
      params: { path: { defect_id: defectId }, header: { "If-Match": etag } },
      body: patch,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
  return { defect: data, etag: etagOf(response, data) };
}

/** POST a new defect with the save queue's Idempotency-Key, so a retry is stored once. */
export async function raiseDefect(body: DefectCreate, idempotencyKey: string): Promise<Defect> {
  return unwrap(
    assets.POST("/v1/defects", {
      params: { header: { "idempotency-key": idempotencyKey } },
      body,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
}
