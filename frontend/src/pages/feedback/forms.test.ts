import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/problem";
import { compareVersions, keepMine, patchOf } from "../../lib/conflict";
import { SaveDiscarded } from "../../lib/saveQueue";
import { ACTION_FIELDS, emptyAction, fromAction, inheritFromItems, NEXT_STATUSES, toActionCreate, toActionValues, toApiValues, validateAction } from "./actionForm";
import { DEPARTMENT, emptyFeedback, toItemCreate, validateFeedback } from "./feedbackForm";
import { normaliseReplyCode } from "./replyCode";
import { saveErrors } from "./saveErrors";
import { parseTags, toTriage, toTriageValues, validateTriage } from "./triageForm";
import type { Action, Item } from "./types";

const HOME = "1feace07-8821-4887-bf62-3038e3c8b7a6";
const THEME = "32c9ea95-8730-568b-bfb0-e0e1171ac27c";

const action: Action = {
  id: "e6f6d290-17fb-476c-8ec8-07adc2d7a567",
  title: "Replace the hoist",
  description: null,
  home_id: HOME,
  theme_id: null,
  owner: "Estates team",
  raised_on: "2026-10-07",
  due_date: "2026-11-29",
  status: "agreed",
  not_doing_reason: null,
  outcome: null,
  completed_on: null,
  overdue: true,
  item_ids: [],
  created_at: "2026-12-04T22:18:57Z",
  updated_at: "2026-12-04T22:18:57Z",
  version: 2,
};

const item: Item = {
  id: "925d6a44-cbcf-41ea-8b6f-a3cfb0d8afcb",
  home_id: HOME,
  department: null,
  theme_id: THEME,
  kind: "not_working",
  importance: "high",
  summary: "Night shifts are short",
  detail: null,
  anonymous: true,
  author_name: null,
  raised_on: "2026-12-04",
  status: "new",
  tags: [],
  merged_into_id: null,
  version: 1,
};

describe("give feedback", () => {
  const filled = { ...emptyFeedback(HOME), kind: "idea" as const, theme_id: THEME, importance: "low" as const, summary: "  A quiet room  ", anonymous: "yes" as const };

  it("asks for each missing answer, in form order", () => {
    expect(validateFeedback(emptyFeedback("")).map((e) => e.field)).toEqual(["kind", "theme_id", "place", "importance", "summary", "anonymous"]);
    expect(validateFeedback(filled)).toEqual([]);
  });

  it("counts the summary's length and needs a department's name", () => {
    expect(validateFeedback({ ...filled, summary: "x".repeat(201) })[0]?.message).toBe("Your feedback must be 200 characters or fewer (it has 201)");
    expect(validateFeedback({ ...filled, place: DEPARTMENT })).toEqual([{ field: "department", message: "Enter the department" }]);
  });

  it("sends anonymous as a boolean, trimmed text, and a home or a department", () => {
    expect(toItemCreate(filled)).toEqual({ kind: "idea", theme_id: THEME, importance: "low", summary: "A quiet room", home_id: HOME, anonymous: true });
    const department = toItemCreate({ ...filled, place: DEPARTMENT, department: " HR ", anonymous: "no", detail: " more " });
    expect(department).toMatchObject({ department: "HR", anonymous: false, detail: "more" });
    expect(department).not.toHaveProperty("home_id");
  });
});

describe("reply codes", () => {
  it("accepts a code however it was copied, and refuses anything else", () => {
    expect(normaliseReplyCode("jmjf cyxv-oijz v62g rq7i qwnm")).toBe("JMJF-CYXV-OIJZ-V62G-RQ7I-QWNM");
    expect(normaliseReplyCode("JMJFCYXVOIJZV62GRQ7IQWNM")).toBe("JMJF-CYXV-OIJZ-V62G-RQ7I-QWNM");
    expect(normaliseReplyCode("JMJF-CYXV")).toBeNull();
    expect(normaliseReplyCode("JMJF-CYXV-OIJZ-V62G-RQ7I-QWN1")).toBeNull(); // 1 is not base32
  });
});

describe("triage", () => {
  it("tidies tags the way the server stores them", () => {
    expect(parseTags("Rota, Night Shift , night  shift,,")).toEqual(["night shift", "rota"]);
  });

  it("refuses tags the server would refuse", () => {
    const values = toTriageValues(item);
    expect(validateTriage({ ...values, tags: "ok, -bad" })[0]?.field).toBe("tags");
    expect(validateTriage({ ...values, tags: "x".repeat(41) })[0]?.message).toMatch(/40 characters/);
    expect(validateTriage({ ...values, tags: "doors" })).toEqual([]);
  });

  it("moves a new item to looked-at when it is saved", () => {
    expect(toTriage(toTriageValues(item))).toEqual({ theme_id: THEME, tags: [], status: "triaged" });
  });
});

describe("actions", () => {
  it("follows the service's status path one step at a time", () => {
    expect(NEXT_STATUSES.proposed).toEqual(["agreed", "not_doing"]);
    expect(NEXT_STATUSES.in_progress).toContain("done");
    expect(NEXT_STATUSES.done).toEqual([]);
    const values = toActionValues(action);
    expect(validateAction({ ...values, status: "done", outcome: "x" }, action.raised_on, "agreed")).toEqual([{ field: "status", message: "Choose one of the next steps shown" }]);
  });

  it("needs an outcome to finish and a reason not to do it", () => {
    const values = { ...toActionValues(action), status: "in_progress" };
    expect(validateAction({ ...values, status: "done" }, action.raised_on, "in_progress")).toEqual([{ field: "outcome", message: "Say what changed, so people can see what was done" }]);
    expect(validateAction({ ...values, status: "not_doing" }, action.raised_on, "in_progress")[0]?.field).toBe("not_doing_reason");
    expect(validateAction({ ...values, status: "done", outcome: "Fitted" }, action.raised_on, "in_progress")).toEqual([]);
  });

  it("refuses a due date before the action was raised", () => {
    const values = { ...emptyAction("2026-12-01"), title: "Fix it", owner: "Me" };
    expect(validateAction(values, "2026-12-04")[0]?.field).toBe("due_date");
    expect(validateAction({ ...values, due_date: "2026-02-30" }, "2026-01-01")[0]?.message).toBe("The due date must be a real date");
  });

  it("takes the home and theme the linked feedback shares, else the council", () => {
    expect(inheritFromItems([item, { ...item }])).toEqual({ home_id: HOME, theme_id: THEME });
    expect(inheritFromItems([item, { ...item, home_id: "other", theme_id: "other" }])).toEqual({ home_id: null, theme_id: null });
    const body = toActionCreate({ ...emptyAction("2026-12-31"), title: " Fix ", owner: " Me " }, { home_id: null, theme_id: null, item_ids: [item.id] });
    expect(body).toEqual({ title: "Fix", owner: "Me", due_date: "2026-12-31", home_id: null, item_ids: [item.id] });
  });

  it("sends only what changed, and on a conflict keeps the other person's other changes", () => {
    const mine = { ...toActionValues(action), status: "in_progress", owner: "Estates team " };
    const patch = patchOf(fromAction(action), toApiValues(mine), ACTION_FIELDS);
    expect(patch).toEqual({ status: "in_progress" });
    const theirs = { ...action, due_date: "2026-12-20", version: 3 };
    const conflict = compareVersions(fromAction(action), { ...fromAction(action), ...patch }, fromAction(theirs), ACTION_FIELDS);
    expect(conflict.alreadySaved).toBe(false);
    expect(conflict.rows.filter((r) => r.theyChanged).map((r) => r.field)).toEqual(["due_date"]);
    expect(keepMine(conflict)).toEqual({ status: "in_progress" });
    const same = compareVersions(fromAction(action), { ...fromAction(action), ...patch }, fromAction({ ...theirs, status: "in_progress" }), ACTION_FIELDS);
    expect(same.alreadySaved).toBe(true);
  });
});

describe("save errors", () => {
  it("puts each 422 issue by its field, in plain words", () => {
    const problem = new ApiProblem(422, { status: 422, title: "Unprocessable", type: "about:blank", errors: [{ loc: ["body", "home_id"], msg: "Field required", type: "missing" }] });
    expect(saveErrors(problem, { home_id: "the home it is about" }, (f) => (f === "home_id" ? "place" : f))).toEqual([{ field: "place", message: "Enter the home it is about" }]);
  });

  it("explains a refusal with the service's own sentence, and a lost save", () => {
    const already = new ApiProblem(409, { status: 409, title: "Conflict", type: "about:blank", detail: "You have already answered this survey. Each person answers once." });
    expect(saveErrors(already, {})[0]?.message).toBe("You have already answered this survey. Each person answers once.");
    expect(saveErrors(new SaveDiscarded("x"), {})[0]?.message).toMatch(/not saved/);
    expect(saveErrors(new ApiProblem(500, null), {})[0]?.message).toMatch(/problem with Care Hub/);
  });
});
