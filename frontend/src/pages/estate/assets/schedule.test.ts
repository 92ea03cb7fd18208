import { describe, expect, it } from "vitest";
import { formatDate, londonDateOf, realDate, todayInLondon } from "./dates";
import { dueRows, dueState, dueWords } from "./schedule";
import type { Override, Rule, ScheduleEntry } from "./types";

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

describe("dates", () => {
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
  const entry = (ruleId: string, due: string, states: ScheduleEntry["states"], last: string | null = "2026-06-01"): ScheduleEntry => ({
    rule_id: ruleId,
    statutory: true,
    warning_days: 30,
    last_inspection_id: last ? `i-${ruleId}` : null,
    last_inspected_date: last,
    last_outcome: last ? "pass" : null,
    due_date: due,
    states,
  });
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

  it("puts each entry of the service's schedule beside its rule and the home's own interval", () => {
    const rows = dueRows(
      [entry("weekly", "2026-12-08", ["due_soon"]), entry("pat", "2027-03-01", [])],
      [rule("pat", 12, "months"), rule("weekly", 7, "days", 2)],
      [override],
      TODAY,
    );
    expect(rows.map((r) => [r.rule.id, r.dueDate, r.state, r.daysLeft])).toEqual([
      ["weekly", "2026-12-08", "due_soon", 4],
      ["pat", "2027-03-01", "in_date", 87],
    ]);
    expect(rows[1]?.override?.reason).toBe("Kitchen kit");
    expect(rows[0]?.override).toBeNull();
  });

  it("leaves out an entry whose rule is no longer listed", () => {
    expect(dueRows([entry("gone", "2026-12-01", ["overdue"])], [rule("pat", 12, "months")], [], TODAY)).toEqual([]);
  });

  it("shows a never-inspected, overdue entry with no last date", () => {
    const [row] = dueRows([entry("loler", "2026-11-20", ["overdue", "never_inspected"], null)], [rule("loler", 6, "months")], [], TODAY);
    expect(row).toMatchObject({ dueDate: "2026-11-20", state: "overdue", lastDate: null, lastOutcome: null, daysLeft: -14 });
  });

  it("shows a failure above all else, then overdue, then due soon", () => {
    expect(dueState(["due_soon", "failed"])).toBe("failed");
    expect(dueState(["never_inspected", "overdue"])).toBe("overdue");
    expect(dueState(["due_soon", "never_inspected"])).toBe("due_soon");
    expect(dueState([])).toBe("in_date");
  });

  it("says how long is left", () => {
    expect(dueWords(0)).toBe("Due today");
    expect(dueWords(12)).toBe("Due in 12 days");
    expect(dueWords(-1)).toBe("1 day overdue");
    expect(dueWords(-14)).toBe("14 days overdue");
  });
});
