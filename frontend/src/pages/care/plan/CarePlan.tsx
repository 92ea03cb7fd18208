import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { Loading } from "../../../components/Loading";
import { NotificationBanner } from "../../../components/NotificationBanner";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import NotFound from "../../NotFound";
import { NoAccess } from "../residents/NoAccess";
import { fullName } from "../residents/names";
import { ResidentHeader } from "../residents/ResidentNav";
import { isForbidden, isNotFound, useResident } from "../residents/residents";
import type { Plan, Resident, Version } from "../types";
import { draftNumber, usePlan, useVersion } from "./plan";
import { PlanContents, PlanSection } from "./PlanSections";
import { VersionFacts } from "./VersionFacts";

export interface PlanPageState {
  saved?: number;
  signedOff?: number;
}

const CLOSED = new Set(["discharged", "deceased"]);

export default function CarePlan() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const resident = useResident(residentId);
  const plan = usePlan(residentId);
  if (!can(roles, "careplan:plan.read")) return <NoAccess />;
  const error = resident.error ?? plan.error;
  if (error) {
    if (isNotFound(error)) return <NotFound />;
    if (isForbidden(error)) return <NoAccess />;
    return (
      <>
        <PageHeading>Sorry, the care plan could not be shown</PageHeading>
        <ProblemMessage error={error} />
      </>
    );
  }
  if (!resident.data || !plan.data) return <Loading text="Loading the care plan…" />;
  return <PlanPage resident={resident.data.resident} plan={plan.data} />;
}

function PlanPage({ resident, plan }: { resident: Resident; plan: Plan }) {
  const { roles } = useSignedIn();
  const [params] = useSearchParams();
  const state = (useLocation().state ?? {}) as PlanPageState;
  const draft = draftNumber(plan);
  const requested = Number(params.get("version"));
  const wanted = Number.isInteger(requested) && requested > 0 ? requested : (plan.current_version_number ?? draft);
  const isCurrent = wanted !== null && wanted === plan.current_version_number;
  const other = useVersion(resident.id, isCurrent ? null : wanted);
  const shown: Version | null | undefined = isCurrent ? plan.current : other.data;
  const base = `/care/residents/${resident.id}/plan`;
  const mayDraft = can(roles, "careplan:plan.draft") && !CLOSED.has(resident.status);
  const maySignOff = can(roles, "careplan:plan.sign_off");

  return (
    <>
      {state.saved && <NotificationBanner success>Your changes are saved as draft version {state.saved}. They are not in use until the draft is signed off.</NotificationBanner>}
      {state.signedOff && <NotificationBanner success>Version {state.signedOff} is signed off and is now the care plan in use.</NotificationBanner>}
      <ResidentHeader residentId={resident.id} current="plan" />
      <PageHeading size="m" title={`${fullName(resident)}: care plan${wanted && !isCurrent ? `, version ${wanted}` : ""}`}>
        {wanted && !isCurrent ? `Care plan: version ${wanted}` : "Care plan"}
      </PageHeading>

      {draft !== null && draft !== wanted && (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            There is a draft, version {draft}, waiting to be signed off. Staff follow {plan.current_version_number ? `version ${plan.current_version_number}` : "no plan"} until then.
          </p>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`${base}?version=${draft}`}>
                Read the draft
              </Link>
            </li>
            {plan.current_version_number && (
              <li>
                <Link className="govuk-link" to={`${base}/compare?from=${plan.current_version_number}&to=${draft}`}>
                  See what the draft changes
                </Link>
              </li>
            )}
            {maySignOff && (
              <li>
                <Link className="govuk-link" to={`${base}/sign-off`}>
                  Sign off the draft
                </Link>
              </li>
            )}
          </ul>
        </div>
      )}

      {wanted === null && <p className="govuk-body">There is no care plan yet.</p>}
      {wanted !== null && !isCurrent && other.isPending && <Loading text="Loading the version…" />}
      {wanted !== null && !isCurrent && other.isError && (isNotFound(other.error) ? <p className="govuk-body">There is no version {wanted} of this plan.</p> : <ProblemMessage error={other.error} />)}

      {shown && (
        <>
          {shown.status !== "current" && (
            <p className="govuk-body">
              <Link className="govuk-link" to={base}>
                Back to the care plan in use
              </Link>
            </p>
          )}
          <VersionFacts version={shown} />
          <div className="govuk-button-group">
            {shown.status === "draft" && maySignOff && (
              <Link className="govuk-button" data-module="govuk-button" to={`${base}/sign-off`}>
                Sign off this draft
              </Link>
            )}
            {mayDraft && (shown.status === "current" || shown.status === "draft") && (
              <Link className={`govuk-button${shown.status === "draft" && maySignOff ? " govuk-button--secondary" : ""}`} data-module="govuk-button" to={`${base}/edit`}>
                {shown.status === "draft" ? "Change the draft" : "Edit as a new draft"}
              </Link>
            )}
            <Link className="govuk-link" to={`${base}/versions`}>
              Version history
            </Link>
          </div>
          {shown.sections.length === 0 ? (
            <p className="govuk-body">This version has no sections.</p>
          ) : (
            <>
              <PlanContents sections={shown.sections} />
              {shown.sections.map((section) => (
                <PlanSection key={section.id} section={section} />
              ))}
            </>
          )}
        </>
      )}
      {wanted === null && mayDraft && (
        <Link className="govuk-button" data-module="govuk-button" to={`${base}/edit`}>
          Write the first care plan
        </Link>
      )}
    </>
  );
}
