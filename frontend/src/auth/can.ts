// A small mirror of the services' permission matrices, only to hide controls a person cannot
// use. The server stays the authority: it refuses anything not allowed, whatever the UI shows.

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

const EVERYONE: ReadonlySet<Role> = new Set(ROLES);
const ESTATE_MANAGERS: ReadonlySet<Role> = new Set(["estates_officer", "admin"]);

// assets-api: services/assets-api/src/assets_api/permissions.py
const MATRIX = {
  "home.read": EVERYONE,
  "home.create": ESTATE_MANAGERS,
  "home.update": ESTATE_MANAGERS,
  "home.archive": ESTATE_MANAGERS,
} satisfies Record<string, ReadonlySet<Role>>;

export type Action = keyof typeof MATRIX;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether any of the person's roles may do the action. Unknown roles and actions: no. */
export function can(roles: Role | readonly string[] | null | undefined, action: Action): boolean {
  if (!roles) return false;
  const list: readonly string[] = typeof roles === "string" ? [roles] : roles;
  const allowed: ReadonlySet<Role> | undefined = MATRIX[action];
  return allowed !== undefined && list.some((role) => isRole(role) && allowed.has(role));
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
