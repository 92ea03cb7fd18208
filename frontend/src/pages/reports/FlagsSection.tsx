import { formatDay } from "./dates";
import { flagRows, homeFlags } from "./flags";
import { ReportSection } from "./ReportSection";
import type { SectionState } from "./sectionState";
import type { Recommendations } from "./types";

export function FlagsSection({ homeId, state }: { homeId: string; state: SectionState<Recommendations> }) {
  return (
    <ReportSection id="flags" title="Points to look at" state={state} what="the recommendations report">
      {(report) => {
        const rows = flagRows(homeFlags(report.flags, homeId));
        return (
          <>
            <p className="govuk-body">
              From the recommendations report for {formatDay(report.period_from)} to {formatDay(report.period_to)}. Each point names the rule that
              raised it.
            </p>
            {rows.length === 0 ? (
              <p className="govuk-body">No rule raised a point about this home.</p>
            ) : (
              <ul className="govuk-list app-report__flags">
                {rows.map((row, index) => (
                  <li className="app-report__flag" key={`${row.rule}-${index}`}>
                    <p className="govuk-body govuk-!-margin-bottom-1">
                      <strong>{row.message}</strong>
                    </p>
                    {row.figures && <p className="govuk-body-s govuk-!-margin-bottom-1">{row.figures}</p>}
                    <p className="govuk-body-s govuk-!-margin-bottom-0">
                      Rule: {row.ruleName} (<code className="app-report__rule">{row.rule}</code>)
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {report.top_themes.length > 0 && (
              <p className="govuk-body-s">
                Raised most in feedback: {report.top_themes.map((t) => `${t.theme} (${t.raised})`).join(", ")}.
              </p>
            )}
          </>
        );
      }}
    </ReportSection>
  );
}
