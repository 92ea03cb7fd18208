import { Link } from "react-router";
import { can, describeRoles } from "../auth/can";
import { useHomes } from "../auth/HomeProvider";
import { useSignedIn } from "../auth/SessionProvider";
import { PageHeading } from "../components/PageHeading";

export default function Start() {
  const session = useSignedIn();
  const { current, homes, orgWide } = useHomes();
  const firstName = session.name.split(" ")[0] ?? session.name;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading title="Start" caption={describeRoles(session.roles)}>
          Hello, {firstName}
        </PageHeading>
        {current && (
          <p className="govuk-body-l">
            You are working in <strong>{current.name}</strong>
            {homes.length > 1 ? ". You can change home at the top of the page." : "."}
          </p>
        )}
        {orgWide && <p className="govuk-body">Your role covers every home.</p>}
        <h2 className="govuk-heading-m">What you can do</h2>
        <ul className="govuk-list govuk-list--spaced">
          {can(session.roles, "assets:home.read") && (
            <li>
              <Link className="govuk-link govuk-!-font-weight-bold" to="/estate/homes">
                Estate: homes
              </Link>
              <br />
              {can(session.roles, "assets:home.update") ? "Find a home, see its details and keep them up to date." : homes.length > 1 ? "See the details of your homes." : "See the details of your home."}
            </li>
          )}
          {current && (
            <li>
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/estate/homes/${current.id}`}>
                {current.name}
              </Link>
              <br />
              Address, registered beds and contact details.
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
