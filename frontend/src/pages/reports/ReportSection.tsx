import type { ReactNode } from "react";
import { Link } from "react-router";
import { Loading } from "../../components/Loading";
import { ProblemMessage } from "../../components/ProblemMessage";
import type { SectionState } from "./sectionState";

interface Props<T> {
  id: string;
  title: string;
  state: SectionState<T>;
  /** What this part shows, as in "Your role does not give access to {what}". */
  what: string;
  children: (data: T) => ReactNode;
}

/** One part of the report, with its own loading, refusal and failure. */
export function ReportSection<T>({ id, title, state, what, children }: Props<T>) {
  return (
    <section className="app-report__section" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {state.kind === "loading" && <Loading text={`Loading ${what}…`} />}
      {state.kind === "forbidden" && (
        <div className="govuk-inset-text">Your role does not give access to {what}, so this part of the report is left out.</div>
      )}
      {state.kind === "not-found" && <div className="govuk-inset-text">There is nothing to show for this home.</div>}
      {state.kind === "failed" && <ProblemMessage error={state.error} />}
      {state.kind === "ready" && children(state.data)}
    </section>
  );
}

/** A figure with its label, in the row of headline figures at the top of a part. */
export function Figure({ label, value, alert = false }: { label: string; value: ReactNode; alert?: boolean }) {
  return (
    <div className={`app-report__figure${alert ? " app-report__figure--alert" : ""}`}>
      <dt className="govuk-body-s govuk-!-margin-bottom-1">{label}</dt>
      <dd className="govuk-heading-l govuk-!-margin-bottom-0">{value}</dd>
    </div>
  );
}

export function Figures({ children }: { children: ReactNode }) {
  return <dl className="app-report__figures">{children}</dl>;
}

/** A link to the full page in the app; printed with its address after it. */
export function MoreLink({ to, children }: { to: string; children: ReactNode }) {
  const address = typeof location === "undefined" ? to : `${location.origin}${to}`;
  return (
    <p className="govuk-body app-report__more">
      <Link className="govuk-link" to={to} data-print-address={address}>
        {children}
      </Link>
    </p>
  );
}
