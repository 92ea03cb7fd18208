import { describe, expect, it } from "vitest";
import { bundleContents, exportFileName } from "./fhir";

describe("FHIR export file", () => {
  it("is named for the resident and the day, safely", () => {
    expect(exportFileName("Ashworth", "Margaret", "2026-12-04")).toBe("fhir-ashworth-margaret-2026-12-04.json");
    expect(exportFileName("O’Brien-Núñez", "Anne Marie", "2026-12-04")).toBe("fhir-o-brien-nunez-anne-marie-2026-12-04.json");
  });

  it("counts the resources in the bundle", () => {
    const bundle = { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient" } }, { resource: { resourceType: "Goal" } }, { resource: { resourceType: "Goal" } }] };
    expect(bundleContents(bundle)).toEqual({ Patient: 1, Goal: 2 });
    expect(bundleContents({})).toEqual({});
  });
});
