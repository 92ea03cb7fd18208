// QR labels: the sheet's filters kept in the URL, the assets-api calls, and the pieces of a
// label's address and file name.
import { assets } from "../../../api/client";
import { unwrap, unwrapResponse } from "../../../api/problem";
import type { Location } from "../defects/types";

/** Labels on one A4 sheet (3 across, 7 down: Avery L7160 and compatible). */
export const LABELS_PER_SHEET = 21;

export interface SheetFilters {
  home: string;
  location: string;
  category: string;
  /** Where this sheet starts (the service's keyset cursor); "" for the first sheet. */
  cursor: string;
  /** This sheet's number, 1 for the first: only for the words on the page. */
  sheet: number;
}

export function filtersFrom(params: URLSearchParams, defaultHome: string): SheetFilters {
  const sheet = Number(params.get("sheet") ?? "1");
  return {
    home: params.get("home") ?? defaultHome,
    location: params.get("location") ?? "",
    category: params.get("category") ?? "",
    cursor: params.get("cursor") ?? "",
    sheet: Number.isInteger(sheet) && sheet > 0 ? sheet : 1,
  };
}

export function searchOf(filters: Partial<SheetFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === "sheet" && value === 1)) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The `cursor` of the `rel="next"` address in a Link header, or null on the last sheet. */
export function nextCursorFrom(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match?.[1]) {
      const url = new URL(match[1], "http://localhost");
      return url.searchParams.get("cursor");
    }
  }
  return null;
}

function listQuery(filters: SheetFilters) {
  return {
    home_id: filters.home,
    ...(filters.location ? { location_id: filters.location } : {}),
    ...(filters.category ? { category_id: filters.category } : {}),
  };
}

export interface Sheet {
  svg: string;
  nextCursor: string | null;
}

export async function fetchSheet(filters: SheetFilters): Promise<Sheet> {
  const { data, response } = await unwrapResponse(
    assets.GET("/v1/labels/sheet", {
      params: { query: { ...listQuery(filters), ...(filters.cursor ? { cursor: filters.cursor } : {}) } },
      parseAs: "text",
    }),
  );
  return { svg: data, nextCursor: nextCursorFrom(response.headers.get("Link")) };
}

/** How many assets the filters match (so the page can say how many sheets that is). */
export async function countAssets(filters: SheetFilters): Promise<number> {
  const page = await unwrap(assets.GET("/v1/assets", { params: { query: { ...listQuery(filters), limit: 1, count: true } } }));
  return page.total ?? page.items.length;
}

export function sheetsFor(total: number): number {
  return Math.ceil(total / LABELS_PER_SHEET);
}

/** Locations as options, indented under their building and floor. */
export function locationOptions(locations: readonly Location[]): { value: string; label: string }[] {
  return locations.map((location) => ({
    value: location.id,
    label: `${"\u00a0\u00a0\u00a0".repeat(location.depth)}${location.name}`,
  }));
}

/** The address of one asset's label, through the gateway: the page and a download link use it. */
export function labelUrl(assetId: string, format: "svg" | "png"): string {
  return `/api/assets/v1/labels/assets/${encodeURIComponent(assetId)}?format=${format}`;
}

/** "NF-HOI-01-label.svg": the tag keeps the files apart in a downloads folder. */
export function labelFileName(tag: string, format: "svg" | "png"): string {
  const safe = tag.replace(/[^A-Za-z0-9-]/g, "_");
  return format === "svg" ? `${safe}-label.svg` : `${safe}-qr-code.png`;
}
