import type { ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import type { Allergy, Contact, Dols, Resident } from "../types";
import type { Alert } from "./alerts";
import { NoAccess } from "./NoAccess";
import { formatDate, fullName, LPA_NAMES, RESIDENT_STATUS_NAMES, RESIDENT_STATUS_TAGS, SEVERITY_NAMES } from "./names";
import { ResidentHeader } from "./ResidentNav";
import { SamePageLink, useGoToHash } from "./SamePageLink";
import { isForbidden, isNotFound, useAllergies, useContacts, useDols, useResident } from "./residents";
import { useResidentAlerts } from "./useResidentAlerts";

const NHS_STATUS_NAMES = { verified: "Verified", unverified: "Not yet verified", trace_required: "Trace needed" } as const;

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Said({ text }: { text: string | null }) {
  return text ? <span className="app-pre-line">{text}</span> : <span className="govuk-hint govuk-!-margin-bottom-0">Not written yet</span>;
}

export default function ResidentSummary() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const query = useResident(residentId);
  if (!can(roles, "careplan:resident.read")) return <NoAccess />;
  if (query.isPending) return <Loading text="Loading the resident…" />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFound />;
    if (isForbidden(query.error)) return <NoAccess />;
    return (
      <>
        <PageHeading>Sorry, this resident’s record could not be shown</PageHeading>
        <ProblemMessage error={query.error} />
      </>
    );
  }
  return <Summary resident={query.data.resident} />;
}

function Summary({ resident }: { resident: Resident }) {
  const { roles } = useSignedIn();
  const { alerts, loading, incomplete } = useResidentAlerts(resident.id, resident);
  useGoToHash(true);
  return (
    <>
      <ResidentHeader residentId={resident.id} current="summary" />
      <PageHeading size="m" title={`${fullName(resident)}: summary`}>
        Summary
      </PageHeading>
      <Alerts alerts={alerts} loading={loading} incomplete={incomplete} />
      <AboutMe resident={resident} />
      <Status resident={resident} />
      <Allergies residentId={resident.id} />
      <Contacts residentId={resident.id} />
      {can(roles, "careplan:consent.read") && <DolsRecords residentId={resident.id} />}
    </>
  );
}

function AlertLink({ alert }: { alert: Alert }) {
  const { pathname } = useLocation();
  const [path, part] = alert.href.split("#");
  if (part && path === pathname) return <SamePageLink to={part}>{alert.linkText}</SamePageLink>;
  return (
    <Link className="govuk-link" to={alert.href}>
      {alert.linkText}
    </Link>
  );
}

function Alerts({ alerts, loading, incomplete }: { alerts: Alert[]; loading: boolean; incomplete: boolean }) {
  return (
    <section id="alerts" aria-labelledby="alerts-title" className={alerts.length > 0 ? "govuk-inset-text app-alerts" : ""} tabIndex={-1}>
      <h2 className="govuk-heading-m" id="alerts-title">
        Alerts{alerts.length > 0 ? ` (${alerts.length})` : ""}
      </h2>
      {loading && <Loading text="Checking for alerts…" />}
      {!loading && alerts.length === 0 && <p className="govuk-body">No alerts.</p>}
      {alerts.length > 0 && (
        <ul className="govuk-list">
          {alerts.map((alert) => (
            <li key={alert.key}>
              <strong className="govuk-!-font-weight-bold">{alert.text}</strong> <AlertLink alert={alert} />
            </li>
          ))}
        </ul>
      )}
      {incomplete && <p className="govuk-body">Some alerts could not be checked just now. Reload the page to try again.</p>}
    </section>
  );
}

function AboutMe({ resident }: { resident: Resident }) {
  return (
    <section aria-labelledby="about-title">
      <h2 className="govuk-heading-m" id="about-title">
        About me
      </h2>
      <dl className="govuk-summary-list">
        <Row name="What matters to me">
          <Said text={resident.what_matters_to_me} />
        </Row>
        <Row name="How to communicate with me">
          <Said text={resident.how_to_communicate_with_me} />
        </Row>
        <Row name="How and when to support me">
          <Said text={resident.how_and_when_to_support_me} />
        </Row>
        <Row name="Communication needs">
          <Said text={resident.communication_needs} />
        </Row>
      </dl>
    </section>
  );
}

function Status({ resident }: { resident: Resident }) {
  const history = [...resident.status_history].reverse();
  return (
    <section aria-labelledby="status-title">
      <h2 className="govuk-heading-m" id="status-title">
        Status and details
      </h2>
      <dl className="govuk-summary-list">
        <Row name="Status">
          <strong className={`govuk-tag ${RESIDENT_STATUS_TAGS[resident.status]}`}>{RESIDENT_STATUS_NAMES[resident.status]}</strong> since{" "}
          {formatDate(resident.status_date)}
        </Row>
        <Row name="Admitted">{formatDate(resident.admission_date)}</Row>
        <Row name="NHS number">
          {resident.nhs_number ?? "Not known yet"} ({NHS_STATUS_NAMES[resident.nhs_number_status]})
        </Row>
        <Row name="GP practice">{resident.gp_practice_name ? `${resident.gp_practice_name}${resident.gp_practice_code ? ` (${resident.gp_practice_code})` : ""}` : "Not recorded"}</Row>
        <Row name="Daily fluid target">{resident.fluid_target_ml ? `${resident.fluid_target_ml.toLocaleString("en-GB")} ml` : "The standard target"}</Row>
      </dl>
      {history.length > 1 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Status history</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {history.map((change) => (
                <li key={`${change.status}-${change.recorded_at}`}>
                  {RESIDENT_STATUS_NAMES[change.status]} from {formatDate(change.effective_date)}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}

function Allergies({ residentId }: { residentId: string }) {
  const query = useAllergies(residentId);
  const allergies: Allergy[] = (query.data ?? []).filter((a) => !a.archived_at);
  return (
    <section id="allergies" aria-labelledby="allergies-title" tabIndex={-1}>
      <h2 className="govuk-heading-m" id="allergies-title">
        Allergies
      </h2>
      {query.isPending && <Loading text="Loading allergies…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && allergies.length === 0 && <p className="govuk-body">No known allergies recorded.</p>}
      {allergies.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Allergies</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Allergic to
              </th>
              <th scope="col" className="govuk-table__header">
                Kind
              </th>
              <th scope="col" className="govuk-table__header">
                Severity
              </th>
              <th scope="col" className="govuk-table__header">
                Reaction
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {allergies.map((allergy) => (
              <tr className="govuk-table__row" key={allergy.id}>
                <th scope="row" className="govuk-table__header">
                  {allergy.substance}
                </th>
                <td className="govuk-table__cell">{allergy.category}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${allergy.severity === "severe" ? "govuk-tag--red" : allergy.severity === "moderate" ? "govuk-tag--orange" : "govuk-tag--yellow"}`}>
                    {SEVERITY_NAMES[allergy.severity]}
                  </strong>
                </td>
                <td className="govuk-table__cell">{allergy.reaction ?? "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Contacts({ residentId }: { residentId: string }) {
  const query = useContacts(residentId);
  const contacts: Contact[] = (query.data ?? []).filter((c) => !c.archived_at);
  return (
    <section aria-labelledby="contacts-title">
      <h2 className="govuk-heading-m" id="contacts-title">
        Family and contacts
      </h2>
      {query.isPending && <Loading text="Loading contacts…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && contacts.length === 0 && <p className="govuk-body">No contacts recorded.</p>}
      {contacts.map((contact) => (
        <div className="govuk-summary-card" key={contact.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {contact.name}
              {contact.is_next_of_kin && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-2">Next of kin</strong>}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <Row name="Relationship">{contact.relationship}</Row>
              <Row name="Phone">{contact.phone ? <a className="govuk-link" href={`tel:${contact.phone.replaceAll(" ", "")}`}>{contact.phone}</a> : "Not given"}</Row>
              <Row name="Email">{contact.email ?? "Not given"}</Row>
              <Row name="Power of attorney">
                {contact.lpa_roles.length === 0 ? (
                  "None"
                ) : (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {contact.lpa_roles.map((role) => (
                      <li key={role}>{LPA_NAMES[role]}</li>
                    ))}
                  </ul>
                )}
              </Row>
            </dl>
          </div>
        </div>
      ))}
    </section>
  );
}

const DOLS_STAGE_NAMES = { application: "Applied for", authorisation: "Authorised", refusal: "Refused" } as const;

function DolsRecords({ residentId }: { residentId: string }) {
  const query = useDols(residentId, true);
  const records: Dols[] = query.data ?? [];
  return (
    <section id="dols" aria-labelledby="dols-title" tabIndex={-1}>
      <h2 className="govuk-heading-m" id="dols-title">
        Deprivation of Liberty Safeguards (DoLS)
      </h2>
      {query.isPending && <Loading text="Loading DoLS records…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.isSuccess && records.length === 0 && <p className="govuk-body">No DoLS applications or authorisations recorded.</p>}
      {records.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">DoLS records</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Stage
              </th>
              <th scope="col" className="govuk-table__header">
                Dates
              </th>
              <th scope="col" className="govuk-table__header">
                Supervisory body
              </th>
              <th scope="col" className="govuk-table__header">
                Conditions
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {records.map((record) => (
              <tr className="govuk-table__row" key={record.id}>
                <td className="govuk-table__cell">
                  {DOLS_STAGE_NAMES[record.stage]} ({record.kind}) on {formatDate(record.event_date)}
                </td>
                <td className="govuk-table__cell">
                  {record.starts_on && record.expires_on ? `${formatDate(record.starts_on)} to ${formatDate(record.expires_on)}` : "None"}
                </td>
                <td className="govuk-table__cell">
                  {record.supervisory_body}
                  {record.reference ? ` (reference ${record.reference})` : ""}
                </td>
                <td className="govuk-table__cell">
                  {record.conditions.length === 0 ? (
                    "None"
                  ) : (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {record.conditions.map((condition) => (
                        <li key={condition}>{condition}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
