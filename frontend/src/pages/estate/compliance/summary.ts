// The dashboard's reads: the compliance summary, a home's open defects and open recalls.
import { useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { fetchOpenDefects } from "../assets/api";

/** One home's summary, or every home the person sees when `homeId` is null. */
export function useComplianceSummary(homeId: string | null) {
  return useQuery({
    queryKey: ["compliance", "summary", homeId],
    queryFn: () => unwrap(assets.GET("/v1/compliance/summary", { params: { query: homeId ? { home_id: homeId } : {} } })),
  });
}

export function useHomeDefects(homeId: string) {
  return useQuery({ queryKey: ["defects", "open", "home", homeId], queryFn: () => fetchOpenDefects({ home_id: homeId }) });
}

export function useOpenRecalls(homeId: string) {
  return useQuery({
    queryKey: ["recalls", "open", homeId],
    queryFn: () => unwrap(assets.GET("/v1/recalls", { params: { query: { home_id: homeId, status: "open", limit: 50 } } })),
  });
}

/** The assets of one home an open recall reaches, with the action recorded on each. */
export function useRecallAssets(recallId: string, homeId: string) {
  return useQuery({
    queryKey: ["recalls", "assets", recallId, homeId],
    queryFn: () => unwrap(assets.GET("/v1/recalls/{recall_id}/assets", { params: { path: { recall_id: recallId }, query: { home_id: homeId, limit: 50 } } })),
  });
}
