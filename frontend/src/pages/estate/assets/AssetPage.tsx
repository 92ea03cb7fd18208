import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { assets } from "../../../api/client";
import { ApiProblem, unwrap } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import NotFound from "../../NotFound";
import { READINGS } from "../inspections/thresholds";
import { OUTCOME_NAMES } from "../inspections/inspectionForm";
import { fetchOpenDefects, useAsset, useCategories, useLatestInspections, useLocations, useOverrides, useRules } from "./api";
import { formatDate, intervalText, todayInLondon } from "./dates";
import "./estate.css";
import { CONDITION_NAMES, DEFECT_STATUS_NAMES, locationNames, PRIORITY_NAMES, STATUS_NAMES } from "./names";
import { dueRows, dueWords, type DueRow } from "./schedule";
import type { Asset, Inspection, InspectionRecorded, Reading, Rule } from "./types";
import { OutcomeTag, Row, StatusTag } from "./ui";

const HISTORY_PAGE = 10;

/** What the inspection page hands over after a save: the server's record, shown here. */
export interface RecordedState {
  recorded?: InspectionRecorded;
}

function readingText(reading: Reading): string {
  const name = READINGS[reading.reading]?.name ?? reading.reading;
  return `${reading.label ? `${reading.label}: ` : ""}${name} ${Number(reading.value)} ${reading.unit}`;
}

function RecordedBanner({ recorded, asset, rule }: { recorded: InspectionRecorded; asset: Asset; rule: Rule | undefined }) {
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

function DueTable({ rows, today }: { rows: DueRow[]; today: string }) {
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

function History({ assetId, rules }: { assetId: string; rules: readonly Rule[] }) {
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

function OpenDefects({ assetId }: { assetId: string }) {
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

/** /estate/assets/:assetId: the page an asset's QR label opens. */
export default function AssetPage() {
  const { assetId = "" } = useParams();
  const session = useSignedIn();
  const location = useLocation();
  const { homes } = useHomes();
  const query = useAsset(assetId);
  const asset = query.data;
  const categories = useCategories();
  const locations = useLocations(asset?.home_id ?? "");
  const rules = useRules(asset?.category_id);
  const overrides = useOverrides(asset?.home_id);
  const latest = useLatestInspections(assetId, rules.data);
  const recorded = (location.state as RecordedState | null)?.recorded;

  if (query.isPending) return <Loading text="Loading the equipment…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this equipment could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  const data = query.data;
  const today = todayInLondon();
  const category = categories.data?.find((c) => c.id === data.category_id);
  const place = data.location_id ? locationNames(locations.data ?? []).get(data.location_id) : undefined;
  const home = homes.find((h) => h.id === data.home_id);
  const rows = rules.data && latest.data && overrides.data ? dueRows(data, rules.data, latest.data, overrides.data, today) : null;
  const usable = data.status === "in_service";
  const canRecord = can(session.roles, "assets:inspection.record") && data.status !== "disposed" && data.archived_at === null;

  return (
    <>
      {recorded && recorded.asset_id === data.id && <RecordedBanner recorded={recorded} asset={data} rule={rules.data?.find((r) => r.id === recorded.rule_id)} />}
      <Link className="govuk-back-link" to={`/estate/assets?home_id=${data.home_id}`}>
        Equipment{home ? ` in ${home.name}` : ""}
      </Link>
      <PageHeading caption={`${data.tag}${category ? ` · ${category.name}` : ""}`}>{data.name}</PageHeading>
      {!usable && data.status !== "disposed" && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Do not use: this equipment is {STATUS_NAMES[data.status].toLowerCase()}.
          </strong>
        </div>
      )}
      <div className="govuk-button-group app-estate-actions">
        {can(session.roles, "assets:defect.raise") && data.archived_at === null && (
          <Link className="govuk-button govuk-button--warning govuk-!-font-size-24" data-module="govuk-button" to={`/estate/assets/${data.id}/report-fault`}>
            Report a fault
          </Link>
        )}
        {canRecord && (
          <Link className="govuk-button govuk-!-font-size-24" data-module="govuk-button" to={`/estate/assets/${data.id}/inspect`}>
            Record an inspection
          </Link>
        )}
      </div>
      <dl className="govuk-summary-list">
        <Row name="Status">
          <StatusTag status={data.status} />
        </Row>
        <Row name="Condition">{CONDITION_NAMES[data.condition]}</Row>
        <Row name="Location">
          {place ?? (data.location_id ? "…" : "Not recorded")}
          {home && <span className="govuk-!-display-block">{home.name}</span>}
        </Row>
        <Row name="Next inspection due">
          {data.next_due_date ? (
            <>
              {formatDate(data.next_due_date)}
              {data.next_due_date < today && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
            </>
          ) : (
            "No inspections needed"
          )}
        </Row>
        <Row name="Make and model">{[data.make, data.model].filter(Boolean).join(" ") || "Not recorded"}</Row>
        <Row name="Serial number">{data.serial ?? "Not recorded"}</Row>
        {data.purchase_date && <Row name="Bought">{formatDate(data.purchase_date)}{data.supplier ? ` from ${data.supplier}` : ""}</Row>}
        {data.warranty_end_date && <Row name="Warranty ends">{formatDate(data.warranty_end_date)}</Row>}
        {data.notes && <Row name="Notes">{data.notes}</Row>}
      </dl>
      {rows === null && (rules.isError || latest.isError || overrides.isError) && <ProblemMessage error={rules.error ?? latest.error ?? overrides.error} />}
      {rows === null && !(rules.isError || latest.isError || overrides.isError) && <Loading text="Loading inspections needed…" />}
      {rows !== null && rows.length === 0 && <p className="govuk-body">This kind of equipment needs no regular inspection.</p>}
      {rows !== null && rows.length > 0 && <DueTable rows={rows} today={today} />}
      <OpenDefects assetId={data.id} />
      <History assetId={data.id} rules={rules.data ?? []} />
    </>
  );
}
