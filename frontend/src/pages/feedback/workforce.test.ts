import { describe, expect, it } from "vitest";
import { groupActions, themeChart, withheldText } from "./board";
import { addDays, addMonths, formatDate, formatMonth, isIsoDate } from "./dates";
import { actionFiltersFrom, chosenItems, itemFiltersFrom, withoutCursor } from "./filters";
import { sectionsFor } from "./nav";
import type { Board, WeDid } from "./types";
import { benchmarkFor, INDICATORS, missingText, seriesTrend, worseThan } from "./workforce";
import { emptyReturn, returnFieldOf, toReturnFigures, totals, validateReturn, type ReturnValues } from "./workforceForm";

function filledReturn(): ReturnValues {
  return {
    ...emptyReturn(),
    "care_worker.headcount": "30",
    "care_worker.fte": "24.5",
    "care_worker.vacancies": "3",
    "nurse.headcount": "5",
    "nurse.fte": "5",
    "nurse.vacancies": "1",
    starters: "1",
    leavers_voluntary: "2",
    leavers_involuntary: "0",
    first_year_leavers: "1",
    sickness_days: "20",
    staff_hours: "6000",
    agency_hours: "300",
    agency_spend: "7500.50",
    level2_qualified: "20",
  };
}

describe("workforce return", () => {
  it("accepts a complete return and sends only the roles filled in", () => {
    const values = filledReturn();
    expect(validateReturn(values)).toEqual([]);
    const figures = toReturnFigures(values);
    expect(figures.roles).toEqual([
      { role: "care_worker", headcount: 30, fte: 24.5, vacancies: 3 },
      { role: "nurse", headcount: 5, fte: 5, vacancies: 1 },
    ]);
    expect(figures.agency_spend).toBe(7500.5);
    expect(totals(values)).toEqual({ headcount: 35, fte: 29.5, vacancies: 4 });
  });

  it("applies the service's rules before sending", () => {
    expect(validateReturn({ ...filledReturn(), leavers_voluntary: "40" })).toEqual([{ field: "leavers_voluntary", message: "Leavers (40) cannot be more than the staff in post (35)" }]);
    expect(validateReturn({ ...filledReturn(), first_year_leavers: "3" })[0]?.message).toBe("Leavers in their first year cannot be more than all leavers (2)");
    expect(validateReturn({ ...filledReturn(), level2_qualified: "36" })[0]?.field).toBe("level2_qualified");
  });

  it("refuses negative, fractional counts and blanks, field by field", () => {
    const errors = validateReturn({ ...filledReturn(), starters: "-1", "nurse.headcount": "4.5", sickness_days: "", agency_hours: "1.25" });
    expect(errors.map((e) => e.field)).toEqual(["nurse.headcount", "starters", "sickness_days", "agency_hours"]);
    expect(validateReturn(emptyReturn())[0]).toEqual({ field: "care_worker.headcount", message: "Enter the staff in post for at least one role" });
  });

  it("finds the form field a server error is about", () => {
    const sent = toReturnFigures(filledReturn());
    expect(returnFieldOf("roles.1.fte", sent)).toBe("nurse.fte");
    expect(returnFieldOf("leavers_voluntary", sent)).toBe("leavers_voluntary");
    expect(returnFieldOf("month", sent)).toBe("");
  });
});

describe("workforce indicators", () => {
  const turnover = INDICATORS[0]!;
  const level2 = INDICATORS.find((i) => i.key === "level2_share")!;
  const benchmark = { id: "b", indicator: "turnover_rate", name: "Turnover", value: 24.7, source: "Skills for Care", year: "2024/25", version: 1 };

  it("compares with the benchmark the right way round", () => {
    expect(worseThan(turnover, 29.2, benchmark)).toBe(true);
    expect(worseThan(turnover, 24.1, benchmark)).toBe(false);
    expect(worseThan(level2, 40, { ...benchmark, value: 50 })).toBe(true);
    expect(worseThan(turnover, null, benchmark)).toBeNull();
    expect(benchmarkFor([benchmark], "vacancy_rate")).toBeNull();
    expect(missingText(turnover, 7)).toBe("Not enough returns yet (7 of the 12 months needed)");
  });

  it("keeps missing months as gaps in the trends", () => {
    const rest = { first_year_leaver_rate: null, sickness_days_per_fte: null, level2_share: 60 };
    const series = {
      home_id: null,
      points: [
        { month: "2026-10-01", turnover_rate: null, vacancy_rate: 7, agency_share_of_hours: 4.5, ...rest },
        { month: "2026-11-01", turnover_rate: 25.5, vacancy_rate: 8, agency_share_of_hours: null, ...rest },
      ],
    };
    expect(seriesTrend(series, "turnover_rate")).toEqual({ periods: ["Oct 26", "Nov 26"], values: [[null, 25.5]] });
    expect(seriesTrend(series, "agency_share_of_hours").values).toEqual([[4.5, null]]);
  });
});

describe("dates", () => {
  it("shows calendar days as they are, whatever the time zone", () => {
    expect(formatDate("2026-12-04")).toBe("4 December 2026");
    expect(formatMonth("2026-11-01")).toBe("November 2026");
    expect(addMonths("2026-01-31", -1)).toBe("2025-12-01");
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
  });
});

describe("filters in the address", () => {
  it("keeps only values the API accepts", () => {
    const filters = itemFiltersFrom(new URLSearchParams("status=bogus&home_id=nope&raised_from=2026-12-01&tag=Night%20Shift&sort=raised_on"));
    expect(filters).toMatchObject({ status: "", home_id: "", raised_from: "2026-12-01", tag: "night shift", sort: "raised_on" });
    expect(withoutCursor({ ...filters, cursor: "abc" })).not.toHaveProperty("cursor");
    expect(actionFiltersFrom(new URLSearchParams("overdue=true&status=done"))).toMatchObject({ overdue: true, status: "done" });
    expect(chosenItems(new URLSearchParams("item=1feace07-8821-4887-bf62-3038e3c8b7a6&item=x&item=1feace07-8821-4887-bf62-3038e3c8b7a6"))).toHaveLength(1);
  });
});

describe("the board", () => {
  const action = (status: WeDid["status"], extra: Partial<WeDid> = {}): WeDid => ({
    action_id: status,
    home_id: null,
    theme: null,
    title: status,
    owner: "x",
    status,
    due_date: "2026-12-01",
    completed_on: null,
    outcome: null,
    not_doing_reason: null,
    you_said: [],
    items: 0,
    ...extra,
  });

  it("sorts actions into done, under way and not doing", () => {
    const groups = groupActions([action("agreed"), action("done", { completed_on: "2026-12-01" }), action("not_doing"), action("proposed", { due_date: "2026-11-01" })]);
    expect(groups.done.map((a) => a.status)).toEqual(["done"]);
    expect(groups.doing.map((a) => a.status)).toEqual(["proposed", "agreed"]);
    expect(groups.notDoing).toHaveLength(1);
    expect(withheldText(5)).toMatch(/fewer than 5 people/);
  });

  it("charts themes most raised first", () => {
    const board: Board = { home_id: null, period_from: "", period_to: "", min_contributors: 5, items_raised: 3, actions: [], themes: [
      { theme_id: "a", theme: "Training", raised: 1, working: 1, not_working: 0, ideas: 0 },
      { theme_id: "b", theme: "Staffing", raised: 2, working: 0, not_working: 2, ideas: 0 },
    ] };
    expect(themeChart(board)).toEqual({ categories: ["Staffing", "Training"], values: [[0, 2, 0], [1, 0, 0]] });
  });
});

describe("sub-navigation", () => {
  it("shows a care worker no triage, actions or workforce, and a divisional manager everything", () => {
    const care = sectionsFor(["care_worker"]).map((s) => s.label);
    expect(care).toEqual(["Give feedback", "My feedback", "Reply with your code", "You said, we did", "Pulse surveys"]);
    expect(sectionsFor(["divisional_manager"])).toHaveLength(9);
    expect(sectionsFor(["home_manager"]).map((s) => s.label)).toContain("Who can give feedback");
    expect(sectionsFor(["integrator"]).map((s) => s.label)).toEqual(["You said, we did", "Pulse surveys", "Workforce"]);
  });
});
