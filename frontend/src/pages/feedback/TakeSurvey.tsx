import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { respondToSurvey, useSurvey } from "./api";
import { formatDate } from "./dates";
import { Radios, Select, Textarea } from "../../components/fields";
import { LIKERT_LABELS } from "./names";
import { saveErrors } from "./saveErrors";
import { answerableHomes, questionOfError, scaleOf, toAnswers, validateAnswers, type Answers } from "./surveyAnswers";
import type { Question, ResponseReceipt, Survey } from "./types";
import { FeedbackNav, useFocusHeading } from "./ui";

export default function TakeSurvey() {
  const { surveyId = "" } = useParams();
  const session = useSignedIn();
  const query = useSurvey(surveyId);
  const [receipt, setReceipt] = useState<ResponseReceipt | null>(null);
  const homesLoading = useHomes().loading;
  if (!can(session.roles, "feedback:survey.respond")) return <NotFound />;
  if (query.isPending || homesLoading) return <Loading text="Loading the survey…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={query.error} />;
  }
  const survey = query.data.data;
  if (receipt) return <Receipt survey={survey} receipt={receipt} />;
  return <SurveyForm survey={survey} onDone={setReceipt} />;
}

function Receipt({ survey, receipt }: { survey: Survey; receipt: ResponseReceipt }) {
  useFocusHeading();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading caption={survey.title} title="Your answers have been recorded">
          Thank you: your answers have been recorded
        </PageHeading>
        <h2 className="govuk-heading-m">Your receipt</h2>
        <p className="govuk-body">
          You answered “{survey.title}” on {formatDate(receipt.submitted_on)}.
        </p>
        <p className="govuk-body">{receipt.message}</p>
        <p className="govuk-body">Results are shared once the survey closes, and only for groups big enough that nobody’s answers can be picked out.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/feedback/surveys">
            Back to pulse surveys
          </Link>
        </p>
      </div>
    </div>
  );
}

function SurveyForm({ survey, onDone }: { survey: Survey; onDone: (receipt: ResponseReceipt) => void }) {
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const { homes, current } = useHomes();
  const eligible = answerableHomes(session.homes, survey.home_ids);
  const [home, setHome] = useState(eligible.includes(current?.id ?? "") ? (current?.id ?? "") : (eligible[0] ?? ""));
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const questions = [...survey.questions].sort((a, b) => a.position - b.position);
  const answered = questions.filter((q) => (answers[q.id] ?? "").trim() !== "").length;

  if (survey.status !== "open") {
    return (
      <>
        <FeedbackNav />
        <PageHeading caption="Pulse survey">{survey.title}</PageHeading>
        <p className="govuk-body">
          {survey.status === "closed" ? `This survey closed on ${formatDateTime(survey.closes_at)}.` : `This survey opens on ${formatDateTime(survey.opens_at)}.`} It is not taking answers now.
        </p>
      </>
    );
  }
  if (eligible.length === 0) {
    return (
      <>
        <FeedbackNav />
        <PageHeading caption="Pulse survey">{survey.title}</PageHeading>
        <p className="govuk-body">This survey is for staff of particular homes, and you do not work in one of them, so you cannot answer it.</p>
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateAnswers(questions, answers);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const sent = toAnswers(questions, answers);
    try {
      const receipt = await saveQueue.submit(`Your answers to “${survey.title}”`, (key) => respondToSurvey(survey.id, sent, eligible.length > 1 ? home : null, key));
      void queryClient.invalidateQueries({ queryKey: ["feedback", "surveys"] });
      onDone(receipt);
    } catch (error) {
      setAttempt((n) => n + 1);
      setErrors(saveErrors(error, { home_id: "the home you work in" }, (field) => questionOfError(field, sent)));
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field === "home_id" ? "survey-home" : field ? `q-${field}` : null, text: message }));
  const errorFor = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption="Pulse survey" hasErrors={summary.length > 0}>
          {survey.title}
        </PageHeading>
        {survey.description && <p className="govuk-body">{survey.description}</p>}
        <div className="govuk-inset-text">
          Your answers are anonymous. Care Hub keeps only that you have answered, so you can answer once, and never which answers were yours. Results are shown only for groups of {survey.min_group_size} people or more.
        </div>
        <p className="govuk-body" aria-live="polite">
          {answered} of {questions.length} questions answered. Closes {formatDateTime(survey.closes_at)}.
        </p>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          {eligible.length > 1 && (
            <Select
              id="survey-home"
              name="home_id"
              bold
              label="Which home are you answering about?"
              hint="You work in more than one home: choose the one these answers are about."
              value={home}
              onChange={setHome}
              error={errorFor("home_id")}
              options={eligible.map((id) => ({ value: id, label: homes.find((h) => h.id === id)?.name ?? "Your home" }))}
            />
          )}
          {questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              value={answers[question.id] ?? ""}
              onChange={(value) => setAnswers((old) => ({ ...old, [question.id]: value }))}
              error={errorFor(question.id)}
            />
          ))}
          <Button disabled={busy}>{busy ? "Sending…" : "Send my answers"}</Button>
        </form>
      </div>
    </div>
  );
}

function QuestionField({ question, value, onChange, error }: { question: Question; value: string; onChange: (value: string) => void; error: string | undefined }) {
  const id = `q-${question.id}`;
  const label = `${question.position}. ${question.text}${question.required ? "" : " (optional)"}`;
  if (question.kind === "free_text") {
    return <Textarea id={id} name={id} labelSize="m" label={label} maxLength={2000} value={value} onChange={onChange} error={error} />;
  }
  if (question.kind === "single_choice") {
    return <Radios id={id} name={id} legendSize="m" label={label} value={value} onChange={onChange} error={error} options={question.options.map((o) => ({ value: o, label: o }))} />;
  }
  const scale = scaleOf(question);
  if (question.kind === "likert") {
    return (
      <Radios
        id={id}
        name={id}
        legendSize="m"
        label={label}
        value={value}
        onChange={onChange}
        error={error}
        options={scale.map((n) => ({ value: String(n), label: LIKERT_LABELS[n] ?? String(n) }))}
      />
    );
  }
  return (
    <Radios
      id={id}
      name={id}
      legendSize="m"
      label={label}
      hint="0 means not at all likely, 10 means extremely likely"
      inline
      value={value}
      onChange={onChange}
      error={error}
      options={scale.map((n) => ({ value: String(n), label: String(n) }))}
    />
  );
}
