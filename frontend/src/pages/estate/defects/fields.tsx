// Form fields the shared set lacks (a textarea, a select, a money input), in the same GOV.UK
// pattern: label, hint, the field's own error message, and aria-describedby tying them together.
import type { ChangeEvent } from "react";

interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** Show the label as a bold "s" label (GOV.UK `govuk-label--s`). */
  bold?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Top({ id, label, hint, error, bold }: Pick<FieldProps, "id" | "label" | "hint" | "error" | "bold">) {
  return (
    <>
      <label className={`govuk-label${bold ? " govuk-label--s" : ""}`} htmlFor={id}>
        {label}
      </label>
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
    </>
  );
}

export function Textarea(props: FieldProps & { rows?: number }) {
  const { id, name, hint, error, value, onChange, rows = 4 } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Top {...props} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
      />
    </div>
  );
}

export function Select(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const { id, name, hint, error, value, onChange, options } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Top {...props} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Pounds and pence, with the £ prefix GOV.UK uses for money. */
export function MoneyInput(props: FieldProps) {
  const { id, name, hint, error, value, onChange } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Top {...props} />
      <div className="govuk-input__wrapper">
        <div className="govuk-input__prefix" aria-hidden="true">
          £
        </div>
        <input
          className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
          id={id}
          name={name}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          value={value}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      </div>
    </div>
  );
}
