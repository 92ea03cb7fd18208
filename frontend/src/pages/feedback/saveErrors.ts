// A failed save as messages for the error summary and the fields.
import { fieldMessages, problemSentence, type FieldLabels, type FieldMessage } from "../../api/messages";
import { ApiProblem } from "../../api/problem";
import { SaveDiscarded } from "../../lib/saveQueue";

export function saveErrors(error: unknown, labels: FieldLabels, fieldOf: (field: string) => string = (f) => f): FieldMessage[] {
  if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
    return fieldMessages(error, labels).map(({ field, message }) => ({ field: fieldOf(field), message }));
  }
  if (error instanceof SaveDiscarded) {
    return [{ field: "", message: "This was not saved. Send it again when you are back online." }];
  }
  if (error instanceof ApiProblem) {
    // 403 and 409 answers carry a plain explanation of the rule (already answered, not open...).
    const own = (error.status === 403 || error.status === 409) && error.detail ? error.detail : null;
    return [{ field: "", message: own ?? problemSentence(error) }];
  }
  return [{ field: "", message: "Sorry, this could not be saved. Try again." }];
}

/** The first message about a field, for the field's own error text. */
export function messageFor(errors: readonly FieldMessage[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}
