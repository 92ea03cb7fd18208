import { describe, expect, it } from "vitest";
import { ApiProblem, NetworkError } from "../../api/problem";
import { groupActions } from "./actions";
import { categoryRows, percentText, standingOf } from "./compliance";
import { daysBetween, formatDay, formatMonth, londonDay, periodStart } from "./dates";
import { flagRows, homeFlags, ruleName } from "./flags";
import { collectPages } from "./pages";
import { dolsWhen, groupReviews, residentName, reviewWhen } from "./reviews";
import { homesSearch } from "./search";
import { sectionState } from "./sectionState";
import type { Action, CategoryCounts, ComplianceSummary, DolsExpiring, DueReview, Flag, Indicators } from "./types";
import { benchmarkSources, indicatorRows, indicatorValue } from "./workforce";

const counts = { required: 0, in_date: 0, compliance_percent: null, due_soon: 0, overdue: 0, never_inspected: 0, failed: 0 };

function category(name: string, over: Partial<CategoryCounts>): CategoryCounts {
  return { ...counts, category_id: name, code: name.toLowerCase(), name, ...over };
}

describe("report dates", () => {
  it("shows calendar days as they are, whatever the time zone", () => {
    expect(formatDay("2026-12-11")).toBe("11 December 2026");
    expect(formatDay("2026-03-29")).toBe("29 March 2026");
    expect(formatMonth("2026-11-01")).toBe("November 2026");
    expect(formatDay("not a date")).toBe("not a date");
  });

  it("takes today in London, not in UTC", () => {
    expect(londonDay(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonDay(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });

  it("counts days between calendar days, across the clocks changing", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-12-04", "2026-12-01")).toBe(-3);
  });

  it("starts the period on the first of the month two months back, across a year end", () => {
    expect(periodStart("2026-12-04")).toBe("2026-10-01");
    expect(periodStart("2027-01-15")).toBe("2026-11-01");
    expect(periodStart("2027-02-28")).toBe("2026-12-01");
  });
});

describe("compliance in the report", () => {
  it("needs action when anything is overdue or failed, then due soon, then in date", () => {
    expect(standingOf({ ...counts, required: 3, in_date: 2, overdue: 1 })).toBe("action");
    expect(standingOf({ ...counts, required: 3, in_date: 2, failed: 1 })).toBe("action");
    expect(standingOf({ ...counts, required: 3, in_date: 3, due_soon: 1 })).toBe("due-soon");
    expect(standingOf({ ...counts, required: 3, in_date: 3 })).toBe("in-date");
    expect(standingOf(counts)).toBe("none");
  });

  it("lists the kinds of equipment in the home, the worst first, and leaves out the rest", () => {
    const summary: ComplianceSummary = {
      as_of: "2026-12-04",
      home_id: "h1",
      open_recalls: 0,
      recall_assets_pending: 0,
      totals: counts,
      by_home: [],
      by_rule: [],
      by_category: [
        category("Hoist", { required: 3, in_date: 3 }),
        category("Portable appliance", {}),
        category("Sling", { required: 3, in_date: 1, overdue: 2 }),
        category("Emergency light", { required: 8, in_date: 8, due_soon: 2 }),
        category("Bath lift", { required: 1, in_date: 1 }),
        category("Thermostatic mixing valve", { overdue: 1 }),
      ],
    };
    expect(categoryRows(summary).map((r) => [r.name, r.standing])).toEqual([
      ["Sling", "action"],
      ["Thermostatic mixing valve", "action"],
      ["Emergency light", "due-soon"],
      ["Bath lift", "in-date"],
      ["Hoist", "in-date"],
    ]);
  });

  it("shows the percentage with one decimal, and says when nothing is required", () => {
    expect(percentText(79.3)).toBe("79.3%");
    expect(percentText(100)).toBe("100.0%");
    expect(percentText(null)).toBe("Nothing to inspect");
  });
});

const review = (over: Partial<DueReview>): DueReview => ({
  id: "r",
  resident_id: "p",
  given_name: "Albert",
  family_name: "Cole",
  preferred_name: "Bert",
  section_id: "s",
  domain: "nutrition_and_hydration",
  title: "Nutrition and hydration",
  interval: "weekly",
  last_reviewed_date: null,
  next_review_date: "2026-12-11",
  overdue: false,
  ...over,
});

describe("reviews and DoLS in the report", () => {
  it("names residents with the name they go by", () => {
    expect(residentName(review({}))).toBe("Albert Cole (known as Bert)");
    expect(residentName(review({ preferred_name: null }))).toBe("Albert Cole");
    expect(residentName(review({ preferred_name: "Albert" }))).toBe("Albert Cole");
  });

  it("splits overdue reviews from those due soon", () => {
    const groups = groupReviews([review({ id: "a", overdue: true }), review({ id: "b" }), review({ id: "c", overdue: true })]);
    expect(groups.overdue.map((r) => r.id)).toEqual(["a", "c"]);
    expect(groups.dueSoon.map((r) => r.id)).toEqual(["b"]);
  });

  it("says when a review is due, in days", () => {
    expect(reviewWhen("2026-12-01", "2026-12-04")).toBe("3 days overdue");
    expect(reviewWhen("2026-12-03", "2026-12-04")).toBe("1 day overdue");
    expect(reviewWhen("2026-12-04", "2026-12-04")).toBe("Due today");
    expect(reviewWhen("2026-12-05", "2026-12-04")).toBe("Due in 1 day");
    expect(reviewWhen("2026-12-11", "2026-12-04")).toBe("Due in 7 days");
  });

  it("says when a DoLS authorisation expires", () => {
    const dols: DolsExpiring = {
      id: "d",
      resident_id: "p",
      given_name: "Albert",
      family_name: "Cole",
      preferred_name: null,
      kind: "standard",
      supervisory_body: "Northshire County Council",
      starts_on: "2025-12-29",
      expires_on: "2026-12-24",
      days_left: 20,
    };
    expect(dolsWhen(dols)).toBe("Expires in 20 days");
    expect(dolsWhen({ ...dols, days_left: 1 })).toBe("Expires in 1 day");
    expect(dolsWhen({ ...dols, days_left: 0 })).toBe("Expires today");
  });
});

const action = (over: Partial<Action>): Action => ({
  id: "a",
  title: "Fix the hoist",
  description: null,
  home_id: "h1",
  theme_id: null,
  owner: "Estates",
  raised_on: "2026-10-15",
  due_date: "2026-12-20",
  status: "agreed",
  not_doing_reason: null,
  outcome: null,
  completed_on: null,
  overdue: false,
  item_ids: [],
  created_at: "2026-10-15T10:00:00Z",
  updated_at: "2026-10-15T10:00:00Z",
  version: 1,
  ...over,
});

describe("feedback actions in the report", () => {
  it("lists open actions overdue first, counts the overdue, and the done and not-doing in the period", () => {
    const groups = groupActions(
      [
        action({ id: "later", due_date: "2027-01-10", status: "proposed" }),
        action({ id: "late", due_date: "2026-11-29", overdue: true, status: "in_progress" }),
        action({ id: "soon", due_date: "2026-12-20" }),
        action({ id: "done-old", status: "done", completed_on: "2026-09-30" }),
        action({ id: "done-1", status: "done", completed_on: "2026-10-01" }),
        action({ id: "done-2", status: "done", completed_on: "2026-12-04" }),
        action({ id: "no", status: "not_doing", completed_on: "2026-11-02" }),
      ],
      "2026-10-01",
    );
    expect(groups.open.map((a) => a.id)).toEqual(["late", "soon", "later"]);
    expect(groups.overdue).toBe(1);
    expect(groups.done.map((a) => a.id)).toEqual(["done-2", "done-1"]);
    expect(groups.notDoing).toBe(1);
  });
});

const HOME = "h1";
const flag = (over: Partial<Flag>): Flag => ({
  rule: "above_national_benchmark",
  home_id: HOME,
  indicator: "turnover_rate",
  value: 26.9,
  threshold: 24.7,
  message: "turnover rate is 26.9 against 24.7 nationally (2024/25)",
  ...over,
});

describe("the recommendations flags for one home", () => {
  it("keeps the home's flags and the general ones, without repeating the same finding", () => {
    const flags = [
      flag({ home_id: null }),
      flag({}),
      flag({ rule: "theme_rising", home_id: null, indicator: null, value: 6, threshold: 1.5, message: "Staffing raised 6 times" }),
      flag({ home_id: "other" }),
    ];
    expect(homeFlags(flags, HOME).map((f) => [f.rule, f.home_id])).toEqual([
      ["above_national_benchmark", HOME],
      ["theme_rising", null],
    ]);
  });

  it("names the rule of each flag in words, keeping its code, and gives the figures", () => {
    const [row] = flagRows([flag({})]);
    expect(row).toEqual({
      rule: "above_national_benchmark",
      ruleName: "Higher than the national figure",
      message: "Turnover rate is 26.9 against 24.7 nationally (2024/25)",
      figures: "Staff turnover (last 12 months): 26.9% against 24.7%",
    });
    expect(flagRows([flag({ rule: "overdue_actions", indicator: null, value: 1, threshold: 0, message: "1 action(s) are past their due date" })])[0]?.figures).toBeNull();
    expect(ruleName("a_new_rule")).toBe("a new rule");
  });
});

describe("workforce in the report", () => {
  const indicators: Indicators = {
    home_id: HOME,
    month: "2026-11-01",
    months_covered: 12,
    headcount: 53,
    turnover_rate: 26.9,
    vacancy_rate: 7,
    first_year_leaver_rate: 28.6,
    sickness_days_per_fte: 9.9,
    agency_share_of_hours: null,
    level2_share: 49.1,
    comparisons: [
      { indicator: "turnover_rate", value: 26.9, benchmark: 24.7, benchmark_source: "Skills for Care", benchmark_year: "2024/25", worse_than_benchmark: true },
      { indicator: "vacancy_rate", value: 7, benchmark: 7, benchmark_source: "Skills for Care", benchmark_year: "2024/25", worse_than_benchmark: false },
    ],
  };

  it("gives every indicator in a fixed order, against its benchmark when there is one", () => {
    const rows = indicatorRows(indicators);
    expect(rows.map((r) => r.key)).toEqual([
      "turnover_rate",
      "vacancy_rate",
      "first_year_leaver_rate",
      "sickness_days_per_fte",
      "agency_share_of_hours",
      "level2_share",
    ]);
    expect(rows[0]).toMatchObject({ value: "26.9%", benchmark: "24.7% (2024/25)", verdict: "worse" });
    expect(rows[1]).toMatchObject({ value: "7.0%", verdict: "ok" });
    expect(rows[3]).toMatchObject({ value: "9.9 days", benchmark: null, verdict: "no-benchmark" });
    expect(rows[4]?.value).toBe("No figure");
  });

  it("names each benchmark source once", () => {
    expect(benchmarkSources(indicators)).toEqual(["Skills for Care, 2024/25"]);
    expect(indicatorValue("vacancy_rate", undefined)).toBe("No figure");
  });
});

describe("reading a whole list", () => {
  it("follows the cursor to the end", async () => {
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      start: { items: [1, 2], next_cursor: "b" },
      b: { items: [3], next_cursor: null },
    };
    const seen: (string | undefined)[] = [];
    const result = await collectPages(async (cursor) => {
      seen.push(cursor);
      return pages[cursor ?? "start"] ?? { items: [], next_cursor: null };
    }, 5);
    expect(result).toEqual({ items: [1, 2, 3], more: false });
    expect(seen).toEqual([undefined, "b"]);
  });

  it("stops at the limit and says there is more", async () => {
    const result = await collectPages(async () => ({ items: ["x"], next_cursor: "again" }), 3);
    expect(result).toEqual({ items: ["x", "x", "x"], more: true });
  });
});

describe("each part of the report", () => {
  it("says a role may not read it on a 403, instead of failing", () => {
    expect(sectionState({ isPending: false, data: undefined, error: new ApiProblem(403, null) })).toEqual({ kind: "forbidden" });
  });

  it("tells a missing home (404) from a failure, and shows data when there is some", () => {
    expect(sectionState({ isPending: false, data: undefined, error: new ApiProblem(404, null) }).kind).toBe("not-found");
    const failed = sectionState({ isPending: false, data: undefined, error: new NetworkError() });
    expect(failed.kind).toBe("failed");
    expect(sectionState({ isPending: false, data: undefined, error: new ApiProblem(500, null) }).kind).toBe("failed");
    expect(sectionState({ isPending: true, data: undefined, error: null })).toEqual({ kind: "loading" });
    expect(sectionState({ isPending: false, data: 3, error: null })).toEqual({ kind: "ready", data: 3 });
  });

  it("keeps the search in the address, leaving out empty values", () => {
    expect(homesSearch({ q: "oak", cursor: "" })).toBe("?q=oak");
    expect(homesSearch({})).toBe("");
  });
});
