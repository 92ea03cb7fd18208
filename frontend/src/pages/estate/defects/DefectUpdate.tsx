import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ConflictPanel } from "../../../components/ConflictPanel";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Button, Radios, TextInput } from "../../../components/fields";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { compareVersions, keepMine, type Conflict } from "../../../lib/conflict";
import { formatDateTime } from "../../../lib/format";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import {
  changedWork,
  needsReturnCheck,
  pickWork,
  toWorkForm,
  validateWork,
  WORK_FIELDS,
  WORK_LABELS,
  WORK_SENTENCE_LABELS,
  workPatch,
  workValuesFromForm,
  workValuesOf,
  type WorkField,
  type WorkForm,
  type WorkValues,
} from "./defectForm";
import { fetchDefect, MOVE_NAMES, NEXT_STATUSES, PRIORITIES, PRIORITY_NAMES, STATUS_NAMES, updateDefect, useDefect, type VersionedDefect } from "./defects";
import { MoneyInput, Textarea } from "../../../components/fields";
import { useAsset } from "./lookups";
import type { DefectStatus, Priority } from "./types";

const FIELD_IDS: Record<string, string> = {
  status: "work-status",
  priority: "work-priority",
  contractor: "work-contractor",
  cost: "work-cost",
  resolution: "work-resolution",
  "return_check.checked_by": "work-checked-by",
  "return_check.return_to_service": "work-return",
  "return_check.notes": "work-check-notes",
};

function display(field: WorkField, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  if (field === "status" && typeof value === "string" && value in STATUS_NAMES) return STATUS_NAMES[value as DefectStatus];
  if (field === "priority" && typeof value === "string" && value in PRIORITY_NAMES) return PRIORITY_NAMES[value as Priority];
  if (field === "cost") return `£${String(value)}`;
  return String(value);
}

export default function DefectUpdate() {
  const { defectId = "" } = useParams();
  const session = useSignedIn();
  const query = useDefect(defectId);
  if (!can(session.roles, "assets:defect.manage")) return <NotFound />;
  if (query.isPending) return <Loading text="Loading the fault…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={query.error} />;
  }
  return <WorkOrderForm key={defectId} loaded={query.data} />;
}

function WorkOrderForm({ loaded }: { loaded: VersionedDefect }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const defectId = loaded.defect.id;
  const [base, setBase] = useState<VersionedDefect>(loaded);
  const [form, setForm] = useState<WorkForm>(() => toWorkForm(loaded.defect));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflict: Conflict<WorkField>; theirs: VersionedDefect; mine: WorkValues } | null>(null);
  const asset = useAsset(loaded.defect.asset_id);

  const set = (field: keyof WorkForm) => (value: string) => setForm((old) => ({ ...old, [field]: value }));
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  const defect = base.defect;
  const statusChoices: DefectStatus[] = [defect.status, ...NEXT_STATUSES[defect.status]];

  const done = (result: VersionedDefect) => {
    queryClient.setQueryData(["defect", defectId], result);
    void queryClient.invalidateQueries({ queryKey: ["defects"] });
    void queryClient.invalidateQueries({ queryKey: ["asset", result.defect.asset_id] });
    void queryClient.invalidateQueries({ queryKey: ["assets"] });
    void navigate(`/estate/defects/${defectId}`, { state: { saved: true } });
  };

  const showError = (message: string) => {
    setErrors([{ field: "", message }]);
    setAttempt((n) => n + 1);
  };

  const onConflict = async (from: VersionedDefect, mine: WorkValues) => {
    const theirs = await fetchDefect(defectId).catch(() => null);
    if (!theirs) return showError("Someone else changed this fault. Reload the page to see their changes.");
    const found = compareVersions<WorkField>(workValuesOf(from.defect), mine, workValuesOf(theirs.defect), WORK_FIELDS);
    if (found.alreadySaved) return done(theirs);
    setErrors([]);
    setConflict({ conflict: found, theirs, mine });
  };

  const save = async (changed: Partial<WorkValues>, from: VersionedDefect, mine: WorkValues) => {
    setBusy(true);
    try {
      const patch = workPatch(from.defect, changed, form);
      done(await saveQueue.submit(`Changes to the fault “${from.defect.title}”`, () => updateDefect(defectId, from.etag, patch)));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) await onConflict(from, mine);
      else if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
        setErrors(fieldMessages(error, WORK_SENTENCE_LABELS));
        setAttempt((n) => n + 1);
      } else if (error instanceof SaveDiscarded) showError("Your changes were not saved. Save them again when you are back online.");
      else showError(error instanceof ApiProblem ? problemSentence(error) : "Sorry, your changes could not be saved. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateWork(defect, form);
    setAttempt((n) => n + 1);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const mine = workValuesFromForm(form);
    const changed = changedWork(workValuesOf(defect), mine);
    if (Object.keys(changed).length === 0) {
      void navigate(`/estate/defects/${defectId}`);
      return;
    }
    setErrors([]);
    void save(changed, base, mine);
  };

  const useTheirs = () => {
    if (!conflict) return;
    setBase(conflict.theirs);
    setForm(toWorkForm(conflict.theirs.defect));
    setConflict(null);
  };

  const keepMyChanges = () => {
    if (!conflict) return;
    const { theirs, mine } = conflict;
    const kept = pickWork(mine, Object.keys(keepMine(conflict.conflict)));
    setBase(theirs);
    setConflict(null);
    void save(kept, theirs, mine);
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? (FIELD_IDS[field] ?? null) : null, text: message }));
  const checking = needsReturnCheck(defect, form.status);
  const what = asset.data ? `${asset.data.name} (${asset.data.tag})` : "the equipment";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/estate/defects/${defectId}`}>
          Back to the fault
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        {conflict && (
          <ConflictPanel
            conflict={conflict.conflict}
            labels={WORK_LABELS}
            changedAt={`on ${formatDateTime(conflict.theirs.defect.updated_at)}`}
            format={display}
            onUseTheirs={useTheirs}
            onKeepMine={keepMyChanges}
            busy={busy}
          />
        )}
        <PageHeading caption={defect.title} title={`Update the repair: ${defect.title}`} hasErrors={summary.length > 0}>
          Update the repair
        </PageHeading>
        <p className="govuk-body">
          {defect.title}: {what}.
        </p>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <Radios
            id="work-status"
            name="status"
            label="Where is the repair up to?"
            value={form.status}
            onChange={set("status")}
            error={errorFor("status")}
            options={statusChoices.map((status) => ({
              value: status,
              label: status === defect.status ? `${STATUS_NAMES[status]} (no change)` : MOVE_NAMES[status],
            }))}
          />
          {checking && (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" aria-describedby="return-check-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Return-to-service check</h2>
              </legend>
              <div className="govuk-hint" id="return-check-hint">
                This fault took {what} out of service. Before it is marked fixed, say who checked it and whether it is safe to use again.
                {defect.inspection_id ? " It failed an inspection: to use it again, a passing re-inspection must be recorded first." : ""}
              </div>
              <TextInput
                id="work-checked-by"
                name="checked_by"
                label="Who checked it?"
                hint="Their name and company, for example “J Patel, Arjo engineer”"
                value={form.checkedBy}
                onChange={set("checkedBy")}
                error={errorFor("return_check.checked_by")}
              />
              <Radios
                id="work-return"
                name="return_to_service"
                label="Can it be used again?"
                inline
                value={form.returnToService}
                onChange={set("returnToService")}
                error={errorFor("return_check.return_to_service")}
                options={[
                  { value: "yes", label: "Yes, it is safe" },
                  { value: "no", label: "No, keep it out of service" },
                ]}
              />
              <Textarea
                id="work-check-notes"
                name="check_notes"
                label="Notes on the check (optional)"
                value={form.checkNotes}
                onChange={set("checkNotes")}
                error={errorFor("return_check.notes")}
                rows={3}
              />
            </fieldset>
          )}
          <Radios
            id="work-priority"
            name="priority"
            label="Priority"
            value={form.priority}
            onChange={set("priority")}
            error={errorFor("priority")}
            options={PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_NAMES[priority] }))}
          />
          <TextInput
            id="work-contractor"
            name="contractor"
            label="Who is fixing it (optional)"
            hint="The contractor or the maintenance person"
            value={form.contractor}
            onChange={set("contractor")}
            error={errorFor("contractor")}
          />
          <MoneyInput id="work-cost" name="cost" label="Cost (optional)" hint="In pounds, for example 120.50" value={form.cost} onChange={set("cost")} error={errorFor("cost")} />
          <Textarea
            id="work-resolution"
            name="resolution"
            label="What was done (optional)"
            value={form.resolution}
            onChange={set("resolution")}
            error={errorFor("resolution")}
          />
          <div className="govuk-button-group">
            <Button disabled={busy || conflict !== null}>{busy ? "Saving…" : "Save"}</Button>
            <Link className="govuk-link" to={`/estate/defects/${defectId}`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
