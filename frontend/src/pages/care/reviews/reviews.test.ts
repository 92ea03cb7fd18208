import { describe, expect, it } from "vitest";
import { dueFiltersFrom, dueSearch, toReviewCreate, validateReview } from "./reviews";

const today = "2026-12-04";

describe("reviews due filters", () => {
  it("read from and write to the URL, with defaults left out", () => {
    expect(dueFiltersFrom(new URLSearchParams("within=28&overdue=1"))).toEqual({ within: 28, overdueOnly: true, cursor: "" });
    expect(dueFiltersFrom(new URLSearchParams("within=1000"))).toEqual({ within: 7, overdueOnly: false, cursor: "" });
    expect(dueSearch({ within: 7, overdueOnly: false })).toBe("");
    expect(dueSearch({ within: 14, overdueOnly: true, cursor: "abc" })).toBe("?within=14&overdue=1&cursor=abc");
  });
});

describe("recording a review", () => {
  const values = { reviewDate: today, outcome: "no_change" as const, summary: "Plan still right.", changes: "" };

  it("checks the date, the outcome and the summary", () => {
    expect(validateReview(values, today, null)).toEqual([]);
    expect(validateReview({ ...values, reviewDate: "2026-12-05" }, today, null)[0]?.message).toBe("The date of the review cannot be in the future");
    expect(validateReview({ ...values, reviewDate: "2026-11-01" }, today, "2026-11-20")[0]?.message).toBe("The date of the review cannot be before the last review");
    expect(validateReview({ reviewDate: "", outcome: "", summary: " ", changes: "" }, today, null).map((e) => e.field)).toEqual(["review_date", "outcome", "summary"]);
  });

  it("asks what should change when the plan needs changes", () => {
    expect(validateReview({ ...values, outcome: "changes_needed" }, today, null)).toEqual([{ field: "changes", message: "Say what should change in the plan" }]);
  });

  it("sends trimmed text and no empty changes", () => {
    expect(toReviewCreate({ ...values, summary: " Fine. " })).toEqual({ review_date: today, outcome: "no_change", summary: "Fine.", changes: null });
  });
});
