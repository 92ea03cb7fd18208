// Who wrote a plan version, why, and who signed it off with whom.
import { formatDateTime } from "../../../lib/format";
import type { Version, VersionSummary } from "../types";
import { INVOLVEMENT_NAMES, ROLE_TITLES, VERSION_STATUS_NAMES, VERSION_STATUS_TAGS } from "./plan";

export function VersionTag({ version }: { version: Pick<VersionSummary, "status"> }) {
  return <strong className={`govuk-tag ${VERSION_STATUS_TAGS[version.status]}`}>{VERSION_STATUS_NAMES[version.status]}</strong>;
}

export function signedOffText(version: VersionSummary): string {
  if (!version.signed_off_at) return "Not signed off yet";
  const role = version.signed_off_role ? ROLE_TITLES[version.signed_off_role] : undefined;
  return `${version.signed_off_by_name ?? "Someone"}${role ? ` (${role})` : ""} on ${formatDateTime(version.signed_off_at)}`;
}

export function VersionFacts({ version }: { version: Version | VersionSummary }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Version</dt>
        <dd className="govuk-summary-list__value">
          {version.number} <VersionTag version={version} />
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Why it changed</dt>
        <dd className="govuk-summary-list__value">{version.reason}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Written by</dt>
        <dd className="govuk-summary-list__value">
          {version.author_name} on {formatDateTime(version.created_at)}
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Signed off by</dt>
        <dd className="govuk-summary-list__value">{signedOffText(version)}</dd>
      </div>
      {version.involvement && (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Agreed with</dt>
          <dd className="govuk-summary-list__value">
            {INVOLVEMENT_NAMES[version.involvement]}
            {version.involvement_note && <span className="govuk-!-display-block">{version.involvement_note}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}
