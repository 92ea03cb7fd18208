import { Link } from "react-router";
import { useSignedIn } from "../../auth/SessionProvider";
import { PageHeading } from "../../components/PageHeading";
import { sectionsFor } from "./nav";

/** The feedback area's start page: each section the person may use, with what it is for. */
export default function FeedbackStart() {
  const session = useSignedIn();
  const sections = sectionsFor(session.roles);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading>Feedback</PageHeading>
        <p className="govuk-body-l">Tell us what is working and what is not, and see what we are doing about it.</p>
        <nav aria-label="Feedback sections">
          <ul className="govuk-list govuk-list--spaced">
            {sections.map((section) => (
              <li key={section.to}>
                <Link className="govuk-link govuk-!-font-weight-bold govuk-!-font-size-24" to={section.to}>
                  {section.label}
                </Link>
                <br />
                {section.description}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
