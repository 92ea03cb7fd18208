// GOV.UK form fields, each with its label, hint and its own error message next to it, tied
// together by aria-describedby (the GOV.UK error message pattern). The one set every area uses.
import type { ChangeEvent, ReactNode } from "react";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  /** The label in bold (`govuk-label--s`), or `labelSize` for a larger one. */
  bold?: boolean | undefined;
  labelSize?: "s" | "m" | undefined;
}

interface ValueProps {
  /** The form field's name; the id when left out. */
  name?: string | undefined;
  value: string;
  onChange: (value: string) => void;
}

/** "x-hint x-error": the ids of the parts present (falsy parts are left out). */
function describedBy(id: string, ...parts: (string | false | undefined)[]): string | undefined {
  const ids = parts.filter((part): part is string => Boolean(part)).map((part) => `${id}-${part}`);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

const hintAndError = (id: string, hint?: string, error?: string) => describedBy(id, hint && "hint", error && "error");

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

function Label({ id, label, bold, labelSize }: Pick<FieldProps, "id" | "label" | "bold" | "labelSize">) {
  const size = labelSize ?? (bold ? "s" : null);
  return (
    <label className={`govuk-label${size ? ` govuk-label--${size}` : ""}`} htmlFor={id}>
      {label}
    </label>
  );
}

/** The label, hint and error of a single-control field, around the control. */
function Field({ children, ...props }: FieldProps & { children: ReactNode }) {
  return (
    <Group error={props.error}>
      <Label {...props} />
      <HintAndError id={props.id} hint={props.hint} error={props.error} />
      {children}
    </Group>
  );
}

interface TextInputProps extends FieldProps, ValueProps {
  type?: "text" | "email" | "tel" | "search" | "date" | "month";
  inputMode?: "numeric" | "decimal" | "text" | "email" | "tel";
  autoComplete?: string;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  spellCheck?: boolean;
  /** A prefix such as "£" (GOV.UK input prefix). */
  prefix?: string;
}

export function TextInput(props: TextInputProps) {
  const { id, hint, error, name, value, onChange, type = "text", inputMode, autoComplete, width, spellCheck, prefix } = props;
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
      id={id}
      name={name ?? id}
      type={type}
      value={value}
      inputMode={inputMode}
      autoComplete={autoComplete}
      spellCheck={spellCheck}
      aria-describedby={hintAndError(id, hint, error)}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
  );
  return (
    <Field {...props}>
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </Field>
  );
}

/** Pounds and pence, with the £ prefix GOV.UK uses for money. */
export function MoneyInput(props: FieldProps & ValueProps) {
  return <TextInput {...props} prefix="£" inputMode="decimal" width="10" spellCheck={false} />;
}

/** A date as one input of type date (or month): the tablet's own picker, YYYY-MM-DD underneath. */
export function DateInput(props: FieldProps & ValueProps & { type?: "date" | "month" }) {
  return <TextInput {...props} type={props.type ?? "date"} width="10" />;
}

export function Select(props: FieldProps & ValueProps & { options: readonly { value: string; label: string }[] }) {
  const { id, hint, error, name, value, onChange, options } = props;
  return (
    <Field {...props}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name ?? id}
        value={value}
        aria-describedby={hintAndError(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A textarea; with `maxLength`, a count of the characters left (GOV.UK character count). */
export function Textarea(props: FieldProps & ValueProps & { rows?: number; maxLength?: number }) {
  const { id, hint, error, name, value, onChange, rows = 4, maxLength } = props;
  const over = maxLength !== undefined && value.length > maxLength;
  return (
    <Field {...props}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name ?? id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint && "hint", error && "error", maxLength !== undefined && "count")}
        onChange={(event) => onChange(event.target.value)}
      />
      {maxLength !== undefined && (
        <div id={`${id}-count`} className={`govuk-hint govuk-!-margin-top-1${over ? " govuk-error-message" : ""}`} aria-live="polite">
          {over ? `You have ${value.length - maxLength} characters too many` : `You have ${maxLength - value.length} characters remaining`}
        </div>
      )}
    </Field>
  );
}

interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Radios in a fieldset; the first radio has the field's id, so error summary links reach it. */
export function Radios(
  props: FieldProps & ValueProps & { options: readonly Option[]; inline?: boolean; legendSize?: "s" | "m" },
) {
  const { id, label, hint, error, name, value, onChange, options, inline, legendSize = "s" } = props;
  return (
    <Group error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={hintAndError(id, hint, error)}>
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
                  name={name ?? id}
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

export function Checkboxes(
  props: FieldProps & {
    name?: string;
    values: readonly string[];
    onChange: (values: string[]) => void;
    options: readonly Option[];
    small?: boolean;
  },
) {
  const { id, label, hint, error, name, values, onChange, options, small } = props;
  const toggle = (value: string, on: boolean) => onChange(on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <Group error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={hintAndError(id, hint, error)}>
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
                  name={name ?? id}
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

export function Button({
  children,
  secondary,
  warning,
  disabled,
  onClick,
  type = "submit",
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  disabled?: boolean;
  onClick?: () => void;
  type?: "submit" | "button";
}) {
  const variant = secondary ? " govuk-button--secondary" : warning ? " govuk-button--warning" : "";
  return (
    <button
      type={type}
      className={`govuk-button${variant}`}
      data-module="govuk-button"
      data-prevent-double-click="true"
      disabled={disabled}
      aria-disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
