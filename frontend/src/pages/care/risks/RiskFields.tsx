// GOV.UK radios, checkboxes and inputs for the assessment forms, each answer showing the points
// the tool gives it. Ids are `risk-<item>` so error summary links reach the field.
import type { ReactNode } from "react";

const points = (n: number) => (n === 1 ? "1 point" : `${n} points`);

function ErrorText({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

interface Choice<V extends string> {
  value: V;
  label: string;
  points?: number;
}

interface GroupProps {
  field: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}

function Group({ field, legend, hint, error, children }: GroupProps) {
  const id = `risk-${field}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={described}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorText id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function RadioGroup<V extends string>(props: Omit<GroupProps, "children"> & { options: readonly Choice<V>[]; value: V | ""; onChange: (value: V) => void; inline?: boolean }) {
  const { field, options, value, onChange, inline } = props;
  return (
    <Group {...props}>
      <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}`}>
        {options.map((option, index) => {
          const id = index === 0 ? `risk-${field}` : `risk-${field}-${option.value}`;
          return (
            <div className="govuk-radios__item" key={option.value}>
              <input className="govuk-radios__input" id={id} name={field} type="radio" value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
              <label className="govuk-label govuk-radios__label" htmlFor={id}>
                {option.label}
                {option.points !== undefined && <span className="govuk-hint govuk-!-display-inline"> ({points(option.points)})</span>}
              </label>
            </div>
          );
        })}
      </div>
    </Group>
  );
}

export function CheckboxGroup<V extends string>(
  props: Omit<GroupProps, "children"> & { options: readonly Choice<V>[]; value: readonly V[]; onChange: (value: V[]) => void; extra?: (value: V) => ReactNode },
) {
  const { field, options, value, onChange, extra } = props;
  const toggle = (option: V, checked: boolean) => onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <Group {...props}>
      <div className="govuk-checkboxes">
        {options.map((option, index) => {
          const id = index === 0 ? `risk-${field}` : `risk-${field}-${option.value}`;
          const checked = value.includes(option.value);
          return (
            <div key={option.value}>
              <div className="govuk-checkboxes__item">
                <input className="govuk-checkboxes__input" id={id} name={field} type="checkbox" value={option.value} checked={checked} onChange={(event) => toggle(option.value, event.target.checked)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                  {option.points !== undefined && <span className="govuk-hint govuk-!-display-inline"> ({points(option.points)})</span>}
                </label>
              </div>
              {checked && extra?.(option.value)}
            </div>
          );
        })}
      </div>
    </Group>
  );
}

export function YesNo({ field, label, hint, value, onChange, error }: { field: string; label: string; hint?: string; value: "yes" | "no" | ""; onChange: (value: "yes" | "no") => void; error?: string | undefined }) {
  return (
    <RadioGroup
      field={field}
      legend={label}
      {...(hint ? { hint } : {})}
      error={error}
      inline
      value={value}
      onChange={onChange}
      options={[
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ]}
    />
  );
}

export function Checkbox({ field, label, hint, checked, onChange }: { field: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = `risk-${field}`;
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={field} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

export function NumberInput({
  field,
  label,
  hint,
  suffix,
  value,
  onChange,
  error,
  decimal = true,
}: {
  field: string;
  label: string;
  hint?: string;
  suffix?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  decimal?: boolean;
}) {
  const id = `risk-${field}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const input = (
    <input
      className={`govuk-input govuk-input--width-5${error ? " govuk-input--error" : ""}`}
      id={id}
      name={field}
      inputMode={decimal ? "decimal" : "numeric"}
      spellCheck={false}
      value={value}
      aria-describedby={described}
      onChange={(event) => onChange(event.target.value)}
    />
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorText id={id} error={error} />
      {suffix ? (
        <div className="govuk-input__wrapper">
          {input}
          <div className="govuk-input__suffix" aria-hidden="true">
            {suffix}
          </div>
        </div>
      ) : (
        input
      )}
    </div>
  );
}
