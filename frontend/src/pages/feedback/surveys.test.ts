import { describe, expect, it } from "vitest";
import { choiceChart, formatEnps, groupReason, likertSpreadChart, meanChart, rowMissingText, rowsFor, suppressedText } from "./results";
import { answerableHomes, questionOfError, toAnswers, validateAnswers } from "./surveyAnswers";
import { emptySurvey, londonTime, newQuestion, toSurveyCreate, validateSurvey } from "./surveyForm";
import type { Question, QuestionResult, SurveyResults } from "./types";

const q = (position: number, kind: Question["kind"], extra: Partial<Question> = {}): Question => ({
  id: `q${position}`,
  position,
  kind,
  text: `Question ${position}`,
  options: [],
  required: true,
  ...extra,
});
const questions = [q(1, "recommend"), q(2, "likert"), q(3, "single_choice", { options: ["Days", "Nights"] }), q(4, "free_text", { required: false })];

describe("answering a survey", () => {
  it("asks for every required answer and checks the scale", () => {
    expect(validateAnswers(questions, {}).map((e) => e.message)).toEqual([
      "Choose an answer to question 1",
      "Choose an answer to question 2",
      "Choose an answer to question 3",
    ]);
    expect(validateAnswers(questions, { q1: "11", q2: "0", q3: "Evenings" }).map((e) => e.field)).toEqual(["q1", "q2", "q3"]);
    expect(validateAnswers(questions, { q1: "0", q2: "5", q3: "Days" })).toEqual([]);
  });

  it("sends scores as numbers, choices and comments as text, and leaves out blank optional answers", () => {
    expect(toAnswers(questions, { q1: "9", q2: "4", q3: "Nights", q4: "  " })).toEqual([
      { question_id: "q1", score: 9 },
      { question_id: "q2", score: 4 },
      { question_id: "q3", choice: "Nights" },
    ]);
    expect(toAnswers(questions, { q4: " Rotas " })).toEqual([{ question_id: "q4", comment: "Rotas" }]);
  });

  it("offers only the person's homes the survey is for, and finds the question a server error is about", () => {
    expect(answerableHomes(["a", "b"], [])).toEqual(["a", "b"]);
    expect(answerableHomes(["a", "b"], ["b", "c"])).toEqual(["b"]);
    expect(questionOfError("answers.1.score", [{ question_id: "q1" }, { question_id: "q2" }])).toBe("q2");
    expect(questionOfError("home_id", [])).toBe("home_id");
  });
});

describe("creating a survey", () => {
  const today = "2026-12-04";
  const good = { ...emptySurvey("2026-12-18"), title: "Winter pulse" };

  it("checks the dates, the group size and each question", () => {
    expect(validateSurvey(good, today)).toEqual([]);
    const bad = { ...good, title: " ", closes_on: "2026-12-01", min_group_size: "2", questions: [{ ...newQuestion(2, "single_choice"), text: "Shift?", options: "Days\nDays" }] };
    expect(validateSurvey(bad, today).map((e) => e.field)).toEqual(["title", "closes_on", "min_group_size", "questions.0.options"]);
    expect(validateSurvey({ ...good, opens: "later", opens_on: today }, today)[0]?.field).toBe("opens_on");
  });

  it("turns UK days into instants, in winter and in summer", () => {
    expect(londonTime("2026-12-18", "23:59")).toBe("2026-12-18T23:59:00.000Z");
    expect(londonTime("2026-07-01", "00:00")).toBe("2026-06-30T23:00:00.000Z");
  });

  it("opens now a minute ago, so it takes answers at once", () => {
    const body = toSurveyCreate({ ...good, questions: [{ ...newQuestion(1, "single_choice"), text: " Shift? ", options: "Days\n Nights \n\nDays" }] }, new Date("2026-12-04T10:00:00Z"));
    expect(body.opens_at).toBe("2026-12-04T09:59:00.000Z");
    expect(body.closes_at).toBe("2026-12-18T23:59:00.000Z");
    expect(body.questions).toEqual([{ kind: "single_choice", text: "Shift?", required: true, options: ["Days", "Nights"] }]);
    expect(body.min_group_size).toBe(5);
  });
});

describe("survey results", () => {
  const shown = (id: string, extra: Partial<QuestionResult>): QuestionResult => ({ question_id: id, kind: "likert", text: "", answered: 6, suppressed: false, ...extra });
  const results: SurveyResults = {
    survey_id: "s",
    title: "Pulse",
    min_group_size: 5,
    groups: [
      { home_id: "h2", respondents: null, suppressed: true, reason: "differencing", questions: [] },
      { home_id: null, respondents: 12, suppressed: false, reason: null, questions: [shown("q2", { mean: 3.5, distribution: { "1": 0, "2": 3, "3": 0, "4": 3, "5": 0 } }), shown("q3", { kind: "single_choice", choices: { Days: 9, Nights: 3 } })] },
      { home_id: "h1", respondents: 8, suppressed: false, reason: null, questions: [shown("q2", { suppressed: true, answered: null })] },
    ],
  };
  const names = (id: string | null) => (id === "h1" ? "Oak House" : id === "h2" ? "Elm Court" : "Another home");

  it("puts all homes first, and gives a suppressed group or question no figure at all", () => {
    const rows = rowsFor(results, "q2", names);
    expect(rows.map((r) => r.label)).toEqual(["All homes", "Elm Court", "Oak House"]);
    expect(meanChart(rows, questions[1] ?? q(2, "likert")).values).toEqual([[3.5], [null], [null]]);
    expect(meanChart(rows, q(1, "recommend")).max).toBe(10);
  });

  it("says why a figure is missing, never zero", () => {
    const rows = rowsFor(results, "q2", names);
    expect(suppressedText(5)).toBe("Suppressed – fewer than 5 answers");
    expect(rowMissingText(rows[2]!, 5)).toBe("Suppressed – fewer than 5 answers");
    expect(groupReason(results.groups[0]!, 5)).toMatch(/could not be worked out/);
    expect(likertSpreadChart(rows).values).toEqual([[0, 50, 0, 50, 0], [null, null, null, null, null], [null, null, null, null, null]]);
  });

  it("shows choices as shares of each group", () => {
    expect(choiceChart(rowsFor(results, "q3", names), ["Days", "Nights"]).values[0]).toEqual([75, 25]);
    expect(formatEnps(-50)).toBe("−50.0");
    expect(formatEnps(12.5)).toBe("+12.5");
    expect(formatEnps(null)).toBe("");
  });
});
