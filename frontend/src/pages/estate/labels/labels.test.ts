import { afterEach, describe, expect, it, vi } from "vitest";
import type { Location } from "../defects/types";
import { fetchSheet, filtersFrom, labelFileName, labelUrl, locationOptions, nextCursorFrom, searchOf, sheetsFor } from "./labels";

afterEach(() => vi.unstubAllGlobals());

describe("label sheets", () => {
  it("finds the next sheet's cursor in the Link header", () => {
    expect(nextCursorFrom('<http://h/api/assets/v1/labels/sheet?home_id=x&cursor=WyJ0YWci>; rel="next"')).toBe("WyJ0YWci");
    expect(nextCursorFrom('</prev?cursor=a>; rel="prev", </next?cursor=b>; rel="next"')).toBe("b");
    expect(nextCursorFrom(null)).toBeNull();
    expect(nextCursorFrom('</first>; rel="first"')).toBeNull();
  });

  it("counts 21 labels to a sheet", () => {
    expect(sheetsFor(0)).toBe(0);
    expect(sheetsFor(21)).toBe(1);
    expect(sheetsFor(22)).toBe(2);
  });

  it("keeps the filters in the URL, with the person's home by default", () => {
    expect(filtersFrom(new URLSearchParams(""), "h1")).toEqual({ home: "h1", location: "", category: "", cursor: "", sheet: 1 });
    const search = searchOf({ home: "h2", category: "c1", cursor: "x", sheet: 2 });
    expect(filtersFrom(new URLSearchParams(search.slice(1)), "h1")).toEqual({ home: "h2", location: "", category: "c1", cursor: "x", sheet: 2 });
    expect(filtersFrom(new URLSearchParams("sheet=-3"), "h1").sheet).toBe(1);
    expect(searchOf({ home: "h1", sheet: 1 })).toBe("?home=h1");
  });

  it("reads the sheet's SVG and where the next one starts", async () => {
    const seen: Request[] = [];
    vi.stubGlobal("fetch", async (request: Request) => {
      seen.push(request);
      return new Response("<svg/>", { status: 200, headers: { "content-type": "image/svg+xml", link: '<http://h/x?cursor=n2>; rel="next"' } });
    });
    const sheet = await fetchSheet({ home: "h1", location: "l1", category: "", cursor: "", sheet: 1 });
    expect(sheet).toEqual({ svg: "<svg/>", nextCursor: "n2" });
    expect(seen[0]?.url).toBe("http://localhost/api/assets/v1/labels/sheet?home_id=h1&location_id=l1");
  });
});

describe("one label", () => {
  it("names the files by tag, and downloads through the gateway", () => {
    expect(labelFileName("NF-HOI-01", "svg")).toBe("NF-HOI-01-label.svg");
    expect(labelFileName("A/B", "png")).toBe("A_B-qr-code.png");
    expect(labelUrl("a1", "png")).toBe("/api/assets/v1/labels/assets/a1?format=png");
  });

  it("indents locations under their building and floor", () => {
    const at = (id: string, name: string, depth: number) => ({ id, name, depth }) as Location;
    expect(locationOptions([at("b", "Main house", 0), at("f", "Ground floor", 1), at("r", "Room 1", 2)]).map((o) => o.label)).toEqual([
      "Main house",
      "\u00a0\u00a0\u00a0Ground floor",
      "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Room 1",
    ]);
  });
});
