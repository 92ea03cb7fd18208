import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../../api/problem";
import { fieldMessages } from "../../../api/messages";
import type { PlanDiff, SectionRead, Version } from "../types";
import { compareParams, diffSections, diffSummary, itemNames, valueText } from "./diffView";
import { draftNumber } from "./plan";
import {
  conflictValueText,
  emptyGoal,
  emptySection,
  fieldId,
  keepMyParts,
  planConflict,
  planLabels,
  toApi,
  toForm,
  validatePlan,
  type PlanForm,
} from "./planForm";
import { signOffBody, validateSignOff } from "./signOff";

const mobility: SectionRead = {
  id: "s-mob",
  domain: "mobility_and_falls",
  title: "Mobility and falls",
  needs: "Unsteady on her feet.",
  strengths: "Walks with a frame.",
  preferences: null,
  equipment_asset_ids: [],
  review_interval: "monthly",
  goals: [{ id: "g1", description: "Walk to lunch", measure: "Daily", target_date: "2027-02-02", progress_notes: [] }],
  interventions: [{ id: "i1", what: "Walk alongside", how_often: "Every transfer", by_whom: "Care team" }],
};

const communication: SectionRead = {
  id: "s-com",
  domain: "communication",
  title: "Communication",
  needs: "Hard of hearing.",
  strengths: null,
  preferences: "Sit on my left.",
  equipment_asset_ids: [],
  review_interval: "quarterly",
  goals: [],
  interventions: [],
};

function version(number: number, sections: SectionRead[], status: Version["status"] = "current"): Version {
  return {
    number,
    status,
    based_on_number: number > 1 ? number - 1 : null,
    reason: "Agreed",
    author_sub: "u",
    author_name: "Nia Evans",
    created_at: "2026-12-01T09:00:00Z",
    signed_off_by_name: null,
    signed_off_role: null,
    signed_off_at: null,
    involvement: null,
    involvement_note: null,
    sections,
  };
}

describe("plan form", () => {
  it("sends the whole plan back unchanged, ids kept, based on the newest version", () => {
    const form: PlanForm = { ...toForm(version(3, [mobility, communication])), reason: "  Reviewed  " };
    const body = toApi(form, 3);
    expect(body.based_on_version).toBe(3);
    expect(body.reason).toBe("Reviewed");
    expect(body.sections).toEqual([
      {
        id: "s-mob",
        domain: "mobility_and_falls",
        title: "Mobility and falls",
        needs: "Unsteady on her feet.",
        strengths: "Walks with a frame.",
        preferences: null,
        review_interval: "monthly",
        equipment_asset_ids: [],
        goals: [{ id: "g1", description: "Walk to lunch", measure: "Daily", target_date: "2027-02-02", progress_notes: [] }],
        interventions: [{ id: "i1", what: "Walk alongside", how_often: "Every transfer", by_whom: "Care team" }],
      },
      expect.objectContaining({ id: "s-com", strengths: null, preferences: "Sit on my left.", review_interval: "quarterly" }),
    ]);
    expect(toApi({ reason: "First", sections: [] }, null)).not.toHaveProperty("based_on_version");
  });

  it("sends new goals and sections without ids, blanks as null", () => {
    const section = emptySection({ code: "sleep", name: "Sleep", standard: true });
    section.needs = "Wakes at night";
    section.goals = [{ ...emptyGoal(), description: "Sleep through", measure: "Night notes", target_date: " " }];
    const [sent] = toApi({ reason: "r", sections: [section] }, 1).sections;
    expect(sent).toEqual({
      domain: "sleep",
      title: "Sleep",
      needs: "Wakes at night",
      strengths: null,
      preferences: null,
      review_interval: "monthly",
      equipment_asset_ids: [],
      goals: [{ description: "Sleep through", measure: "Night notes", target_date: null, progress_notes: [] }],
      interventions: [],
    });
  });

  it("checks what is missing, by field, in words", () => {
    const form = toForm(version(1, [mobility]));
    const section = form.sections[0];
    if (!section) throw new Error("no section");
    section.needs = " ";
    section.goals = [{ ...emptyGoal(), description: "Walk", measure: "", target_date: "2027-02-30" }];
    section.interventions = [{ key: "k", id: null, what: "Help", how_often: "Daily", by_whom: "x".repeat(201) }];
    expect(validatePlan(form)).toEqual([
      { field: "sections.0.needs", message: "Enter the needs for Mobility and falls" },
      { field: "sections.0.goals.0.measure", message: "Enter how you will know goal 1 of Mobility and falls is met" },
      { field: "sections.0.goals.0.target_date", message: "The target date of goal 1 of Mobility and falls must be a real date" },
      { field: "sections.0.interventions.0.by_whom", message: "Who does support 1 of Mobility and falls must be 200 characters or fewer" },
      { field: "reason", message: "Enter why the plan is changing" },
    ]);
    expect(validatePlan({ reason: "r", sections: [] })).toEqual([{ field: "sections", message: "Add at least one section to the plan" }]);
    expect(validatePlan({ ...toForm(version(1, [mobility])), reason: "Reviewed" })).toEqual([]);
    expect(fieldId("sections.0.goals.1.measure")).toBe("plan-sections-0-goals-1-measure");
  });

  it("names the server's validation errors after the plan's own sections", () => {
    const form = toForm(version(1, [mobility, communication]));
    const problem = new ApiProblem(422, {
      status: 422,
      title: "Unprocessable",
      errors: [
        { loc: ["body", "sections", 1, "needs"], msg: "String should have at least 1 character", type: "string_too_short" },
        { loc: ["body", "sections", 0, "goals", 0, "measure"], msg: "String should have at most 200 characters", type: "string_too_long" },
      ],
    });
    expect(fieldMessages(problem, planLabels(form))).toEqual([
      { field: "sections.1.needs", message: "Enter the needs for Communication" },
      { field: "sections.0.goals.0.measure", message: "How you will know goal 1 of Mobility and falls is met must be 200 characters or fewer" },
    ]);
  });
});

describe("when someone else saved a newer version first", () => {
  const base = toForm(version(1, [mobility, communication])).sections;

  it("shows what each side changed, and keeps both when I keep mine", () => {
    const mine = base.map((s) => (s.domain === "mobility_and_falls" ? { ...s, preferences: "Let me walk alone" } : s));
    const theirs = toForm(version(2, [mobility, { ...communication, needs: "New hearing aid." }])).sections;
    const { conflict, labels } = planConflict(base, mine, theirs);
    const changed = conflict.rows.filter((r) => r.iChanged || r.theyChanged).map((r) => [r.field, r.iChanged, r.theyChanged, r.clash]);
    expect(changed).toEqual([
      ["mobility_and_falls.preferences", true, false, false],
      ["communication.needs", false, true, false],
    ]);
    expect(labels["mobility_and_falls.preferences"]).toBe("Mobility and falls: preferences");
    expect(conflict.alreadySaved).toBe(false);

    const merged = keepMyParts(theirs, mine, conflict);
    expect(merged.find((s) => s.domain === "communication")?.needs).toBe("New hearing aid.");
    expect(merged.find((s) => s.domain === "mobility_and_falls")?.preferences).toBe("Let me walk alone");
  });

  it("adds the section I added and drops the one I removed, leaving theirs", () => {
    const sleep = { ...emptySection({ code: "sleep", name: "Sleep", standard: true }), needs: "Wakes at night" };
    const mine = [...base.filter((s) => s.domain !== "communication"), sleep];
    const theirs = toForm(version(2, [{ ...mobility, needs: "Uses a frame now." }, communication])).sections;
    const { conflict } = planConflict(base, mine, theirs);
    const merged = keepMyParts(theirs, mine, conflict);
    expect(merged.map((s) => s.domain)).toEqual(["mobility_and_falls", "sleep"]);
    expect(merged[0]?.needs).toBe("Uses a frame now.");
  });

  it("flags a clash when both changed the same part differently, and spots a save that already got through", () => {
    const mine = base.map((s) => (s.domain === "communication" ? { ...s, needs: "Mine" } : s));
    const clash = planConflict(base, mine, toForm(version(2, [mobility, { ...communication, needs: "Theirs" }])).sections);
    expect(clash.conflict.rows.find((r) => r.field === "communication.needs")?.clash).toBe(true);
    const same = planConflict(base, mine, toForm(version(2, [mobility, { ...communication, needs: "Mine" }])).sections);
    expect(same.conflict.alreadySaved).toBe(true);
  });

  it("says compared values in words", () => {
    expect(conflictValueText("sleep.present", false)).toBe("Not in the plan");
    expect(conflictValueText("sleep.review_interval", "fortnightly")).toBe("Review every two weeks");
    expect(conflictValueText("x.goals", [{ description: "Walk", measure: "Daily", target_date: "2027-02-02" }])).toBe("Walk (how we will know: Daily; by 2 February 2027)");
    expect(conflictValueText("x.interventions", [])).toBe("None");
    expect(conflictValueText("x.needs", null)).toBe("(blank)");
  });
});

describe("comparing two versions", () => {
  const diff: PlanDiff = {
    from_version: 1,
    to_version: 2,
    sections_added: [{ ...communication, id: "s-sleep", domain: "sleep", title: "Sleep", needs: "Wakes at night.", preferences: null, review_interval: "monthly" }],
    sections_removed: [communication],
    sections_changed: [
      {
        id: "s-mob",
        domain: "mobility_and_falls",
        title: "Mobility and falls",
        fields: [{ field: "needs", before: "Unsteady.", after: "Uses a frame." }],
        goals: {
          added: [{ id: "g2", description: "Chair exercise", measure: "Twice a week", target_date: null }],
          removed: [],
          changed: [{ id: "g1", fields: [{ field: "target_date", before: null, after: "2027-03-01" }] }],
        },
        interventions: { added: [], removed: [{ id: "i1", what: "Walk alongside", how_often: "Every transfer", by_whom: "Care team" }], changed: [] },
      },
    ],
  };

  it("lists every change with its kind in words, before and after", () => {
    const names = itemNames(version(1, [mobility]));
    const [changed, added, removed] = diffSections(diff, names);
    expect(changed?.rows.map((r) => [r.kind, r.what, r.before, r.after])).toEqual([
      ["changed", "Needs", "Unsteady.", "Uses a frame."],
      ["added", "Goal", "", "Chair exercise\nHow we will know: Twice a week"],
      ["changed", "Goal “Walk to lunch”: target date", "(none)", "1 March 2027"],
      ["removed", "Support", "Walk alongside\nHow often: Every transfer\nBy: Care team", ""],
    ]);
    expect(added).toMatchObject({ title: "Sleep", kind: "added" });
    expect(added?.rows.map((r) => [r.what, r.before, r.after])).toEqual([
      ["Needs", "", "Wakes at night."],
      ["How often it is reviewed", "", "Every month"],
    ]);
    expect(removed?.rows.every((r) => r.kind === "removed" && r.after === "")).toBe(true);
    expect(diffSummary(diff)).toBe("1 section changed, 1 section added and 1 section removed");
    expect(diffSummary({ ...diff, sections_added: [], sections_removed: [], sections_changed: [] })).toBe("No differences");
  });

  it("reads the versions from the URL, older first, and refuses nonsense", () => {
    expect(compareParams(new URLSearchParams("from=3&to=1"))).toEqual({ from: 1, to: 3 });
    expect(compareParams(new URLSearchParams("from=2&to=2"))).toBeNull();
    expect(compareParams(new URLSearchParams("from=x&to=2"))).toBeNull();
    expect(compareParams(new URLSearchParams(""))).toBeNull();
    expect(valueText("equipment_asset_ids", ["a", "b"])).toBe("2 items of equipment");
  });

  it("knows when the newest version is a draft waiting for sign-off", () => {
    const plan = { id: "p", resident_id: "r", home_id: "h", current_version_number: 2, latest_version_number: 3, current: null, version: 4 };
    expect(draftNumber(plan)).toBe(3);
    expect(draftNumber({ ...plan, latest_version_number: 2 })).toBeNull();
    expect(draftNumber({ ...plan, current_version_number: null, latest_version_number: 1 })).toBe(1);
  });
});

describe("sign-off", () => {
  it("needs who agreed, and a reason when neither could take part", () => {
    expect(validateSignOff({ involvement: "", note: "" })).toEqual([{ field: "involvement", message: "Select who agreed the plan" }]);
    expect(validateSignOff({ involvement: "not_involved", note: " " })).toEqual([
      { field: "involvement_note", message: "Say why neither the resident nor a representative could take part" },
    ]);
    expect(validateSignOff({ involvement: "resident", note: "" })).toEqual([]);
    expect(signOffBody({ involvement: "resident", note: "  " })).toEqual({ involvement: "resident", involvement_note: null });
    expect(signOffBody({ involvement: "not_involved", note: " In hospital " })).toEqual({ involvement: "not_involved", involvement_note: "In hospital" });
  });
});
