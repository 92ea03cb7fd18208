// Form fields the shared set does not have yet: a textarea, a select and a date, each with its
// own error message (GOV.UK patterns).
import type { ReactNode } from "react";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  /** Label as a bold heading-sized label. */
  bold?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Frame({ id, label, hint, error, bold, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
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
      {children}
    </div>
  );
}

export function Textarea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number; maxLength?: number }) {
  const { id, hint, error, value, onChange, rows = 3 } = props;
  return (
    <Frame {...props}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export function Input(props: FieldProps & { value: string; onChange: (value: string) => void; type?: "text" | "date"; width?: "10" | "20" | "30" }) {
  const { id, hint, error, value, onChange, type = "text", width } = props;
  return (
    <Frame {...props}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={id}
        type={type}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Frame>
  );
}

export function Select(props: FieldProps & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  const { id, hint, error, value, onChange, options } = props;
  return (
    <Frame {...props}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
