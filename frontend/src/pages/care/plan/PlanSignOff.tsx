import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button, Radios } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import { fullName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import type { Resident, Version } from "../types";
import type { PlanPageState } from "./CarePlan";
import { Textarea } from "../../../components/fields";
import { draftNumber, refreshAfterPlanChange, signOffDraft, usePlan, useVersion } from "./plan";
import { INVOLVEMENT_CHOICES, INVOLVEMENTS, signOffBody, validateSignOff, type SignOffValues } from "./signOff";
import { VersionFacts } from "./VersionFacts";

const FIELD_IDS: Record<string, string> = { involvement: "sign-off-involvement", involvement_note: "sign-off-note" };

export default function PlanSignOff() {
  const { residentId = "" } = useParams();
  const { roles } = useSignedIn();
  const resident = useResident(residentId);
  const plan = usePlan(residentId);
  const draft = plan.data ? draftNumber(plan.data) : null;
  const version = useVersion(residentId, draft);
  if (!can(roles, "careplan:plan.sign_off")) return <NotFound />;
  const error = resident.error ?? plan.error ?? version.error;
  if (error) return isNotFound(error) ? <NotFound /> : <ProblemMessage error={error} />;
  if (!resident.data || !plan.data || (draft !== null && !version.data)) return <Loading text="Loading the draft…" />;
  const planPath = `/care/residents/${residentId}/plan`;
  if (!version.data || version.data.status !== "draft") {
    return (
      <>
        <Link className="govuk-back-link" to={planPath}>
          Back to the care plan
        </Link>
        <PageHeading caption={fullName(resident.data.resident)}>There is no draft to sign off</PageHeading>
        <p className="govuk-body">The care plan has no changes waiting to be signed off. Someone may have signed it off already.</p>
      </>
    );
  }
  return <SignOffForm resident={resident.data.resident} draft={version.data} currentNumber={plan.data.current_version_number} />;
}

function SignOffForm({ resident, draft, currentNumber }: { resident: Resident; draft: Version; currentNumber: number | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const name = fullName(resident);
  const planPath = `/care/residents/${resident.id}/plan`;
  const [values, setValues] = useState<SignOffValues>({ involvement: "", note: "" });
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateSignOff(values);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const signed = await saveQueue.submit(`Sign-off of ${name}’s care plan`, (key) => signOffDraft(resident.id, draft.number, signOffBody(values), key));
      await refreshAfterPlanChange(queryClient, resident.id);
      const state: PlanPageState = { signedOff: signed.number };
      void navigate(planPath, { state });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        setErrors(fieldMessages(error, { involvement: "who agreed the plan", involvement_note: "how they took part" }));
      } else if (error instanceof ApiProblem && error.status === 409) {
        await refreshAfterPlanChange(queryClient, resident.id);
        setErrors([{ field: "", message: `${error.detail ?? "This draft can no longer be signed off."} Go back to the care plan to see the newest version.` }]);
      } else if (error instanceof SaveDiscarded) {
        setErrors([{ field: "", message: "The sign-off was not saved. Sign off again when you are back online." }]);
      } else {
        setErrors([{ field: "", message: error instanceof ApiProblem ? problemSentence(error) : "Sorry, the sign-off could not be saved. Try again." }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: FIELD_IDS[field] ?? null, text: message }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`${planPath}?version=${draft.number}`}>
          Back to the draft
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption={name} title={`Sign off version ${draft.number} of ${name}’s care plan`} hasErrors={summary.length > 0}>
          Sign off the care plan
        </PageHeading>
        <VersionFacts version={draft} />
        <p className="govuk-body">
          {currentNumber ? (
            <Link className="govuk-link" to={`${planPath}/compare?from=${currentNumber}&to=${draft.number}`}>
              See what this draft changes from version {currentNumber}
            </Link>
          ) : (
            <Link className="govuk-link" to={`${planPath}?version=${draft.number}`}>
              Read the draft
            </Link>
          )}
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            When you sign off, this version becomes the plan every member of staff follows{currentNumber ? `, in place of version ${currentNumber}` : ""}.
          </strong>
        </div>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <Radios
            id={FIELD_IDS.involvement ?? "sign-off-involvement"}
            name="involvement"
            label="Who agreed this plan?"
            hint="People should take part in planning their own care, with anyone they want to help them."
            error={errorFor("involvement")}
            value={values.involvement}
            onChange={(value) => setValues((old) => ({ ...old, involvement: INVOLVEMENTS.find((i) => i === value) ?? "" }))}
            options={INVOLVEMENTS.map((value) => ({ value, label: INVOLVEMENT_CHOICES[value] }))}
          />
          <Textarea
            id={FIELD_IDS.involvement_note ?? "sign-off-note"}
            label={values.involvement === "not_involved" ? "Why could they not take part?" : "How did they take part? (optional)"}
            hint={
              values.involvement === "not_involved"
                ? "For example, “Peggy was too unwell to talk it through and has no one to speak for her; an advocate has been asked for”"
                : "For example, “Talked it through with Peggy over tea; her daughter agreed by phone”"
            }
            error={errorFor("involvement_note")}
            value={values.note}
            onChange={(note) => setValues((old) => ({ ...old, note }))}
          />
          <div className="govuk-button-group">
            <Button disabled={busy}>{busy ? "Signing off…" : "Sign off this version"}</Button>
            <Link className="govuk-link" to={planPath}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
