import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation, useParams } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { can } from "../../auth/can";
import { useSignedIn } from "../../auth/SessionProvider";
import { ConflictPanel } from "../../components/ConflictPanel";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, TextInput } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { NotificationBanner } from "../../components/NotificationBanner";
import { PageHeading } from "../../components/PageHeading";
import { ProblemMessage } from "../../components/ProblemMessage";
import { compareVersions, keepMine, patchOf, type Conflict } from "../../lib/conflict";
import { formatDateTime } from "../../lib/format";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import {
  ACTION_FIELDS,
  ACTION_LABELS,
  ACTION_SENTENCE_LABELS,
  asActionUpdate,
  fromAction,
  isFinished,
  NEXT_STATUSES,
  toActionValues,
  toApiValues,
  validateAction,
  type ActionField,
  type ActionValues,
} from "./actionForm";
import { fetchAction, fetchItem, updateAction, useAction, useThemes, type Versioned } from "./api";
import { formatDate } from "./dates";
import { DateInput, Radios, Textarea } from "../../components/fields";
import { ACTION_STATUS_NAMES, ACTION_STATUS_TAG, KIND_SHORT } from "./names";
import { messageFor, saveErrors } from "./saveErrors";
import type { Action, ActionStatus } from "./types";
import { FeedbackNav, SummaryRow, Tag, useHomeName } from "./ui";

const STATUS_HINTS: Partial<Record<ActionStatus, string>> = {
  agreed: "It will be done.",
  in_progress: "Work has started.",
  done: "It is finished: say what changed.",
  not_doing: "It will not be done: say why. Everyone can read the reason.",
};

export default function ActionDetail() {
  const { actionId = "" } = useParams();
  const session = useSignedIn();
  const location = useLocation();
  const query = useAction(actionId);
  const homeName = useHomeName();
  const themes = useThemes();
  const [notice, setNotice] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? "The action has been created." : null);
  const linked = useQueries({
    queries: (query.data?.data.item_ids ?? []).slice(0, 20).map((id) => ({ queryKey: ["feedback", "item", id], queryFn: () => fetchItem(id) })),
  });
  if (!can(session.roles, "feedback:action.read")) return <NotFound />;
  if (query.isPending) return <Loading text="Loading the action…" />;
  if (query.isError) {
    if (query.error instanceof ApiProblem && (query.error.status === 404 || query.error.status === 422)) return <NotFound />;
    return <ProblemMessage error={query.error} />;
  }
  const action = query.data.data;
  const theme = themes.data?.find((t) => t.id === action.theme_id)?.name;

  return (
    <>
      <FeedbackNav />
      {notice && <NotificationBanner success>{notice}</NotificationBanner>}
      <Link className="govuk-back-link" to="/feedback/actions">
        All actions
      </Link>
      <PageHeading caption="Action" title={`Action: ${action.title}`}>
        {action.title}
      </PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            <SummaryRow name="Status">
              <Tag className={ACTION_STATUS_TAG[action.status]}>{ACTION_STATUS_NAMES[action.status]}</Tag>
              {action.overdue && (
                <>
                  {" "}
                  <Tag className="govuk-tag--red">Overdue</Tag>
                </>
              )}
            </SummaryRow>
            <SummaryRow name="Who is responsible">{action.owner}</SummaryRow>
            <SummaryRow name="Home">{homeName(action.home_id)}</SummaryRow>
            {theme && <SummaryRow name="Theme">{theme}</SummaryRow>}
            <SummaryRow name="Raised on">{formatDate(action.raised_on)}</SummaryRow>
            <SummaryRow name="Due by">{formatDate(action.due_date)}</SummaryRow>
            {action.completed_on && <SummaryRow name="Finished on">{formatDate(action.completed_on)}</SummaryRow>}
            {action.description && <SummaryRow name="More detail">{action.description}</SummaryRow>}
            {action.outcome && <SummaryRow name="What changed">{action.outcome}</SummaryRow>}
            {action.not_doing_reason && <SummaryRow name="Why not">{action.not_doing_reason}</SummaryRow>}
            <SummaryRow name="Answers">
              {action.item_ids.length === 0 ? (
                "No linked feedback"
              ) : (
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {linked.map((q, index) => {
                    const item = q.data?.data;
                    const id = action.item_ids[index] ?? "";
                    return (
                      <li key={id}>
                        <Link className="govuk-link" to={`/feedback/items/${id}`}>
                          {item ? `${KIND_SHORT[item.kind]}: ${item.summary}` : "Feedback"}
                        </Link>
                      </li>
                    );
                  })}
                  {action.item_ids.length > 20 && <li>and {action.item_ids.length - 20} more</li>}
                </ul>
              )}
            </SummaryRow>
          </dl>
          {can(session.roles, "feedback:action.manage") &&
            (isFinished(action.status) ? (
              <p className="govuk-body">This action is finished, so its status cannot change.</p>
            ) : (
              <UpdateForm key={`${action.id}-${action.version}`} loaded={query.data} onSaved={setNotice} />
            ))}
        </div>
      </div>
    </>
  );
}

function UpdateForm({ loaded, onSaved }: { loaded: Versioned<Action>; onSaved: (notice: string) => void }) {
  const queryClient = useQueryClient();
  const actionId = loaded.data.id;
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState<ActionValues>(() => toActionValues(loaded.data));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflict: Conflict<ActionField>; theirs: Versioned<Action> } | null>(null);
  const set = (field: ActionField) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const current = base.data.status;

  const done = (saved: Versioned<Action>) => {
    queryClient.setQueryData(["feedback", "action", actionId], saved);
    void queryClient.invalidateQueries({ queryKey: ["feedback", "actions"] });
    void queryClient.invalidateQueries({ queryKey: ["feedback", "board"] });
    onSaved(saved.data.status === current ? "The action has been updated." : `The action is now: ${ACTION_STATUS_NAMES[saved.data.status]}.`);
  };

  const save = async (patch: Partial<Record<ActionField, unknown>>, from: Versioned<Action>) => {
    setBusy(true);
    try {
      done(await saveQueue.submit(`Changes to “${from.data.title}”`, () => updateAction(actionId, from.etag, asActionUpdate(patch))));
    } catch (error) {
      setAttempt((n) => n + 1);
      if (error instanceof ApiProblem && error.status === 412) {
        const theirs = await fetchAction(actionId).catch(() => null);
        if (!theirs) return setErrors([{ field: "", message: "Someone else changed this action. Reload the page to see their changes." }]);
        const found = compareVersions(fromAction(from.data), { ...fromAction(from.data), ...patch }, fromAction(theirs.data), ACTION_FIELDS);
        if (found.alreadySaved) return done(theirs);
        setErrors([]);
        setConflict({ conflict: found, theirs });
      } else setErrors(saveErrors(error, ACTION_SENTENCE_LABELS));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateAction(values, base.data.raised_on, current);
    setErrors(problems);
    if (problems.length > 0) return;
    const patch = patchOf(fromAction(base.data), toApiValues(values), ACTION_FIELDS);
    if (Object.keys(patch).length === 0) onSaved("Nothing was changed.");
    else void save(patch, base);
  };

  const display = (field: ActionField, value: unknown) =>
    value === null || value === undefined || value === ""
      ? "(blank)"
      : field === "status" && typeof value === "string" && value in ACTION_STATUS_NAMES
        ? ACTION_STATUS_NAMES[value as ActionStatus]
        : field === "due_date" && typeof value === "string"
          ? formatDate(value)
          : String(value);
  const statusOptions = [current, ...NEXT_STATUSES[current]].map((status) => ({
    value: status,
    label: status === current ? `Keep as ${ACTION_STATUS_NAMES[status].toLowerCase()}` : ACTION_STATUS_NAMES[status],
    ...(status !== current && STATUS_HINTS[status] ? { hint: STATUS_HINTS[status] } : {}),
  }));
  const summary = errors.map(({ field, message }) => ({ target: field ? `update-${field}` : null, text: message }));

  return (
    <section aria-labelledby="update-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="update-title">
        Update the action
      </h2>
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict.conflict}
          labels={ACTION_LABELS}
          changedAt={`on ${formatDateTime(conflict.theirs.data.updated_at)}`}
          format={display}
          busy={busy}
          onUseTheirs={() => {
            setBase(conflict.theirs);
            setValues(toActionValues(conflict.theirs.data));
            setConflict(null);
          }}
          onKeepMine={() => {
            const theirs = conflict.theirs;
            setBase(theirs);
            setConflict(null);
            void save(keepMine(conflict.conflict), theirs);
          }}
        />
      )}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <Radios id="update-status" name="status" label="What is the status now?" value={values.status} onChange={set("status")} error={messageFor(errors, "status")} options={statusOptions} />
        {values.status === "done" && (
          <Textarea id="update-outcome" name="outcome" bold label="What changed?" hint="Everyone can read this on the “You said, we did” board." maxLength={4000} value={values.outcome} onChange={set("outcome")} error={messageFor(errors, "outcome")} />
        )}
        {values.status === "not_doing" && (
          <Textarea
            id="update-not_doing_reason"
            name="not_doing_reason"
            bold
            label="Why is it not being done?"
            hint="Everyone can read this on the “You said, we did” board."
            maxLength={4000}
            value={values.not_doing_reason}
            onChange={set("not_doing_reason")}
            error={messageFor(errors, "not_doing_reason")}
          />
        )}
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Change what, who or when</span>
          </summary>
          <div className="govuk-details__text">
            <TextInput id="update-title" name="title" label="What will be done?" value={values.title} onChange={set("title")} error={messageFor(errors, "title")} />
            <TextInput id="update-owner" name="owner" label="Who is responsible?" value={values.owner} onChange={set("owner")} error={messageFor(errors, "owner")} />
            <DateInput id="update-due_date" name="due_date" label="Due by" value={values.due_date} onChange={set("due_date")} error={messageFor(errors, "due_date")} />
            <Textarea id="update-description" name="description" label="More detail (optional)" maxLength={4000} value={values.description} onChange={set("description")} error={messageFor(errors, "description")} />
          </div>
        </details>
        <Button disabled={busy || conflict !== null}>{busy ? "Saving…" : "Save"}</Button>
      </form>
    </section>
  );
}
