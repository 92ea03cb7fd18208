// The care area's own navigation: residents, the reviews due and the shift handover.
import { Link } from "react-router";
import { can, type Action } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import "../care.css";

export type CareArea = "residents" | "reviews" | "handover";

const AREAS: readonly { area: CareArea; label: string; to: string; action: Action }[] = [
  { area: "residents", label: "Residents", to: "/care/residents", action: "careplan:resident.read" },
  { area: "reviews", label: "Reviews due", to: "/care/reviews", action: "careplan:review.list" },
  { area: "handover", label: "Handover", to: "/care/handover", action: "careplan:handover.read" },
];

export function CareNav({ current }: { current: CareArea }) {
  const { roles } = useSignedIn();
  return (
    <nav className="app-subnav app-subnav--area" aria-label="Care">
      <ul className="app-subnav__list">
        {AREAS.filter((item) => can(roles, item.action)).map((item) => (
          <li key={item.area}>
            <Link
              className="govuk-link govuk-link--no-visited-state app-subnav__link"
              to={item.to}
              aria-current={item.area === current ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
