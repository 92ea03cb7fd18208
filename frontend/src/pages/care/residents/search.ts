// Finding residents by name or room. The API lists a home's residents but has no search, so a
// search reads the whole (small) list and matches here.
import type { ResidentStatus, ResidentSummary } from "../types";
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

function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Residents whose names or room contain every word searched for, in the list's order. */
export function matchResidents(residents: readonly ResidentSummary[], query: string, rooms: ReadonlyMap<string, string> = new Map()): ResidentSummary[] {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...residents];
  return residents.filter((resident) => {
    const room = resident.room_location_id ? (rooms.get(resident.room_location_id) ?? "") : "";
    const haystack = ` ${normalise([resident.given_name, resident.family_name, resident.preferred_name ?? "", room].join(" "))} `;
    return words.every((word) => haystack.includes(` ${word}`) || (/^\d+$/.test(word) && haystack.includes(word)));
  });
}
