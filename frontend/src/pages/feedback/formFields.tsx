// Form fields the shared set does not have yet (select, textarea, checkboxes, date), in the same
// GOV.UK pattern: label, hint, error message next to the field, aria-describedby tying them up.
import type { ReactNode } from "react";

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** A bolder label, for the one question on a page. */
  heading?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
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

function Group({ error, children }: { error?: string | undefined; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}

export function Select(
  props: FieldProps & { name: string; value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] },
) {
  const { id, label, hint, error, name, value, onChange, options, heading } = props;
  return (
    <Group error={error}>
      <label className={`govuk-label${heading ? " govuk-label--s" : ""}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
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
    </Group>
  );
}

export function Textarea(
  props: FieldProps & { name: string; value: string; onChange: (value: string) => void; rows?: number; maxLength?: number; labelSize?: "s" | "m" },
) {
  const { id, label, hint, error, name, value, onChange, rows = 5, maxLength, heading, labelSize } = props;
  const over = maxLength !== undefined && value.length > maxLength;
  return (
    <Group error={error}>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : heading ? " govuk-label--s" : ""}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        value={value}
        aria-describedby={[describedBy(id, hint, error), maxLength ? `${id}-count` : null].filter(Boolean).join(" ") || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {maxLength !== undefined && (
        <div id={`${id}-count`} className={`govuk-hint govuk-!-margin-top-1${over ? " govuk-error-message" : ""}`} aria-live="polite">
          {over ? `You have ${value.length - maxLength} characters too many` : `You have ${maxLength - value.length} characters remaining`}
        </div>
      )}
    </Group>
  );
}

export function Checkboxes(
  props: FieldProps & {
    name: string;
    values: readonly string[];
    onChange: (values: string[]) => void;
    options: readonly { value: string; label: string }[];
    small?: boolean;
  },
) {
  const { id, label, hint, error, name, values, onChange, options, small } = props;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <Group error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={optionId}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}

/** A date as one input of type date: the tablet's own date picker, YYYY-MM-DD underneath. */
export function DateInput(props: FieldProps & { name: string; value: string; onChange: (value: string) => void; type?: "date" | "month" }) {
  const { id, label, hint, error, name, value, onChange, type = "date", heading } = props;
  return (
    <Group error={error}>
      <label className={`govuk-label${heading ? " govuk-label--s" : ""}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        className={`govuk-input govuk-input--width-10${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Group>
  );
}

/** Radios with a hint per option and larger text: a question a person answers on a tablet. */
export function RadioQuestion(
  props: FieldProps & {
    name: string;
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string; hint?: string }[];
    inline?: boolean;
    legendSize?: "s" | "m";
  },
) {
  const { id, label, hint, error, name, value, onChange, options, inline, legendSize = "s" } = props;
  return (
    <Group error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{label}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}`}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </Group>
  );
}
