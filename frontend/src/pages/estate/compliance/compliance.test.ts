import { describe, expect, it } from "vitest";
import type { ComplianceSummary } from "../assets/types";
import { categoryRows, chartBars, homeRows, itemsHref, percentTag, percentText } from "./compliance";

const counts = (required: number, in_date: number, extra: Partial<Record<"due_soon" | "overdue" | "never_inspected" | "failed", number>> = {}) => ({
  required,
  in_date,
  compliance_percent: required === 0 ? null : Math.round((in_date / required) * 1000) / 10,
  due_soon: 0,
  overdue: 0,
  never_inspected: 0,
  failed: 0,
  ...extra,
});

const summary: ComplianceSummary = {
  as_of: "2026-12-04",
  home_id: null,
  totals: counts(12, 9, { overdue: 2, failed: 1 }),
  by_category: [
    { ...counts(2, 2), category_id: "a", code: "hoist", name: "Hoist" },
    { ...counts(0, 0), category_id: "b", code: "pat", name: "Portable appliance" },
    { ...counts(0, 0, { overdue: 1 }), category_id: "c", code: "tmv", name: "TMV" },
    { ...counts(10, 7, { overdue: 2, failed: 1 }), category_id: "d", code: "fire", name: "Fire-alarm panel" },
  ],
  by_rule: [],
  by_home: [
    { ...counts(6, 6), home_id: "h1", name: "Oak House" },
    { ...counts(6, 3, { overdue: 2, failed: 1 }), home_id: "h2", name: "Millbrow" },
    { ...counts(0, 0), home_id: "h3", name: "New Home" },
  ],
  open_recalls: 1,
  recall_assets_pending: 2,
};

describe("compliance dashboard", () => {
  it("puts the worst categories first and hides those with nothing to show", () => {
    expect(categoryRows(summary).map((c) => c.code)).toEqual(["fire", "hoist", "tmv"]);
  });

  it("charts only categories with a compliance %", () => {
    expect(chartBars(summary)).toEqual([
      { label: "Fire-alarm panel", value: 70 },
      { label: "Hoist", value: 100 },
    ]);
  });

  it("puts the homes needing attention at the top", () => {
    expect(homeRows(summary).map((h) => h.name)).toEqual(["Millbrow", "Oak House", "New Home"]);
  });

  it("says the percentage in words and colours it", () => {
    expect(percentText(79.3)).toBe("79.3%");
    expect(percentText(100)).toBe("100%");
    expect(percentText(null)).toBe("No statutory inspections needed");
    expect(percentTag(100)).toBe("govuk-tag--green");
    expect(percentTag(95)).toBe("govuk-tag--yellow");
    expect(percentTag(79.3)).toBe("govuk-tag--red");
  });

  it("links a count to the inspections behind it", () => {
    expect(itemsHref("h1", { state: "overdue", category_id: "d" })).toBe("/estate/homes/h1/compliance/items?state=overdue&category_id=d");
  });
});
