// Signing off a draft: who took part in agreeing it (Care Act 2014 s.25, CQC Regulation 9).
import type { FieldMessage } from "../../../api/messages";
import type { Involvement, SignOff } from "../types";

export const INVOLVEMENTS: readonly Involvement[] = ["resident", "representative", "resident_and_representative", "not_involved"];

export const INVOLVEMENT_CHOICES: Record<Involvement, string> = {
  resident: "The resident agreed it",
  representative: "Their representative agreed it (for example, a relative with power of attorney)",
  resident_and_representative: "The resident and their representative agreed it",
  not_involved: "Neither could take part",
};

export interface SignOffValues {
  involvement: Involvement | "";
  note: string;
}

export const NOTE_LIMIT = 2000;

export function validateSignOff(values: SignOffValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!values.involvement) errors.push({ field: "involvement", message: "Select who agreed the plan" });
  if (values.involvement === "not_involved" && !values.note.trim()) {
    errors.push({ field: "involvement_note", message: "Say why neither the resident nor a representative could take part" });
  }
  if (values.note.trim().length > NOTE_LIMIT) errors.push({ field: "involvement_note", message: `The note must be ${NOTE_LIMIT.toLocaleString("en-GB")} characters or fewer` });
  return errors;
}

export function signOffBody(values: SignOffValues): SignOff {
  if (!values.involvement) throw new Error("validate first");
  return { involvement: values.involvement, involvement_note: values.note.trim() || null };
}
