import { Link, useLocation, useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { formatDateTime } from "../../lib/format";
import NotFound from "../NotFound";
import { STATUS_NAMES, useHome } from "./homes";

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default function HomeDetail() {
  const { homeId = "" } = useParams();
  const session = useSignedIn();
  const location = useLocation();
  const { homes, current, choose } = useHomes();
  const query = useHome(homeId);
  const saved = (location.state as { saved?: boolean } | null)?.saved === true;

  if (query.isPending) return <Loading text="Loading the home…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, this home could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  const { home } = query.data;
  const mine = homes.some((h) => h.id === home.id);
  return (
    <>
      {saved && <NotificationBanner success>The home’s details have been saved.</NotificationBanner>}
      <Link className="govuk-back-link" to="/estate/homes">
        All homes
      </Link>
      <PageHeading caption="Estate">{home.name}</PageHeading>
      {mine && current?.id !== home.id && homes.length > 1 && (
        <p className="govuk-body">
          <button type="button" className="app-link-button" onClick={() => choose(home.id)}>
            Work in this home
          </button>
        </p>
      )}
      <dl className="govuk-summary-list">
        <Row name="Status">
          <strong className={`govuk-tag${home.status === "closed" ? " govuk-tag--grey" : " govuk-tag--green"}`}>{STATUS_NAMES[home.status]}</strong>
        </Row>
        <Row name="Address">
          {[home.address_line1, home.address_line2, home.town, home.postcode].filter(Boolean).map((line) => (
            <span key={line} className="govuk-!-display-block">
              {line}
            </span>
          ))}
        </Row>
        <Row name="Registered beds">{home.registered_beds}</Row>
        <Row name="Phone">{home.phone ?? "Not given"}</Row>
        <Row name="Email">{home.email ?? "Not given"}</Row>
        <Row name="CQC location ID">{home.cqc_location_id ?? "Not given"}</Row>
        <Row name="Last changed">{formatDateTime(home.updated_at)}</Row>
      </dl>
      <ul className="govuk-list govuk-list--spaced">
        {can(session.roles, "assets:compliance.read") && (
          <li>
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/estate/homes/${home.id}/compliance`}>
              Compliance of {home.name}
            </Link>
          </li>
        )}
        {can(session.roles, "assets:asset.read") && (
          <li>
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/estate/assets?home_id=${home.id}`}>
              Equipment in {home.name}
            </Link>
          </li>
        )}
      </ul>
      {can(session.roles, "assets:home.update") && (
        <Link className="govuk-button" data-module="govuk-button" to={`/estate/homes/${home.id}/edit`}>
          Change details
        </Link>
      )}
    </>
  );
}
