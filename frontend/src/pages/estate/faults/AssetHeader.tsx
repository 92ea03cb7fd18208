import { Link } from "react-router";
import { locationLabel, useLocation, useLocations } from "../defects/lookups";
import type { Asset } from "../defects/types";

const OUT_OF_USE = new Set(["out_of_service", "awaiting_repair"]);

/** Which asset this is, so a person holding a phone to a label knows they scanned the right one. */
export function AssetHeader({ asset }: { asset: Asset }) {
  const location = useLocation(asset.location_id);
  const locations = useLocations(asset.home_id);
  const where = location.data ? locationLabel(location.data, locations.data) : asset.location_id ? "…" : "No location recorded";
  return (
    <div className="app-fault-asset">
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Tag</dt>
          <dd className="govuk-summary-list__value">{asset.tag}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Where</dt>
          <dd className="govuk-summary-list__value">{where}</dd>
        </div>
      </dl>
      {OUT_OF_USE.has(asset.status) && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This is already out of service. Do not use it.
          </strong>
        </div>
      )}
      <p className="govuk-body-s">
        Not the right one?{" "}
        <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
          See the asset’s page
        </Link>
      </p>
    </div>
  );
}
