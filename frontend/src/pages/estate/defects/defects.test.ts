import { describe, expect, it } from "vitest";
import { afterEach, vi } from "vitest";
import { fetchDefects, filtersFrom, NEXT_STATUSES, searchOf, STATUSES } from "./defects";

afterEach(() => vi.unstubAllGlobals());

describe("defect filters in the URL", () => {
  it("reads the filters, ignoring values the service would refuse", () => {
    expect(filtersFrom(new URLSearchParams("status=open&priority=P1&sort=priority&cursor=abc"))).toEqual({
      asset: "",
      status: "open",
      priority: "P1",
      sort: "priority",
      cursor: "abc",
    });
    expect(filtersFrom(new URLSearchParams("status=lost&priority=P9&sort=name"))).toEqual({ asset: "", status: "", priority: "", sort: "-created_at", cursor: "" });
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(searchOf({ status: "", priority: "", sort: "-created_at" })).toBe("");
    const search = searchOf({ asset: "a1", status: "resolved", priority: "P2", sort: "created_at", cursor: "c1" });
    expect(search).toBe("?asset=a1&status=resolved&priority=P2&sort=created_at&cursor=c1");
    expect(filtersFrom(new URLSearchParams(search.slice(1)))).toEqual({ asset: "a1", status: "resolved", priority: "P2", sort: "created_at", cursor: "c1" });
  });
});

describe("status moves", () => {
  it("follows the service's rules: closed is final, fixed can be reopened", () => {
    expect(NEXT_STATUSES.closed).toEqual([]);
    expect(NEXT_STATUSES.resolved).toContain("in_progress");
    expect(NEXT_STATUSES.open).toEqual(["in_progress", "resolved", "closed"]);
    for (const status of STATUSES) expect(NEXT_STATUSES[status]).not.toContain(status);
  });
});

describe("the defects call", () => {
  it("asks for the current home's defects, or one asset's wherever it is", async () => {
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify({ items: [], next_cursor: null }), { status: 200, headers: { "content-type": "application/json" } });
    });
    await fetchDefects("h1", filtersFrom(new URLSearchParams("priority=P1")));
    await fetchDefects("h1", filtersFrom(new URLSearchParams("asset=a1&status=open")));
    const [home, asset] = seen.map((request) => Object.fromEntries(new URL(request.url).searchParams));
    expect(home).toEqual({ home_id: "h1", limit: "50", sort: "-created_at", priority: "P1" });
    expect(asset).toEqual({ asset_id: "a1", limit: "50", sort: "-created_at", status: "open" });
  });
});
