// Reporting a fault from an asset's QR page: the common faults a person taps once, and the
// "describe the fault" form for anything else.
import type { FieldMessage } from "../../../api/messages";
import type { DefectCreate, Priority } from "../defects/types";

export interface CommonFault {
  id: string;
  /** The button's words, and the defect's title. */
  label: string;
  /** A few words under the button. */
  hint: string;
  priority: Priority;
  /** The person says it is unsafe: the asset goes out of service at once. */
  unsafe: boolean;
}

/**
 * The faults people report most, each with the priority an estates officer would give it: an
 * unsafe report is urgent (P1) and stops the asset being used; broken or damaged kit is high (P2)
 * because someone is without it; cleaning is routine (P3); wear can wait for planned work (P4).
 */
export const COMMON_FAULTS: readonly CommonFault[] = [
  { id: "unsafe", label: "Unsafe – stop using it", hint: "It could hurt someone. It will be marked out of service now.", priority: "P1", unsafe: true },
  { id: "not-working", label: "Not working", hint: "It does not switch on, move or do its job.", priority: "P2", unsafe: false },
  { id: "damaged", label: "Damaged", hint: "Broken, cracked, torn or bent, but not dangerous.", priority: "P2", unsafe: false },
  { id: "needs-cleaning", label: "Needs cleaning", hint: "Dirty, stained or smells, and normal cleaning has not fixed it.", priority: "P3", unsafe: false },
  { id: "worn", label: "Worn – will need replacing", hint: "Still works, but worn or tired. It can wait for planned work.", priority: "P4", unsafe: false },
];

export function commonFault(id: string): CommonFault | undefined {
  return COMMON_FAULTS.find((fault) => fault.id === id);
}

/** The defect a tap on a common fault reports. */
export function defectForFault(assetId: string, fault: CommonFault): DefectCreate {
  return { asset_id: assetId, title: fault.label, priority: fault.priority, take_out_of_service: fault.unsafe };
}

/** How urgent, in the words a care worker would choose; P1 also means "stop using it". */
export const URGENCY_CHOICES: readonly { value: Priority; label: string; hint: string }[] = [
  { value: "P1", label: "Urgent – it is unsafe", hint: "It will be marked out of service so nobody uses it." },
  { value: "P2", label: "Soon – it cannot be used properly", hint: "Someone is without it until it is fixed." },
  { value: "P3", label: "Routine – it works but needs attention", hint: "" },
  { value: "P4", label: "Not urgent – it can wait for planned work", hint: "" },
];

export interface DescribeValues {
  title: string;
  description: string;
  priority: Priority | "";
}

export const DESCRIBE_LABELS: Record<keyof DescribeValues, string> = {
  title: "what is wrong",
  description: "more detail",
  priority: "how urgent it is",
};

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 2000;

export function validateDescribe(values: DescribeValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const title = values.title.trim();
  if (!title) errors.push({ field: "title", message: "Enter what is wrong" });
  else if (title.length > TITLE_MAX) errors.push({ field: "title", message: `What is wrong must be ${TITLE_MAX} characters or fewer` });
  if (values.description.trim().length > DESCRIPTION_MAX) {
    errors.push({ field: "description", message: `More detail must be ${DESCRIPTION_MAX.toLocaleString("en-GB")} characters or fewer` });
  }
  if (!values.priority) errors.push({ field: "priority", message: "Select how urgent it is" });
  return errors;
}

/** The defect the form describes; call only once `validateDescribe` finds nothing. */
export function defectFromDescription(assetId: string, values: DescribeValues): DefectCreate {
  const priority: Priority = values.priority || "P3";
  const description = values.description.trim();
  return {
    asset_id: assetId,
    title: values.title.trim(),
    priority,
    take_out_of_service: priority === "P1",
    ...(description ? { description } : {}),
  };
}

/** What happens next, said plainly on the confirmation. */
export function nextSteps(priority: Priority, tookOutOfService: boolean): string[] {
  const steps: string[] = [];
  if (tookOutOfService) {
    steps.push("It is now marked out of service in Care Hub. Do not use it, and put a “Do not use” sign on it if you can.");
    steps.push("Tell the nurse or senior carer in charge now, so nobody uses it by mistake.");
  }
  if (priority === "P1") steps.push("It is urgent: the home manager and the estates team see urgent faults at the top of their list.");
  else if (priority === "P2") steps.push("The home manager and the estates team will arrange a repair soon.");
  else steps.push("The home manager and the estates team will plan the work.");
  steps.push("You do not need to report it again. Anyone can see the fault and what is being done about it in Care Hub.");
  return steps;
}
