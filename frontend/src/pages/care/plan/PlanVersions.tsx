import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { formatDateTime } from "../../../lib/format";
import NotFound from "../../NotFound";
import { NoAccess } from "../residents/NoAccess";
import { fullName } from "../residents/names";
import { ResidentHeader } from "../residents/ResidentNav";
import { isForbidden, isNotFound, useResident } from "../residents/residents";
import type { VersionSummary } from "../types";
import { useVersions } from "./plan";
import { signedOffText, VersionTag } from "./VersionFacts";
import { Pagination } from "../../../components/Pagination";

export default function PlanVersions() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const [params] = useSearchParams();
  const cursor = params.get("cursor") ?? "";
  const resident = useResident(residentId);
  const versions = useVersions(residentId, cursor);
  if (!can(roles, "careplan:plan.read")) return <NoAccess />;
  const error = resident.error ?? versions.error;
  if (error) {
    if (isNotFound(error)) return <NotFound />;
    if (isForbidden(error)) return <NoAccess />;
    return <ProblemMessage error={error} />;
  }
  if (!resident.data || !versions.data) return <Loading text="Loading the versions…" />;
  const name = fullName(resident.data.resident);
  const items = versions.data.items;
  const planPath = `/care/residents/${residentId}/plan`;
  return (
    <>
      <ResidentHeader residentId={residentId} current="plan" />
      <PageHeading size="m" title={`${name}: care plan versions`}>
        Care plan versions
      </PageHeading>
      <p className="govuk-body">
        <Link className="govuk-link" to={planPath}>
          Back to the care plan
        </Link>
      </p>
      {items.length >= 2 && <CompareForm residentId={residentId} versions={items} />}
      {items.length === 0 ? (
        <p className="govuk-body">There are no versions yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Every version, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Version
              </th>
              <th scope="col" className="govuk-table__header">
                Why it changed
              </th>
              <th scope="col" className="govuk-table__header">
                Written by
              </th>
              <th scope="col" className="govuk-table__header">
                Signed off
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((version) => (
              <tr className="govuk-table__row" key={version.number}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`${planPath}?version=${version.number}`}>
                    Version {version.number}
                  </Link>
                  <span className="govuk-!-display-block govuk-!-margin-top-1">
                    <VersionTag version={version} />
                  </span>
                </td>
                <td className="govuk-table__cell">{version.reason}</td>
                <td className="govuk-table__cell">
                  {version.author_name}
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{formatDateTime(version.created_at)}</span>
                </td>
                <td className="govuk-table__cell">
                  {signedOffText(version)}
                  {version.based_on_number && (
                    <span className="govuk-!-display-block govuk-!-margin-top-1">
                      <Link className="govuk-link" to={`${planPath}/compare?from=${version.based_on_number}&to=${version.number}`}>
                        What changed from version {version.based_on_number}
                      </Link>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        label="Pages of versions"
        first={cursor ? `${planPath}/versions` : null}
        next={versions.data.next_cursor ? `?cursor=${encodeURIComponent(versions.data.next_cursor)}` : null} firstText="Newest versions" nextText="Older versions"
      />
    </>
  );
}

function CompareForm({ residentId, versions }: { residentId: string; versions: VersionSummary[] }) {
  const navigate = useNavigate();
  const [to, setTo] = useState(String(versions[0]?.number ?? ""));
  const [from, setFrom] = useState(String(versions[1]?.number ?? ""));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(`/care/residents/${residentId}/plan/compare?from=${from}&to=${to}`);
  };
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      Version {v.number}
    </option>
  ));
  return (
    <form className="app-filters" onSubmit={submit} aria-label="Compare two versions">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="compare-from">
          Compare
        </label>
        <select className="govuk-select" id="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="compare-to">
          with
        </label>
        <select className="govuk-select" id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
          {options}
        </select>
      </div>
      <div className="govuk-form-group">
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={from === to}>
          Compare side by side
        </button>
      </div>
    </form>
  );
}
