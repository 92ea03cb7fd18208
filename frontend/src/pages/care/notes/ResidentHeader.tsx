// A stand-in for the residents area's ResidentHeader until it is on this branch: the resident's
// name and the links between their pages (GOV.UK tabs as links).
import { Link } from "react-router";
import { residentName, useResident } from "./resident";

type Current = "summary" | "plan" | "notes" | "risks" | "record";

const TABS: readonly { key: Current; label: string; path: string }[] = [
  { key: "summary", label: "Summary", path: "" },
  { key: "plan", label: "Care plan", path: "/plan" },
  { key: "notes", label: "Daily notes", path: "/notes" },
  { key: "risks", label: "Risk assessments", path: "/risks" },
  { key: "record", label: "Record", path: "/record" },
];

export function ResidentHeader({ residentId, current }: { residentId: string; current: Current }) {
  const query = useResident(residentId);
  const base = `/care/residents/${residentId}`;
  return (
    <>
      <Link className="govuk-back-link" to="/care/residents">
        All residents
      </Link>
      {query.data && <p className="govuk-body-l govuk-!-margin-bottom-2 govuk-!-font-weight-bold">{residentName(query.data)}</p>}
      <nav className="govuk-tabs app-resident-tabs" aria-label="Resident">
        <ul className="govuk-tabs__list">
          {TABS.map((tab) => (
            <li key={tab.key} className={`govuk-tabs__list-item${tab.key === current ? " govuk-tabs__list-item--selected" : ""}`}>
              <Link className="govuk-tabs__tab" to={`${base}${tab.path}`} aria-current={tab.key === current ? "page" : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
