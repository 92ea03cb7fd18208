// The home overview report: one printable page per home combining equipment compliance,
// care-plan reviews and DoLS, feedback actions, workforce figures and the recommendations flags.
import { Link, useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import NotFound from "../NotFound";
import { ActionsSection } from "./ActionsSection";
import { useHomeReport } from "./api";
import { DolsSection, ReviewsSection } from "./CareSection";
import { ComplianceSection } from "./ComplianceSection";
import { londonDay, periodStart } from "./dates";
import { FlagsSection } from "./FlagsSection";
import { sectionState } from "./sectionState";
import { WorkforceSection } from "./WorkforceSection";
import "./report.css";

const CONTENTS = [
  ["flags", "Points to look at"],
  ["compliance", "Equipment and safety checks"],
  ["reviews", "Care-plan reviews"],
  ["dols", "DoLS authorisations expiring"],
  ["actions", "Actions from feedback"],
  ["workforce", "Workforce"],
] as const;

function Contents() {
  return (
    <nav className="app-report__contents app-no-print" aria-label="Parts of this report">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">On this page</h2>
      <ul className="govuk-list">
        {CONTENTS.map(([id, title]) => (
          <li key={id}>
            <a className="govuk-link" href={`#${id}`}>
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function HomeReport() {
  const { homeId = "" } = useParams();
  const session = useSignedIn();
  const report = useHomeReport(homeId);
  const today = londonDay();

  const home = report.home;
  if (home.isPending) return <Loading text="Loading the report…" />;
  if (home.isError) {
    // Another home's report answers 404, like a home that does not exist; a malformed id, 422.
    if (home.error instanceof ApiProblem && (home.error.status === 404 || home.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this report could not be shown</PageHeading>
        <ProblemMessage error={home.error} />
      </>
    );
  }
  const { name, address_line1, town, postcode, registered_beds } = home.data;
  const preparedAt = home.dataUpdatedAt ? new Date(home.dataUpdatedAt).toISOString() : new Date().toISOString();

  return (
    <article className="app-report">
      <Link className="govuk-back-link app-no-print" to="/reports">
        All reports
      </Link>
      <PageHeading title={`${name}: home overview report`} caption="Home overview report">
        {name}
      </PageHeading>
      <p className="govuk-body app-report__meta">
        {address_line1}, {town} {postcode}. {registered_beds} registered beds.
        <br />
        Prepared on {formatDateTime(preparedAt)} for {session.name}.
      </p>
      <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => window.print()}>
        Print this page
      </button>
      <Contents />
      <FlagsSection homeId={homeId} state={sectionState(report.recommendations)} />
      <ComplianceSection homeId={homeId} state={sectionState(report.compliance)} />
      <ReviewsSection state={sectionState(report.reviews)} today={today} />
      <DolsSection state={sectionState(report.dols)} />
      <ActionsSection state={sectionState(report.actions)} since={periodStart(today)} />
      <WorkforceSection homeId={homeId} state={sectionState(report.workforce)} />
      <p className="govuk-body-s app-report__footer">
        {name}, home overview report, {formatDateTime(preparedAt)}. Care Hub: figures as recorded at that time.
      </p>
    </article>
  );
}
