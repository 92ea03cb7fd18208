// The calls behind the home overview report, one per part, each through its service's typed
// client. Lists are read to the end (up to a few pages) so the printed page is complete.
import { useQuery } from "@tanstack/react-query";
import { assets, careplan, feedback } from "../../api/client";
import { ApiProblem, unwrap } from "../../api/problem";
import { collectPages, type Collected } from "./pages";
import type { Action, ComplianceSummary, DolsExpiring, DueReview, Home, HomePage, IndicatorList, Recommendations } from "./types";

/** Reviews listed: overdue, and due in the next fortnight. */
export const REVIEW_WINDOW_DAYS = 14;
/** DoLS authorisations listed: expiring within four weeks (time to apply again). */
export const DOLS_WINDOW_DAYS = 28;
const PAGE_SIZE = 200;
const MAX_PAGES = 5;

// A 403 or 404 will not change on a retry; anything else gets one more try.
export const retry = (failures: number, error: unknown): boolean =>
  failures < 1 && !(error instanceof ApiProblem && (error.status === 403 || error.status === 404));

export function fetchHome(homeId: string): Promise<Home> {
  return unwrap(assets.GET("/v1/homes/{home_id}", { params: { path: { home_id: homeId } } }));
}

export function fetchHomesPage(q: string, cursor: string): Promise<HomePage> {
  const query = { limit: 50, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
  return unwrap(assets.GET("/v1/homes", { params: { query } }));
}

export function fetchCompliance(homeId: string): Promise<ComplianceSummary> {
  return unwrap(assets.GET("/v1/compliance/summary", { params: { query: { home_id: homeId } } }));
}

export function fetchDueReviews(homeId: string): Promise<Collected<DueReview>> {
  return collectPages(
    (cursor) =>
      unwrap(
        careplan.GET("/v1/reviews/due", {
          params: { query: { home_id: homeId, within_days: REVIEW_WINDOW_DAYS, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    MAX_PAGES,
  );
}

export function fetchDolsExpiring(homeId: string): Promise<Collected<DolsExpiring>> {
  return collectPages(
    (cursor) =>
      unwrap(
        careplan.GET("/v1/dols/expiring", {
          params: { query: { home_id: homeId, within_days: DOLS_WINDOW_DAYS, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    MAX_PAGES,
  );
}

export function fetchActions(homeId: string): Promise<Collected<Action>> {
  return collectPages(
    (cursor) =>
      unwrap(
        feedback.GET("/v1/actions", {
          params: { query: { home_id: homeId, sort: "due_date", limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    MAX_PAGES,
  );
}

export function fetchIndicators(homeId: string): Promise<IndicatorList> {
  return unwrap(feedback.GET("/v1/workforce/indicators", { params: { query: { home_id: homeId } } }));
}

export function fetchRecommendations(homeId: string): Promise<Recommendations> {
  return unwrap(feedback.GET("/v1/reports/recommendations", { params: { query: { home_id: homeId } } }));
}

/** Every part of one home's report, each loading (and failing) on its own. */
export function useHomeReport(homeId: string) {
  const options = { retry, staleTime: 60_000 };
  return {
    home: useQuery({ queryKey: ["report", homeId, "home"], queryFn: () => fetchHome(homeId), ...options }),
    compliance: useQuery({ queryKey: ["report", homeId, "compliance"], queryFn: () => fetchCompliance(homeId), ...options }),
    reviews: useQuery({ queryKey: ["report", homeId, "reviews-due"], queryFn: () => fetchDueReviews(homeId), ...options }),
    dols: useQuery({ queryKey: ["report", homeId, "dols-expiring"], queryFn: () => fetchDolsExpiring(homeId), ...options }),
    actions: useQuery({ queryKey: ["report", homeId, "actions"], queryFn: () => fetchActions(homeId), ...options }),
    workforce: useQuery({ queryKey: ["report", homeId, "workforce"], queryFn: () => fetchIndicators(homeId), ...options }),
    recommendations: useQuery({ queryKey: ["report", homeId, "recommendations"], queryFn: () => fetchRecommendations(homeId), ...options }),
  };
}
