// Risk assessments: the careplan-api calls. The server scores every assessment.
import { useQuery } from "@tanstack/react-query";
import { careplan } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { Assessment, AssessmentCreate, AssessmentPage, Plan, Tool } from "./types";

const SAVE_TIMEOUT_MS = 20_000;

export const risksKey = (residentId: string) => ["daily", "risks", residentId] as const;

export async function fetchAssessments(residentId: string, tool: Tool | null, cursor: string | null, limit = 25): Promise<AssessmentPage> {
  return unwrap(
    careplan.GET("/v1/residents/{resident_id}/risk-assessments", {
      params: { path: { resident_id: residentId }, query: { limit, sort: "-assessed_at", ...(tool ? { tool } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export async function fetchAssessment(residentId: string, assessmentId: string): Promise<Assessment> {
  return unwrap(
    careplan.GET("/v1/residents/{resident_id}/risk-assessments/{assessment_id}", {
      params: { path: { resident_id: residentId, assessment_id: assessmentId } },
    }),
  );
}

/** The newest assessment of one tool, or null when there is none. */
export function useLatest(residentId: string, tool: Tool) {
  return useQuery({
    queryKey: [...risksKey(residentId), "latest", tool],
    queryFn: async () => (await fetchAssessments(residentId, tool, null, 1)).items[0] ?? null,
  });
}

export async function recordAssessment(residentId: string, body: AssessmentCreate, idempotencyKey: string): Promise<Assessment> {
  return unwrap(
    careplan.POST("/v1/residents/{resident_id}/risk-assessments", {
      params: { path: { resident_id: residentId }, header: { "idempotency-key": idempotencyKey } },
      body,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
}

/** The current plan, for linking an assessment to the section it informs. */
export async function fetchPlan(residentId: string): Promise<Plan> {
  return unwrap(careplan.GET("/v1/residents/{resident_id}/care-plan", { params: { path: { resident_id: residentId } } }));
}
