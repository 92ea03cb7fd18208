// The homes of the estate: the assets-api calls and how the pages name things.
import { useQuery } from "@tanstack/react-query";
import { assets } from "../../api/client";
import { unwrap, unwrapResponse } from "../../api/problem";
import type { Home, HomePage, HomeStatus, HomeUpdate } from "../../api/types";

export const STATUS_NAMES: Record<HomeStatus, string> = { active: "Open", closed: "Closed" };

/** The editable details, in form order. */
export const HOME_FIELDS = [
  "name",
  "address_line1",
  "address_line2",
  "town",
  "postcode",
  "registered_beds",
  "phone",
  "email",
  "cqc_location_id",
  "status",
] as const satisfies readonly (keyof HomeUpdate)[];

export type HomeField = (typeof HOME_FIELDS)[number];

/** Labels as headings ("Town") and as used in a sentence ("Enter the town"). */
export const HOME_LABELS: Record<HomeField, string> = {
  name: "Name of the home",
  address_line1: "Address line 1",
  address_line2: "Address line 2 (optional)",
  town: "Town or city",
  postcode: "Postcode",
  registered_beds: "Registered beds",
  phone: "Phone number (optional)",
  email: "Email address (optional)",
  cqc_location_id: "CQC location ID (optional)",
  status: "Is the home open?",
};

export const HOME_SENTENCE_LABELS: Record<HomeField, string> = {
  name: "the name of the home",
  address_line1: "the first line of the address",
  address_line2: "the second line of the address",
  town: "the town or city",
  postcode: "the postcode",
  registered_beds: "the number of registered beds",
  phone: "the phone number",
  email: "the email address",
  cqc_location_id: "the CQC location ID",
  status: "whether the home is open",
};

export interface HomeFilters {
  q: string;
  status: HomeStatus | "";
  cursor: string;
}

export async function fetchHomes(filters: HomeFilters, limit = 50): Promise<HomePage> {
  const query = {
    limit,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
  return unwrap(assets.GET("/v1/homes", { params: { query } }));
}

export interface VersionedHome {
  home: Home;
  /** The ETag to send as If-Match with a change. */
  etag: string;
}

function etagOf(response: Response, home: Home): string {
  return response.headers.get("ETag") ?? `"${home.version}"`;
}

export async function fetchHome(homeId: string): Promise<VersionedHome> {
  const { data, response } = await unwrapResponse(assets.GET("/v1/homes/{home_id}", { params: { path: { home_id: homeId } } }));
  return { home: data, etag: etagOf(response, data) };
}

export function useHome(homeId: string) {
  return useQuery({ queryKey: ["home", homeId], queryFn: () => fetchHome(homeId) });
}

const SAVE_TIMEOUT_MS = 20_000;

/** PATCH with If-Match; a lost answer (timeout, dropped connection) is a NetworkError. */
export async function updateHome(homeId: string, etag: string, patch: HomeUpdate): Promise<VersionedHome> {
  const { data, response } = await unwrapResponse(
    assets.PATCH("/v1/homes/{home_id}", {
      params: { path: { home_id: homeId }, header: { "If-Match": etag } },
      body: patch,
      signal: AbortSignal.timeout(SAVE_TIMEOUT_MS),
    }),
  );
  return { home: data, etag: etagOf(response, data) };
}
