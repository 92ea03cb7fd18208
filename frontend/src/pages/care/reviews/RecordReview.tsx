import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { careplan } from "../../../api/client";
import { ApiProblem, unwrap } from "../../../api/problem";
import { can } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { Loading } from "../../../components/Loading";
import { PageHeading } from "../../../components/PageHeading";
import { ProblemMessage } from "../../../components/ProblemMessage";
import { SaveDiscarded, saveQueue } from "../../../lib/saveQueue";
import NotFound from "../../NotFound";
import "../notes/daily.css";
import { CareNav } from "../residents/CareNav";
import { residentName } from "../residents/names";
import { isNotFound, useResident } from "../residents/residents";
import { formatDay, londonDate } from "../notes/time";
import type { Resident } from "../notes/types";
import { fetchPlan } from "../risks/risks";
import { INTERVAL_NAMES, OUTCOME_NAMES, recordReview, REVIEW_LABELS, sectionLink, toReviewCreate, validateReview, type ReviewFormValues, type ReviewOutcome, type Section } from "./reviews";

const FIELD_IDS: Record<string, string> = { review_date: "review-date", outcome: "review-outcome", summary: "review-summary", changes: "review-changes" };

async function fetchSectionReviews(residentId: string, sectionId: string) {
  const page = await unwrap(careplan.GET("/v1/residents/{resident_id}/reviews", { params: { path: { resident_id: residentId }, query: { limit: 100 } } }));
  return page.items.filter((review) => review.section_id === sectionId);
}

export default function RecordReview() {
  const { residentId = "", sectionId = "" } = useParams();
  const session = useSignedIn();
  const resident = useResident(residentId);
  const plan = useQuery({ queryKey: ["daily", "plan", residentId], queryFn: () => fetchPlan(residentId), retry: false });
  const history = useQuery({ queryKey: ["daily", "section-reviews", residentId, sectionId], queryFn: () => fetchSectionReviews(residentId, sectionId) });
  if (!can(session.roles, "careplan:review.record")) return <NotFound />;
  if (resident.isPending || plan.isPending || history.isPending) return <Loading text="Loading the care plan…" />;
  const error = resident.error ?? plan.error ?? history.error;
  if (error) {
    if (isNotFound(error)) return <NotFound />;
    return (
      <>
        <PageHeading>Sorry, the review could not be started</PageHeading>
        <ProblemMessage error={error} />
      </>
    );
  }
  const section = plan.data?.current?.sections.find((s) => s.id === sectionId);
  if (!resident.data || !section) return <NotFound />;
  return <ReviewForm resident={resident.data.resident} section={section} lastReviewed={history.data?.[0]?.review_date ?? null} />;
}

function ReviewForm({ resident, section, lastReviewed }: { resident: Resident; section: Section; lastReviewed: string | null }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const today = londonDate();
  const [values, setValues] = useState<ReviewFormValues>({ reviewDate: today, outcome: "", summary: "", changes: "" });
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const name = residentName(resident);
  const set = <K extends keyof ReviewFormValues>(key: K, value: ReviewFormValues[K]) => setValues((old) => ({ ...old, [key]: value }));
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = validateReview(values, today, lastReviewed);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const saved = await saveQueue.submit(`Review of ${section.title} for ${name}`, (key) => recordReview(resident.id, section.id, toReviewCreate(values), key));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["daily"] }),
        queryClient.invalidateQueries({ queryKey: ["resident", resident.id] }),
        queryClient.invalidateQueries({ queryKey: ["reviews-due"] }),
      ]);
      void navigate("/care/reviews", { state: { saved: `Review of ${section.title} for ${name} recorded. The next review is due on ${formatDay(saved.next_review_date)}.` } });
    } catch (error) {
      setAttempt((n) => n + 1);
      if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) setErrors(fieldMessages(error, REVIEW_LABELS));
      else if (error instanceof SaveDiscarded) setErrors([{ field: "", message: "The review was not saved. Save it again when you are back online." }]);
      else setErrors([{ field: "", message: error instanceof ApiProblem ? problemSentence(error) : "Sorry, the review could not be saved. Try again." }]);
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? (FIELD_IDS[field] ?? null) : null, text: message }));
  const outcomes = Object.keys(OUTCOME_NAMES) as ReviewOutcome[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <CareNav current="reviews" />
      </div>
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/care/reviews">
          Reviews due
        </Link>
        {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
        <PageHeading title={`Review ${section.title} for ${name}`} caption={name} hasErrors={summary.length > 0}>
          Review: {section.title}
        </PageHeading>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Needs</dt>
            <dd className="govuk-summary-list__value">{section.needs}</dd>
          </div>
          {section.review_interval && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Reviewed</dt>
              <dd className="govuk-summary-list__value">{INTERVAL_NAMES[section.review_interval]}</dd>
            </div>
          )}
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Last review</dt>
            <dd className="govuk-summary-list__value">{lastReviewed ? formatDay(lastReviewed) : "Not reviewed yet"}</dd>
          </div>
        </dl>
        <p className="govuk-body">
          <Link className="govuk-link" to={sectionLink(resident.id, section.domain)}>
            Read this section of the care plan
          </Link>
        </p>
        <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <div className={`govuk-form-group${errorFor("review_date") ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="review-date">
              Date of the review
            </label>
            {errorFor("review_date") && (
              <p id="review-date-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errorFor("review_date")}
              </p>
            )}
            <input
              className={`govuk-input govuk-input--width-10${errorFor("review_date") ? " govuk-input--error" : ""}`}
              id="review-date"
              name="review_date"
              type="date"
              max={today}
              value={values.reviewDate}
              aria-describedby={errorFor("review_date") ? "review-date-error" : undefined}
              onChange={(event) => set("reviewDate", event.target.value)}
            />
          </div>
          <div className={`govuk-form-group${errorFor("outcome") ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={errorFor("outcome") ? "review-outcome-error" : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Outcome</legend>
              {errorFor("outcome") && (
                <p id="review-outcome-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errorFor("outcome")}
                </p>
              )}
              <div className="govuk-radios">
                {outcomes.map((outcome, index) => {
                  const id = index === 0 ? "review-outcome" : `review-outcome-${outcome}`;
                  return (
                    <div className="govuk-radios__item" key={outcome}>
                      <input className="govuk-radios__input" id={id} name="outcome" type="radio" value={outcome} checked={values.outcome === outcome} onChange={() => set("outcome", outcome)} />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {OUTCOME_NAMES[outcome]}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          {(["summary", "changes"] as const).map((field) => (
            <div key={field} className={`govuk-form-group${errorFor(field) ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label govuk-label--s" htmlFor={FIELD_IDS[field]}>
                {field === "summary" ? "Summary of the review" : values.outcome === "changes_needed" ? "What should change in the plan" : "What should change in the plan (optional)"}
              </label>
              {field === "summary" && (
                <div id="review-summary-hint" className="govuk-hint">
                  How the plan is working for {resident.preferred_name ?? resident.given_name}, and who took part
                </div>
              )}
              {errorFor(field) && (
                <p id={`${FIELD_IDS[field]}-error`} className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errorFor(field)}
                </p>
              )}
              <textarea
                className={`govuk-textarea${errorFor(field) ? " govuk-textarea--error" : ""}`}
                id={FIELD_IDS[field]}
                name={field}
                rows={4}
                maxLength={4000}
                value={values[field]}
                aria-describedby={[field === "summary" ? "review-summary-hint" : "", errorFor(field) ? `${FIELD_IDS[field]}-error` : ""].filter(Boolean).join(" ") || undefined}
                onChange={(event) => set(field, event.target.value)}
              />
            </div>
          ))}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button app-big-button" data-module="govuk-button" disabled={busy}>
              {busy ? "Saving…" : "Record review"}
            </button>
            <Link className="govuk-link" to="/care/reviews">
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
