// The care plan edit form: a version's sections as form values, back to the API's shape, the
// checks worth making before saving, and what to show when someone else saved a newer version
// first (the API answers 409: a draft must be based on the newest version).
import type { FieldLabels, FieldMessage } from "../../../api/messages";
import { compareVersions, type Conflict } from "../../../lib/conflict";
import type { Domain, Goal, Intervention, ReviewInterval, Section, SectionRead, Version, VersionCreate } from "../types";
import { formatDate } from "../residents/names";

type ProgressNote = NonNullable<Goal["progress_notes"]>[number];

export interface GoalForm {
  key: string;
  id: string | null;
  description: string;
  measure: string;
  /** "YYYY-MM-DD" or "". */
  target_date: string;
  progress_notes: ProgressNote[];
}

export interface InterventionForm {
  key: string;
  id: string | null;
  what: string;
  how_often: string;
  by_whom: string;
}

export interface SectionForm {
  key: string;
  id: string | null;
  domain: string;
  title: string;
  needs: string;
  strengths: string;
  preferences: string;
  review_interval: ReviewInterval;
  equipment_asset_ids: string[];
  goals: GoalForm[];
  interventions: InterventionForm[];
}

export interface PlanForm {
  reason: string;
  sections: SectionForm[];
}

let counter = 0;
/** A key for a new goal, intervention or section, for React's lists (never sent). */
export function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export const REVIEW_INTERVALS: readonly ReviewInterval[] = ["weekly", "fortnightly", "monthly", "quarterly"];

export const LIMITS = { needs: 4000, strengths: 4000, preferences: 4000, description: 2000, measure: 200, what: 2000, how_often: 200, by_whom: 200, reason: 2000 } as const;

function sectionToForm(section: SectionRead): SectionForm {
  return {
    key: section.id,
    id: section.id,
    domain: section.domain,
    title: section.title,
    needs: section.needs,
    strengths: section.strengths ?? "",
    preferences: section.preferences ?? "",
    review_interval: section.review_interval ?? "monthly",
    equipment_asset_ids: section.equipment_asset_ids ?? [],
    goals: section.goals.map((goal) => ({
      key: goal.id,
      id: goal.id,
      description: goal.description,
      measure: goal.measure,
      target_date: goal.target_date ?? "",
      progress_notes: goal.progress_notes ?? [],
    })),
    interventions: section.interventions.map((item) => ({ key: item.id, id: item.id, what: item.what, how_often: item.how_often, by_whom: item.by_whom })),
  };
}

export function toForm(version: Version | null): PlanForm {
  return { reason: "", sections: version ? version.sections.map(sectionToForm) : [] };
}

export function emptySection(domain: Domain): SectionForm {
  return {
    key: newKey(),
    id: null,
    domain: domain.code,
    title: domain.name,
    needs: "",
    strengths: "",
    preferences: "",
    review_interval: "monthly",
    equipment_asset_ids: [],
    goals: [],
    interventions: [],
  };
}

export function emptyGoal(): GoalForm {
  return { key: newKey(), id: null, description: "", measure: "", target_date: "", progress_notes: [] };
}

export function emptyIntervention(): InterventionForm {
  return { key: newKey(), id: null, what: "", how_often: "", by_whom: "" };
}

const orNull = (text: string): string | null => (text.trim() === "" ? null : text.trim());

function goalToApi(goal: GoalForm): Goal {
  return {
    ...(goal.id ? { id: goal.id } : {}),
    description: goal.description.trim(),
    measure: goal.measure.trim(),
    target_date: orNull(goal.target_date),
    progress_notes: goal.progress_notes,
  };
}

function interventionToApi(item: InterventionForm): Intervention {
  return { ...(item.id ? { id: item.id } : {}), what: item.what.trim(), how_often: item.how_often.trim(), by_whom: item.by_whom.trim() };
}

export function sectionToApi(section: SectionForm): Section {
  return {
    ...(section.id ? { id: section.id } : {}),
    domain: section.domain,
    title: section.title,
    needs: section.needs.trim(),
    strengths: orNull(section.strengths),
    preferences: orNull(section.preferences),
    review_interval: section.review_interval,
    equipment_asset_ids: section.equipment_asset_ids,
    goals: section.goals.map(goalToApi),
    interventions: section.interventions.map(interventionToApi),
  };
}

/** The body of POST …/care-plan/versions: the whole plan, based on the newest version. */
export function toApi(form: PlanForm, basedOn: number | null): VersionCreate {
  return {
    ...(basedOn ? { based_on_version: basedOn } : {}),
    reason: form.reason.trim(),
    sections: form.sections.map(sectionToApi),
  };
}

/** The form's id of a field key ("sections.0.goals.1.measure" → "plan-sections-0-goals-1-measure"). */
export function fieldId(key: string): string {
  return `plan-${key.replaceAll(".", "-")}`;
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

/** The checks worth making before asking the server (it checks everything again). */
export function validatePlan(form: PlanForm): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const need = (field: string, text: string, limit: number, missing: string, name: string) => {
    if (text.trim() === "") errors.push({ field, message: missing });
    else if (text.trim().length > limit) errors.push({ field, message: `${name} must be ${limit.toLocaleString("en-GB")} characters or fewer` });
  };
  const optional = (field: string, text: string, limit: number, name: string) => {
    if (text.trim().length > limit) errors.push({ field, message: `${name} must be ${limit.toLocaleString("en-GB")} characters or fewer` });
  };
  if (form.sections.length === 0) errors.push({ field: "sections", message: "Add at least one section to the plan" });
  form.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    const of = section.title;
    need(`${at}.needs`, section.needs, LIMITS.needs, `Enter the needs for ${of}`, `The needs for ${of}`);
    optional(`${at}.strengths`, section.strengths, LIMITS.strengths, `The strengths for ${of}`);
    optional(`${at}.preferences`, section.preferences, LIMITS.preferences, `The preferences for ${of}`);
    section.goals.forEach((goal, g) => {
      const name = `goal ${g + 1} of ${of}`;
      need(`${at}.goals.${g}.description`, goal.description, LIMITS.description, `Enter ${name}`, `Goal ${g + 1} of ${of}`);
      need(`${at}.goals.${g}.measure`, goal.measure, LIMITS.measure, `Enter how you will know ${name} is met`, `How you will know ${name} is met`);
      if (goal.target_date.trim() && !isRealDate(goal.target_date.trim())) {
        errors.push({ field: `${at}.goals.${g}.target_date`, message: `The target date of ${name} must be a real date` });
      }
    });
    section.interventions.forEach((item, i) => {
      const name = `support ${i + 1} of ${of}`;
      need(`${at}.interventions.${i}.what`, item.what, LIMITS.what, `Enter what the staff do for ${name}`, `What the staff do for ${name}`);
      need(`${at}.interventions.${i}.how_often`, item.how_often, LIMITS.how_often, `Enter how often for ${name}`, `How often for ${name}`);
      need(`${at}.interventions.${i}.by_whom`, item.by_whom, LIMITS.by_whom, `Enter who does ${name}`, `Who does ${name}`);
    });
  });
  need("reason", form.reason, LIMITS.reason, "Enter why the plan is changing", "Why the plan is changing");
  return errors;
}

/** How each field of this form is named in a sentence, for the server's validation errors. */
export function planLabels(form: PlanForm): FieldLabels {
  const labels: FieldLabels = { reason: "why the plan is changing", sections: "the sections", based_on_version: "the version this is based on" };
  form.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    const of = section.title;
    labels[`${at}.needs`] = `the needs for ${of}`;
    labels[`${at}.strengths`] = `the strengths for ${of}`;
    labels[`${at}.preferences`] = `the preferences for ${of}`;
    labels[`${at}.review_interval`] = `how often to review ${of}`;
    labels[`${at}.domain`] = `the area of care for ${of}`;
    section.goals.forEach((_, g) => {
      labels[`${at}.goals.${g}.description`] = `goal ${g + 1} of ${of}`;
      labels[`${at}.goals.${g}.measure`] = `how you will know goal ${g + 1} of ${of} is met`;
      labels[`${at}.goals.${g}.target_date`] = `the target date of goal ${g + 1} of ${of}`;
    });
    section.interventions.forEach((_, i) => {
      labels[`${at}.interventions.${i}.what`] = `what the staff do for support ${i + 1} of ${of}`;
      labels[`${at}.interventions.${i}.how_often`] = `how often for support ${i + 1} of ${of}`;
      labels[`${at}.interventions.${i}.by_whom`] = `who does support ${i + 1} of ${of}`;
    });
  });
  return labels;
}

// ---- Someone else saved a newer version first -------------------------------------------------

export const SECTION_PARTS = ["present", "needs", "strengths", "preferences", "review_interval", "goals", "interventions"] as const;
export type SectionPart = (typeof SECTION_PARTS)[number];

const PART_NAMES: Record<SectionPart, string> = {
  present: "in the plan",
  needs: "needs",
  strengths: "strengths",
  preferences: "preferences",
  review_interval: "how often it is reviewed",
  goals: "goals",
  interventions: "support (what staff do)",
};

interface GoalValue {
  description: string;
  measure: string;
  target_date: string | null;
}

interface InterventionValue {
  what: string;
  how_often: string;
  by_whom: string;
}

/** The value of one part of a section, as compared (ids left out: a new goal has none yet). */
function partValue(section: SectionForm | undefined, part: SectionPart): unknown {
  if (part === "present") return section !== undefined;
  if (!section) return null;
  switch (part) {
    case "goals":
      return section.goals.map((g): GoalValue => ({ description: g.description.trim(), measure: g.measure.trim(), target_date: orNull(g.target_date) }));
    case "interventions":
      return section.interventions.map((i): InterventionValue => ({ what: i.what.trim(), how_often: i.how_often.trim(), by_whom: i.by_whom.trim() }));
    case "review_interval":
      return section.review_interval;
    default:
      return orNull(section[part]);
  }
}

const fieldOf = (domain: string, part: SectionPart) => `${domain}.${part}`;

export function splitField(field: string): { domain: string; part: SectionPart } {
  const dot = field.lastIndexOf(".");
  return { domain: field.slice(0, dot), part: field.slice(dot + 1) as SectionPart };
}

export function flatten(sections: readonly SectionForm[], domains: readonly string[]): Record<string, unknown> {
  const byDomain = new Map(sections.map((s) => [s.domain, s]));
  const values: Record<string, unknown> = {};
  for (const domain of domains) for (const part of SECTION_PARTS) values[fieldOf(domain, part)] = partValue(byDomain.get(domain), part);
  return values;
}

export interface PlanConflict {
  conflict: Conflict<string>;
  labels: Record<string, string>;
}

/** Compare the version I started from, my edit, and the newest version someone else saved. */
export function planConflict(base: readonly SectionForm[], mine: readonly SectionForm[], theirs: readonly SectionForm[]): PlanConflict {
  const titles = new Map<string, string>();
  for (const section of [...theirs, ...base, ...mine]) if (!titles.has(section.domain)) titles.set(section.domain, section.title);
  const domains = [...titles.keys()];
  const fields = domains.flatMap((domain) => SECTION_PARTS.map((part) => fieldOf(domain, part)));
  const conflict = compareVersions(flatten(base, domains), flatten(mine, domains), flatten(theirs, domains), fields);
  const labels = Object.fromEntries(
    fields.map((field) => {
      const { domain, part } = splitField(field);
      const title = titles.get(domain) ?? domain;
      return [field, part === "present" ? title : `${title}: ${PART_NAMES[part]}`];
    }),
  );
  return { conflict, labels };
}

/**
 * "Keep my changes": the newest version with the parts I changed put back on top. Parts I did
 * not change stay as the other person saved them.
 */
export function keepMyParts(theirs: readonly SectionForm[], mine: readonly SectionForm[], conflict: Conflict<string>): SectionForm[] {
  let result = theirs.map((s) => ({ ...s }));
  const mineByDomain = new Map(mine.map((s) => [s.domain, s]));
  const changed = conflict.rows.filter((row) => row.iChanged).map((row) => splitField(row.field));
  for (const { domain } of changed.filter((c) => c.part === "present")) {
    const my = mineByDomain.get(domain);
    if (!my) result = result.filter((s) => s.domain !== domain);
    else if (!result.some((s) => s.domain === domain)) result.push({ ...my });
  }
  for (const { domain, part } of changed) {
    const my = mineByDomain.get(domain);
    if (part === "present" || !my) continue;
    const index = result.findIndex((s) => s.domain === domain);
    const saved = result[index];
    if (!saved) result.push({ ...my });
    else result[index] = withPart(saved, my, part);
  }
  return result;
}

function withPart(target: SectionForm, from: SectionForm, part: Exclude<SectionPart, "present">): SectionForm {
  switch (part) {
    case "goals":
      return { ...target, goals: from.goals };
    case "interventions":
      return { ...target, interventions: from.interventions };
    case "review_interval":
      return { ...target, review_interval: from.review_interval };
    default:
      return { ...target, [part]: from[part] };
  }
}

const INTERVAL_WORDS: Record<ReviewInterval, string> = { weekly: "every week", fortnightly: "every two weeks", monthly: "every month", quarterly: "every three months" };

function isGoalValue(value: unknown): value is GoalValue {
  return typeof value === "object" && value !== null && "description" in value && "measure" in value;
}

function isInterventionValue(value: unknown): value is InterventionValue {
  return typeof value === "object" && value !== null && "what" in value && "how_often" in value;
}

/** A compared value in words, for the "someone else changed this" panel. */
export function conflictValueText(field: string, value: unknown): string {
  const { part } = splitField(field);
  if (part === "present") return value ? "In the plan" : "Not in the plan";
  if (value === null || value === undefined || value === "") return "(blank)";
  if (part === "review_interval" && typeof value === "string" && value in INTERVAL_WORDS) return `Review ${INTERVAL_WORDS[value as ReviewInterval]}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    return value
      .map((item: unknown) => {
        if (isGoalValue(item)) return `${item.description} (how we will know: ${item.measure}${item.target_date ? `; by ${formatDate(item.target_date)}` : ""})`;
        if (isInterventionValue(item)) return `${item.what}, ${item.how_often}, by ${item.by_whom}`;
        return String(item);
      })
      .join("; ");
  }
  return String(value);
}
