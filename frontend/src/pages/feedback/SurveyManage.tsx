import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { can, isRole, ROLE_NAMES } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import NotFound from "../NotFound";
import { closeSurvey, fetchResponseRates, useSurvey, type Versioned } from "./api";
import { QUESTION_KIND_NAMES } from "./names";
import { saveErrors } from "./saveErrors";
import type { Survey } from "./types";
import { FeedbackNav, SummaryRow, useHomeName } from "./ui";

export default function SurveyManage() {
  const { surveyId = "" } = useParams();
  const session = useSignedIn();
  const location = useLocation();
  const query = useSurvey(surveyId);
  const [notice, setNotice] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? "The survey has been created." : null);
  if (!can(session.roles, "feedback:survey.manage")) return <NotFound />;
  if (query.isPending) return <Loading text="Loading the survey…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={query.error} />;
  }
  return <Manage loaded={query.data} notice={notice} onNotice={setNotice} />;
}

function Manage({ loaded, notice, onNotice }: { loaded: Versioned<Survey>; notice: string | null; onNotice: (text: string) => void }) {
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const homeName = useHomeName();
  const survey = loaded.data;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rates = useQuery({
    queryKey: ["feedback", "survey-rates", survey.id],
    queryFn: () => fetchResponseRates(survey.id),
    enabled: can(session.roles, "feedback:survey.results"),
  });

  const close = async () => {
    setBusy(true);
    try {
      const closed = await closeSurvey(survey.id, loaded.etag, crypto.randomUUID());
      queryClient.setQueryData(["feedback", "survey", survey.id], closed);
      void queryClient.invalidateQueries({ queryKey: ["feedback", "surveys"] });
      setConfirming(false);
      setError(null);
      onNotice("The survey is closed. Its results are ready.");
    } catch (caught) {
      if (caught instanceof ApiProblem && caught.status === 412) {
        setError("Someone else changed this survey while you were looking at it. The page now shows the latest version: check it, then close it again if you still want to.");
        void queryClient.invalidateQueries({ queryKey: ["feedback", "survey", survey.id] });
      } else setError(saveErrors(caught, {})[0]?.message ?? "The survey could not be closed.");
    } finally {
      setBusy(false);
    }
  };

  const audienceHomes = survey.home_ids.length === 0 ? "Every home" : survey.home_ids.map(homeName).join(", ");
  const audienceRoles = survey.roles.length === 0 ? "Everyone who can answer surveys" : survey.roles.map((r) => (isRole(r) ? ROLE_NAMES[r] : r)).join(", ");
  const status = survey.status === "open" ? "Open" : survey.status === "closed" ? "Closed" : "Not open yet";

  return (
    <>
      <FeedbackNav />
      {notice && <NotificationBanner success>{notice}</NotificationBanner>}
      <Link className="govuk-back-link" to="/feedback/surveys?status=all">
        Pulse surveys
      </Link>
      {error && <ErrorSummary items={[{ target: null, text: error }]} />}
      <PageHeading caption="Manage a survey">{survey.title}</PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            <SummaryRow name="Status">{status}</SummaryRow>
            <SummaryRow name="Opens">{formatDateTime(survey.opens_at)}</SummaryRow>
            <SummaryRow name="Closes">{formatDateTime(survey.closes_at)}</SummaryRow>
            <SummaryRow name="Homes">{audienceHomes}</SummaryRow>
            <SummaryRow name="Who answers">{audienceRoles}</SummaryRow>
            <SummaryRow name="Smallest group shown">{survey.min_group_size} people</SummaryRow>
          </dl>
          <h2 className="govuk-heading-m">Questions</h2>
          <ol className="govuk-list govuk-list--number">
            {[...survey.questions]
              .sort((a, b) => a.position - b.position)
              .map((q) => (
                <li key={q.id}>
                  {q.text} <span className="govuk-hint govuk-!-display-inline">({QUESTION_KIND_NAMES[q.kind]}{q.required ? "" : ", optional"}{q.options.length > 0 ? `: ${q.options.join(", ")}` : ""})</span>
                </li>
              ))}
          </ol>
          {survey.status === "closed" && can(session.roles, "feedback:survey.results") && (
            <Link className="govuk-button" data-module="govuk-button" to={`/feedback/surveys/${survey.id}/results`}>
              See the results
            </Link>
          )}
          {survey.status === "open" && (
            <Link className="govuk-link govuk-!-display-block govuk-!-margin-bottom-4" to={`/feedback/surveys/${survey.id}`}>
              See the survey as people answer it
            </Link>
          )}
          {survey.status !== "closed" &&
            (confirming ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <div className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  <p className="govuk-body govuk-!-font-weight-bold">Close “{survey.title}” now? Nobody can answer it after this, and it cannot be opened again.</p>
                  <div className="govuk-button-group">
                    <Button warning type="button" onClick={() => void close()} disabled={busy}>
                      {busy ? "Closing…" : "Yes, close it now"}
                    </Button>
                    <button type="button" className="app-link-button" onClick={() => setConfirming(false)}>
                      No, keep it open
                    </button>
                  </div>
                </div>
              </div>
            ) : (
              <Button warning type="button" onClick={() => setConfirming(true)}>
                Close the survey now
              </Button>
            ))}
        </div>
      </div>
      {rates.data && rates.data.homes.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Answers by home</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Home</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Answers</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Staff asked</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Response rate</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rates.data.homes.map((row) => (
              <tr className="govuk-table__row" key={row.home_id}>
                <th scope="row" className="govuk-table__header">{homeName(row.home_id)}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.responses}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.eligible ?? "Not known"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{row.rate === null ? "Not known" : `${row.rate}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
