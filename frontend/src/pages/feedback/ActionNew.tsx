import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { can } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, TextInput } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { ACTION_SENTENCE_LABELS, emptyAction, inheritFromItems, toActionCreate, validateAction, type ActionValues } from "./actionForm";
import { createAction, fetchItem } from "./api";
import { addDays, todayInLondon } from "./dates";
import { chosenItems } from "./filters";
import { DateInput, Select, Textarea } from "../../components/fields";
import { KIND_SHORT } from "./names";
import { messageFor, saveErrors } from "./saveErrors";
import type { Item } from "./types";
import { FeedbackNav } from "./ui";

const COUNCIL = "council";

export default function ActionNew() {
  const session = useSignedIn();
  const [params] = useSearchParams();
  const ids = chosenItems(params);
  const items = useQueries({ queries: ids.map((id) => ({ queryKey: ["feedback", "item", id], queryFn: () => fetchItem(id) })) });
  if (!can(session.roles, "feedback:action.manage")) return <NotFound />;
  if (items.some((q) => q.isPending)) return <Loading text="Loading the feedback…" />;
  const loaded = items.flatMap((q) => (q.data ? [q.data.data] : []));
  return <ActionForm key={ids.join(",")} items={loaded} missing={ids.length - loaded.length} />;
}

function ActionForm({ items, missing }: { items: Item[]; missing: number }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { homes } = useHomes();
  const today = todayInLondon();
  const inherited = inheritFromItems(items);
  const [values, setValues] = useState<ActionValues>(() => emptyAction(addDays(today, 28)));
  const [home, setHome] = useState(items.length > 0 ? (inherited.home_id ?? COUNCIL) : "");
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof ActionValues) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateAction(values, today);
    if (!home) problems.unshift({ field: "home_id", message: "Select the home, or the whole council" });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const body = toActionCreate(values, { home_id: home === COUNCIL ? null : home, theme_id: inherited.theme_id, item_ids: items.map((i) => i.id) });
    try {
      const action = await saveQueue.submit(`The action “${body.title}”`, (key) => createAction(body, key));
      void queryClient.invalidateQueries({ queryKey: ["feedback"] });
      void navigate(`/feedback/actions/${action.id}`, { state: { created: true } });
    } catch (error) {
      setAttempt((n) => n + 1);
      setErrors(saveErrors(error, ACTION_SENTENCE_LABELS, (field) => (field.startsWith("item_ids") ? "" : field)));
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? `action-${field}` : null, text: message }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        <Link className="govuk-back-link" to={items.length > 0 ? "/feedback/inbox" : "/feedback/actions"}>
          Back
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption="Feedback" hasErrors={summary.length > 0}>
          New action
        </PageHeading>
        {items.length > 0 ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">This action answers</h2>
            <ul className="govuk-list govuk-list--bullet">
              {items.map((item) => (
                <li key={item.id}>
                  {KIND_SHORT[item.kind]}: “{item.summary}”
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="govuk-body">To answer particular feedback, choose it in the <Link className="govuk-link" to="/feedback/inbox">feedback inbox</Link> first.</p>
        )}
        {missing > 0 && <p className="govuk-body">{missing === 1 ? "One piece of feedback" : `${missing} pieces of feedback`} could not be found and will not be linked.</p>}
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <TextInput id="action-title" name="title" label="What will be done?" hint="For example, Recruit two night carers" value={values.title} onChange={set("title")} error={messageFor(errors, "title")} />
          <TextInput id="action-owner" name="owner" label="Who is responsible?" hint="A name or a post, for example Divisional manager (north)" value={values.owner} onChange={set("owner")} error={messageFor(errors, "owner")} />
          <Select
            id="action-home_id"
            name="home_id"
            label="Which home is it for?"
            value={home}
            onChange={setHome}
            error={messageFor(errors, "home_id")}
            options={[{ value: "", label: "Choose" }, { value: COUNCIL, label: "The whole council (every home sees it)" }, ...homes.map((h) => ({ value: h.id, label: h.name }))]}
          />
          <DateInput id="action-due_date" name="due_date" label="Due by" value={values.due_date} onChange={set("due_date")} error={messageFor(errors, "due_date")} />
          <Textarea id="action-description" name="description" label="More detail (optional)" maxLength={4000} value={values.description} onChange={set("description")} error={messageFor(errors, "description")} />
          <Button disabled={busy}>{busy ? "Saving…" : "Create action"}</Button>
        </form>
      </div>
    </div>
  );
}
