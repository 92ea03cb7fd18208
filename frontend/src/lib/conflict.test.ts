import { describe, expect, it } from "vitest";
import { changedFields, compareVersions, keepMine, patchOf } from "./conflict";

const FIELDS = ["name", "town", "phone", "registered_beds"] as const;
const base = { name: "Oak House", town: "Leeds", phone: null, registered_beds: 40 };

describe("conflict handling", () => {
  it("sends only what the person changed", () => {
    const mine = { ...base, phone: "0113 496 0000", registered_beds: 42 };
    expect(changedFields(base, mine, FIELDS)).toEqual(["phone", "registered_beds"]);
    expect(patchOf(base, mine, FIELDS)).toEqual({ phone: "0113 496 0000", registered_beds: 42 });
  });

  it("treats blank and null as the same", () => {
    expect(changedFields(base, { ...base, phone: "" }, FIELDS)).toEqual([]);
  });

  it("shows what each side changed, and where both changed the same detail", () => {
    const mine = { ...base, name: "Oak House Care Home", registered_beds: 42 };
    const theirs = { ...base, name: "Oak Lodge", town: "Bradford" };
    const conflict = compareVersions(base, mine, theirs, FIELDS);
    expect(conflict.alreadySaved).toBe(false);
    const byField = Object.fromEntries(conflict.rows.map((row) => [row.field, row]));
    expect(byField.name).toMatchObject({ mine: "Oak House Care Home", theirs: "Oak Lodge", iChanged: true, theyChanged: true, clash: true });
    expect(byField.town).toMatchObject({ mine: "Leeds", theirs: "Bradford", iChanged: false, theyChanged: true, clash: false });
    expect(byField.registered_beds).toMatchObject({ mine: 42, theirs: 40, iChanged: true, theyChanged: false, clash: false });
    expect(byField.phone).toMatchObject({ iChanged: false, theyChanged: false });
  });

  it("keeping mine re-sends only my changes, so their other changes stay", () => {
    const mine = { ...base, registered_beds: 42 };
    const theirs = { ...base, town: "Bradford" };
    expect(keepMine(compareVersions(base, mine, theirs, FIELDS))).toEqual({ registered_beds: 42 });
  });

  it("knows when the saved record already has my changes (my earlier save got through)", () => {
    const mine = { ...base, registered_beds: 42 };
    const theirs = { ...base, registered_beds: 42 };
    expect(compareVersions(base, mine, theirs, FIELDS).alreadySaved).toBe(true);
  });

  it("is never 'already saved' when I changed nothing", () => {
    expect(compareVersions(base, base, { ...base, town: "York" }, FIELDS).alreadySaved).toBe(false);
  });
});
