import { formatMonth } from "./dates";
import { MoreLink, ReportSection } from "./ReportSection";
import type { SectionState } from "./sectionState";
import type { IndicatorList } from "./types";
import { benchmarkSources, indicatorRows, type Verdict } from "./workforce";

function VerdictTag({ verdict }: { verdict: Verdict }) {
  if (verdict === "worse") return <strong className="govuk-tag govuk-tag--red">Worse than national</strong>;
  if (verdict === "ok") return <strong className="govuk-tag govuk-tag--green">In line or better</strong>;
  return <>No comparison</>;
}

export function WorkforceSection({ homeId, state }: { homeId: string; state: SectionState<IndicatorList> }) {
  return (
    <ReportSection id="workforce" title="Workforce" state={state} what="workforce figures">
      {(list) => {
        const indicators = list.items.find((i) => i.home_id === homeId) ?? list.items[0];
        if (!indicators) return <p className="govuk-body">There are no workforce figures for this home yet.</p>;
        const sources = benchmarkSources(indicators);
        return (
          <>
            <p className="govuk-body">
              {formatMonth(indicators.month)}: {indicators.headcount} staff.
              {indicators.months_covered < 12 &&
                ` Returns cover ${indicators.months_covered} of the last 12 months, so figures over 12 months are not shown.`}
            </p>
            <table className="govuk-table app-report__table">
              <caption className="govuk-table__caption govuk-table__caption--s">Workforce indicators against the national figures</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Indicator</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">This home</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">National</th>
                  <th scope="col" className="govuk-table__header">Compared</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {indicatorRows(indicators).map((row) => (
                  <tr className="govuk-table__row" key={row.key}>
                    <th scope="row" className="govuk-table__header">{row.name}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.value}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.benchmark ?? "None held"}</td>
                    <td className="govuk-table__cell">
                      <VerdictTag verdict={row.verdict} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {sources.length > 0 && <p className="govuk-body-s">National figures: {sources.join("; ")}.</p>}
            <MoreLink to="/feedback">See the workforce dashboard</MoreLink>
          </>
        );
      }}
    </ReportSection>
  );
}
