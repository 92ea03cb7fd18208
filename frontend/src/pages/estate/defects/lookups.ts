// The asset, location and category reads the estate tools share: one fetch each, cached by
// TanStack Query under keys every page uses alike.
import { useQueries, useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { Asset, Category, Location } from "./types";

const MAX_PAGES = 20; // 4,000 rows: far more locations or categories than any home has

export async function fetchAsset(assetId: string): Promise<Asset> {
  return unwrap(assets.GET("/v1/assets/{asset_id}", { params: { path: { asset_id: assetId } } }));
}

export async function fetchLocation(locationId: string): Promise<Location> {
  return unwrap(assets.GET("/v1/locations/{location_id}", { params: { path: { location_id: locationId } } }));
}

/** Every live category, by name. */
export async function fetchCategories(): Promise<Category[]> {
  const all: Category[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await unwrap(assets.GET("/v1/categories", { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }));
    all.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return all;
}

/** Every live location of a home, in tree order (a building, then what is inside it). */
export async function fetchLocations(homeId: string): Promise<Location[]> {
  const all: Location[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await unwrap(
      assets.GET("/v1/locations", { params: { query: { home_id: homeId, sort: "path", limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    all.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return all;
}

const FIVE_MINUTES = 5 * 60_000;

export function useAsset(assetId: string) {
  return useQuery({ queryKey: ["asset", assetId], queryFn: () => fetchAsset(assetId), enabled: Boolean(assetId) });
}

export function useLocation(locationId: string | null | undefined) {
  return useQuery({
    queryKey: ["location", locationId],
    queryFn: () => fetchLocation(locationId ?? ""),
    enabled: Boolean(locationId),
    staleTime: FIVE_MINUTES,
  });
}

export function useCategories() {
  return useQuery({ queryKey: ["categories"], queryFn: fetchCategories, staleTime: FIVE_MINUTES });
}

export function useLocations(homeId: string | null | undefined) {
  return useQuery({
    queryKey: ["locations", homeId],
    queryFn: () => fetchLocations(homeId ?? ""),
    enabled: Boolean(homeId),
    staleTime: FIVE_MINUTES,
  });
}

/**
 * The assets named in a list (each fetched once, shared with the asset pages' cache): the asset,
 * null when it could not be read (archived, say), or missing while it loads.
 */
export function useAssetsById(assetIds: readonly string[]): Map<string, Asset | null> {
  const unique = [...new Set(assetIds)];
  const results = useQueries({
    queries: unique.map((id) => ({ queryKey: ["asset", id], queryFn: () => fetchAsset(id), staleTime: FIVE_MINUTES, retry: 1 })),
  });
  const found = new Map<string, Asset | null>();
  results.forEach((result, index) => {
    const id = unique[index] ?? "";
    if (result.data) found.set(id, result.data);
    else if (result.isError) found.set(id, null);
  });
  return found;
}

/** "Room 101, Ground floor": the location and its parents up to (not including) the building. */
export function locationLabel(location: Location, all: readonly Location[] = []): string {
  const byId = new Map(all.map((l) => [l.id, l]));
  const names = [location.name];
  let parent = location.parent_id ? byId.get(location.parent_id) : undefined;
  while (parent && parent.kind !== "building") {
    names.push(parent.name);
    parent = parent.parent_id ? byId.get(parent.parent_id) : undefined;
  }
  return names.join(", ");
}
