import { describe, expect, it } from "vitest";
import { filtersFrom, NEXT_STATUSES, searchOf, STATUSES } from "./defects";

describe("defect filters in the URL", () => {
  it("reads the filters, ignoring values the service would refuse", () => {
    expect(filtersFrom(new URLSearchParams("status=open&priority=P1&sort=priority&cursor=abc"))).toEqual({
      status: "open",
      priority: "P1",
      sort: "priority",
      cursor: "abc",
    });
    expect(filtersFrom(new URLSearchParams("status=lost&priority=P9&sort=name"))).toEqual({ status: "", priority: "", sort: "-created_at", cursor: "" });
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(searchOf({ status: "", priority: "", sort: "-created_at" })).toBe("");
    const search = searchOf({ status: "resolved", priority: "P2", sort: "created_at", cursor: "c1" });
    expect(search).toBe("?status=resolved&priority=P2&sort=created_at&cursor=c1");
    expect(filtersFrom(new URLSearchParams(search.slice(1)))).toEqual({ status: "resolved", priority: "P2", sort: "created_at", cursor: "c1" });
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
