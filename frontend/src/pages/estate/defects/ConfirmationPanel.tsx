import { useEffect, useRef, type ReactNode } from "react";
import { pageTitle } from "../../../components/PageHeading";

/**
 * The GOV.UK confirmation panel as the page's heading: it replaces a form once its work is done,
 * so its title is the h1, names the browser tab and takes focus (as PageHeading does).
 */
export function ConfirmationPanel({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = pageTitle(title);
    heading.current?.focus();
  }, [title]);
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="govuk-panel__body">{children}</div>}
    </div>
  );
}
