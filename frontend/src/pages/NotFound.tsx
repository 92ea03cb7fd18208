import { Link } from "react-router";
import { PageHeading } from "../components/PageHeading";

export default function NotFound() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Page not found</PageHeading>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to the Care Hub start page
          </Link>
        </p>
      </div>
    </div>
  );
}
