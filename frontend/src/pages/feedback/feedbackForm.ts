// The "give feedback" form: its values as strings, the checks before sending, and the API body.
import type { FieldMessage } from "../../api/messages";
import type { Importance, ItemCreate, Kind } from "./types";

/** The home select's value for feedback about a council department rather than a home. */
export const DEPARTMENT = "department";

export interface FeedbackValues {
  kind: Kind | "";
  theme_id: string;
  /** A home id, or DEPARTMENT. */
  place: string;
  department: string;
  importance: Importance | "";
  summary: string;
  detail: string;
  anonymous: "yes" | "no" | "";
}

export const FEEDBACK_LABELS: Record<string, string> = {
  kind: "what kind of feedback it is",
  theme_id: "a theme",
  home_id: "the home it is about",
  place: "the home it is about",
  department: "the department",
  importance: "how much it matters",
  summary: "your feedback",
  detail: "more detail",
  anonymous: "whether to give your name",
};

export function emptyFeedback(homeId: string): FeedbackValues {
  return { kind: "", theme_id: "", place: homeId, department: "", importance: "", summary: "", detail: "", anonymous: "" };
}

export function validateFeedback(values: FeedbackValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!values.kind) errors.push({ field: "kind", message: "Select what kind of feedback it is" });
  if (!values.theme_id) errors.push({ field: "theme_id", message: "Select a theme" });
  if (!values.place) errors.push({ field: "place", message: "Select the home it is about" });
  if (values.place === DEPARTMENT && !values.department.trim()) errors.push({ field: "department", message: "Enter the department" });
  if (values.department.trim().length > 200) errors.push({ field: "department", message: "The department must be 200 characters or fewer" });
  if (!values.importance) errors.push({ field: "importance", message: "Select how much it matters" });
  const summary = values.summary.trim();
  if (!summary) errors.push({ field: "summary", message: "Enter your feedback" });
  else if (summary.length > 200) errors.push({ field: "summary", message: `Your feedback must be 200 characters or fewer (it has ${summary.length})` });
  if (values.detail.trim().length > 4000) errors.push({ field: "detail", message: "More detail must be 4,000 characters or fewer" });
  if (!values.anonymous) errors.push({ field: "anonymous", message: "Select whether to give your name" });
  return errors;
}

/** Call only when validateFeedback found nothing. */
export function toItemCreate(values: FeedbackValues): ItemCreate {
  const detail = values.detail.trim();
  const place = values.place === DEPARTMENT ? { department: values.department.trim() } : { home_id: values.place };
  return {
    kind: values.kind as Kind,
    theme_id: values.theme_id,
    importance: values.importance as Importance,
    summary: values.summary.trim(),
    ...(detail ? { detail } : {}),
    ...place,
    anonymous: values.anonymous === "yes",
  };
}

/** The form field a server error is about ("home_id" and "department" both sit by the place). */
export function feedbackFieldOf(field: string): string {
  return field === "home_id" ? "place" : field;
}
