// Small pieces the estate pages share: summary rows, tags and the GOV.UK date input.
import type { ReactNode } from "react";
import { formatDate } from "./dates";
import { OUTCOME_TAGS, STATUS_NAMES, STATUS_TAGS } from "./names";
import type { AssetStatus, Outcome } from "./types";
import { OUTCOME_NAMES } from "../inspections/inspectionForm";

export function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function StatusTag({ status }: { status: AssetStatus }) {
  return <strong className={`govuk-tag ${STATUS_TAGS[status]}`}>{STATUS_NAMES[status]}</strong>;
}

export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  return <strong className={`govuk-tag ${OUTCOME_TAGS[outcome]}`}>{OUTCOME_NAMES[outcome]}</strong>;
}

/** A due date, flagged when it has passed. */
export function DueDate({ date, today }: { date: string | null; today: string }) {
  if (!date) return <>None</>;
  return (
    <>
      {formatDate(date)}
      {date < today && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Overdue</strong>}
    </>
  );
}

interface DateInputProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  day: string;
  month: string;
  year: string;
  onChange: (part: "day" | "month" | "year", value: string) => void;
}

/** The GOV.UK date input: day, month and year boxes in one fieldset. */
export function DateInput({ id, legend, hint, error, day, month, year, onChange }: DateInputProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const part = (name: "day" | "month" | "year", label: string, value: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={name === "day" ? id : `${id}-${name}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
          id={name === "day" ? id : `${id}-${name}`}
          name={`${id}-${name}`}
          type="text"
          inputMode="numeric"
          value={value}
          onChange={(event) => onChange(name, event.target.value)}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={described}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-date-input">
          {part("day", "Day", day, "2")}
          {part("month", "Month", month, "2")}
          {part("year", "Year", year, "4")}
        </div>
      </fieldset>
    </div>
  );
}
