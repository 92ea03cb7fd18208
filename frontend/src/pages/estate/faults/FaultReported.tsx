import { Link } from "react-router";
import { ConfirmationPanel } from "../defects/ConfirmationPanel";
import { PRIORITY_NAMES } from "../defects/defects";
import type { Asset, Defect } from "../defects/types";
import { nextSteps } from "./faults";

/** The confirmation: the GOV.UK panel, then what happens next and where to go. */
export function FaultReported({ asset, defect, onAnother }: { asset: Asset; defect: Defect; onAnother: () => void }) {
  return (
    <>
      <ConfirmationPanel title="Fault reported">
        {defect.title}
        <br />
        {asset.name} ({asset.tag})
      </ConfirmationPanel>
      <p className="govuk-body">
        Priority: <strong>{PRIORITY_NAMES[defect.priority]}</strong>
      </p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <ul className="govuk-list govuk-list--bullet">
        {nextSteps(defect.priority, defect.took_out_of_service).map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <Link className="govuk-link" to={`/estate/defects/${defect.id}`}>
            See this fault
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/estate/defects?asset=${asset.id}`}>
            See every fault with {asset.name}
          </Link>
        </li>
        <li>
          <button type="button" className="app-link-button app-fault-another" onClick={onAnother}>
            Report another fault with {asset.name}
          </button>
        </li>
        <li>
          <Link className="govuk-link" to={`/estate/assets/${asset.id}`}>
            Back to {asset.name}
          </Link>
        </li>
      </ul>
    </>
  );
}
