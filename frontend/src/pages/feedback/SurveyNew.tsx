import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { can, ROLE_NAMES } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, TextInput } from "../../components/fields";
import { PageHeading } from "../../components/PageHeading";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { createSurvey } from "./api";
import { addDays, todayInLondon } from "./dates";
import { Checkboxes, DateInput, Radios, Select, Textarea } from "../../components/fields";
import { QUESTION_KIND_NAMES, SURVEY_ROLES } from "./names";
import { messageFor, saveErrors } from "./saveErrors";
import { emptySurvey, newQuestion, toSurveyCreate, validateSurvey, type QuestionDraft, type SurveyValues } from "./surveyForm";
import type { QuestionKind, Role } from "./types";
import { FeedbackNav } from "./ui";

const SURVEY_LABELS: Record<string, string> = {
  title: "the title",
  description: "the description",
  opens_at: "when it opens",
  closes_at: "when it closes",
  min_group_size: "the smallest group",
  questions: "the questions",
  home_ids: "the homes",
  roles: "the roles",
};

/** Server errors on opens_at/closes_at belong to the date fields. */
function surveyFieldOf(field: string): string {
  if (field === "opens_at") return "opens_on";
  if (field === "closes_at") return "closes_on";
  return field;
}

export default function SurveyNew() {
  const session = useSignedIn();
  if (!can(session.roles, "feedback:survey.manage")) return <NotFound />;
  return <SurveyForm />;
}

function SurveyForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { homes } = useHomes();
  const today = todayInLondon();
  const [values, setValues] = useState<SurveyValues>(() => emptySurvey(addDays(today, 14)));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(2);
  const set = <K extends keyof SurveyValues>(field: K) => (value: SurveyValues[K]) => setValues((old) => ({ ...old, [field]: value }));
  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setValues((old) => ({ ...old, questions: old.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  const addQuestion = () => {
    const key = nextKey.current++;
    setValues((old) => ({ ...old, questions: [...old.questions, newQuestion(key)] }));
  };
  const removeQuestion = (index: number) => setValues((old) => ({ ...old, questions: old.questions.filter((_, i) => i !== index) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateSurvey(values, today);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const body = toSurveyCreate(values);
    try {
      const survey = await saveQueue.submit(`The survey “${body.title}”`, (key) => createSurvey(body, key));
      void queryClient.invalidateQueries({ queryKey: ["feedback", "surveys"] });
      void navigate(`/feedback/surveys/${survey.id}/manage`, { state: { created: true } });
    } catch (error) {
      setAttempt((n) => n + 1);
      setErrors(saveErrors(error, SURVEY_LABELS, surveyFieldOf));
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? `survey-${field.replaceAll(".", "-")}` : null, text: message }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        <Link className="govuk-back-link" to="/feedback/surveys">
          Pulse surveys
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption="Pulse surveys" hasErrors={summary.length > 0}>
          Create a survey
        </PageHeading>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <TextInput id="survey-title" name="title" label="Title" hint="For example, Winter pulse" value={values.title} onChange={set("title")} error={messageFor(errors, "title")} />
          <Textarea id="survey-description" name="description" label="Introduction (optional)" hint="Shown to people before the questions" rows={3} maxLength={4000} value={values.description} onChange={set("description")} error={messageFor(errors, "description")} />
          <Checkboxes
            id="survey-home_ids"
            name="home_ids"
            label="Which homes is it for?"
            hint="Choose none for every home"
            small
            values={values.homes}
            onChange={set("homes")}
            error={messageFor(errors, "home_ids")}
            options={homes.map((h) => ({ value: h.id, label: h.name }))}
          />
          <Checkboxes
            id="survey-roles"
            name="roles"
            label="Who should answer it?"
            hint="Choose none for everyone who can answer surveys"
            small
            values={values.roles}
            onChange={(roles) => set("roles")(roles as Role[])}
            error={messageFor(errors, "roles")}
            options={SURVEY_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }))}
          />
          <Radios
            id="survey-opens"
            name="opens"
            label="When does it open?"
            value={values.opens}
            onChange={(opens) => set("opens")(opens === "later" ? "later" : "now")}
            options={[
              { value: "now", label: "Open it now" },
              { value: "later", label: "On a later day" },
            ]}
          />
          {values.opens === "later" && <DateInput id="survey-opens_on" name="opens_on" label="Opens on" hint="At the start of the day, UK time" value={values.opens_on} onChange={set("opens_on")} error={messageFor(errors, "opens_on")} />}
          <DateInput id="survey-closes_on" name="closes_on" label="Closes on" hint="At the end of the day, UK time. Results are shown once it closes." value={values.closes_on} onChange={set("closes_on")} error={messageFor(errors, "closes_on")} />
          <TextInput
            id="survey-min_group_size"
            name="min_group_size"
            label="Smallest group to show results for"
            hint="Results of a home with fewer answers than this are not shown, so nobody can be picked out. At least 3; 5 is usual."
            width="3"
            inputMode="numeric"
            value={values.min_group_size}
            onChange={set("min_group_size")}
            error={messageFor(errors, "min_group_size")}
          />
          <h2 className="govuk-heading-m">Questions</h2>
          {messageFor(errors, "questions") && (
            <p className="govuk-error-message" id="survey-questions">
              <span className="govuk-visually-hidden">Error:</span> {messageFor(errors, "questions")}
            </p>
          )}
          {values.questions.map((question, index) => (
            <fieldset key={question.key} className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Question {index + 1}</legend>
              <Select
                id={`survey-questions-${index}-kind`}
                name={`questions.${index}.kind`}
                label="Kind of answer"
                value={question.kind}
                onChange={(kind) => setQuestion(index, { kind: kind as QuestionKind })}
                options={(Object.keys(QUESTION_KIND_NAMES) as QuestionKind[]).map((kind) => ({ value: kind, label: QUESTION_KIND_NAMES[kind] }))}
              />
              <TextInput
                id={`survey-questions-${index}-text`}
                name={`questions.${index}.text`}
                label="Question"
                hint={question.kind === "likert" ? "A statement to agree or disagree with, for example: I get the support I need from my manager." : undefined}
                value={question.text}
                onChange={(text) => setQuestion(index, { text })}
                error={messageFor(errors, `questions.${index}.text`)}
              />
              {question.kind === "single_choice" && (
                <Textarea
                  id={`survey-questions-${index}-options`}
                  name={`questions.${index}.options`}
                  label="Options"
                  hint="One option a line, 2 to 10 options"
                  rows={4}
                  value={question.options}
                  onChange={(options) => setQuestion(index, { options })}
                  error={messageFor(errors, `questions.${index}.options`)}
                />
              )}
              <div className="govuk-form-group">
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  <div className="govuk-checkboxes__item">
                    <input className="govuk-checkboxes__input" id={`survey-questions-${index}-required`} type="checkbox" checked={question.required} onChange={(e) => setQuestion(index, { required: e.target.checked })} />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`survey-questions-${index}-required`}>
                      An answer is needed
                    </label>
                  </div>
                </div>
              </div>
              {values.questions.length > 1 && (
                <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button" onClick={() => removeQuestion(index)}>
                  Remove question {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <div className="govuk-button-group">
            <Button type="button" secondary onClick={addQuestion} disabled={values.questions.length >= 30}>
              Add a question
            </Button>
          </div>
          <Button disabled={busy}>{busy ? "Saving…" : values.opens === "now" ? "Create and open the survey" : "Create the survey"}</Button>
        </form>
      </div>
    </div>
  );
}
