// The "record an inspection" form: its values as typed, the checks worth making before saving,
// and the body sent to POST /v1/inspections.
import { fieldMessages, type FieldMessage } from "../../../api/messages";
import type { ApiProblem } from "../../../api/problem";
import { realDate } from "../assets/dates";
import type { InspectionCreate, Outcome, ReadingType, Rule } from "../assets/types";
import { judge, READINGS } from "./thresholds";

export interface ReadingValues {
  value: string;
  label: string;
}

export interface InspectionValues {
  ruleId: string;
  day: string;
  month: string;
  year: string;
  outcome: Outcome | "";
  inspector: string;
  company: string;
  certificate: string;
  defectsFound: string;
  notes: string;
  readings: Partial<Record<ReadingType, ReadingValues>>;
}

export const OUTCOME_NAMES: Record<Outcome, string> = {
  pass: "Pass",
  pass_with_advisories: "Pass with advisories",
  fail: "Fail",
};

/** Field names in a sentence, for the server's messages ("Enter the name of the inspector"). */
export const INSPECTION_LABELS: Record<string, string> = {
  rule_id: "the inspection",
  inspected_date: "the date of the inspection",
  outcome: "the outcome",
  inspector_name: "the name of the inspector",
  company: "the company",
  certificate_ref: "the certificate reference",
  defects_found: "the defects found",
  notes: "the notes",
  readings: "the readings",
};

/** The form's field (and input id suffix) for a field the server names. */
export function formField(serverField: string, sentReadings: readonly ReadingType[]): string {
  const reading = /^readings\.(\d+)/.exec(serverField);
  if (reading) {
    const type = sentReadings[Number(reading[1])];
    return type ? `reading-${type}` : "readings";
  }
  const names: Record<string, string> = {
    rule_id: "rule",
    inspected_date: "date",
    inspector_name: "inspector",
    certificate_ref: "certificate",
    defects_found: "defectsFound",
  };
  return names[serverField] ?? serverField;
}

export function emptyInspection(today: string, inspector: string, ruleId = ""): InspectionValues {
  const [year = "", month = "", day = ""] = today.split("-");
  return {
    ruleId,
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    outcome: "",
    inspector,
    company: "",
    certificate: "",
    defectsFound: "",
    notes: "",
    readings: {},
  };
}

/** The checks worth making before asking the server (it checks everything again). */
export function validateInspection(values: InspectionValues, rule: Rule | undefined, today: string): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!rule) errors.push({ field: "rule", message: "Select the inspection you did" });
  const { day, month, year } = values;
  if (!day.trim() && !month.trim() && !year.trim()) errors.push({ field: "date", message: "Enter the date of the inspection" });
  else {
    const date = realDate(year, month, day);
    if (!date) errors.push({ field: "date", message: "The date of the inspection must be a real date, like 27 3 2026" });
    else if (date > today) errors.push({ field: "date", message: "The date of the inspection must be today or in the past" });
  }
  for (const threshold of rule?.thresholds ?? []) {
    const text = values.readings[threshold.reading]?.value ?? "";
    const judged = judge(threshold, text);
    if (judged.state === "empty") errors.push({ field: `reading-${threshold.reading}`, message: `Enter ${READINGS[threshold.reading].sentence}` });
    else if (judged.state === "invalid") errors.push({ field: `reading-${threshold.reading}`, message: judged.message });
  }
  if (!values.outcome) errors.push({ field: "outcome", message: "Select the outcome of the inspection" });
  if (!values.inspector.trim()) errors.push({ field: "inspector", message: "Enter the name of the inspector" });
  return errors;
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** The request body; readings in the order of the rule's limits. */
export function toInspection(values: InspectionValues, assetId: string, rule: Rule): InspectionCreate {
  const readings = rule.thresholds.map((threshold) => {
    const typed = values.readings[threshold.reading] ?? { value: "", label: "" };
    return { reading: threshold.reading, value: typed.value.trim().replace(",", "."), label: optional(typed.label) };
  });
  return {
    asset_id: assetId,
    rule_id: rule.id,
    inspected_date: realDate(values.year, values.month, values.day) ?? "",
    outcome: values.outcome || "pass",
    inspector_name: values.inspector.trim(),
    company: optional(values.company),
    certificate_ref: optional(values.certificate),
    defects_found: optional(values.defectsFound),
    notes: optional(values.notes),
    readings,
  };
}

/** What a fail will do, said before saving. */
export function failConsequence(rule: Rule, assetName: string): string {
  return rule.fail_takes_out_of_service
    ? `If you save a fail, ${assetName} will be taken out of service straight away and an urgent (P1) defect raised. It cannot be used again until it is repaired and passes this inspection.`
    : `If you save a fail, a high-priority (P2) defect will be raised for ${assetName}. It stays in service.`;
}

/** The service's own error types for an inspection, in words. */
const SERVICE_MESSAGES: Record<string, string> = {
  date_in_future: "The date of the inspection must be today or in the past",
  rule_not_for_category: "This inspection is not one this equipment needs. Choose another",
  unknown_reading: "This inspection does not take that reading",
};

/** A 422's errors next to the form's fields, in words. */
export function serverErrors(problem: ApiProblem, sentReadings: readonly ReadingType[]): FieldMessage[] {
  return fieldMessages(problem, INSPECTION_LABELS).map((message, index) => {
    const field = formField(message.field, sentReadings);
    const type = problem.errors[index]?.type ?? "";
    const reading = field.startsWith("reading-") ? READINGS[field.slice("reading-".length) as ReadingType] : undefined;
    if (reading && type === "value_error") {
      // The service names the reading by its code: say it as the form does.
      const name = reading.sentence.charAt(0).toUpperCase() + reading.sentence.slice(1);
      return { field, message: `${name} must be between ${reading.low} and ${reading.high} ${reading.unit}. Check the reading` };
    }
    return { field, message: SERVICE_MESSAGES[type] ?? message.message };
  });
}
