import { describe, expect, it } from "vitest";
import { exportHref, filtersFrom, isFiltered, searchOf, toQuery } from "./assetFilters";
import { extraRows, locationNames } from "./names";
import type { Location } from "./types";

const HOME = "72159247-1bfb-4d8a-b401-e7082e14f5da";
const ROOM = "f409cee3-5f7e-406f-b5c0-9f2a53266fba";

describe("asset list filters in the address", () => {
  it("round-trips every filter", () => {
    const search = `?home_id=${HOME}&q=hoist&location_id=${ROOM}&status=out_of_service&condition=C&due_before=2027-01-31&overdue=true&sort=next_due_date`;
    const filters = filtersFrom(new URLSearchParams(search), "");
    expect(filters).toMatchObject({ home_id: HOME, q: "hoist", location_id: ROOM, status: "out_of_service", condition: "C", due_before: "2027-01-31", overdue: true, sort: "next_due_date" });
    expect(searchOf(filters)).toBe(search);
  });

  it("drops what it does not recognise and defaults the home", () => {
    const filters = filtersFrom(new URLSearchParams("status=broken&condition=Z&location_id=1&due_before=soon&sort=price"), HOME);
    expect(filters).toMatchObject({ home_id: HOME, status: "", condition: "", location_id: "", due_before: "", sort: "tag" });
    expect(isFiltered(filters)).toBe(false);
    expect(searchOf(filters)).toBe(`?home_id=${HOME}`);
  });

  it("asks the API for a counted page with only the filters set", () => {
    const filters = filtersFrom(new URLSearchParams(`q=%20sling%20&overdue=true&cursor=abc`), HOME);
    expect(toQuery(filters)).toEqual({ limit: 50, count: true, sort: "tag", home_id: HOME, overdue: true, q: "sling", cursor: "abc" });
  });

  it("exports the same filters, every page", () => {
    const filters = filtersFrom(new URLSearchParams(`status=in_service&cursor=abc&sort=-name`), HOME);
    expect(exportHref(filters, "xlsx")).toBe(`/api/assets/v1/exports/assets?format=xlsx&home_id=${HOME}&status=in_service`);
  });
});

describe("location names", () => {
  const loc = (id: string, name: string, parent: string | null): Location => ({
    id,
    name,
    parent_id: parent,
    home_id: HOME,
    path: "",
    depth: 0,
    kind: "room",
    room_type: null,
    room_number: null,
    bed_count: null,
    archived_at: null,
    created_at: "",
    updated_at: "",
    version: 1,
  });

  it("names each location from its building down, whatever the order", () => {
    const names = locationNames([loc("r", "Room 201", "f"), loc("f", "First floor", "b"), loc("b", "Main house", null)]);
    expect(names.get("r")).toBe("Main house, First floor, Room 201");
    expect(names.get("b")).toBe("Main house");
  });
});

describe("extra fields", () => {
  it("names them from the category's schema, or in words", () => {
    const schema = { type: "object", properties: { safe_working_load_kg: { type: "number", description: "Safe working load, kg" }, hoist_type: { enum: ["mobile"] } } };
    expect(extraRows({ safe_working_load_kg: 180, hoist_type: "ceiling_track", low_bed: true, note: "" }, schema)).toEqual([
      { name: "Safe working load, kg", value: "180" },
      { name: "Hoist type", value: "ceiling track" },
      { name: "Low bed", value: "Yes" },
    ]);
  });
});
