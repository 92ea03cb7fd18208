import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
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
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { fetchItem, fetchItems, fetchMessages, mergeItem, replyToItem, triageItem, useItem, useThemes, type Versioned } from "./api";
import { formatDate } from "./dates";
import { Radios, Select, Textarea } from "../../components/fields";
import { IMPORTANCE_NAMES, ITEM_STATUS_NAMES, ITEM_STATUS_TAG, KIND_NAMES } from "./names";
import { MessageList } from "./ReplyWithCode";
import { messageFor, saveErrors } from "./saveErrors";
import { asTriage, toTriage, toTriageValues, TRIAGE_FIELDS, TRIAGE_LABELS, triageOf, validateTriage, type TriageField, type TriageValues } from "./triageForm";
import type { Item } from "./types";
import { FeedbackNav, SummaryRow, Tag, useHomeName } from "./ui";

function isMissing(error: unknown) {
  return error instanceof ApiProblem && (error.status === 404 || error.status === 422);
}

export default function ItemDetail() {
  const { itemId = "" } = useParams();
  const session = useSignedIn();
  const query = useItem(itemId);
  const homeName = useHomeName();
  const themes = useThemes();
  const [notice, setNotice] = useState<string | null>(null);
  if (!can(session.roles, "feedback:item.read")) return <NotFound />;
  if (query.isPending) return <Loading text="Loading the feedback…" />;
  if (query.isError) return isMissing(query.error) ? <NotFound /> : <ProblemMessage error={query.error} />;
  const item = query.data.data;
  const themeName = themes.data?.find((t) => t.id === item.theme_id)?.name ?? "";
  const triager = can(session.roles, "feedback:item.triage");

  return (
    <>
      <FeedbackNav />
      {notice && <NotificationBanner success>{notice}</NotificationBanner>}
      <Link className="govuk-back-link" to="/feedback/inbox">
        Feedback inbox
      </Link>
      <PageHeading caption={KIND_NAMES[item.kind]} title={`Feedback: ${item.summary}`}>
        {item.summary}
      </PageHeading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            <SummaryRow name="Status">
              <Tag className={ITEM_STATUS_TAG[item.status]}>{ITEM_STATUS_NAMES[item.status]}</Tag>
              {item.merged_into_id && (
                <>
                  {" "}
                  <Link className="govuk-link" to={`/feedback/items/${item.merged_into_id}`}>
                    See the feedback it was merged into
                  </Link>
                </>
              )}
            </SummaryRow>
            <SummaryRow name="More detail">{item.detail ? <span style={{ whiteSpace: "pre-wrap" }}>{item.detail}</span> : "None given"}</SummaryRow>
            <SummaryRow name="Theme">{themeName}</SummaryRow>
            <SummaryRow name="Tags">{item.tags.length > 0 ? item.tags.join(", ") : "None"}</SummaryRow>
            <SummaryRow name="Home">{item.home_id ? homeName(item.home_id) : `Department: ${item.department ?? ""}`}</SummaryRow>
            <SummaryRow name="Importance">{IMPORTANCE_NAMES[item.importance]}</SummaryRow>
            <SummaryRow name="Given by">{item.anonymous ? "Anonymous" : (item.author_name ?? "")}</SummaryRow>
            <SummaryRow name="Given on">{formatDate(item.raised_on)}</SummaryRow>
          </dl>
          {can(session.roles, "feedback:action.manage") && item.status !== "merged" && (
            <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/feedback/actions/new?item=${item.id}`}>
              Create an action from this feedback
            </Link>
          )}
          {triager && item.status !== "merged" && (
            <>
              <TriageForm key={`${item.id}-${item.version}`} loaded={query.data} onSaved={setNotice} />
              <MergeForm item={query.data} onMerged={setNotice} />
            </>
          )}
          <Messages item={item} />
        </div>
      </div>
    </>
  );
}

function TriageForm({ loaded, onSaved }: { loaded: Versioned<Item>; onSaved: (notice: string) => void }) {
  const queryClient = useQueryClient();
  const themes = useThemes();
  const itemId = loaded.data.id;
  const [base, setBase] = useState(loaded);
  const [values, setValues] = useState<TriageValues>(() => toTriageValues(loaded.data));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ conflict: Conflict<TriageField>; theirs: Versioned<Item> } | null>(null);
  const set = (field: keyof TriageValues) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  const done = (saved: Versioned<Item>) => {
    queryClient.setQueryData(["feedback", "item", itemId], saved);
    void queryClient.invalidateQueries({ queryKey: ["feedback", "items"] });
    onSaved("The feedback has been updated.");
  };

  const save = async (patch: Partial<Record<TriageField, unknown>>, from: Versioned<Item>) => {
    setBusy(true);
    try {
      done(await triageItem(itemId, from.etag, asTriage(patch)));
    } catch (error) {
      setAttempt((n) => n + 1);
      if (error instanceof ApiProblem && error.status === 412) {
        const theirs = await fetchItem(itemId).catch(() => null);
        if (!theirs) return setErrors([{ field: "", message: "Someone else changed this feedback. Reload the page to see their changes." }]);
        const found = compareVersions(triageOf(from.data), { ...triageOf(from.data), ...patch }, triageOf(theirs.data), TRIAGE_FIELDS);
        if (found.alreadySaved) return done(theirs);
        setErrors([]);
        setConflict({ conflict: found, theirs });
      } else setErrors(saveErrors(error, { theme_id: "the theme", tags: "the tags", status: "the status" }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateTriage(values);
    setErrors(problems);
    if (problems.length > 0) return;
    const patch = patchOf(triageOf(base.data), toTriage(values), TRIAGE_FIELDS);
    if (Object.keys(patch).length === 0) onSaved("Nothing was changed.");
    else void save(patch, base);
  };

  const themeName = (id: unknown) => themes.data?.find((t) => t.id === id)?.name ?? String(id ?? "");
  const display = (field: TriageField, value: unknown) =>
    field === "theme_id" ? themeName(value) : field === "tags" && Array.isArray(value) ? value.join(", ") || "(none)" : field === "status" && typeof value === "string" && value in ITEM_STATUS_NAMES ? ITEM_STATUS_NAMES[value as keyof typeof ITEM_STATUS_NAMES] : String(value ?? "");
  const summary = errors.map(({ field, message }) => ({ target: field ? `triage-${field}` : null, text: message }));

  return (
    <section aria-labelledby="triage-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="triage-title">
        Sort this feedback
      </h2>
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      {conflict && (
        <ConflictPanel
          conflict={conflict.conflict}
          labels={TRIAGE_LABELS}
          format={display}
          busy={busy}
          onUseTheirs={() => {
            setBase(conflict.theirs);
            setValues(toTriageValues(conflict.theirs.data));
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
        <Select id="triage-theme_id" name="theme_id" label="Theme" value={values.theme_id} onChange={set("theme_id")} error={messageFor(errors, "theme_id")} options={(themes.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        <TextInput id="triage-tags" name="tags" label="Tags (optional)" hint="Separate tags with commas, for example: night shift, rota" value={values.tags} onChange={set("tags")} error={messageFor(errors, "tags")} />
        <Radios
          id="triage-status"
          name="status"
          label="Status"
          inline
          value={values.status}
          onChange={set("status")}
          error={messageFor(errors, "status")}
          options={[
            { value: "triaged", label: "Looked at (open)" },
            { value: "closed", label: "Closed" },
          ]}
        />
        <Button secondary disabled={busy || conflict !== null}>
          {busy ? "Saving…" : "Save"}
        </Button>
      </form>
    </section>
  );
}

function MergeForm({ item, onMerged }: { item: Versioned<Item>; onMerged: (notice: string) => void }) {
  const queryClient = useQueryClient();
  const [into, setInto] = useState("");
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const homeId = item.data.home_id ?? "";
  // Duplicates are looked for among the same home's feedback.
  const candidates = useQuery({
    queryKey: ["feedback", "items", "merge-candidates", homeId],
    queryFn: () => fetchItems({ home_id: homeId, theme_id: "", status: "", tag: "", raised_from: "", raised_to: "", sort: "-raised_on", cursor: "" }, 100),
  });
  const options = (candidates.data?.items ?? []).filter((other) => other.id !== item.data.id && other.status !== "merged");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!into) return setErrors([{ field: "into_id", message: "Select the feedback this one repeats" }]);
    setBusy(true);
    try {
      const merged = await mergeItem(item.data.id, item.etag, into, crypto.randomUUID());
      queryClient.setQueryData(["feedback", "item", item.data.id], merged);
      void queryClient.invalidateQueries({ queryKey: ["feedback", "items"] });
      onMerged("The feedback has been merged. Its tags were added to the feedback it repeats.");
    } catch (error) {
      setErrors(
        error instanceof ApiProblem && error.status === 412
          ? [{ field: "", message: "Someone else changed this feedback. Reload the page, then merge it again if you still need to." }]
          : saveErrors(error, { into_id: "the feedback it repeats" }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="govuk-details govuk-!-margin-top-6">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">This repeats other feedback (merge duplicates)</span>
      </summary>
      <div className="govuk-details__text">
        {errors.length > 0 && <ErrorSummary key={attempt} items={errors.map(({ field, message }) => ({ target: field ? "merge-into" : null, text: message }))} />}
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <Select
            id="merge-into"
            name="into_id"
            label="Which feedback does it repeat?"
            hint="This feedback will be marked as merged, and counted once."
            value={into}
            onChange={setInto}
            error={messageFor(errors, "into_id")}
            options={[{ value: "", label: candidates.isPending ? "Loading…" : "Choose feedback" }, ...options.map((o) => ({ value: o.id, label: `${o.summary.slice(0, 80)} (${formatDate(o.raised_on)})` }))]}
          />
          <Button warning disabled={busy}>
            {busy ? "Merging…" : "Merge into the chosen feedback"}
          </Button>
        </form>
      </div>
    </details>
  );
}

function Messages({ item }: { item: Item }) {
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["feedback", "messages", item.id], queryFn: () => fetchMessages(item.id) });
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const text = body.trim();
    if (!text) return setErrors([{ field: "body", message: "Enter your reply" }]);
    setBusy(true);
    try {
      await saveQueue.submit("Your reply", (key) => replyToItem(item.id, text, key));
      setBody("");
      setErrors([]);
      void queryClient.invalidateQueries({ queryKey: ["feedback", "messages", item.id] });
    } catch (error) {
      setErrors(saveErrors(error, { body: "your reply" }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="conversation-title" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="conversation-title">
        Conversation with the person who gave it
      </h2>
      <p className="govuk-body">{item.anonymous ? "They read your replies with their private reply code and stay anonymous." : "They read your replies with their reply code."}</p>
      {query.isPending && <Loading text="Loading messages…" />}
      {query.isError && <ProblemMessage error={query.error} />}
      {query.data && <MessageList messages={query.data.items} submitterLabel={item.anonymous ? "The person who gave it (anonymous)" : (item.author_name ?? "The person who gave it")} />}
      {can(session.roles, "feedback:item.reply") && item.status !== "merged" && (
        <form onSubmit={(event) => void send(event)} noValidate aria-busy={busy}>
          {errors.length > 0 && <ErrorSummary key={attempt} items={errors.map(({ message }) => ({ target: "staff-reply", text: message }))} />}
          <Textarea id="staff-reply" name="body" bold label="Reply" hint="Your name is shown with your reply." maxLength={4000} value={body} onChange={setBody} error={messageFor(errors, "body")} />
          <Button secondary disabled={busy}>
            {busy ? "Sending…" : "Send reply"}
          </Button>
        </form>
      )}
    </section>
  );
}
