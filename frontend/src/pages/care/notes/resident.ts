// One resident's record, for the pages that need their name, admission date, sex or age.
import { useQuery } from "@tanstack/react-query";
import { careplan } from "../../../api/client";
import { ApiProblem, unwrap } from "../../../api/problem";
import type { Resident } from "./types";

export async function fetchResident(residentId: string): Promise<Resident> {
  return unwrap(careplan.GET("/v1/residents/{resident_id}", { params: { path: { resident_id: residentId } } }));
}

export function useResident(residentId: string) {
  return useQuery({ queryKey: ["daily", "resident", residentId], queryFn: () => fetchResident(residentId), staleTime: 60_000 });
}

/** "Margaret (Peggy) Ashworth" as staff say it: the preferred name first when there is one. */
export function residentName(who: { given_name: string; family_name: string; preferred_name: string | null }): string {
  return who.preferred_name ? `${who.preferred_name} ${who.family_name}` : `${who.given_name} ${who.family_name}`;
}

/** A missing resident, a mistyped id, and another home's resident all read as "not found". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 404 || error.status === 422);
}
