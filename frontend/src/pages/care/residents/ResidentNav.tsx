// The resident's header (who they are, their alerts) and the links between the parts of their
// record. Every page about one resident starts with it.
import { Link } from "react-router";
import { can, type Action } from "../../../auth/can";
import { useSignedIn } from "../../../auth/SessionProvider";
import "../care.css";
import { ageOn, formatDate, londonToday, residentName } from "./names";
import { useResident, useRooms } from "./residents";
import { useResidentAlerts } from "./useResidentAlerts";

export type ResidentPart = "summary" | "plan" | "notes" | "risks" | "record";

interface Part {
  part: ResidentPart;
  label: string;
  suffix: string;
  action: Action;
}

const PARTS: readonly Part[] = [
  { part: "summary", label: "Summary", suffix: "", action: "careplan:resident.read" },
  { part: "plan", label: "Care plan", suffix: "/plan", action: "careplan:plan.read" },
  { part: "notes", label: "Daily notes", suffix: "/notes", action: "careplan:note.read" },
  { part: "risks", label: "Risk assessments", suffix: "/risks", action: "careplan:risk.read" },
  { part: "record", label: "Share record", suffix: "/record", action: "careplan:record.export" },
];

/** The parts of a resident's record this person may open, as links. */
export function residentParts(roles: readonly string[]): readonly Part[] {
  return PARTS.filter((part) => can(roles, part.action));
}

export function ResidentNav({ residentId, current }: { residentId: string; current: ResidentPart }) {
  const { roles } = useSignedIn();
  return (
    <nav className="app-subnav" aria-label="Resident’s record">
      <ul className="app-subnav__list">
        {residentParts(roles).map(({ part, label, suffix }) => (
          <li key={part}>
            <Link
              className="govuk-link govuk-link--no-visited-state app-subnav__link"
              to={`/care/residents/${residentId}${suffix}`}
              aria-current={part === current ? "page" : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Name, room, NHS number, date of birth and how many alerts, then the record's navigation.
 * It shows nothing of a resident the API refuses (another home's resident is a 404): the page
 * itself shows Not found.
 */
export function ResidentHeader({ residentId, current }: { residentId: string; current: ResidentPart }) {
  const query = useResident(residentId);
  const resident = query.data?.resident;
  const rooms = useRooms(resident?.home_id);
  const { alerts, loading } = useResidentAlerts(residentId, resident);

  if (query.isPending) {
    return (
      <p className="govuk-body" role="status">
        Loading the resident…
      </p>
    );
  }
  if (!resident) return null;

  const room = resident.room_location_id ? (rooms.data?.get(resident.room_location_id) ?? "Room not found") : "No room recorded";
  const alertText = loading ? "Checking…" : alerts.length === 0 ? "None" : `${alerts.length} alert${alerts.length === 1 ? "" : "s"}`;
  return (
    <div className="app-resident-header">
      <p className="govuk-heading-m app-resident-header__name">{residentName(resident)}</p>
      <dl className="govuk-body app-resident-header__facts">
        <Fact name="Room">{room}</Fact>
        <Fact name="NHS number">{resident.nhs_number ?? "Not known yet"}</Fact>
        <Fact name="Born">
          {formatDate(resident.date_of_birth)} (age {ageOn(resident.date_of_birth, londonToday())})
        </Fact>
        <Fact name="Alerts">
          {alerts.length > 0 && current !== "summary" ? (
            <Link className="govuk-link" to={`/care/residents/${residentId}#alerts`}>
              {alertText}
            </Link>
          ) : (
            alertText
          )}
        </Fact>
      </dl>
      <ResidentNav residentId={residentId} current={current} />
    </div>
  );
}
