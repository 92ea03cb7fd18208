// The careplan-api calls behind the residents pages, and their TanStack Query hooks.
import { useQuery } from "@tanstack/react-query";
import { assets, careplan } from "../../../api/client";
import { ApiProblem, unwrap, unwrapResponse } from "../../../api/problem";
import type { Allergy, Assessment, Contact, Dols, DolsExpiring, DueReview, Location, Resident, ResidentPage, ResidentStatus, ResidentSummary, RiskTool } from "../types";

export const PAGE_SIZE = 50;
const MAX_PAGES = 10; // 2,000 residents: far more than one home has

/** A missing resident, another home's resident (the API answers 404 for both) or a malformed id. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 404 || error.status === 422);
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 403;
}

/** Whether a failed query is worth trying again (not a 4xx answer). */
export function retryUnlessRefused(count: number, error: unknown): boolean {
  return !(error instanceof ApiProblem && error.status < 500) && count < 2;
}

/** Every page of a keyset-paginated list: a home's residents, rooms, DoLS expiring, reviews due. */
async function allPages<T>(fetchPage: (cursor: string) => Promise<{ items: T[]; next_cursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor = "";
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await fetchPage(cursor);
    all.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return all;
}

export interface ResidentFilters {
  status: ResidentStatus | "";
  cursor: string;
}

export async function fetchResidentsPage(homeId: string, filters: ResidentFilters, limit = PAGE_SIZE): Promise<ResidentPage> {
  const query = {
    home_id: homeId,
    limit,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
  return unwrap(careplan.GET("/v1/residents", { params: { query } }));
}

/** Every resident of a home (for a search: the API lists residents but does not search them). */
export function fetchAllResidents(homeId: string, status: ResidentStatus | ""): Promise<ResidentSummary[]> {
  return allPages((cursor) => fetchResidentsPage(homeId, { status, cursor }, 200));
}

export interface VersionedResident {
  resident: Resident;
  etag: string;
}

export async function fetchResident(residentId: string): Promise<VersionedResident> {
  const { data, response } = await unwrapResponse(careplan.GET("/v1/residents/{resident_id}", { params: { path: { resident_id: residentId } } }));
  return { resident: data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}

export function useResident(residentId: string) {
  return useQuery({ queryKey: ["resident", residentId], queryFn: () => fetchResident(residentId), retry: retryUnlessRefused });
}

/** The rooms of a home by location id: "Room 12" (its name, or its number). */
async function fetchRooms(homeId: string): Promise<Map<string, string>> {
  const rooms = await allPages((cursor) =>
    unwrap(assets.GET("/v1/locations", { params: { query: { home_id: homeId, kind: "room", limit: 200, ...(cursor ? { cursor } : {}) } } })),
  );
  return new Map(rooms.map((room) => [room.id, roomName(room)]));
}

export function roomName(room: Pick<Location, "name" | "room_number">): string {
  if (room.room_number && !room.name.includes(room.room_number)) return `${room.name} (room ${room.room_number})`;
  return room.name;
}

export function useRooms(homeId: string | undefined) {
  return useQuery({
    queryKey: ["rooms", homeId],
    queryFn: () => fetchRooms(homeId ?? ""),
    enabled: Boolean(homeId),
    staleTime: 5 * 60_000,
    retry: retryUnlessRefused,
  });
}

const path = (residentId: string) => ({ path: { resident_id: residentId } });

export function useAllergies(residentId: string) {
  return useQuery({
    queryKey: ["resident", residentId, "allergies"],
    queryFn: async (): Promise<Allergy[]> =>
      (await unwrap(careplan.GET("/v1/residents/{resident_id}/allergies", { params: { ...path(residentId), query: { limit: 200 } } }))).items,
    retry: retryUnlessRefused,
  });
}

export function useContacts(residentId: string) {
  return useQuery({
    queryKey: ["resident", residentId, "contacts"],
    queryFn: async (): Promise<Contact[]> =>
      (await unwrap(careplan.GET("/v1/residents/{resident_id}/contacts", { params: { ...path(residentId), query: { limit: 200 } } }))).items,
    retry: retryUnlessRefused,
  });
}

export function useDols(residentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["resident", residentId, "dols"],
    queryFn: async (): Promise<Dols[]> =>
      (await unwrap(careplan.GET("/v1/residents/{resident_id}/dols", { params: { ...path(residentId), query: { limit: 200 } } }))).items,
    enabled,
    retry: retryUnlessRefused,
  });
}

const RISK_TOOLS: readonly RiskTool[] = ["waterlow", "must", "falls"];

/** The newest assessment of each tool (none for a tool never used). */
export function useLatestRisks(residentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["resident", residentId, "risk-assessments", "latest"],
    queryFn: async (): Promise<Assessment[]> => {
      const pages = await Promise.all(
        RISK_TOOLS.map((tool) =>
          unwrap(
            careplan.GET("/v1/residents/{resident_id}/risk-assessments", {
              params: { ...path(residentId), query: { tool, sort: "-assessed_at", limit: 1 } },
            }),
          ),
        ),
      );
      return pages.flatMap((page) => page.items);
    },
    enabled,
    retry: retryUnlessRefused,
  });
}

export const DOLS_ALERT_DAYS = 28;

/** The home's DoLS authorisations expiring within 28 days (not yet renewed). */
export function useDolsExpiring(homeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["dols-expiring", homeId, DOLS_ALERT_DAYS],
    queryFn: (): Promise<DolsExpiring[]> =>
      allPages((cursor) =>
        unwrap(
          careplan.GET("/v1/dols/expiring", {
            params: { query: { home_id: homeId ?? "", within_days: DOLS_ALERT_DAYS, limit: 200, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    enabled: enabled && Boolean(homeId),
    retry: retryUnlessRefused,
  });
}

/** The home's plan sections due for review today or overdue. */
export function useReviewsDueNow(homeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["reviews-due", homeId, 0],
    queryFn: (): Promise<DueReview[]> =>
      allPages((cursor) =>
        unwrap(careplan.GET("/v1/reviews/due", { params: { query: { home_id: homeId ?? "", within_days: 0, limit: 200, ...(cursor ? { cursor } : {}) } } })),
      ),
    enabled: enabled && Boolean(homeId),
    retry: retryUnlessRefused,
  });
}
