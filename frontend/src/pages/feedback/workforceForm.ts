// A monthly workforce return: the form's figures as text, the service's rules checked before
// sending (nothing negative; leavers no more than staff; first-year leavers no more than leavers;
// Level 2+ no more than staff), and the API body.
import type { FieldMessage } from "../../api/messages";
import { STAFF_ROLE_NAMES, STAFF_ROLES } from "./names";
import type { ReturnFigures, RoleLine, StaffRole, WorkforceReturn } from "./types";

export const ROLE_COLUMNS = ["headcount", "fte", "vacancies"] as const;
export type RoleColumn = (typeof ROLE_COLUMNS)[number];

export const HOME_FIGURES = [
  "starters",
  "leavers_voluntary",
  "leavers_involuntary",
  "first_year_leavers",
  "sickness_days",
  "staff_hours",
  "agency_hours",
  "agency_spend",
  "level2_qualified",
] as const;
export type HomeFigure = (typeof HOME_FIGURES)[number];

/** Every figure of the form by key: "care_worker.fte", "starters"... */
export type ReturnField = `${StaffRole}.${RoleColumn}` | HomeFigure;
export type ReturnValues = Record<ReturnField, string>;

export const FIGURE_LABELS: Record<HomeFigure, string> = {
  starters: "Starters",
  leavers_voluntary: "Leavers who chose to leave",
  leavers_involuntary: "Leavers who were dismissed or whose contract ended",
  first_year_leavers: "Leavers who had worked here less than a year",
  sickness_days: "Days lost to sickness",
  staff_hours: "Hours worked by our own staff",
  agency_hours: "Hours worked by agency staff",
  agency_spend: "Spent on agency staff (£, without VAT)",
  level2_qualified: "Staff with a care qualification at Level 2 or above",
};

const COLUMN_LABELS: Record<RoleColumn, string> = { headcount: "staff in post", fte: "full-time equivalent (FTE)", vacancies: "vacancies (FTE)" };

/** Kind of number each figure takes: whole counts, or decimals with up to n places. */
const DECIMALS: Record<RoleColumn | HomeFigure, number> = {
  headcount: 0,
  fte: 2,
  vacancies: 2,
  starters: 0,
  leavers_voluntary: 0,
  leavers_involuntary: 0,
  first_year_leavers: 0,
  sickness_days: 1,
  staff_hours: 1,
  agency_hours: 1,
  agency_spend: 2,
  level2_qualified: 0,
};

const MAXIMUM: Record<RoleColumn | HomeFigure, number> = {
  headcount: 10_000,
  fte: 1_000_000,
  vacancies: 1_000_000,
  starters: 10_000,
  leavers_voluntary: 10_000,
  leavers_involuntary: 10_000,
  first_year_leavers: 10_000,
  sickness_days: 10_000_000,
  staff_hours: 10_000_000,
  agency_hours: 10_000_000,
  agency_spend: 100_000_000,
  level2_qualified: 10_000,
};

export function allFields(): ReturnField[] {
  return [...STAFF_ROLES.flatMap((role) => ROLE_COLUMNS.map((column) => `${role}.${column}` as const)), ...HOME_FIGURES];
}

export function fieldLabel(field: ReturnField): string {
  if (!field.includes(".")) return FIGURE_LABELS[field as HomeFigure];
  const [role, column] = field.split(".") as [StaffRole, RoleColumn];
  return `${STAFF_ROLE_NAMES[role]}: ${COLUMN_LABELS[column]}`;
}

export function fieldLabels(): Record<ReturnField, string> {
  return Object.fromEntries(allFields().map((field) => [field, fieldLabel(field)])) as Record<ReturnField, string>;
}

function kindOf(field: ReturnField): RoleColumn | HomeFigure {
  return (field.includes(".") ? field.split(".")[1] : field) as RoleColumn | HomeFigure;
}

export function emptyReturn(): ReturnValues {
  return Object.fromEntries(allFields().map((field) => [field, ""])) as ReturnValues;
}

/** A saved return's figures as form text (roles it has no line for stay blank). */
export function toReturnValues(saved: WorkforceReturn): ReturnValues {
  const values = emptyReturn();
  for (const line of saved.roles) for (const column of ROLE_COLUMNS) values[`${line.role}.${column}`] = String(line[column]);
  for (const figure of HOME_FIGURES) values[figure] = String(saved[figure]);
  return values;
}

function parse(text: string): number | null {
  const trimmed = text.trim().replaceAll(",", "");
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

function roleIsBlank(values: ReturnValues, role: StaffRole): boolean {
  return ROLE_COLUMNS.every((column) => values[`${role}.${column}`].trim() === "");
}

export function validateReturn(values: ReturnValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const check = (field: ReturnField, required: boolean) => {
    const text = values[field].trim();
    const label = fieldLabel(field);
    if (!text) {
      if (required) errors.push({ field, message: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)} (0 if none)` });
      return;
    }
    const value = parse(text);
    const places = DECIMALS[kindOf(field)];
    if (value === null) errors.push({ field, message: `${label} must be a number, 0 or more${places === 0 ? ", with no decimals" : ""}` });
    else if (places === 0 && !Number.isInteger(value)) errors.push({ field, message: `${label} must be a whole number` });
    else if ((text.split(".")[1]?.length ?? 0) > places) errors.push({ field, message: `${label} can have at most ${places} decimal places` });
    else if (value > MAXIMUM[kindOf(field)]) errors.push({ field, message: `${label} must be ${MAXIMUM[kindOf(field)].toLocaleString("en-GB")} or less` });
  };
  const filledRoles = STAFF_ROLES.filter((role) => !roleIsBlank(values, role));
  if (filledRoles.length === 0) errors.push({ field: "care_worker.headcount", message: "Enter the staff in post for at least one role" });
  for (const role of filledRoles) for (const column of ROLE_COLUMNS) check(`${role}.${column}`, true);
  for (const figure of HOME_FIGURES) check(figure, true);
  if (errors.length > 0) return errors;

  const headcount = filledRoles.reduce((sum, role) => sum + (parse(values[`${role}.headcount`]) ?? 0), 0);
  const leavers = (parse(values.leavers_voluntary) ?? 0) + (parse(values.leavers_involuntary) ?? 0);
  if (leavers > headcount) errors.push({ field: "leavers_voluntary", message: `Leavers (${leavers}) cannot be more than the staff in post (${headcount})` });
  if ((parse(values.first_year_leavers) ?? 0) > leavers) errors.push({ field: "first_year_leavers", message: `Leavers in their first year cannot be more than all leavers (${leavers})` });
  if ((parse(values.level2_qualified) ?? 0) > headcount) errors.push({ field: "level2_qualified", message: `Staff with Level 2 or above cannot be more than the staff in post (${headcount})` });
  return errors;
}

/** Call only when validateReturn found nothing. Blank roles are left out. */
export function toReturnFigures(values: ReturnValues): ReturnFigures {
  const roles: RoleLine[] = STAFF_ROLES.filter((role) => !roleIsBlank(values, role)).map((role) => ({
    role,
    headcount: parse(values[`${role}.headcount`]) ?? 0,
    fte: parse(values[`${role}.fte`]) ?? 0,
    vacancies: parse(values[`${role}.vacancies`]) ?? 0,
  }));
  const figure = (name: HomeFigure) => parse(values[name]) ?? 0;
  return {
    roles,
    starters: figure("starters"),
    leavers_voluntary: figure("leavers_voluntary"),
    leavers_involuntary: figure("leavers_involuntary"),
    first_year_leavers: figure("first_year_leavers"),
    sickness_days: figure("sickness_days"),
    staff_hours: figure("staff_hours"),
    agency_hours: figure("agency_hours"),
    agency_spend: figure("agency_spend"),
    level2_qualified: figure("level2_qualified"),
  };
}

/** Totals shown under the roles, as the person types. */
export function totals(values: ReturnValues): { headcount: number; fte: number; vacancies: number } {
  const sum = (column: RoleColumn) => Math.round(STAFF_ROLES.reduce((total, role) => total + (parse(values[`${role}.${column}`]) ?? 0), 0) * 100) / 100;
  return { headcount: sum("headcount"), fte: sum("fte"), vacancies: sum("vacancies") };
}

/** A server error's field ("roles.1.fte", "leavers_voluntary") as the form's field key. */
export function returnFieldOf(field: string, sent: ReturnFigures | null): string {
  const match = /^roles\.(\d+)\.(headcount|fte|vacancies)$/.exec(field);
  if (match && sent) {
    const role = sent.roles[Number(match[1])]?.role;
    return role ? `${role}.${match[2]}` : "";
  }
  return (HOME_FIGURES as readonly string[]).includes(field) ? field : "";
}
