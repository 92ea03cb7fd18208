// How the feedback pages name things, in the words people use.
import type { ActionStatus, Importance, ItemStatus, Kind, QuestionKind, Role, StaffRole } from "./types";

export const KIND_NAMES: Record<Kind, string> = {
  working: "Something that is working",
  not_working: "Something that is not working",
  idea: "An idea",
};

/** Short forms for tables and tags. */
export const KIND_SHORT: Record<Kind, string> = { working: "Working", not_working: "Not working", idea: "Idea" };

export const IMPORTANCE_NAMES: Record<Importance, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const ITEM_STATUS_NAMES: Record<ItemStatus, string> = {
  new: "New",
  triaged: "Looked at",
  merged: "Merged into another",
  closed: "Closed",
};

export const ITEM_STATUS_TAG: Record<ItemStatus, string> = {
  new: "govuk-tag--blue",
  triaged: "govuk-tag--green",
  merged: "govuk-tag--grey",
  closed: "govuk-tag--grey",
};

export const ACTION_STATUS_NAMES: Record<ActionStatus, string> = {
  proposed: "Proposed",
  agreed: "Agreed",
  in_progress: "In progress",
  done: "Done",
  not_doing: "Not doing",
};

export const ACTION_STATUS_TAG: Record<ActionStatus, string> = {
  proposed: "govuk-tag--grey",
  agreed: "govuk-tag--blue",
  in_progress: "govuk-tag--yellow",
  done: "govuk-tag--green",
  not_doing: "govuk-tag--red",
};

export const QUESTION_KIND_NAMES: Record<QuestionKind, string> = {
  likert: "Agree or disagree (1 to 5)",
  recommend: "How likely to recommend (0 to 10)",
  single_choice: "Choose one option",
  free_text: "Written answer",
};

export const LIKERT_LABELS: Record<number, string> = {
  1: "Strongly disagree",
  2: "Disagree",
  3: "Neither agree nor disagree",
  4: "Agree",
  5: "Strongly agree",
};

export const STAFF_ROLES = [
  "care_worker",
  "senior_carer",
  "nurse",
  "home_manager",
  "deputy_manager",
  "activities",
  "ancillary",
  "administration",
] as const satisfies readonly StaffRole[];

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  care_worker: "Care workers",
  senior_carer: "Senior carers",
  nurse: "Nurses",
  home_manager: "Home managers",
  deputy_manager: "Deputy managers",
  activities: "Activities staff",
  ancillary: "Ancillary staff (kitchen, housekeeping, laundry, maintenance)",
  administration: "Administration",
};

/** The roles a survey can be aimed at (people who can answer surveys). */
export const SURVEY_ROLES = [
  "care_worker",
  "senior_carer",
  "nurse",
  "home_manager",
  "divisional_manager",
  "estates_officer",
] as const satisfies readonly Role[];
