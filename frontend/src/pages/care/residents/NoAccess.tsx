import { Link } from "react-router";
import { PageHeading } from "../../../components/PageHeading";

/** For people whose role has no access to care records (estates officers): said plainly. */
export function NoAccess() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>You do not have access to care records</PageHeading>
        <p className="govuk-body">Residents’ care records are for the care team and their managers.</p>
        <p className="govuk-body">If you need to see a resident’s record for your work, ask the home manager.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the Care Hub start page
          </Link>
        </p>
      </div>
    </div>
  );
}
