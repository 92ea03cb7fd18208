// One reading of an inspection, judged against the rule's limit as it is typed.
import type { Threshold } from "../assets/types";
import { judge, limitText, READINGS, type Judgement } from "./thresholds";

export function ReadingField({ threshold, value, label, error, onValue, onLabel }: {
  threshold: Threshold;
  value: string;
  label: string;
  error: string | undefined;
  onValue: (v: string) => void;
  onLabel: (v: string) => void;
}) {
  const info = READINGS[threshold.reading];
  const id = `inspection-reading-${threshold.reading}`;
  const judged: Judgement = judge(threshold, value);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {info.name}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        Must be {limitText(threshold)}
      </div>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="govuk-input__wrapper">
        <input
          className={`govuk-input govuk-input--width-5${error ? " govuk-input--error" : ""}`}
          id={id}
          name={threshold.reading}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={value}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null, `${id}-judgement`].filter(Boolean).join(" ")}
          onChange={(event) => onValue(event.target.value)}
        />
        <div className="govuk-input__suffix" aria-hidden="true">
          {info.unit}
        </div>
      </div>
      <p
        id={`${id}-judgement`}
        className={`govuk-body govuk-!-margin-bottom-0 app-estate-judgement${judged.state === "within" ? " app-estate-judgement--within" : judged.state === "outside" ? " app-estate-judgement--outside" : ""}`}
        aria-live="polite"
      >
        {judged.state === "within" || judged.state === "outside" ? judged.message : ""}
      </p>
      <div className="govuk-!-margin-top-3">
        <label className="govuk-label" htmlFor={`${id}-label`}>
          {info.point} (optional)
        </label>
        <input className="govuk-input govuk-input--width-20" id={`${id}-label`} name={`${threshold.reading}-label`} type="text" maxLength={100} value={label} onChange={(event) => onLabel(event.target.value)} />
      </div>
    </div>
  );
}
