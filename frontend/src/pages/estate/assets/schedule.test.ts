import { describe, expect, it } from "vitest";
import { addInterval, formatDate, londonDateOf, realDate, todayInLondon } from "./dates";
import { dueRows, dueState, dueWords } from "./schedule";
import type { Inspection, Override, Rule } from "./types";

const rule = (id: string, n: number, unit: "days" | "months", warning = 30): Rule => ({
  id,
  code: id,
  category_id: "c",
  inspection_type: `Rule ${id}`,
  interval_value: n,
  interval_unit: unit,
  warning_days: warning,
  basis: "",
  statutory: true,
  fail_takes_out_of_service: true,
  thresholds: [],
  archived_at: null,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  version: 1,
});

const inspection = (ruleId: string, date: string, outcome: Inspection["outcome"] = "pass"): Inspection => ({
  id: `i-${ruleId}`,
  asset_id: "a",
  rule_id: ruleId,
  home_id: "h",
  inspected_date: date,
  outcome,
  inspector_name: "X",
  company: null,
  certificate_ref: null,
  defects_found: null,
  notes: null,
  recorded_by: "x",
  recorded_at: `${date}T10:00:00Z`,
  readings: [],
});

describe("dates", () => {
  it("adds months as PostgreSQL does, keeping the day or taking the month's last", () => {
    expect(addInterval("2026-06-04", 6, "months")).toBe("2026-12-04");
    expect(addInterval("2026-08-31", 6, "months")).toBe("2027-02-28");
    expect(addInterval("2027-08-31", 6, "months")).toBe("2028-02-29");
    expect(addInterval("2026-11-15", 60, "months")).toBe("2031-11-15");
    expect(addInterval("2026-12-30", 7, "days")).toBe("2027-01-06");
  });

  it("knows the UK date of an instant, summer and winter", () => {
    expect(londonDateOf("2026-07-01T23:30:00Z")).toBe("2026-07-02");
    expect(londonDateOf("2026-12-01T23:30:00Z")).toBe("2026-12-01");
    expect(todayInLondon(new Date("2026-06-30T23:10:00Z"))).toBe("2026-07-01");
  });

  it("checks typed dates are real", () => {
    expect(realDate("2026", "2", "29")).toBeNull();
    expect(realDate("2028", "2", "29")).toBe("2028-02-29");
    expect(realDate("26", "1", "1")).toBeNull();
    expect(formatDate("2026-12-04")).toBe("4 December 2026");
  });
});

describe("an asset's inspections and due dates", () => {
  const TODAY = "2026-12-04";
  const asset = { created_at: "2026-11-20T09:00:00Z" };

  it("dates each rule from its latest inspection, soonest first", () => {
    const loler = rule("loler", 6, "months");
    const weekly = rule("weekly", 7, "days", 2);
    const rows = dueRows(asset, [loler, weekly], new Map([["loler", inspection("loler", "2026-08-01")], ["weekly", inspection("weekly", "2026-12-01")]]), [], TODAY);
    expect(rows.map((r) => [r.rule.id, r.dueDate, r.state])).toEqual([
      ["weekly", "2026-12-08", "in_date"],
      ["loler", "2027-02-01", "in_date"],
    ]);
  });

  it("takes a home's shorter interval", () => {
    const pat = rule("pat", 12, "months");
    const override: Override = {
      id: "o",
      home_id: "h",
      rule_id: "pat",
      interval_value: 6,
      interval_unit: "months",
      reason: "Kitchen kit",
      archived_at: null,
      created_at: "",
      updated_at: "",
      version: 1,
    };
    const [row] = dueRows(asset, [pat], new Map([["pat", inspection("pat", "2026-03-01")]]), [override], TODAY);
    expect(row?.dueDate).toBe("2026-09-01");
    expect(row?.state).toBe("overdue");
    expect(row?.override?.reason).toBe("Kitchen kit");
  });

  it("makes a never-inspected asset due on the day it was added", () => {
    const [row] = dueRows(asset, [rule("loler", 6, "months")], new Map(), [], TODAY);
    expect(row).toMatchObject({ dueDate: "2026-11-20", state: "overdue", lastDate: null, daysLeft: -14 });
  });

  it("flags a failed inspection above all else, and due soon inside the warning window", () => {
    expect(dueState("2027-05-01", 30, "fail", TODAY)).toBe("failed");
    expect(dueState("2027-01-03", 30, "pass", TODAY)).toBe("due_soon");
    expect(dueState("2027-01-04", 30, "pass", TODAY)).toBe("in_date");
    expect(dueState(TODAY, 30, "pass", TODAY)).toBe("due_soon");
    expect(dueState("2026-12-03", 30, "pass", TODAY)).toBe("overdue");
  });

  it("says how long is left", () => {
    expect(dueWords(0)).toBe("Due today");
    expect(dueWords(12)).toBe("Due in 12 days");
    expect(dueWords(-1)).toBe("1 day overdue");
    expect(dueWords(-14)).toBe("14 days overdue");
  });
});
