import { Link, useLocation as useRouterLocation, useParams } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import NotFound from "../../NotFound";
import { PRIORITY_NAMES, PRIORITY_TAGS, STATUS_NAMES, STATUS_TAGS, useDefect } from "./defects";
import { EstateToolsLinks } from "./EstateToolsLinks";
import { useAsset } from "./lookups";
import type { Defect } from "./types";

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Who raised it: a person's sign-in id is not a name, so only say when it was the system. */
function raisedBy(defect: Defect): string {
  if (defect.raised_by.startsWith("system")) return "Care Hub (from a failed inspection or the demo data)";
  return defect.inspection_id ? "Care Hub, from a failed inspection" : "A member of staff";
}

export default function DefectDetail() {
  const { defectId = "" } = useParams();
  const session = useSignedIn();
  const routerLocation = useRouterLocation();
  const saved = (routerLocation.state as { saved?: boolean } | null)?.saved === true;
  const query = useDefect(defectId);
  const asset = useAsset(query.data?.defect.asset_id ?? "");

  if (query.isPending) return <Loading text="Loading the fault…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this fault could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  const { defect } = query.data;
  const canManage = can(session.roles, "assets:defect.manage") && defect.status !== "closed";
  return (
    <>
      {saved && <NotificationBanner success>The fault has been updated.</NotificationBanner>}
      <Link className="govuk-back-link" to="/estate/defects">
        All faults
      </Link>
      <PageHeading caption="Fault" title={`Fault: ${defect.title}`}>
        {defect.title}
      </PageHeading>
      <dl className="govuk-summary-list">
        <Row name="Equipment">
          {asset.data ? (
            <Link className="govuk-link" to={`/estate/assets/${asset.data.id}`}>
              {asset.data.name} ({asset.data.tag})
            </Link>
          ) : asset.isError ? (
            "Could not be loaded"
          ) : (
            "…"
          )}
        </Row>
        <Row name="Status">
          <strong className={`govuk-tag ${STATUS_TAGS[defect.status]}`}>{STATUS_NAMES[defect.status]}</strong>
        </Row>
        <Row name="Priority">
          <strong className={`govuk-tag ${PRIORITY_TAGS[defect.priority]}`}>{PRIORITY_NAMES[defect.priority]}</strong>
        </Row>
        <Row name="Details">{defect.description ?? "None given"}</Row>
        <Row name="Taken out of service">{defect.took_out_of_service ? "Yes, when it was reported" : "No"}</Row>
        <Row name="Reported">
          {formatDateTime(defect.created_at)} by {raisedBy(defect)}
        </Row>
        <Row name="Who is fixing it">{defect.contractor ?? "Not given yet"}</Row>
        <Row name="Cost">{defect.cost === null ? "Not given" : `£${Number(defect.cost).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`}</Row>
        <Row name="What was done">{defect.resolution ?? "Not given yet"}</Row>
        {defect.resolved_at && <Row name="Fixed">{formatDateTime(defect.resolved_at)}</Row>}
        {defect.return_check_by && (
          <Row name="Return-to-service check">
            Checked by {defect.return_check_by}
            {defect.returned_to_service === true ? ": safe to use again." : defect.returned_to_service === false ? ": kept out of service." : "."}
            {defect.return_check_notes && <span className="govuk-!-display-block">{defect.return_check_notes}</span>}
          </Row>
        )}
        {defect.closed_at && <Row name="Closed">{formatDateTime(defect.closed_at)}</Row>}
        <Row name="Last changed">{formatDateTime(defect.updated_at)}</Row>
      </dl>
      {canManage && (
        <Link className="govuk-button" data-module="govuk-button" to={`/estate/defects/${defect.id}/update`}>
          Update the repair
        </Link>
      )}
      {defect.status === "closed" && <p className="govuk-body">This fault is closed. Report a new fault if the problem comes back.</p>}
      <EstateToolsLinks here="defects" />
    </>
  );
}
