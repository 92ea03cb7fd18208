// What the start page offers first, by role: each person sees the few things their job needs
// most at the top, and only what their role may do (the server still decides).
import { can, isRole, type Role } from "../auth/can";

export type TaskId = "report" | "handover" | "reviews" | "residents" | "feedback" | "estate" | "homes";

export interface StartTask {
  id: TaskId;
  to: string;
  title: string;
  text: string;
}

interface Place {
  id: string;
  name: string;
}

/** For someone with several roles, the first of these they hold decides the order. */
const LEAD_ROLES: readonly Role[] = [
  "home_manager",
  "divisional_manager",
  "nurse",
  "senior_carer",
  "care_worker",
  "estates_officer",
  "admin",
  "integrator",
];

const ORDER: Record<Role, readonly TaskId[]> = {
  care_worker: ["handover", "residents", "feedback", "estate"],
  senior_carer: ["handover", "reviews", "residents", "estate", "feedback"],
  nurse: ["handover", "reviews", "residents", "estate", "feedback"],
  home_manager: ["report", "reviews", "feedback", "residents", "handover", "estate"],
  divisional_manager: ["report", "feedback", "estate", "residents"],
  estates_officer: ["estate", "homes", "feedback"],
  admin: ["report", "estate", "homes", "feedback", "residents"],
  integrator: ["report", "estate", "residents"],
};

const ALL_TASKS: readonly TaskId[] = ["report", "handover", "reviews", "residents", "feedback", "estate", "homes"];

function leadRole(roles: readonly string[]): Role | null {
  return LEAD_ROLES.find((role) => roles.includes(role)) ?? roles.find(isRole) ?? null;
}

/** The task, as this person would use it; null when their role may not. */
function task(id: TaskId, roles: readonly string[], current: Place | null, orgWide: boolean): StartTask | null {
  switch (id) {
    case "report":
      if (!can(roles, "feedback:report.read")) return null;
      return !orgWide && current
        ? { id, to: `/reports/homes/${current.id}`, title: `Overview report for ${current.name}`, text: "Equipment checks, reviews, DoLS, actions and staffing on one printable page." }
        : { id, to: "/reports", title: "Home overview reports", text: "Each home on one printable page: equipment checks, reviews, actions, staffing and the points to look at." };
    case "handover":
      if (!can(roles, "careplan:handover.read")) return null;
      return { id, to: "/care/handover", title: "Shift handover", text: "What the last shift passed on: changes, concerns and who needs watching." };
    case "reviews":
      if (!can(roles, "careplan:review.record")) return null;
      return { id, to: "/care/reviews", title: "Reviews due", text: "Care-plan reviews that are overdue or due this week." };
    case "residents":
      if (!can(roles, "careplan:resident.read")) return null;
      return can(roles, "careplan:note.write")
        ? { id, to: "/care", title: "Residents", text: "Find a resident to record daily notes and read their care plan." }
        : { id, to: "/care", title: "Residents", text: "Residents of each home, their care plans and notes." };
    case "feedback":
      if (can(roles, "feedback:item.triage")) {
        return { id, to: "/feedback", title: "Feedback and actions", text: "Feedback to sort, actions to follow up, surveys and the workforce dashboard." };
      }
      if (!can(roles, "feedback:item.submit")) return null;
      return { id, to: "/feedback", title: "Feedback", text: "Say what could be better, with your name or without, and see what changed." };
    case "estate":
      if (!can(roles, "assets:compliance.read")) return null;
      return can(roles, "assets:inspection.record")
        ? { id, to: "/estate", title: "Equipment and safety checks", text: orgWide ? "Inspections due, overdue and failed across the homes." : "Inspections due, overdue and failed in your home." }
        : { id, to: "/estate", title: "Equipment", text: "Equipment in your home and its checks; report a fault." };
    case "homes":
      if (!can(roles, "assets:home.update")) return null;
      return { id, to: "/estate/homes", title: "Homes", text: "Find a home, see its details and keep them up to date." };
  }
}

/** The start page's links for this person, most needed first. */
export function startTasks(roles: readonly string[], current: Place | null, orgWide: boolean): StartTask[] {
  const lead = leadRole(roles);
  const first = lead ? ORDER[lead] : [];
  const ids = [...first, ...ALL_TASKS.filter((id) => !first.includes(id))];
  return ids.map((id) => task(id, roles, current, orgWide)).filter((t): t is StartTask => t !== null);
}
