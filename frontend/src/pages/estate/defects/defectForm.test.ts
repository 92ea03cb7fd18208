import { describe, expect, it } from "vitest";
import { compareVersions, keepMine } from "../../../lib/conflict";
import {
  changedWork,
  needsReturnCheck,
  normaliseCost,
  pickWork,
  toWorkForm,
  validateWork,
  WORK_FIELDS,
  workPatch,
  workValuesFromForm,
  workValuesOf,
  type WorkForm,
} from "./defectForm";
import type { Defect } from "./types";

const defect: Defect = {
  id: "d1",
  asset_id: "a1",
  home_id: "h1",
  inspection_id: null,
  title: "Brake slipping",
  description: null,
  priority: "P1",
  status: "open",
  took_out_of_service: true,
  contractor: null,
  cost: null,
  resolution: null,
  return_check_by: null,
  return_check_notes: null,
  returned_to_service: null,
  raised_by: "subject-1",
  resolved_at: null,
  closed_at: null,
  created_at: "2026-12-04T10:00:00Z",
  updated_at: "2026-12-04T10:00:00Z",
  version: 1,
};

const form = (change: Partial<WorkForm> = {}): WorkForm => ({ ...toWorkForm(defect), ...change });

describe("cost", () => {
  it("reads pounds as people type them", () => {
    expect(normaliseCost("120")).toBe("120.00");
    expect(normaliseCost(" £1,250.5 ")).toBe("1250.50");
    expect(normaliseCost("")).toBeNull();
    expect(normaliseCost("twelve")).toBe("twelve");
  });

  it("refuses a cost that is not money or is too big", () => {
    expect(validateWork(defect, form({ cost: "12.345" }))).toEqual([{ field: "cost", message: "Enter the cost in pounds and pence, like 120.50" }]);
    expect(validateWork(defect, form({ cost: "-5" }))[0]?.field).toBe("cost");
    expect(validateWork(defect, form({ cost: "10000001" }))).toEqual([{ field: "cost", message: "The cost must be £10,000,000 or less" }]);
    expect(validateWork(defect, form({ cost: "£99.99" }))).toEqual([]);
  });
});

describe("the return-to-service check", () => {
  it("is needed only when fixing a defect that took its asset out of service", () => {
    expect(needsReturnCheck(defect, "resolved")).toBe(true);
    expect(needsReturnCheck(defect, "closed")).toBe(false);
    expect(needsReturnCheck({ ...defect, took_out_of_service: false }, "resolved")).toBe(false);
    expect(needsReturnCheck({ ...defect, status: "resolved" }, "resolved")).toBe(false);
    // Reopened after its check was recorded: fixed again without a second check.
    expect(needsReturnCheck({ ...defect, status: "in_progress", returned_to_service: true, return_check_by: "J Patel" }, "resolved")).toBe(false);
  });

  it("asks who checked it and whether it can be used again", () => {
    expect(validateWork(defect, form({ status: "resolved" })).map((e) => e.field)).toEqual(["return_check.checked_by", "return_check.return_to_service"]);
    expect(validateWork(defect, form({ status: "resolved", checkedBy: "J Patel", returnToService: "no" }))).toEqual([]);
  });

  it("goes with the change of status, and only then", () => {
    const fixing = form({ status: "resolved", checkedBy: " J Patel ", returnToService: "yes", checkNotes: "" });
    const patch = workPatch(defect, changedWork(workValuesOf(defect), workValuesFromForm(fixing)), fixing);
    expect(patch).toEqual({ status: "resolved", return_check: { checked_by: "J Patel", return_to_service: true } });
    const contractorOnly = form({ contractor: "Arjo" });
    expect(workPatch(defect, changedWork(workValuesOf(defect), workValuesFromForm(contractorOnly)), contractorOnly)).toEqual({ contractor: "Arjo" });
  });

  it("refuses a status move the service does not allow", () => {
    const closed = { ...defect, status: "closed" as const };
    expect(validateWork(closed, { ...toWorkForm(closed), status: "open" })).toEqual([{ field: "status", message: "Choose one of the statuses offered" }]);
  });
});

describe("a colleague's change meanwhile (412)", () => {
  it("sends only my changes on top of theirs when I keep mine", () => {
    const mine = workValuesFromForm(form({ status: "resolved", contractor: "Halton Mobility", cost: "80" }));
    const theirs = { ...defect, status: "in_progress" as const, contractor: "Arjo Service", resolution: "Parts ordered", version: 2 };
    const conflict = compareVersions(workValuesOf(defect), mine, workValuesOf(theirs), WORK_FIELDS);
    expect(conflict.alreadySaved).toBe(false);
    expect(conflict.rows.filter((row) => row.clash).map((row) => row.field)).toEqual(["status", "contractor"]);
    const kept = pickWork(mine, Object.keys(keepMine(conflict)));
    expect(kept).toEqual({ status: "resolved", contractor: "Halton Mobility", cost: "80.00" });
    // Their resolution stays: it is not among my changes.
    expect("resolution" in kept).toBe(false);
    // Fixing from their "in progress" still needs the return check.
    expect(needsReturnCheck(theirs, "resolved")).toBe(true);
  });

  it("sees that my earlier save got through when the saved record already has my changes", () => {
    const mine = workValuesFromForm(form({ contractor: "Arjo" }));
    const conflict = compareVersions(workValuesOf(defect), mine, workValuesOf({ ...defect, contractor: "Arjo", version: 2 }), WORK_FIELDS);
    expect(conflict.alreadySaved).toBe(true);
  });

  it("compares costs as the service writes them", () => {
    expect(workValuesOf({ ...defect, cost: "80.00" }).cost).toBe(workValuesFromForm(form({ cost: "80" })).cost);
    expect(changedWork(workValuesOf({ ...defect, cost: "80.00" }), workValuesFromForm(form({ cost: "80" })))).toEqual({});
  });
});
