import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { FieldMessage } from "../../api/messages";
import { can, isOrgWide } from "../../auth/can";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Button, TextInput } from "../../components/fields";
import { Loading } from "../../components/Loading";
import { PageHeading } from "../../components/PageHeading";
import { saveQueue } from "../../lib/saveQueue";
import NotFound from "../NotFound";
import { fetchHomeSetting, submitItem, useThemes } from "./api";
import { DEPARTMENT, emptyFeedback, FEEDBACK_LABELS, feedbackFieldOf, toItemCreate, validateFeedback, type FeedbackValues } from "./feedbackForm";
import { Radios, Select, Textarea } from "../../components/fields";
import { IMPORTANCE_NAMES, KIND_NAMES } from "./names";
import { ReplyCodePanel } from "./ReplyCodePanel";
import { messageFor, saveErrors } from "./saveErrors";
import type { ItemSubmitted } from "./types";
import { FeedbackNav, useFocusHeading } from "./ui";

const MANAGER_ROLES = new Set(["home_manager", "divisional_manager", "estates_officer", "admin"]);

/** Staff (not managers) may give feedback only in homes that allow it: ask the home's setting. */
function useStaffMaySubmit(homeId: string, staffOnly: boolean) {
  return useQuery({
    queryKey: ["feedback", "home-setting", homeId],
    queryFn: () => fetchHomeSetting(homeId),
    enabled: staffOnly && homeId !== "" && homeId !== DEPARTMENT,
  });
}

export default function GiveFeedback() {
  const session = useSignedIn();
  const [submitted, setSubmitted] = useState<ItemSubmitted | null>(null);
  const [formKey, setFormKey] = useState(0);
  const homesLoading = useHomes().loading;
  if (!can(session.roles, "feedback:item.submit")) return <NotFound />;
  if (submitted) {
    // The reply code lives only in this component's state: leaving the page forgets it.
    return (
      <Submitted
        item={submitted}
        onAnother={() => {
          setSubmitted(null);
          setFormKey((n) => n + 1);
        }}
      />
    );
  }
  return homesLoading ? <Loading text="Loading your homes…" /> : <FeedbackForm key={formKey} onSubmitted={setSubmitted} />;
}

function FeedbackForm({ onSubmitted }: { onSubmitted: (item: ItemSubmitted) => void }) {
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const { homes, current } = useHomes();
  const themes = useThemes();
  const orgWide = isOrgWide(session.roles);
  const staffOnly = !session.roles.some((role) => MANAGER_ROLES.has(role));
  const [values, setValues] = useState<FeedbackValues>(() => emptyFeedback(current?.id ?? ""));
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const setting = useStaffMaySubmit(values.place, staffOnly);
  const closed = staffOnly && setting.data?.data.all_staff_may_submit === false;
  const set = (field: keyof FeedbackValues) => (value: string) => setValues((old) => ({ ...old, [field]: value }));
  const errorFor = (field: string) => messageFor(errors, field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateFeedback(values);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const body = toItemCreate(values);
    try {
      const item = await saveQueue.submit(body.anonymous ? "Your anonymous feedback" : "Your feedback", (key) => submitItem(body, key));
      void queryClient.invalidateQueries({ queryKey: ["feedback"] });
      onSubmitted(item);
    } catch (error) {
      setAttempt((n) => n + 1);
      setErrors(saveErrors(error, FEEDBACK_LABELS, feedbackFieldOf));
    } finally {
      setBusy(false);
    }
  };

  const placeOptions = [
    { value: "", label: "Choose a home" },
    ...homes.map((home) => ({ value: home.id, label: home.name })),
    ...(orgWide ? [{ value: DEPARTMENT, label: "A council department, not a home" }] : []),
  ];
  const summary = errors.map(({ field, message }) => ({ target: field ? `feedback-${field}` : null, text: message }));
  const placeName = homes.find((home) => home.id === values.place)?.name ?? "this home";

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FeedbackNav />
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading caption="Feedback" hasErrors={summary.length > 0}>
          Give feedback
        </PageHeading>
        <p className="govuk-body">Tell us what is working well, what is not, or an idea that would make things better. Managers read every piece of feedback.</p>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <Radios
            id="feedback-kind"
            name="kind"
            label="What would you like to tell us?"
            value={values.kind}
            onChange={set("kind")}
            error={errorFor("kind")}
            options={(["working", "not_working", "idea"] as const).map((kind) => ({ value: kind, label: KIND_NAMES[kind] }))}
          />
          <Select
            id="feedback-place"
            name="place"
            bold
            label="Which home is it about?"
            value={values.place}
            onChange={set("place")}
            error={errorFor("place")}
            options={placeOptions}
          />
          {values.place === DEPARTMENT && (
            <TextInput id="feedback-department" name="department" label="Which department?" hint="For example, estates or HR" value={values.department} onChange={set("department")} error={errorFor("department")} />
          )}
          {closed && (
            <div className="govuk-inset-text" role="status">
              In {placeName}, feedback is given through the home’s manager at the moment. Talk to your manager, who can pass it on, or ask them to open feedback to all staff.
            </div>
          )}
          <Select
            id="feedback-theme_id"
            name="theme_id"
            bold
            label="What is it about?"
            hint="Choose the closest theme"
            value={values.theme_id}
            onChange={set("theme_id")}
            error={errorFor("theme_id")}
            options={[{ value: "", label: themes.isPending ? "Loading themes…" : "Choose a theme" }, ...(themes.data ?? []).filter((t) => !t.archived_at).map((theme) => ({ value: theme.id, label: theme.name }))]}
          />
          <Textarea
            id="feedback-summary"
            name="summary"
            bold
            label="Your feedback"
            hint="In a sentence or two. Do not name residents or colleagues."
            rows={3}
            maxLength={200}
            value={values.summary}
            onChange={set("summary")}
            error={errorFor("summary")}
          />
          <Textarea id="feedback-detail" name="detail" label="More detail (optional)" maxLength={4000} value={values.detail} onChange={set("detail")} error={errorFor("detail")} />
          <Radios
            id="feedback-importance"
            name="importance"
            label="How much does it matter?"
            inline
            value={values.importance}
            onChange={set("importance")}
            error={errorFor("importance")}
            options={(["low", "medium", "high", "critical"] as const).map((level) => ({ value: level, label: IMPORTANCE_NAMES[level] }))}
          />
          <Radios
            id="feedback-anonymous"
            name="anonymous"
            label="Do you want to give your name?"
            hint="It is your choice. Managers can thank you and ask you about it if you give your name."
            value={values.anonymous}
            onChange={set("anonymous")}
            error={errorFor("anonymous")}
            options={[
              { value: "no", label: `Yes, give my name (${session.name})` },
              { value: "yes", label: "No, give it anonymously", hint: "Care Hub keeps no record of who gave it: not your name, not your account, not even the time of day." },
            ]}
          />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">What anonymous means</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">Anonymous feedback is stored without your name or your account, and only with the day it was given, not the time. Nobody can find out from Care Hub that it came from you, including managers and administrators.</p>
              <p className="govuk-body">After you send it you get a private reply code. With it you can read answers from managers and reply, still anonymously. Keep it safe: it is shown only once.</p>
              <p className="govuk-body">What you write is shown on the “You said, we did” board only when enough different people in the home gave feedback, so it cannot be traced to you. Do not write anything that would identify you if you want to stay anonymous.</p>
            </div>
          </details>
          <Button disabled={busy || closed}>{busy ? "Sending…" : "Send feedback"}</Button>
        </form>
      </div>
    </div>
  );
}

function Submitted({ item, onAnother }: { item: ItemSubmitted; onAnother: () => void }) {
  useFocusHeading();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PageHeading caption="Feedback">Feedback sent</PageHeading>
        <p className="govuk-body-l">{item.anonymous ? "Thank you. Your feedback was sent anonymously." : "Thank you for your feedback."}</p>
        <ReplyCodePanel code={item.reply_code} anonymous={item.anonymous} />
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">A divisional manager reads it and decides what to do. When something is done about it, you will see it on the “You said, we did” board.</p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/feedback/board">
              See what we are doing (You said, we did)
            </Link>
          </li>
          {!item.anonymous && (
            <li>
              <Link className="govuk-link" to="/feedback/mine">
                See all your feedback
              </Link>
            </li>
          )}
          <li>
            <button type="button" className="app-link-button" onClick={onAnother}>
              Give more feedback
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
