// The work-order form on a defect: strings in the form, typed values for the API, the checks
// worth making before asking the server, and the return-to-service check it asks for.
import type { FieldMessage } from "../../../api/messages";
import { sameValue } from "../../../lib/conflict";
import { NEXT_STATUSES } from "./defects";
import type { Defect, DefectStatus, DefectUpdate, Priority, ReturnCheck } from "./types";

/** The defect's fields the form changes (and a conflict compares). */
export const WORK_FIELDS = ["status", "priority", "contractor", "cost", "resolution"] as const satisfies readonly (keyof DefectUpdate)[];
export type WorkField = (typeof WORK_FIELDS)[number];
export interface WorkValues {
  status: DefectStatus;
  priority: Priority;
  contractor: string | null;
  cost: string | null;
  resolution: string | null;
}

export const WORK_LABELS: Record<WorkField, string> = {
  status: "Status",
  priority: "Priority",
  contractor: "Who is fixing it",
  cost: "Cost",
  resolution: "What was done",
};

/** Field names as used in a sentence ("Enter the cost"), for the server's errors too. */
export const WORK_SENTENCE_LABELS: Record<string, string> = {
  status: "the status",
  priority: "the priority",
  contractor: "who is fixing it",
  cost: "the cost",
  resolution: "what was done",
  "return_check.checked_by": "who checked it",
  "return_check.notes": "the notes on the check",
  "return_check.return_to_service": "whether it can be used again",
};

export interface WorkForm {
  status: DefectStatus;
  priority: Priority;
  contractor: string;
  cost: string;
  resolution: string;
  checkedBy: string;
  checkNotes: string;
  /** "yes" / "no" / "" (not answered). */
  returnToService: string;
}

export function toWorkForm(defect: Defect): WorkForm {
  return {
    status: defect.status,
    priority: defect.priority,
    contractor: defect.contractor ?? "",
    cost: defect.cost === null || defect.cost === undefined ? "" : String(defect.cost),
    resolution: defect.resolution ?? "",
    checkedBy: "",
    checkNotes: "",
    returnToService: "",
  };
}

/** "12", "12.5", "£1,200.00" -> "1200.00"; anything else stays as typed (and fails validation). */
export function normaliseCost(text: string): string | null {
  const plain = text.trim().replace(/^£/, "").replaceAll(",", "");
  if (!plain) return null;
  return /^\d+(\.\d{1,2})?$/.test(plain) ? Number(plain).toFixed(2) : text.trim();
}

/** The defect's work-order values as the API holds them (cost as "12.50"). */
export function workValuesOf(defect: Defect): WorkValues {
  return {
    status: defect.status,
    priority: defect.priority,
    contractor: defect.contractor ?? null,
    cost: defect.cost === null || defect.cost === undefined ? null : normaliseCost(String(defect.cost)),
    resolution: defect.resolution ?? null,
  };
}

export function workValuesFromForm(form: WorkForm): WorkValues {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    status: form.status,
    priority: form.priority,
    contractor: text(form.contractor),
    cost: normaliseCost(form.cost),
    resolution: text(form.resolution),
  };
}

/**
 * Fixing a defect that took its asset out of service needs the return-to-service check, once:
 * a defect reopened after its check was recorded is fixed again without a second one.
 */
export function needsReturnCheck(defect: Defect, status: DefectStatus): boolean {
  return status === "resolved" && defect.status !== "resolved" && defect.took_out_of_service && defect.returned_to_service === null;
}

export function returnCheckOf(form: WorkForm): ReturnCheck {
  const notes = form.checkNotes.trim();
  return { checked_by: form.checkedBy.trim(), return_to_service: form.returnToService === "yes", ...(notes ? { notes } : {}) };
}

const MAX_COST = 10_000_000;

export function validateWork(defect: Defect, form: WorkForm): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (form.status !== defect.status && !NEXT_STATUSES[defect.status].includes(form.status)) {
    errors.push({ field: "status", message: "Choose one of the statuses offered" });
  }
  if (form.contractor.trim().length > 200) errors.push({ field: "contractor", message: "Who is fixing it must be 200 characters or fewer" });
  const cost = normaliseCost(form.cost);
  if (cost !== null) {
    if (!/^\d+\.\d{2}$/.test(cost)) errors.push({ field: "cost", message: "Enter the cost in pounds and pence, like 120.50" });
    else if (Number(cost) > MAX_COST) errors.push({ field: "cost", message: "The cost must be £10,000,000 or less" });
  }
  if (form.resolution.trim().length > 2000) errors.push({ field: "resolution", message: "What was done must be 2,000 characters or fewer" });
  if (needsReturnCheck(defect, form.status)) {
    if (!form.checkedBy.trim()) errors.push({ field: "return_check.checked_by", message: "Enter who checked it is safe" });
    else if (form.checkedBy.trim().length > 200) errors.push({ field: "return_check.checked_by", message: "Who checked it must be 200 characters or fewer" });
    if (form.returnToService !== "yes" && form.returnToService !== "no") {
      errors.push({ field: "return_check.return_to_service", message: "Select whether it can be used again" });
    }
    if (form.checkNotes.trim().length > 2000) errors.push({ field: "return_check.notes", message: "The notes must be 2,000 characters or fewer" });
  }
  return errors;
}

/** The given fields of `values` (all of them by default). */
export function pickWork(values: WorkValues, fields: readonly string[] = WORK_FIELDS): Partial<WorkValues> {
  const out: Partial<WorkValues> = {};
  for (const field of WORK_FIELDS) if (fields.includes(field)) Object.assign(out, { [field]: values[field] });
  return out;
}

/** The fields of `mine` that differ from `base`. */
export function changedWork(base: WorkValues, mine: WorkValues): Partial<WorkValues> {
  return pickWork(mine, WORK_FIELDS.filter((field) => !sameValue(base[field], mine[field])));
}

/** The PATCH for the form: only what changed, plus the return check when fixing needs one. */
export function workPatch(defect: Defect, changed: Partial<WorkValues>, form: WorkForm): DefectUpdate {
  const patch: DefectUpdate = { ...changed };
  if (needsReturnCheck(defect, changed.status ?? defect.status)) patch.return_check = returnCheckOf(form);
  return patch;
}
