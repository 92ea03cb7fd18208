// The services' permission matrices, only to hide controls a person cannot use. The server
// stays the authority: it refuses anything not allowed, whatever the UI shows.
import { permissions as assetsPermissions } from "../api/generated/assets";
import { permissions as careplanPermissions } from "../api/generated/careplan";
import { permissions as feedbackPermissions } from "../api/generated/feedback";

export const ROLES = [
  "care_worker",
  "senior_carer",
  "nurse",
  "home_manager",
  "divisional_manager",
  "estates_officer",
  "integrator",
  "admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Roles not limited to the homes in the person's claim. */
export const ORG_WIDE_ROLES: ReadonlySet<Role> = new Set(["divisional_manager", "estates_officer", "admin"]);

export const ROLE_NAMES: Record<Role, string> = {
  care_worker: "Care worker",
  senior_carer: "Senior carer",
  nurse: "Nurse",
  home_manager: "Home manager",
  divisional_manager: "Divisional manager",
  estates_officer: "Estates officer",
  integrator: "Integrator",
  admin: "Administrator",
};

// Generated from each service's contract (`x-carehub-permissions`), so the table the web app
// reads is the one the service enforces. Actions are named "<service>:<action>".
const MATRICES = { assets: assetsPermissions, careplan: careplanPermissions, feedback: feedbackPermissions };
type Matrices = typeof MATRICES;
type ServiceName = keyof Matrices;

export type Action = { [S in ServiceName]: `${S}:${keyof Matrices[S] & string}` }[ServiceName];

function allowedRoles(action: Action): readonly string[] | undefined {
  const [service, name] = action.split(":") as [ServiceName, string];
  const matrix = MATRICES[service] as Record<string, readonly string[] | undefined> | undefined;
  return matrix?.[name];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether any of the person's roles may do the action. Unknown roles and actions: no. */
export function can(roles: Role | readonly string[] | null | undefined, action: Action): boolean {
  if (!roles) return false;
  const list: readonly string[] = typeof roles === "string" ? [roles] : roles;
  const allowed = allowedRoles(action);
  return allowed !== undefined && list.some((role) => isRole(role) && allowed.includes(role));
}

export function isOrgWide(roles: readonly string[]): boolean {
  return roles.some((role) => isRole(role) && ORG_WIDE_ROLES.has(role));
}

/** "Estates officer", or "Nurse and Home manager". */
export function describeRoles(roles: readonly string[]): string {
  const names = roles.filter(isRole).map((role) => ROLE_NAMES[role]);
  if (names.length <= 1) return names[0] ?? "No role";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}
