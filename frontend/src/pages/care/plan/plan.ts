// The careplan-api calls behind the care plan pages, and their TanStack Query hooks.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { careplan } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { retryUnlessRefused } from "../residents/residents";
import type { Domain, Plan, PlanDiff, SignOff, Version, VersionCreate, VersionPage } from "../types";

const SAVE_TIMEOUT_MS = 20_000;
const path = (residentId: string) => ({ path: { resident_id: residentId } });

export const planKey = (residentId: string) => ["resident", residentId, "plan"] as const;

export function fetchPlan(residentId: string): Promise<Plan> {
  return unwrap(careplan.GET("/v1/residents/{resident_id}/care-plan", { params: path(residentId) }));
}

export function usePlan(residentId: string) {
  return useQuery({
    queryKey: planKey(residentId),
    queryFn: () => fetchPlan(residentId),
    retry: retryUnlessRefused,
  });
}

export async function fetchVersion(residentId: string, number: number): Promise<Version> {
  return unwrap(careplan.GET("/v1/residents/{resident_id}/care-plan/versions/{number}", { params: { path: { resident_id: residentId, number } } }));
}

export function useVersion(residentId: string, number: number | null) {
  return useQuery({
    queryKey: [...planKey(residentId), "version", number],
    queryFn: () => fetchVersion(residentId, number ?? 0),
    enabled: number !== null && number > 0,
    // A version never changes once written, except its status when it is signed off or replaced.
    staleTime: 30_000,
    retry: retryUnlessRefused,
  });
}

export function useVersions(residentId: string, cursor: string) {
  return useQuery({
    queryKey: [...planKey(residentId), "versions", cursor],
    queryFn: (): Promise<VersionPage> =>
      unwrap(
        careplan.GET("/v1/residents/{resident_id}/care-plan/versions", {
          params: { ...path(residentId), query: { sort: "-number", limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    retry: retryUnlessRefused,
  });
}

export function useDiff(residentId: string, from: number, to: number, enabled: boolean) {
  return useQuery({
    queryKey: [...planKey(residentId), "diff", from, to],
    queryFn: (): Promise<PlanDiff> =>
      unwrap(
        careplan.GET("/v1/residents/{resident_id}/care-plan/diff", { params: { ...path(residentId), query: { from_version: from, to_version: to } } }),
      ),
    enabled,
    retry: retryUnlessRefused,
  });
}

/** The standard care domains and those the home has added, in that order. */
async function fetchDomains(homeId: string): Promise<Domain[]> {
  const [standard, own] = await Promise.all([
    unwrap(careplan.GET("/v1/care-domains/standard")),
    unwrap(careplan.GET("/v1/care-domains", { params: { query: { home_id: homeId, limit: 200 } } })),
  ]);
  return [...standard, ...own.items.map(({ code, name }) => ({ code, name, standard: false }))];
}

export function useDomains(homeId: string | undefined) {
  return useQuery({
    queryKey: ["care-domains", homeId],
    queryFn: () => fetchDomains(homeId ?? ""),
    enabled: Boolean(homeId),
    staleTime: 10 * 60_000,
    retry: retryUnlessRefused,
  });
}

/** The newest version, when it is a draft waiting to be signed off. */
export function draftNumber(plan: Plan): number | null {
  return plan.latest_version_number > (plan.current_version_number ?? 0) ? plan.latest_version_number : null;
}

/** Save a new draft of the whole plan. A lost answer (timeout, dropped connection) is a NetworkError. */
export function saveDraft(residentId: string, body: VersionCreate, idempotencyKey: string): Promise<Version> {
  return unwrap(
    careplan.POST("/v1/residents/{resident_id}/care-plan/versions", {
      params: { ...path(residentId), header: { "idempotency-key": idempotencyKey } },
      body,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
}

export function signOffDraft(residentId: string, number: number, body: SignOff, idempotencyKey: string): Promise<Version> {
  return unwrap(
    careplan.POST("/v1/residents/{resident_id}/care-plan/versions/{number}/sign-off", {
      params: { path: { resident_id: residentId, number }, header: { "idempotency-key": idempotencyKey } },
      body,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
}

/** After a draft or a sign-off: the plan, its versions and the reviews due all change. */
export async function refreshAfterPlanChange(queryClient: QueryClient, residentId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: planKey(residentId) }),
    queryClient.invalidateQueries({ queryKey: ["reviews-due"] }),
  ]);
}

export const INTERVAL_NAMES = { weekly: "Every week", fortnightly: "Every two weeks", monthly: "Every month", quarterly: "Every three months" } as const;

export const VERSION_STATUS_NAMES = { draft: "Draft", current: "In use", superseded: "Replaced" } as const;
export const VERSION_STATUS_TAGS = { draft: "govuk-tag--yellow", current: "govuk-tag--green", superseded: "govuk-tag--grey" } as const;

export const INVOLVEMENT_NAMES = {
  resident: "The resident",
  representative: "Their representative",
  resident_and_representative: "The resident and their representative",
  not_involved: "Neither could take part",
} as const;

export const ROLE_TITLES: Record<string, string> = {
  senior_carer: "Senior carer",
  nurse: "Nurse",
  home_manager: "Home manager",
};
