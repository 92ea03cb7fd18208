import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import NotFound from "../../NotFound";
import "../notes/daily.css";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { ResidentHeader } from "../residents/ResidentNav";
import { fetchAssessment, risksKey } from "./risks";
import { ANSWER_NAMES, answerText, bandClass, bandName, ITEM_NAMES, orderedItems, TOOL_NAMES, TOOL_SOURCES } from "./tools";
import type { Assessment } from "./types";

export default function RiskDetail() {
  const { residentId = "", assessmentId = "" } = useParams();
  const resident = useResident(residentId);
  const query = useQuery({
    queryKey: [...risksKey(residentId), "one", assessmentId],
    queryFn: () => fetchAssessment(residentId, assessmentId),
  });
  if (resident.isPending || query.isPending) return <Loading text="Loading the assessment…" />;
  const error = resident.error ?? query.error;
  if (error) {
    if (isNotFound(error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, the assessment could not be shown</PageHeading>
        <ProblemMessage error={error} />
      </>
    );
  }
  if (!resident.data || !query.data) return null;
  return <Detail residentId={residentId} name={residentName(resident.data.resident)} assessment={query.data} />;
}

function Detail({ residentId, name, assessment }: { residentId: string; name: string; assessment: Assessment }) {
  const location = useLocation();
  const state = location.state as { saved?: boolean; previewBand?: string } | null;
  const tool = assessment.tool;
  const answers = ANSWER_NAMES[tool].filter(([key]) => key in assessment.items);
  return (
    <>
      <ResidentHeader residentId={residentId} current="risks" />
      {state?.saved && (
        <NotificationBanner success>
          Assessment saved. Care Hub scored it {assessment.score}: {bandName(tool, assessment.band)}.
        </NotificationBanner>
      )}
      <Link className="govuk-back-link" to={`/care/residents/${residentId}/risks`}>
        All risk assessments
      </Link>
      <PageHeading size="m" title={`${TOOL_NAMES[tool]} for ${name}`}>
        {TOOL_NAMES[tool]}
      </PageHeading>
      <div className="app-score-panel app-score-panel--static">
        <p className="govuk-body govuk-!-margin-bottom-1">Score saved</p>
        <p className="app-score-panel__score govuk-!-margin-bottom-2" data-testid="saved-score">
          {assessment.score} <strong className={bandClass(tool, assessment.band)}>{bandName(tool, assessment.band)}</strong>
        </p>
        <p className="govuk-body govuk-!-margin-bottom-0">{assessment.action}</p>
      </div>
      {assessment.high_risk && assessment.section_id && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This result is high risk, so the linked care plan section is due for review today.
          </strong>
        </div>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Assessed</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(assessment.assessed_at)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">By</dt>
          <dd className="govuk-summary-list__value">{assessment.assessor_name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Professional judgement</dt>
          <dd className="govuk-summary-list__value">{assessment.judgement ?? "None recorded"}</dd>
        </div>
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Points for each item</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Item
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Points
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {orderedItems(tool, assessment.item_scores).map(([item, points]) => (
            <tr className="govuk-table__row" key={item}>
              <th scope="row" className="govuk-table__header">
                {ITEM_NAMES[item] ?? item}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{points}</td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              Total
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold">{assessment.score}</td>
          </tr>
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Answers</h2>
      <dl className="govuk-summary-list">
        {answers.map(([key, label]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">{answerText(assessment.items[key])}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body-s">
        Scored by Care Hub with the published rules: {TOOL_SOURCES[tool]}. Assessments are never changed: to reassess,
        record a new one.
      </p>
    </>
  );
}
