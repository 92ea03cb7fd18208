import { categoryRows, percentText, STANDING_NAMES, STANDING_TAGS, standingOf } from "./compliance";
import { formatDay } from "./dates";
import { Figure, Figures, MoreLink, ReportSection } from "./ReportSection";
import type { SectionState } from "./sectionState";
import type { ComplianceSummary } from "./types";

export function ComplianceSection({ homeId, state }: { homeId: string; state: SectionState<ComplianceSummary> }) {
  return (
    <ReportSection id="compliance" title="Equipment and safety checks" state={state} what="equipment compliance">
      {(summary) => {
        const t = summary.totals;
        const rows = categoryRows(summary);
        const standing = standingOf(t);
        return (
          <>
            <p className="govuk-body">
              Statutory inspections of the home’s equipment in service, on {formatDay(summary.as_of)}:{" "}
              <strong className={`govuk-tag ${STANDING_TAGS[standing]}`}>{STANDING_NAMES[standing]}</strong>
            </p>
            <Figures>
              <Figure label="In date" value={percentText(t.compliance_percent)} />
              <Figure label="Overdue" value={t.overdue} alert={t.overdue > 0} />
              <Figure label="Failed" value={t.failed} alert={t.failed > 0} />
              <Figure label="Due soon" value={t.due_soon} />
            </Figures>
            <p className="govuk-body">
              {t.in_date} of {t.required} required inspections are in date
              {t.never_inspected > 0 ? `; ${t.never_inspected} never inspected (counted as overdue)` : ""}.
              {summary.open_recalls > 0 &&
                ` ${summary.open_recalls} open safety ${summary.open_recalls === 1 ? "recall affects" : "recalls affect"} the home’s equipment (${summary.recall_assets_pending} ${summary.recall_assets_pending === 1 ? "item" : "items"} with no action recorded yet).`}
            </p>
            {rows.length > 0 ? (
              <table className="govuk-table app-report__table">
                <caption className="govuk-table__caption govuk-table__caption--s">Inspections by kind of equipment</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Equipment</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">In date</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Failed</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due soon</th>
                    <th scope="col" className="govuk-table__header">Standing</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {rows.map((row) => (
                    <tr className="govuk-table__row" key={row.id}>
                      <th scope="row" className="govuk-table__header">{row.name}</th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {row.counts.in_date} of {row.counts.required}
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.counts.overdue}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.counts.failed}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.counts.due_soon}</td>
                      <td className="govuk-table__cell">
                        <strong className={`govuk-tag ${STANDING_TAGS[row.standing]}`}>{STANDING_NAMES[row.standing]}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="govuk-body">No equipment in this home needs a statutory inspection.</p>
            )}
            <MoreLink to={`/estate/homes/${homeId}/compliance`}>See the home’s compliance dashboard</MoreLink>
          </>
        );
      }}
    </ReportSection>
  );
}
