import { useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";

export const SERVICE_NAME = "Care Hub";

export function pageTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
}

interface Props {
  /** The page's name in the browser tab; defaults to the heading text when it is a string. */
  title?: string;
  caption?: string;
  hasErrors?: boolean;
  size?: "xl" | "l" | "m";
  children: ReactNode;
}

/**
 * The page's h1. Sets the document title, and after an in-app navigation moves focus to the
 * heading, so screen reader and keyboard users start at the new page's top (not on the first
 * page load, where the browser already starts at the top).
 */
export function PageHeading({ title, caption, hasErrors = false, size = "l", children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const name = title ?? (typeof children === "string" ? children : SERVICE_NAME);

  useEffect(() => {
    document.title = pageTitle(name, hasErrors);
  }, [name, hasErrors]);

  useEffect(() => {
    if (location.key !== "default") ref.current?.focus({ preventScroll: false });
  }, [location.key]);

  return (
    <h1 className={`govuk-heading-${size}`} ref={ref} tabIndex={-1}>
      {caption && <span className={`govuk-caption-${size}`}>{caption}</span>}
      {children}
    </h1>
  );
}
