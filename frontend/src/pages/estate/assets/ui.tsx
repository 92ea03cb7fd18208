// Small pieces the estate pages share: summary rows, tags, "Next page" and the GOV.UK date input.
import type { ReactNode } from "react";
import { Link } from "react-router";
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

/** Keyset paging: back to the first page, and on to the next (the API has no "previous"). */
export function Pagination({ label, first, next }: { label: string; first: string | null; next: string | null }) {
  if (!first && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {first && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={first} rel="first">
            <span className="govuk-pagination__link-title">First page</span>
          </Link>
        </div>
      )}
      {next && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={next} rel="next">
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">Next page</span>
          </Link>
        </div>
      )}
    </nav>
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
