// The residents list's search and filters, kept in the page's address (the service searches).
import type { ResidentStatus } from "../types";
import { isResidentStatus } from "./names";

export interface ResidentListParams {
  q: string;
  status: ResidentStatus | "";
  cursor: string;
}

export function listParamsFrom(params: URLSearchParams): ResidentListParams {
  const status = params.get("status");
  return { q: (params.get("q") ?? "").trim(), status: isResidentStatus(status) ? status : "", cursor: params.get("cursor") ?? "" };
}

/** "?q=ash&status=active", without empty values; "" when there are none. */
export function listSearch(params: Partial<ResidentListParams>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
