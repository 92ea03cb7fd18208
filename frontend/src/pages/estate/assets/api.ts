// The assets-api reads the compliance, asset and inspection pages share, with their query keys.
import { useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { Category, Defect, Inspection, Location, Override, Rule } from "./types";

/** Pages of a list until the end (or `maxPages`); for short lists such as a home's locations. */
async function everyPage<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>, maxPages = 10): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const data = await load(cursor);
    all.push(...data.items);
    if (!data.next_cursor) break;
    cursor = data.next_cursor;
  }
  return all;
}

const LONG = 10 * 60_000; // categories, rules and locations change rarely

export function useCategories() {
  return useQuery({
    queryKey: ["categories"],
    staleTime: LONG,
    queryFn: () =>
      everyPage<Category>((cursor) => unwrap(assets.GET("/v1/categories", { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }))),
  });
}

export function useLocations(homeId: string) {
  return useQuery({
    queryKey: ["locations", homeId],
    staleTime: LONG,
    enabled: Boolean(homeId),
    queryFn: () =>
      everyPage<Location>((cursor) =>
        unwrap(assets.GET("/v1/locations", { params: { query: { home_id: homeId, sort: "path", limit: 200, ...(cursor ? { cursor } : {}) } } })),
      ),
  });
}

export function useRules(categoryId: string | undefined) {
  return useQuery({
    queryKey: ["rules", categoryId],
    staleTime: LONG,
    enabled: Boolean(categoryId),
    queryFn: () =>
      everyPage<Rule>((cursor) =>
        unwrap(assets.GET("/v1/inspection-rules", { params: { query: { category_id: categoryId ?? null, limit: 200, ...(cursor ? { cursor } : {}) } } })),
      ),
  });
}

export function useOverrides(homeId: string | undefined) {
  return useQuery({
    queryKey: ["overrides", homeId],
    enabled: Boolean(homeId),
    queryFn: () =>
      everyPage<Override>((cursor) =>
        unwrap(assets.GET("/v1/rule-overrides", { params: { query: { home_id: homeId ?? null, limit: 200, ...(cursor ? { cursor } : {}) } } })),
      ),
  });
}

export function useAsset(assetId: string) {
  return useQuery({
    queryKey: ["asset", assetId],
    queryFn: () => unwrap(assets.GET("/v1/assets/{asset_id}", { params: { path: { asset_id: assetId } } })),
  });
}

/** The latest inspection under each rule, for the asset's due dates. */
export function useLatestInspections(assetId: string, rules: readonly Rule[] | undefined) {
  return useQuery({
    queryKey: ["inspections", "latest", assetId, rules?.map((r) => r.id) ?? []],
    enabled: rules !== undefined,
    queryFn: async () => {
      const pairs = await Promise.all(
        (rules ?? []).map(async (rule) => {
          const page = await unwrap(assets.GET("/v1/inspections", { params: { query: { asset_id: assetId, rule_id: rule.id, limit: 1 } } }));
          return [rule.id, page.items[0] ?? null] as const;
        }),
      );
      return new Map<string, Inspection | null>(pairs);
    },
  });
}

/** Open defects (open or being fixed) of an asset or of a home, newest first. */
export async function fetchOpenDefects(where: { asset_id: string } | { home_id: string }): Promise<{ items: Defect[]; more: boolean }> {
  const pages = await Promise.all(
    (["open", "in_progress"] as const).map((status) => unwrap(assets.GET("/v1/defects", { params: { query: { ...where, status, limit: 200 } } }))),
  );
  const items = pages.flatMap((page) => page.items).sort((a, b) => b.created_at.localeCompare(a.created_at));
  return { items, more: pages.some((page) => Boolean(page.next_cursor)) };
}
