import { ErrorSummary as GovukErrorSummary } from "govuk-frontend";
import { useRef } from "react";
import type { FieldMessage } from "../api/messages";
import { useGovuk } from "./useGovuk";

export interface SummaryItem {
  /** The id of the input to jump to, or null for an error about the whole form. */
  target: string | null;
  text: string;
}

/** `{field, message}` errors as summary links to each field's input (`<formId>-<field>`). */
export function summaryItems(messages: readonly FieldMessage[], idFor: (field: string) => string | null): SummaryItem[] {
  return messages.map(({ field, message }) => ({ target: field ? idFor(field) : null, text: message }));
}

/**
 * The GOV.UK error summary: at the top of the page, focused when it appears (its JavaScript does
 * that, and moves focus to the field when a link is followed). Render it with a `key` that
 * changes on each failed submit, so it is focused again.
 */
export function ErrorSummary({ items, title = "There is a problem" }: { items: readonly SummaryItem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useGovuk(ref, [GovukErrorSummary]);
  if (items.length === 0) return null;
  return (
    <div ref={ref}>
      <div className="govuk-error-summary" data-module="govuk-error-summary">
        <div role="alert">
          <h2 className="govuk-error-summary__title">{title}</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {items.map((item, index) => (
                <li key={`${item.target ?? ""}-${index}`}>
                  {item.target ? <a href={`#${item.target}`}>{item.text}</a> : item.text}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </div>
  );
}
