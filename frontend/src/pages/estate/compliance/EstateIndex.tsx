import { Link } from "react-router";
import { useHomes } from "../../../auth/HomeProvider";
import { BarChart } from "../../../components/charts";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDate } from "../assets/dates";
import type { ComplianceSummary, HomeCounts, ItemState } from "../assets/types";
import "../assets/estate.css";
import { assetsHref, homeRows, itemsHref, percentTag, percentText, plural, STATE_NAMES } from "./compliance";
import { HomeDashboard } from "./HomeDashboard";
import { useComplianceSummary } from "./summary";

/** /estate: an org-wide person sees every home; anyone else their current home's dashboard. */
export default function EstateIndex() {
  const { current, orgWide, loading } = useHomes();
  if (loading) return <Loading text="Loading your homes…" />;
  if (orgWide) return <EstateWide />;
  if (!current) {
    return (
      <>
        <PageHeading>Estate</PageHeading>
        <p className="govuk-body">You are not working in any home yet. Ask your manager to add you to your home.</p>
      </>
    );
  }
  return (
    <>
      <HomeDashboard key={current.id} homeId={current.id} heading={`Estate – ${current.name}`} />
      <EstateLinks />
    </>
  );
}

/** The rest of the Estate area, from its front page. */
function EstateLinks() {
  return (
    <nav aria-labelledby="estate-more">
      <h2 className="govuk-heading-m" id="estate-more">
        More in Estate
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <Link className="govuk-link" to="/estate/assets">
            Equipment
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/estate/homes">
            Homes
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function HomeTable({ summary }: { summary: ComplianceSummary }) {
  const count = (home: HomeCounts, state: ItemState) =>
    home[state] === 0 ? (
      "0"
    ) : (
      <Link className="govuk-link" to={itemsHref(home.home_id, { state })}>
        {home[state]}
        <span className="govuk-visually-hidden">
          {" "}
          {STATE_NAMES[state].toLowerCase()} in {home.name}
        </span>
      </Link>
    );
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Homes, those needing most attention first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Home</th>
          <th scope="col" className="govuk-table__header">Compliance</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Failed</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due soon</th>
          <th scope="col" className="govuk-table__header">Equipment</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {homeRows(summary).map((home) => (
          <tr className="govuk-table__row" key={home.home_id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={`/estate/homes/${home.home_id}/compliance`}>
                {home.name}
              </Link>
            </th>
            <td className="govuk-table__cell">
              {home.compliance_percent === null ? "Nothing to inspect" : <strong className={`govuk-tag ${percentTag(home.compliance_percent)}`}>{percentText(home.compliance_percent)}</strong>}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(home, "overdue")}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(home, "failed")}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(home, "due_soon")}</td>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={assetsHref(home.home_id)}>
                Assets<span className="govuk-visually-hidden"> in {home.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EstateWide() {
  const query = useComplianceSummary(null);
  if (query.isPending) return <Loading text="Loading compliance…" />;
  if (query.isError) {
    return (
      <>
        <PageHeading>Sorry, compliance could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  const summary = query.data;
  const { totals } = summary;
  // The chart shows the homes with statutory inspections, worst first (a long estate: the 20 worst).
  const charted = homeRows(summary).filter((h) => h.compliance_percent !== null).slice(0, 20);
  return (
    <>
      <PageHeading caption="Estate" title="Estate compliance">
        Compliance across the estate
      </PageHeading>
      <p className="govuk-body-l">
        <strong className={`govuk-tag govuk-!-font-size-24 ${percentTag(totals.compliance_percent)}`}>{percentText(totals.compliance_percent)}</strong> of statutory
        inspections in date in {plural(summary.by_home.length, "home")}
        <span className="govuk-body govuk-!-display-block govuk-!-margin-top-2">
          {totals.in_date} of {plural(totals.required, "statutory inspection")} on equipment in use, as of {formatDate(summary.as_of)}. {totals.overdue} overdue,{" "}
          {totals.failed} failed, {totals.due_soon} due soon. {plural(summary.open_recalls, "open recall")}, {plural(summary.recall_assets_pending, "asset")} still to check.
        </span>
      </p>
      {charted.length > 0 && (
        <BarChart
          title={charted.length < summary.by_home.length ? "Statutory inspections in date: the 20 homes with the lowest (%)" : "Statutory inspections in date, by home (%)"}
          categoryLabel="Home"
          categories={charted.map((h) => h.name)}
          series={[{ key: "percent", label: "In date (%)" }]}
          values={charted.map((h) => [h.compliance_percent])}
          max={100}
          format={(value) => `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`}
        />
      )}
      <HomeTable summary={summary} />
      <EstateLinks />
    </>
  );
}
