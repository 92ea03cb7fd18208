// The import wizard's shared state: its steps, what the steps keep between them, and how a
// failed upload is put into words.
import { fieldMessages, problemSentence, type FieldMessage } from "../../../api/messages";
import { ApiProblem } from "../../../api/problem";
import { SaveDiscarded } from "../../../lib/saveQueue";
import type { Mapping } from "./importWizard";

export type Step = "upload" | "columns" | "check" | "import";
export const STEPS: readonly Step[] = ["upload", "columns", "check", "import"];

/** Everything the steps share, kept while the person moves back and forth between them. */
export interface Wizard {
  homeId: string;
  file: File | null;
  /** A CSV's headings in file order (an Excel file's are only known from the service's report). */
  headings: string[] | null;
  /** What each column holds, as the person chose: kept for a corrected file's columns too. */
  mapping: Mapping;
  checkJobId: string | null;
  importJobId: string | null;
}

export function errorMessages(error: unknown, labels: Record<string, string>): FieldMessage[] {
  if (error instanceof SaveDiscarded) return [{ field: "", message: "The file was not sent. Try again when you are back online." }];
  if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) return fieldMessages(error, labels);
  if (error instanceof ApiProblem) return [{ field: "", message: problemSentence(error) }];
  return [{ field: "", message: "Sorry, the file could not be sent. Try again." }];
}

export interface StepProps {
  caption: string;
  wizard: Wizard;
  update: (change: Partial<Wizard>) => void;
  go: (step: Step) => void;
}
