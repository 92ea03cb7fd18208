// Problem+json validation errors in words a care worker understands, keyed by field.
import type { ApiProblem, ValidationIssue } from "./problem";

/** How a form names its fields in a sentence: `{ postcode: "postcode" }`. */
export type FieldLabels = Record<string, string>;

export interface FieldMessage {
  /** The field's key (its loc without "body"/"query"/...), or "" when about the whole form. */
  field: string;
  message: string;
}

const LOCATIONS = new Set(["body", "query", "path", "header", "cookie"]);

/** `["body", "address", 0, "line1"]` -> `"address.0.line1"`. */
export function fieldKey(loc: ValidationIssue["loc"]): string {
  const parts = loc.length > 0 && LOCATIONS.has(String(loc[0])) ? loc.slice(1) : loc;
  return parts.map(String).join(".");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function numberIn(msg: string): string | null {
  return /(-?\d+(?:\.\d+)?)/.exec(msg)?.[1] ?? null;
}

/** One plain-English sentence for one pydantic error. */
export function plainMessage(issue: ValidationIssue, label: string): string {
  const Label = capitalise(label);
  const n = numberIn(issue.msg);
  switch (issue.type) {
    case "missing":
      return `Enter ${label}`;
    case "string_too_short":
      return n === null || n === "1" ? `Enter ${label}` : `${Label} must be ${n} characters or more`;
    case "string_too_long":
      return n === null ? `${Label} is too long` : `${Label} must be ${n} characters or fewer`;
    case "too_short":
      return `Add at least ${n ?? "one"} to ${label}`;
    case "too_long":
      return `${Label} has too many entries`;
    case "int_parsing":
    case "int_type":
    case "int_from_float":
      return `${Label} must be a whole number, like 12`;
    case "float_parsing":
    case "float_type":
    case "decimal_parsing":
      return `${Label} must be a number`;
    case "greater_than":
      return `${Label} must be more than ${n ?? "zero"}`;
    case "greater_than_equal":
      return `${Label} must be ${n ?? "zero"} or more`;
    case "less_than":
      return `${Label} must be less than ${n ?? "the limit"}`;
    case "less_than_equal":
      return `${Label} must be ${n ?? "the limit"} or less`;
    case "enum":
    case "literal_error":
      return `Select ${label}`;
    case "bool_parsing":
    case "bool_type":
      return `Select yes or no for ${label}`;
    case "date_parsing":
    case "date_from_datetime_parsing":
    case "date_type":
      return `${Label} must be a real date`;
    case "datetime_parsing":
    case "datetime_from_date_parsing":
    case "datetime_type":
      return `${Label} must be a real date and time`;
    case "uuid_parsing":
    case "uuid_type":
      return `${Label} is not recognised`;
    case "extra_forbidden":
      return `${Label} cannot be changed here`;
    case "string_pattern_mismatch":
      return `${Label} is not in the right format`;
    case "value_error": {
      if (/email/i.test(issue.msg)) return "Enter an email address in the right format, like name@example.com";
      const text = issue.msg.replace(/^Value error,\s*/i, "").trim();
      return text ? capitalise(text) : `Check ${label}`;
    }
    default: {
      // The services' own rules answer in lower-case words for people: the rest of a sentence
      // about the field ("must be on or after …") gets the field's name in front; a whole one
      // ("choose one of the question's options") is shown as it is. Pydantic's own messages
      // (capitalised) and anything with code in it (snake_case names) get the general line.
      const own = issue.msg.trim();
      if (!/^[a-z]/.test(own) || /\w_\w/.test(own)) return `Check ${label}`;
      return /^(must|cannot|can only|is|has|should|already) /.test(own) ? `${Label} ${own}` : capitalise(own);
    }
  }
}

/** Each issue of a 422 as `{field, message}`; issues about unknown fields keep their key too. */
export function fieldMessages(problem: ApiProblem, labels: FieldLabels): FieldMessage[] {
  return problem.errors.map((issue) => {
    const field = fieldKey(issue.loc);
    const label = labels[field] ?? (field ? field.replaceAll("_", " ").replaceAll(".", " ") : "this");
    return { field, message: plainMessage(issue, label) };
  });
}

/** A sentence for a problem that is not about one field (403, 404, 409, 5xx...). */
export function problemSentence(problem: ApiProblem): string {
  switch (problem.status) {
    case 401:
      return "You have been signed out. Sign in again to carry on.";
    case 403:
      return "You do not have permission to do this. Ask your manager if you think you should.";
    case 404:
      return "This record could not be found. It may have been archived, or the link may be wrong.";
    case 409:
      return problem.detail ?? "This clashes with a record that already exists.";
    case 412:
      return "Someone else changed this record while you were working on it.";
    case 428:
      return "Care Hub could not check this record was up to date. Reload the page and try again.";
    case 429:
      return "Too many attempts. Wait a few minutes and try again.";
    case 422:
      return problem.errors.length > 0 ? "Check the answers below." : (problem.detail ?? "Check your answers.");
    default:
      return problem.status >= 500
        ? "Sorry, there is a problem with Care Hub. Try again later."
        : (problem.detail ?? "Something went wrong. Try again.");
  }
}
