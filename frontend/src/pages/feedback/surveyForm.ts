// Creating a pulse survey: the form's values, its checks, and the API body.
import type { FieldMessage } from "../../api/messages";
import { isIsoDate } from "./dates";
import type { QuestionCreate, QuestionKind, Role, SurveyCreate } from "./types";

export interface QuestionDraft {
  key: number;
  kind: QuestionKind;
  text: string;
  /** single_choice: one option a line. */
  options: string;
  required: boolean;
}

export interface SurveyValues {
  title: string;
  description: string;
  homes: string[];
  roles: Role[];
  opens: "now" | "later";
  opens_on: string;
  closes_on: string;
  min_group_size: string;
  questions: QuestionDraft[];
}

export function newQuestion(key: number, kind: QuestionKind = "likert"): QuestionDraft {
  return { key, kind, text: "", options: "", required: kind !== "free_text" };
}

export function emptySurvey(closesOn: string): SurveyValues {
  return {
    title: "",
    description: "",
    homes: [],
    roles: [],
    opens: "now",
    opens_on: "",
    closes_on: closesOn,
    min_group_size: "5",
    questions: [{ ...newQuestion(1, "recommend"), text: "How likely are you to recommend this home as a place to work?" }],
  };
}

export function optionsOf(text: string): string[] {
  return [...new Set(text.split("\n").map((line) => line.trim()).filter(Boolean))];
}

/** Europe/London's offset from UTC on a day, in minutes (0 in winter, 60 in summer). */
export function londonOffsetMinutes(date: string): number {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" }).formatToParts(noon).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-]\d+)?/.exec(name);
  return match?.[1] ? Number(match[1]) * 60 : 0;
}

/** A UK wall-clock time on a day, as an ISO instant: "2026-12-04", "23:59" -> "2026-12-04T23:59:00.000Z". */
export function londonTime(date: string, time: string): string {
  const at = new Date(`${date}T${time}:00Z`);
  return new Date(at.getTime() - londonOffsetMinutes(date) * 60_000).toISOString();
}

export function validateSurvey(values: SurveyValues, today: string): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const title = values.title.trim();
  if (!title) errors.push({ field: "title", message: "Enter a title for the survey" });
  else if (title.length > 200) errors.push({ field: "title", message: "The title must be 200 characters or fewer" });
  if (values.description.trim().length > 4000) errors.push({ field: "description", message: "The description must be 4,000 characters or fewer" });
  if (values.opens === "later") {
    if (!isIsoDate(values.opens_on)) errors.push({ field: "opens_on", message: "Enter the day the survey opens" });
    else if (values.opens_on <= today) errors.push({ field: "opens_on", message: "The day it opens must be after today, or choose to open it now" });
  }
  const opens = values.opens === "later" && isIsoDate(values.opens_on) ? values.opens_on : today;
  if (!isIsoDate(values.closes_on)) errors.push({ field: "closes_on", message: "Enter the day the survey closes" });
  else if (values.closes_on < opens) errors.push({ field: "closes_on", message: "The survey must close on or after the day it opens" });
  const size = values.min_group_size.trim();
  if (!/^\d+$/.test(size) || Number(size) < 3 || Number(size) > 50) {
    errors.push({ field: "min_group_size", message: "The smallest group must be a whole number from 3 to 50" });
  }
  if (values.questions.length === 0) errors.push({ field: "questions", message: "Add at least one question" });
  if (values.questions.length > 30) errors.push({ field: "questions", message: "A survey can have up to 30 questions" });
  values.questions.forEach((question, index) => {
    const number = index + 1;
    const text = question.text.trim();
    if (!text) errors.push({ field: `questions.${index}.text`, message: `Enter the words of question ${number}` });
    else if (text.length > 200) errors.push({ field: `questions.${index}.text`, message: `Question ${number} must be 200 characters or fewer` });
    if (question.kind === "single_choice") {
      const options = optionsOf(question.options);
      if (options.length < 2) errors.push({ field: `questions.${index}.options`, message: `Give question ${number} at least two different options, one a line` });
      else if (options.length > 10) errors.push({ field: `questions.${index}.options`, message: `Question ${number} can have up to 10 options` });
      else if (options.some((o) => o.length > 100)) errors.push({ field: `questions.${index}.options`, message: `Each option of question ${number} must be 100 characters or fewer` });
    }
  });
  return errors;
}

/**
 * Call only when validateSurvey found nothing. Opening "now" starts a minute ago, so the survey
 * is open as soon as it is saved; it closes at the end of its last day, UK time.
 */
export function toSurveyCreate(values: SurveyValues, now: Date = new Date()): SurveyCreate {
  const description = values.description.trim();
  const questions: QuestionCreate[] = values.questions.map((q) => ({
    kind: q.kind,
    text: q.text.trim(),
    required: q.required,
    ...(q.kind === "single_choice" ? { options: optionsOf(q.options) } : {}),
  }));
  return {
    title: values.title.trim(),
    ...(description ? { description } : {}),
    home_ids: values.homes,
    roles: values.roles,
    opens_at: values.opens === "now" ? new Date(now.getTime() - 60_000).toISOString() : londonTime(values.opens_on, "00:00"),
    closes_at: londonTime(values.closes_on, "23:59"),
    min_group_size: Number(values.min_group_size.trim()),
    questions,
  };
}
