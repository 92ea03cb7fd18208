import type { MouseEvent } from "react";
import { Link } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { BarChart } from "../../../components/charts";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { formatDate } from "../assets/dates";
import type { ComplianceSummary, Counts, ItemState } from "../assets/types";
import "../assets/estate.css";
import { assetsHref, categoryRows, chartBars, itemsHref, percentTag, percentText, plural, STATE_HINTS, STATE_NAMES } from "./compliance";
import { OpenDefects, OpenRecalls } from "./DashboardLists";
import { useComplianceSummary, useHomeDefects, useOpenRecalls } from "./summary";

/** A link to a section further down: move focus there without a router navigation (which would
 * send focus back to the page's heading). */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

function Figure({ label, hint, value, to, alert }: { label: string; hint: string; value: number | string; to: string; alert: boolean }) {
  return (
    <li className={`app-estate-figure${alert ? " app-estate-figure--alert" : ""}`}>
      {to.startsWith("#") ? (
        <a className="govuk-link" href={to} onClick={(event) => jumpTo(event, to.slice(1))}>
          <span className="app-estate-figure__number">{value}</span>
          <span className="app-estate-figure__label">{label}</span>
        </a>
      ) : (
        <Link className="govuk-link" to={to}>
          <span className="app-estate-figure__number">{value}</span>
          <span className="app-estate-figure__label">{label}</span>
        </Link>
      )}
      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">{hint}</span>
    </li>
  );
}

function StateFigures({ homeId, totals, defects, recalls }: { homeId: string; totals: Counts; defects: string; recalls: { open: number; pending: number } }) {
  const states: ItemState[] = ["overdue", "failed", "due_soon", "never_inspected"];
  return (
    <ul className="app-estate-figures" aria-label="Inspections and defects">
      {states.map((state) => (
        <Figure
          key={state}
          label={STATE_NAMES[state]}
          hint={STATE_HINTS[state]}
          value={totals[state]}
          to={itemsHref(homeId, { state })}
          alert={state !== "due_soon" && totals[state] > 0}
        />
      ))}
      <Figure label="Open defects" hint="Faults reported and not yet fixed" value={defects} to="#open-defects" alert={defects !== "0"} />
      <Figure
        label="Open recalls"
        hint={recalls.open === 0 ? "No safety notices for this home's equipment" : `${plural(recalls.pending, "asset")} still to check`}
        value={recalls.open}
        to="#open-recalls"
        alert={recalls.pending > 0}
      />
    </ul>
  );
}

function CategoryTable({ homeId, summary }: { homeId: string; summary: ComplianceSummary }) {
  const rows = categoryRows(summary);
  const count = (n: number, state: ItemState, categoryId: string) =>
    n === 0 ? (
      "0"
    ) : (
      <Link className="govuk-link" to={itemsHref(homeId, { state, category_id: categoryId })}>
        {n}
        <span className="govuk-visually-hidden"> {STATE_NAMES[state].toLowerCase()}</span>
      </Link>
    );
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">By category</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Category</th>
          <th scope="col" className="govuk-table__header">Compliance</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">In date</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Failed</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due soon</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((c) => (
          <tr className="govuk-table__row" key={c.category_id}>
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={assetsHref(homeId, { category_id: c.category_id })}>
                {c.name}
              </Link>
            </th>
            <td className="govuk-table__cell">
              {c.compliance_percent === null ? "Not statutory" : <strong className={`govuk-tag ${percentTag(c.compliance_percent)}`}>{percentText(c.compliance_percent)}</strong>}
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{c.required === 0 ? "–" : `${c.in_date} of ${c.required}`}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(c.overdue, "overdue", c.category_id)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(c.failed, "failed", c.category_id)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count(c.due_soon, "due_soon", c.category_id)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One home's compliance: the figures, the chart and table by category, defects and recalls. */
export function HomeDashboard({ homeId, heading }: { homeId: string; heading?: string }) {
  const summary = useComplianceSummary(homeId);
  const defects = useHomeDefects(homeId);
  const recalls = useOpenRecalls(homeId);

  if (summary.isPending) return <Loading text="Loading compliance…" />;
  if (summary.isError) {
    if (summary.error instanceof ApiProblem && (summary.error.status === 404 || summary.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, compliance could not be shown</PageHeading>
        <ProblemMessage error={summary.error} />
      </>
    );
  }
  const data = summary.data;
  const home = data.by_home[0];
  const name = home?.name ?? "this home";
  const { totals } = data;
  const defectCount = defects.isSuccess ? `${defects.data.items.length}${defects.data.more ? "+" : ""}` : "…";
  const bars = chartBars(data);
  return (
    <>
      <PageHeading caption={name} title={heading ?? `Compliance – ${name}`}>
        Compliance
      </PageHeading>
      <p className="govuk-body-l">
        <strong className={`govuk-tag govuk-!-font-size-24 ${percentTag(totals.compliance_percent)}`}>{percentText(totals.compliance_percent)}</strong>{" "}
        of statutory inspections in date
        <span className="govuk-body govuk-!-display-block govuk-!-margin-top-2">
          {totals.in_date} of {plural(totals.required, "statutory inspection")} on equipment in use, as of {formatDate(data.as_of)}.
        </span>
      </p>
      <StateFigures
        homeId={homeId}
        totals={totals}
        defects={defectCount}
        recalls={{ open: recalls.data?.items.length ?? data.open_recalls, pending: data.recall_assets_pending }}
      />
      <p className="govuk-body">
        <Link className="govuk-link govuk-!-font-weight-bold" to={assetsHref(homeId)}>
          All equipment in {name}
        </Link>
        {" · "}
        <Link className="govuk-link" to={assetsHref(homeId, { overdue: "true" })}>
          Equipment with an overdue inspection
        </Link>
      </p>
      {bars.length > 0 && (
        <BarChart
          title="Statutory inspections in date, by category (%)"
          categoryLabel="Category"
          categories={bars.map((b) => b.label)}
          series={[{ key: "percent", label: "In date (%)" }]}
          values={bars.map((b) => [b.value])}
          max={100}
          format={(value) => `${value.toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`}
        />
      )}
      <CategoryTable homeId={homeId} summary={data} />
      <OpenDefects homeId={homeId} />
      <OpenRecalls homeId={homeId} />
    </>
  );
}
