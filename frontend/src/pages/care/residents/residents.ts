// The careplan-api calls behind the residents pages, and their TanStack Query hooks.
import { useQuery } from "@tanstack/react-query";
import { assets, careplan } from "../../../api/client";
import { ApiProblem, unwrap, unwrapResponse } from "../../../api/problem";
import type { Allergy, Assessment, Contact, Dols, DolsExpiring, DueReview, Location, Resident, ResidentPage, ResidentStatus, ResidentSummary } from "../types";

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
export async function fetchAllResidents(homeId: string, status: ResidentStatus | ""): Promise<ResidentSummary[]> {
  const all: ResidentSummary[] = [];
  let cursor = "";
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await fetchResidentsPage(homeId, { status, cursor }, 200);
    all.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return all;
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
  const rooms = new Map<string, string>();
  let cursor = "";
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = { home_id: homeId, kind: "room" as const, limit: 200, ...(cursor ? { cursor } : {}) };
    const data = await unwrap(assets.GET("/v1/locations", { params: { query } }));
    for (const room of data.items) rooms.set(room.id, roomName(room));
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return rooms;
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

/** The newest assessments, newest first (the latest of each tool is among them). */
export function useRecentRisks(residentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["resident", residentId, "risk-assessments", "recent"],
    queryFn: async (): Promise<Assessment[]> =>
      (
        await unwrap(
          careplan.GET("/v1/residents/{resident_id}/risk-assessments", {
            params: { ...path(residentId), query: { sort: "-assessed_at", limit: 50 } },
          }),
        )
      ).items,
    enabled,
    retry: retryUnlessRefused,
  });
}

export const DOLS_ALERT_DAYS = 28;

/** The home's DoLS authorisations expiring within 28 days (not yet renewed). */
export function useDolsExpiring(homeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["dols-expiring", homeId, DOLS_ALERT_DAYS],
    queryFn: async (): Promise<DolsExpiring[]> =>
      (await unwrap(careplan.GET("/v1/dols/expiring", { params: { query: { home_id: homeId ?? "", within_days: DOLS_ALERT_DAYS, limit: 200 } } }))).items,
    enabled: enabled && Boolean(homeId),
    retry: retryUnlessRefused,
  });
}

/** The home's plan sections due for review today or overdue. */
export function useReviewsDueNow(homeId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["reviews-due", homeId, 0],
    queryFn: async (): Promise<DueReview[]> =>
      (await unwrap(careplan.GET("/v1/reviews/due", { params: { query: { home_id: homeId ?? "", within_days: 0, limit: 200 } } }))).items,
    enabled: enabled && Boolean(homeId),
    retry: retryUnlessRefused,
  });
}
