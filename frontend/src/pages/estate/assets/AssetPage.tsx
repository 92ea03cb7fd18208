import { Link, useLocation, useParams } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useHomes } from "../../../auth/HomeProvider";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { useAsset, useCategories, useLatestInspections, useLocations, useOverrides, useRules } from "./api";
import { DueTable, History, OpenDefects, RecordedBanner } from "./AssetSections";
import { formatDate, todayInLondon } from "./dates";
import "./estate.css";
import { CONDITION_NAMES, extraRows, locationNames, STATUS_NAMES } from "./names";
import { dueRows } from "./schedule";
import type { InspectionRecorded } from "./types";
import { Row, StatusTag } from "./ui";

/** What the inspection page hands over after a save: the server's record, shown here. */
export interface RecordedState {
  recorded?: InspectionRecorded;
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
        {extraRows(data.extra, category?.extra_schema).map((row) => (
          <Row key={row.name} name={row.name}>
            {row.value}
          </Row>
        ))}
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
