import { describe, expect, it } from "vitest";
import type { Rule } from "../assets/types";
import { ApiProblem } from "../../../api/problem";
import { emptyInspection, failConsequence, formField, serverErrors, toInspection, validateInspection } from "./inspectionForm";

const rule: Rule = {
  id: "11111111-1111-4111-8111-111111111111",
  code: "legionella_sentinel_temperature",
  category_id: "22222222-2222-4222-8222-222222222222",
  inspection_type: "Sentinel outlet temperature check",
  interval_value: 1,
  interval_unit: "months",
  warning_days: 7,
  basis: "HSE ACOP L8",
  statutory: true,
  fail_takes_out_of_service: false,
  thresholds: [
    { reading: "hot_water_temperature_c", min: "50", max: null, max_inclusive: true },
    { reading: "cold_water_temperature_c", min: null, max: "20", max_inclusive: false },
  ],
  archived_at: null,
  created_at: "2026-12-01T09:00:00Z",
  updated_at: "2026-12-01T09:00:00Z",
  version: 1,
};
const loler: Rule = { ...rule, id: "33333333-3333-4333-8333-333333333333", code: "loler_hoist", inspection_type: "LOLER thorough examination", thresholds: [], fail_takes_out_of_service: true };
const TODAY = "2026-12-04";

describe("record an inspection: checks before saving", () => {
  it("starts on today with the person as inspector", () => {
    expect(emptyInspection(TODAY, "Ellis Owen")).toMatchObject({ day: "4", month: "12", year: "2026", inspector: "Ellis Owen" });
  });

  it("asks for what is missing", () => {
    const values = { ...emptyInspection(TODAY, " "), day: "", month: "", year: "" };
    expect(validateInspection(values, undefined, TODAY).map((e) => e.field)).toEqual(["rule", "date", "outcome", "inspector"]);
  });

  it("needs every reading the rule defines, as numbers", () => {
    const values = { ...emptyInspection(TODAY, "Ellis"), outcome: "pass" as const, readings: { hot_water_temperature_c: { value: "warm", label: "" } } };
    expect(validateInspection(values, rule, TODAY)).toEqual([
      { field: "reading-hot_water_temperature_c", message: "Enter the hot water temperature as a number, like 52.5" },
      { field: "reading-cold_water_temperature_c", message: "Enter the cold water temperature" },
    ]);
  });

  it("lets a reading outside its limit be saved: that is a fail, not a mistake", () => {
    const values = {
      ...emptyInspection(TODAY, "Ellis"),
      outcome: "pass" as const,
      readings: { hot_water_temperature_c: { value: "45", label: "" }, cold_water_temperature_c: { value: "12", label: "" } },
    };
    expect(validateInspection(values, rule, TODAY)).toEqual([]);
  });

  it("refuses a date that is not real or is in the future", () => {
    const base = { ...emptyInspection(TODAY, "Ellis"), outcome: "pass" as const };
    expect(validateInspection({ ...base, day: "31", month: "11" }, loler, TODAY)[0]?.message).toMatch(/real date/);
    expect(validateInspection({ ...base, day: "5" }, loler, TODAY)[0]?.message).toMatch(/today or in the past/);
    expect(validateInspection(base, loler, TODAY)).toEqual([]);
  });
});

describe("record an inspection: the request", () => {
  it("sends the readings in the rule's order, trimmed, blanks as null", () => {
    const values = {
      ...emptyInspection("2026-03-07", "  Ellis Owen "),
      outcome: "pass" as const,
      company: " ",
      readings: { cold_water_temperature_c: { value: "12,5", label: "" }, hot_water_temperature_c: { value: " 55 ", label: "Bathroom 2 hot tap" } },
    };
    expect(toInspection(values, "asset-1", rule)).toEqual({
      asset_id: "asset-1",
      rule_id: rule.id,
      inspected_date: "2026-03-07",
      outcome: "pass",
      inspector_name: "Ellis Owen",
      company: null,
      certificate_ref: null,
      defects_found: null,
      notes: null,
      readings: [
        { reading: "hot_water_temperature_c", value: "55", label: "Bathroom 2 hot tap" },
        { reading: "cold_water_temperature_c", value: "12.5", label: null },
      ],
    });
  });

  it("puts the server's errors next to the right field", () => {
    const sent = ["hot_water_temperature_c", "cold_water_temperature_c"] as const;
    expect(formField("readings.1.value", sent)).toBe("reading-cold_water_temperature_c");
    expect(formField("inspected_date", sent)).toBe("date");
    expect(formField("inspector_name", sent)).toBe("inspector");
    expect(formField("readings", sent)).toBe("readings");
  });

  it("says the service's refusals in words, next to their fields", () => {
    const problem = new ApiProblem(422, {
      title: "Unprocessable",
      status: 422,
      errors: [
        { loc: ["body", "inspected_date"], msg: "cannot be in the future", type: "date_in_future" },
        { loc: ["body", "readings", 0, "value"], msg: "Value error, a hot_water_temperature_c reading must lie within 0-100 °C", type: "value_error" },
        { loc: ["body", "inspector_name"], msg: "Field required", type: "missing" },
      ],
    });
    expect(serverErrors(problem, ["hot_water_temperature_c"])).toEqual([
      { field: "date", message: "The date of the inspection must be today or in the past" },
      { field: "reading-hot_water_temperature_c", message: "The hot water temperature must be between 0 and 100 °C. Check the reading" },
      { field: "inspector", message: "Enter the name of the inspector" },
    ]);
  });

  it("explains what a fail will do", () => {
    expect(failConsequence(loler, "Mobile hoist 1")).toMatch(/taken out of service.*P1/);
    expect(failConsequence(rule, "Sentinel tap")).toMatch(/P2.*stays in service/);
  });
});
