// Small building blocks shared by the feedback pages.
import { useCallback, useEffect } from "react";
import { Link, useLocation } from "react-router";
import { useHomes } from "../../auth/HomeProvider";
import { useSignedIn } from "../../auth/SessionProvider";
import { sectionsFor } from "./nav";

/** The area's sub-navigation: only the sections the person may use. */
export function FeedbackNav() {
  const session = useSignedIn();
  const { pathname } = useLocation();
  const sections = sectionsFor(session.roles);
  return (
    <nav aria-label="Feedback sections" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list" style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }}>
        {sections.map((section) => {
          const here = pathname === section.to || pathname.startsWith(`${section.to}/`);
          return (
            <li key={section.to} className="govuk-!-margin-bottom-2">
              <Link
                className={`govuk-link govuk-link--no-visited-state${here ? " govuk-!-font-weight-bold" : ""}`}
                to={section.to}
                aria-current={here ? "page" : undefined}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Home names by id, for the homes this person can see; others are "Another home". */
export function useHomeName(): (homeId: string | null | undefined) => string {
  const { homes } = useHomes();
  return useCallback(
    (homeId) => {
      if (!homeId) return "Whole council";
      return homes.find((home) => home.id === homeId)?.name ?? "Another home";
    },
    [homes],
  );
}

export function Tag({ className, children }: { className: string; children: React.ReactNode }) {
  return <strong className={`govuk-tag ${className}`}>{children}</strong>;
}

/** `{a: "1", b: ""}` -> "?a=1" (blank values left out). */
export function searchOf(values: Record<string, string | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === true) params.set(key, "true");
    else if (typeof value === "string" && value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function SummaryRow({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/**
 * For a page that changes to a confirmation without a new address: move focus to its heading,
 * so screen reader and keyboard users start at the confirmation.
 */
export function useFocusHeading(): void {
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    heading?.focus();
    window.scrollTo?.(0, 0);
  }, []);
}
