// Answering a pulse survey: the answers as chosen on screen, their checks and the API body.
import type { FieldMessage } from "../../api/messages";
import type { AnswerIn, Question } from "./types";

/** Question id -> what was chosen or written, as text ("" for no answer yet). */
export type Answers = Record<string, string>;

export const SCALES = { likert: [1, 5], recommend: [0, 10] } as const;

export function scaleOf(question: Question): readonly number[] {
  if (question.kind !== "likert" && question.kind !== "recommend") return [];
  const [low, high] = SCALES[question.kind];
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

export function validateAnswers(questions: readonly Question[], answers: Answers): FieldMessage[] {
  const errors: FieldMessage[] = [];
  for (const question of questions) {
    const value = (answers[question.id] ?? "").trim();
    const number = `question ${question.position}`;
    if (!value) {
      if (question.required) {
        errors.push({ field: question.id, message: question.kind === "free_text" ? `Write an answer to ${number}` : `Choose an answer to ${number}` });
      }
      continue;
    }
    if (question.kind === "free_text" && value.length > 2000) errors.push({ field: question.id, message: `Your answer to ${number} must be 2,000 characters or fewer` });
    if ((question.kind === "likert" || question.kind === "recommend") && !scaleOf(question).includes(Number(value))) {
      errors.push({ field: question.id, message: `Choose an answer to ${number}` });
    }
    if (question.kind === "single_choice" && !question.options.includes(value)) errors.push({ field: question.id, message: `Choose an answer to ${number}` });
  }
  return errors;
}

/** Answers in the API's shape; optional questions left blank are not sent. */
export function toAnswers(questions: readonly Question[], answers: Answers): AnswerIn[] {
  const out: AnswerIn[] = [];
  for (const question of questions) {
    const value = (answers[question.id] ?? "").trim();
    if (!value) continue;
    if (question.kind === "likert" || question.kind === "recommend") out.push({ question_id: question.id, score: Number(value) });
    else if (question.kind === "single_choice") out.push({ question_id: question.id, choice: value });
    else out.push({ question_id: question.id, comment: value });
  }
  return out;
}

/** The homes a person may answer for: theirs, within the survey's audience (empty = every home). */
export function answerableHomes(myHomes: readonly string[], surveyHomes: readonly string[]): string[] {
  return surveyHomes.length === 0 ? [...myHomes] : myHomes.filter((home) => surveyHomes.includes(home));
}

/** The server answers an error about one answer at ["body", "answers", index, ...]: which question. */
export function questionOfError(field: string, sent: readonly AnswerIn[]): string {
  const match = /^answers\.(\d+)/.exec(field);
  if (!match) return field === "answers" ? "" : field;
  return sent[Number(match[1])]?.question_id ?? "";
}
