import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { ErrorSummary } from "../../../components/ErrorSummary";
import { SaveDiscarded } from "../../../lib/saveQueue";
import {
  CATEGORIES,
  CATEGORY_NAMES,
  EMPTY_NOTE,
  NOTE_FIELD_IDS,
  NOTE_LABELS,
  correctionValues,
  toCorrection,
  toNoteCreate,
  validateNote,
  type NoteFormValues,
} from "./notes";
import { formatTime, londonDate } from "./time";
import type { Note, NoteCreate } from "./types";

interface Props {
  /** The note being corrected, or null for a new note. */
  correcting: Note | null;
  onCancelCorrection: () => void;
  /** Saves through the save queue; resolves when the server has it. */
  save: (note: NoteCreate, label: string) => Promise<unknown>;
}

function errorMessage(error: unknown): FieldMessage[] {
  if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) return fieldMessages(error, NOTE_LABELS);
  if (error instanceof SaveDiscarded) return [{ field: "", message: "The note was not saved. Save it again when you are back online." }];
  if (error instanceof ApiProblem) return [{ field: "", message: problemSentence(error) }];
  return [{ field: "", message: "Sorry, the note could not be saved. Try again." }];
}

/** A note in the person's own words, or the correction of an earlier note. */
export function NoteForm({ correcting, onCancelCorrection, save }: Props) {
  const [values, setValues] = useState<NoteFormValues>(EMPTY_NOTE);
  const [errors, setErrors] = useState<FieldMessage[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setValues(correcting ? correctionValues(correcting) : EMPTY_NOTE);
    setErrors([]);
    if (correcting) headingRef.current?.focus();
  }, [correcting]);

  const set = <K extends keyof NoteFormValues>(field: K, value: NoteFormValues[K]) => setValues((old) => ({ ...old, [field]: value }));
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const now = new Date();
    const today = londonDate(now);
    const problems = validateNote(correcting ? { ...values, time: "" } : values, today, now);
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const note = correcting ? toCorrection(values, correcting) : toNoteCreate(values, today, now);
      await save(note, correcting ? "Correction" : `${CATEGORY_NAMES[note.category]} note`);
      setValues(EMPTY_NOTE);
      if (correcting) onCancelCorrection();
    } catch (error) {
      setAttempt((n) => n + 1);
      setErrors(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const summary = errors.map(({ field, message }) => ({ target: field ? (NOTE_FIELD_IDS[field] ?? null) : null, text: message }));
  const textError = errorFor("text");
  const mlError = errorFor("fluid_ml");
  const timeError = errorFor("occurred_at");
  const categoryError = errorFor("category");
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-busy={busy} aria-labelledby="note-form-title" className="app-note-form">
      <h2 className="govuk-heading-m" id="note-form-title" ref={headingRef} tabIndex={-1}>
        {correcting ? `Correct the note from ${formatTime(correcting.occurred_at)}` : "Write a note"}
      </h2>
      {correcting && (
        <div className="govuk-inset-text">
          Notes are never changed or deleted. Your correction is saved as a new note; the original stays in the record,
          marked as corrected. Original: “{correcting.text}”
        </div>
      )}
      {summary.length > 0 && <ErrorSummary key={attempt} items={summary} />}
      <div className={`govuk-form-group${categoryError ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby={categoryError ? "note-category-error" : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What is it about?</legend>
          {categoryError && (
            <p id="note-category-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {categoryError}
            </p>
          )}
          <div className="govuk-radios govuk-radios--small app-category-radios">
            {CATEGORIES.map((category, index) => {
              const id = index === 0 ? "note-category" : `note-category-${category}`;
              return (
                <div className="govuk-radios__item" key={category}>
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name="category"
                    type="radio"
                    value={category}
                    checked={values.category === category}
                    onChange={() => set("category", category)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {CATEGORY_NAMES[category]}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      {values.category === "fluids" && (
        <div className={`govuk-form-group${mlError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="note-fluid_ml">
            How much did they drink?
          </label>
          <div id="note-fluid_ml-hint" className="govuk-hint">
            In millilitres. A cup of tea is about 200 ml.
          </div>
          {mlError && (
            <p id="note-fluid_ml-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {mlError}
            </p>
          )}
          <div className="govuk-input__wrapper">
            <input
              className={`govuk-input govuk-input--width-5${mlError ? " govuk-input--error" : ""}`}
              id="note-fluid_ml"
              name="fluid_ml"
              inputMode="numeric"
              spellCheck={false}
              value={values.fluidMl}
              aria-describedby={`note-fluid_ml-hint${mlError ? " note-fluid_ml-error" : ""}`}
              onChange={(event) => set("fluidMl", event.target.value)}
            />
            <div className="govuk-input__suffix" aria-hidden="true">
              ml
            </div>
          </div>
        </div>
      )}
      <div className={`govuk-form-group${textError ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="note-text">
          Note
        </label>
        {textError && (
          <p id="note-text-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {textError}
          </p>
        )}
        <textarea
          className={`govuk-textarea${textError ? " govuk-textarea--error" : ""}`}
          id="note-text"
          name="text"
          rows={3}
          maxLength={2000}
          value={values.text}
          aria-describedby={textError ? "note-text-error" : undefined}
          onChange={(event) => set("text", event.target.value)}
        />
      </div>
      {!correcting && (
        <div className={`govuk-form-group${timeError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="note-time">
            Time, if not now (optional)
          </label>
          <div id="note-time-hint" className="govuk-hint">
            Earlier today, for example 14:30
          </div>
          {timeError && (
            <p id="note-time-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {timeError}
            </p>
          )}
          <input
            className={`govuk-input govuk-input--width-5${timeError ? " govuk-input--error" : ""}`}
            id="note-time"
            name="time"
            inputMode="numeric"
            spellCheck={false}
            value={values.time}
            aria-describedby={`note-time-hint${timeError ? " note-time-error" : ""}`}
            onChange={(event) => set("time", event.target.value)}
          />
        </div>
      )}
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="note-handover"
              name="handover"
              type="checkbox"
              checked={values.handover}
              onChange={(event) => set("handover", event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="note-handover">
              Flag for the next shift’s handover
            </label>
          </div>
        </div>
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button app-big-button" data-module="govuk-button" disabled={busy}>
          {busy ? "Saving…" : correcting ? "Save correction" : "Save note"}
        </button>
        {correcting && (
          <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onCancelCorrection}>
            Cancel correction
          </button>
        )}
      </div>
    </form>
  );
}
