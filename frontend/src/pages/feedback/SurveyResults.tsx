import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { BarChart } from "../../components/charts";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import NotFound from "../NotFound";
import { fetchResults, useSurvey } from "./api";
import { choiceChart, formatEnps, groupReason, likertSpreadChart, meanChart, orderedGroups, rowMissingText, rowsFor, suppressedText, type GroupRow } from "./results";
import type { Question, SurveyResults as Results } from "./types";
import { FeedbackNav, useHomeName } from "./ui";

const ONE_DECIMAL = (value: number) => value.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = (value: number) => `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;

export default function SurveyResults() {
  const { surveyId = "" } = useParams();
  const session = useSignedIn();
  const allowed = can(session.roles, "feedback:survey.results");
  const survey = useSurvey(surveyId);
  const results = useQuery({
    queryKey: ["feedback", "results", surveyId],
    queryFn: () => fetchResults(surveyId),
    enabled: allowed,
    retry: (count, error) => !(error instanceof ApiProblem) && count < 2,
  });
  if (!allowed) return <NotFound />;
  if (survey.isPending || results.isPending) return <Loading text="Loading the results…" />;
  const failed = survey.error ?? results.error;
  if (failed instanceof ApiProblem && (failed.status === 404 || (failed.status === 422 && !survey.data))) return <NotFound />;
  if (failed instanceof ApiProblem && failed.status === 409 && survey.data) {
    return (
      <>
        <FeedbackNav />
        <PageHeading caption="Survey results">{survey.data.data.title}</PageHeading>
        <p className="govuk-body">Results are shown once the survey has closed, so nobody can work out answers by comparing one day’s figures with the next. This survey closes on {formatDateTime(survey.data.data.closes_at)}.</p>
      </>
    );
  }
  if (failed || !survey.data || !results.data) return <ProblemMessage error={failed} />;
  return <ResultsView results={results.data} questions={survey.data.data.questions} closesAt={survey.data.data.closes_at} />;
}

function ResultsView({ results, questions, closesAt }: { results: Results; questions: readonly Question[]; closesAt: string }) {
  const homeName = useHomeName();
  const k = results.min_group_size;
  const groups = orderedGroups(results, homeName);
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  return (
    <>
      <FeedbackNav />
      <Link className="govuk-back-link" to="/feedback/surveys?status=closed">
        Closed surveys
      </Link>
      <PageHeading caption="Survey results">{results.title}</PageHeading>
      <p className="govuk-body">Closed on {formatDateTime(closesAt)}.</p>
      <div className="govuk-inset-text">
        To protect people’s anonymity, a group with fewer than {k} answers is not shown: it says “{suppressedText(k)}” instead of a figure. A home may also be hidden when its figures, taken from the total, would reveal a smaller group.
      </div>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Who answered</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Group</th>
            <th scope="col" className="govuk-table__header">People who answered</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {groups.map(({ label, group }) => (
            <tr className="govuk-table__row" key={group.home_id ?? "all"}>
              <th scope="row" className="govuk-table__header">{label}</th>
              <td className="govuk-table__cell">{group.suppressed ? <strong className="govuk-tag govuk-tag--grey">{groupReason(group, k)}</strong> : group.respondents}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ordered.map((question) => (
        <QuestionResults key={question.id} question={question} rows={rowsFor(results, question.id, homeName)} k={k} />
      ))}
    </>
  );
}

function QuestionResults({ question, rows, k }: { question: Question; rows: GroupRow[]; k: number }) {
  const nullText = suppressedText(k);
  const title = `${question.position}. ${question.text}`;
  return (
    <section className="govuk-!-margin-top-8" aria-labelledby={`result-${question.id}`}>
      <h2 className="govuk-heading-m" id={`result-${question.id}`}>
        {title}
      </h2>
      {(question.kind === "likert" || question.kind === "recommend") && (
        <>
          <BarChart title={question.kind === "likert" ? "Average score, from 1 (strongly disagree) to 5 (strongly agree)" : "Average score, from 0 to 10"} categoryLabel="Group" {...meanChart(rows, question)} format={ONE_DECIMAL} nullText={nullText} />
          {question.kind === "likert" && <BarChart title="How the answers spread" categoryLabel="Group" stacked {...likertSpreadChart(rows)} format={PERCENT} nullText={nullText} />}
        </>
      )}
      {question.kind === "single_choice" && <BarChart title="Answers, as a share of each group" categoryLabel="Group" stacked {...choiceChart(rows, question.options)} format={PERCENT} nullText={nullText} />}
      {question.kind === "recommend" && <EnpsTable rows={rows} k={k} />}
      {question.kind === "free_text" && <Comments rows={rows} k={k} />}
    </section>
  );
}

function EnpsTable({ rows, k }: { rows: GroupRow[]; k: number }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Employee Net Promoter Score (eNPS): the share who answered 9 or 10, minus the share who answered 0 to 6. It runs from −100 to +100.</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Group</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Answers</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">eNPS</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.group.home_id ?? "all"}>
            <th scope="row" className="govuk-table__header">{row.label}</th>
            {row.result ? (
              <>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.result.answered}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatEnps(row.result.enps)}</td>
              </>
            ) : (
              <td className="govuk-table__cell govuk-table__cell--numeric" colSpan={2}>
                {rowMissingText(row, k)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Comments({ rows, k }: { rows: GroupRow[]; k: number }) {
  return (
    <>
      {rows.map((row) => (
        <div key={row.group.home_id ?? "all"}>
          <h3 className="govuk-heading-s">{row.label}</h3>
          {!row.result ? (
            <p className="govuk-body">{rowMissingText(row, k)}</p>
          ) : (row.result.comments ?? []).length === 0 ? (
            <p className="govuk-body">No comments.</p>
          ) : (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Read {row.result.comments?.length} comments (in alphabetical order, so their order says nothing)</span>
              </summary>
              <div className="govuk-details__text">
                <ul className="govuk-list govuk-list--bullet">
                  {(row.result.comments ?? []).map((comment, index) => (
                    <li key={index}>{comment}</li>
                  ))}
                </ul>
              </div>
            </details>
          )}
        </div>
      ))}
    </>
  );
}
