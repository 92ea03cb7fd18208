// The parts of the asset page: the result of a new inspection, the inspections needed, the
// open defects and the inspection history.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { assets } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import { OUTCOME_NAMES } from "../inspections/inspectionForm";
import { READINGS } from "../inspections/thresholds";
import { fetchOpenDefects } from "./api";
import { formatDate, intervalText } from "./dates";
import { DEFECT_STATUS_NAMES, PRIORITY_NAMES, STATUS_NAMES } from "./names";
import { dueWords, type DueRow } from "./schedule";
import type { Asset, Inspection, InspectionRecorded, Reading, Rule } from "./types";
import { OutcomeTag, Row } from "./ui";

const HISTORY_PAGE = 10;

function readingText(reading: Reading): string {
  const name = READINGS[reading.reading]?.name ?? reading.reading;
  return `${reading.label ? `${reading.label}: ` : ""}${name} ${Number(reading.value)} ${reading.unit}`;
}

export function RecordedBanner({ recorded, asset, rule }: { recorded: InspectionRecorded; asset: Asset; rule: Rule | undefined }) {
  const failed = recorded.outcome === "fail";
  return (
    <NotificationBanner success title={failed ? "Inspection recorded: fail" : "Inspection recorded"}>
      {rule?.inspection_type ?? "The inspection"} on {formatDate(recorded.inspected_date)} was saved as{" "}
      <strong>{OUTCOME_NAMES[recorded.outcome].toLowerCase()}</strong>.
      {recorded.readings.length > 0 && (
        <span className="govuk-!-display-block govuk-!-margin-top-2">
          {recorded.readings.map((r) => `${readingText(r)}: ${r.within_limits ? "within limit" : "outside limit"}`).join("; ")}.
        </span>
      )}
      {failed && asset.status !== "in_service" && (
        <span className="govuk-!-display-block govuk-!-margin-top-2">
          {asset.name} is now {STATUS_NAMES[asset.status].toLowerCase()}.
        </span>
      )}
      {recorded.opened_defect_id && <span className="govuk-!-display-block govuk-!-margin-top-2">A defect has been raised: see open defects below.</span>}
    </NotificationBanner>
  );
}

export function DueTable({ rows, today }: { rows: DueRow[]; today: string }) {
  const tag = (row: DueRow) => {
    if (row.state === "failed") return <strong className="govuk-tag govuk-tag--red">Failed</strong>;
    if (row.state === "overdue") return <strong className="govuk-tag govuk-tag--red">Overdue</strong>;
    if (row.state === "due_soon") return <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>;
    return <strong className="govuk-tag govuk-tag--green">In date</strong>;
  };
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Inspections needed</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Inspection</th>
          <th scope="col" className="govuk-table__header">Last done</th>
          <th scope="col" className="govuk-table__header">Next due</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.rule.id}>
            <th scope="row" className="govuk-table__header">
              {row.rule.inspection_type}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
                {row.override
                  ? `${intervalText(row.override.interval_value, row.override.interval_unit)} in this home (${row.override.reason})`
                  : intervalText(row.rule.interval_value, row.rule.interval_unit)}
                {row.rule.statutory ? " · required by law" : " · guidance"}
              </span>
            </th>
            <td className="govuk-table__cell">
              {row.lastDate ? (
                <>
                  {formatDate(row.lastDate)} {row.lastOutcome && <OutcomeTag outcome={row.lastOutcome} />}
                </>
              ) : (
                "Never"
              )}
            </td>
            <td className="govuk-table__cell">
              {formatDate(row.dueDate)} {tag(row)}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{row.dueDate === today ? "Due today" : dueWords(row.daysLeft)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function History({ assetId, rules }: { assetId: string; rules: readonly Rule[] }) {
  const query = useInfiniteQuery({
    queryKey: ["inspections", "history", assetId],
    initialPageParam: "",
    queryFn: ({ pageParam }) =>
      unwrap(assets.GET("/v1/inspections", { params: { query: { asset_id: assetId, sort: "-inspected_date", limit: HISTORY_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const ruleName = (id: string) => rules.find((r) => r.id === id)?.inspection_type ?? "Inspection";
  const items: Inspection[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="history">
      <h2 className="govuk-heading-m" id="history">
        Inspection history
      </h2>
      {query.isPending && <Loading text="Loading inspections…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && items.length === 0 && <p className="govuk-body">No inspections have been recorded yet.</p>}
      {items.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Inspections, latest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Inspection</th>
              <th scope="col" className="govuk-table__header">Result</th>
              <th scope="col" className="govuk-table__header">By</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((inspection) => (
              <tr className="govuk-table__row" key={inspection.id}>
                <td className="govuk-table__cell">{formatDate(inspection.inspected_date)}</td>
                <td className="govuk-table__cell">
                  {ruleName(inspection.rule_id)}
                  {inspection.readings.map((r, i) => (
                    <span key={i} className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      {readingText(r)} ({r.within_limits ? "within limit" : "outside limit"})
                    </span>
                  ))}
                  {inspection.defects_found && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Found: {inspection.defects_found}</span>}
                </td>
                <td className="govuk-table__cell">
                  <OutcomeTag outcome={inspection.outcome} />
                </td>
                <td className="govuk-table__cell">
                  {inspection.inspector_name}
                  {inspection.company && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{inspection.company}</span>}
                  {inspection.certificate_ref && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">Certificate {inspection.certificate_ref}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.hasNextPage && (
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Show older inspections"}
        </button>
      )}
    </section>
  );
}

export function OpenDefects({ assetId }: { assetId: string }) {
  const query = useQuery({ queryKey: ["defects", "open", "asset", assetId], queryFn: () => fetchOpenDefects({ asset_id: assetId }) });
  return (
    <section aria-labelledby="defects">
      <h2 className="govuk-heading-m" id="defects">
        Open defects
      </h2>
      {query.isPending && <Loading text="Loading defects…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && query.data.items.length === 0 && <p className="govuk-body">No open defects.</p>}
      {query.isSuccess &&
        query.data.items.map((defect) => (
          <div className="govuk-summary-card" key={defect.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">{defect.title}</h3>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <Row name="Priority">{PRIORITY_NAMES[defect.priority]}</Row>
                <Row name="Status">{DEFECT_STATUS_NAMES[defect.status]}</Row>
                {defect.description && <Row name="What is wrong">{defect.description}</Row>}
                <Row name="Reported">{formatDateTime(defect.created_at)}</Row>
                {defect.took_out_of_service && <Row name="Out of service">Yes: do not use until it is fixed and checked</Row>}
              </dl>
            </div>
          </div>
        ))}
    </section>
  );
}
