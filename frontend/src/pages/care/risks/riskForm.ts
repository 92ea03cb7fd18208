// The three assessment forms' values as typed, the live preview of score and band, the checks
// made before saving, and the request sent. Field keys are the API's item names, so the
// server's errors (loc ["body", tool, "items", name]) land next to the same fields.
import type { components } from "../../../api/generated/careplan";
import type { FieldMessage } from "../../../api/messages";
import { ageOn } from "../notes/time";
import { mustBmiTenths, scoreFalls, scoreMust, scoreWaterlow, type Scored } from "./scoring";
import type { AssessmentCreate, FallsCreate, MustCreate, Tool, WaterlowCreate } from "./types";

type Schemas = components["schemas"];
type Neuro = Schemas["NeurologicalDeficit"];

export interface WaterlowValues {
  bmi: string;
  skin: Schemas["Skin"][];
  weightLost: Schemas["WeightLost"] | "";
  weightLossAmount: Schemas["WeightLossAmount"] | "";
  eatingPoorly: "yes" | "no" | "";
  continence: Schemas["Continence"] | "";
  mobility: Schemas["Mobility"] | "";
  tissue: Schemas["TissueMalnutrition"][];
  /** Each deficit ticked, with the assessor's grade 4–6. */
  neuro: Partial<Record<Neuro, number>>;
  surgery: Schemas["Surgery"][];
  medication: Schemas["Medication"][];
}

export interface MustValues {
  weight: string;
  /** Whether height could be measured: yes gives a height, no an estimated BMI. */
  heightMeasured: "yes" | "no" | "";
  height: string;
  bmi: string;
  loss: string;
  acutelyIll: boolean;
}

export interface FallsValues {
  recentFalls: Schemas["RecentFalls"] | "";
  medications: string;
  psychological: Schemas["Psychological"] | "";
  amts: string;
  recentChange: boolean;
  dizziness: boolean;
}

export const EMPTY_WATERLOW: WaterlowValues = {
  bmi: "",
  skin: [],
  weightLost: "",
  weightLossAmount: "",
  eatingPoorly: "",
  continence: "",
  mobility: "",
  tissue: [],
  neuro: {},
  surgery: [],
  medication: [],
};
export const EMPTY_MUST: MustValues = { weight: "", heightMeasured: "", height: "", bmi: "", loss: "", acutelyIll: false };
export const EMPTY_FALLS: FallsValues = { recentFalls: "", medications: "", psychological: "", amts: "", recentChange: false, dizziness: false };

/** "22.3" → 223 (tenths), or null when not a number with at most one decimal place. */
export function parseTenths(text: string): number | null {
  const match = /^(\d{1,4})(?:\.(\d))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 10 + Number(match[2] ?? "0");
}

export function tenthsText(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : null;
}

const inRange = (value: number | null, min: number, max: number): value is number => value !== null && value >= min && value <= max;

export interface Preview {
  scored: Scored;
  /** Every question answered: the band is the one the server will give. */
  complete: boolean;
}

/** From the resident's record: Waterlow scores sex and age. */
export interface Person {
  sex: Schemas["Sex"];
  dateOfBirth: string;
}

// ---- Waterlow ---------------------------------------------------------------------------

export function previewWaterlow(v: WaterlowValues, person: Person, today: string): Preview {
  const bmi = parseTenths(v.bmi);
  const validBmi = inRange(bmi, 100, 700);
  const scored = scoreWaterlow({
    // An unanswered BMI counts as average build (0 points) until it is given.
    bmiTenths: validBmi ? bmi : 220,
    skin: v.skin,
    femaleOrUnknown: person.sex !== "male",
    age: ageOn(person.dateOfBirth, today),
    weightLost: v.weightLost || "no",
    weightLossAmount: v.weightLossAmount || null,
    eatingPoorly: v.eatingPoorly === "yes",
    continence: v.continence || "complete_or_catheterised",
    mobility: v.mobility || "fully",
    tissue: v.tissue,
    neurological: Object.values(v.neuro),
    surgery: v.surgery,
    medication: v.medication.length,
  });
  return { scored, complete: validateWaterlow(v).length === 0 };
}

export function validateWaterlow(v: WaterlowValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const bmi = parseTenths(v.bmi);
  if (!v.bmi.trim()) errors.push({ field: "bmi", message: "Enter the BMI" });
  else if (bmi === null) errors.push({ field: "bmi", message: "BMI must be a number with up to one decimal place, like 22.5" });
  else if (!inRange(bmi, 100, 700)) errors.push({ field: "bmi", message: "BMI must be between 10 and 70" });
  if (v.skin.length === 0) errors.push({ field: "skin", message: "Select every skin type that applies, or Healthy" });
  if (!v.weightLost) errors.push({ field: "weight_lost_recently", message: "Select whether they have lost weight recently" });
  if (v.weightLost === "yes" && !v.weightLossAmount) errors.push({ field: "weight_loss_amount", message: "Select how much weight they have lost" });
  if (!v.eatingPoorly) errors.push({ field: "eating_poorly", message: "Select whether they are eating poorly" });
  if (!v.continence) errors.push({ field: "continence", message: "Select their continence" });
  if (!v.mobility) errors.push({ field: "mobility", message: "Select their mobility" });
  if (v.surgery.includes("on_table_over_2h") && v.surgery.includes("on_table_over_6h")) {
    errors.push({ field: "major_surgery_or_trauma", message: "Choose one of the operating table times, not both" });
  }
  return errors;
}

export function waterlowCreate(v: WaterlowValues, common: Common): WaterlowCreate {
  const bmi = parseTenths(v.bmi) ?? 0;
  return {
    ...common,
    tool: "waterlow",
    items: {
      bmi: tenthsText(bmi),
      skin: v.skin,
      weight_lost_recently: v.weightLost || "no",
      weight_loss_amount: v.weightLost === "yes" && v.weightLossAmount ? v.weightLossAmount : null,
      eating_poorly: v.eatingPoorly === "yes",
      continence: v.continence || "complete_or_catheterised",
      mobility: v.mobility || "fully",
      tissue_malnutrition: v.tissue,
      neurological_deficit: { ...v.neuro },
      major_surgery_or_trauma: v.surgery,
      medication: v.medication,
    },
  };
}

// ---- MUST -------------------------------------------------------------------------------

/** The BMI the MUST uses: worked out from weight and height, or the estimate given. */
export function mustBmi(v: MustValues): number | null {
  const weight = parseTenths(v.weight);
  if (v.heightMeasured === "yes") {
    const height = parseTenths(v.height);
    return inRange(weight, 200, 3000) && inRange(height, 1000, 2300) ? mustBmiTenths(weight, height) : null;
  }
  if (v.heightMeasured === "no") {
    const bmi = parseTenths(v.bmi);
    return inRange(bmi, 100, 700) ? bmi : null;
  }
  return null;
}

export function previewMust(v: MustValues): Preview {
  const bmi = mustBmi(v);
  const weight = parseTenths(v.weight);
  const loss = v.loss.trim() ? parseTenths(v.loss) : 0;
  const scored = scoreMust({
    // Unanswered: no points until it is given.
    bmiTenths: bmi ?? 250,
    weightTenthsKg: inRange(weight, 200, 3000) ? weight : 600,
    lossTenthsKg: inRange(weight, 200, 3000) && loss !== null && loss <= weight ? loss : 0,
    acutelyIllNoIntake: v.acutelyIll,
  });
  return { scored, complete: validateMust(v).length === 0 };
}

export function validateMust(v: MustValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  const weight = parseTenths(v.weight);
  if (!v.weight.trim()) errors.push({ field: "weight_kg", message: "Enter their weight in kilograms" });
  else if (weight === null) errors.push({ field: "weight_kg", message: "Weight must be a number with up to one decimal place, like 58.4" });
  else if (!inRange(weight, 200, 3000)) errors.push({ field: "weight_kg", message: "Weight must be between 20 and 300 kg" });
  if (!v.heightMeasured) errors.push({ field: "height_measured", message: "Select whether their height could be measured" });
  if (v.heightMeasured === "yes") {
    const height = parseTenths(v.height);
    if (!v.height.trim()) errors.push({ field: "height_cm", message: "Enter their height in centimetres" });
    else if (!inRange(height, 1000, 2300)) errors.push({ field: "height_cm", message: "Height must be between 100 and 230 cm, with up to one decimal place" });
  }
  if (v.heightMeasured === "no") {
    const bmi = parseTenths(v.bmi);
    if (!v.bmi.trim()) errors.push({ field: "bmi", message: "Enter the estimated BMI" });
    else if (!inRange(bmi, 100, 700)) errors.push({ field: "bmi", message: "BMI must be between 10 and 70, with up to one decimal place" });
  }
  if (v.loss.trim()) {
    const loss = parseTenths(v.loss);
    if (loss === null) errors.push({ field: "unplanned_weight_loss_kg", message: "Weight loss must be a number of kilograms, like 3.5" });
    else if (weight !== null && loss > weight) errors.push({ field: "unplanned_weight_loss_kg", message: "Weight loss cannot be more than their weight" });
  }
  return errors;
}

export function mustCreate(v: MustValues, common: Common): MustCreate {
  const loss = v.loss.trim() ? (parseTenths(v.loss) ?? 0) : 0;
  return {
    ...common,
    tool: "must",
    items: {
      weight_kg: tenthsText(parseTenths(v.weight) ?? 0),
      ...(v.heightMeasured === "yes"
        ? { height_cm: tenthsText(parseTenths(v.height) ?? 0), bmi: null }
        : { height_cm: null, bmi: tenthsText(parseTenths(v.bmi) ?? 0) }),
      unplanned_weight_loss_kg: tenthsText(loss),
      acutely_ill_no_intake_over_5_days: v.acutelyIll,
    },
  };
}

// ---- Falls ------------------------------------------------------------------------------

export function previewFalls(v: FallsValues): Preview {
  const medications = wholeNumber(v.medications);
  const amts = wholeNumber(v.amts);
  const scored = scoreFalls({
    recentFalls: v.recentFalls || "none_in_12_months",
    medications: inRange(medications, 0, 50) ? medications : 0,
    psychological: v.psychological || "not_affected",
    amts: inRange(amts, 0, 10) ? amts : 10,
    recentChange: v.recentChange,
    dizziness: v.dizziness,
  });
  return { scored, complete: validateFalls(v).length === 0 };
}

export function validateFalls(v: FallsValues): FieldMessage[] {
  const errors: FieldMessage[] = [];
  if (!v.recentFalls) errors.push({ field: "recent_falls", message: "Select their recent falls" });
  const medications = wholeNumber(v.medications);
  if (!v.medications.trim()) errors.push({ field: "medications", message: "Enter how many of the listed medicines they take (0 if none)" });
  else if (!inRange(medications, 0, 50)) errors.push({ field: "medications", message: "The number of medicines must be a whole number, like 2" });
  if (!v.psychological) errors.push({ field: "psychological", message: "Select how they are affected psychologically" });
  const amts = wholeNumber(v.amts);
  if (!v.amts.trim()) errors.push({ field: "amts", message: "Enter the AMTS score" });
  else if (!inRange(amts, 0, 10)) errors.push({ field: "amts", message: "The AMTS score must be a whole number from 0 to 10" });
  return errors;
}

export function fallsCreate(v: FallsValues, common: Common): FallsCreate {
  return {
    ...common,
    tool: "falls",
    items: {
      recent_falls: v.recentFalls || "none_in_12_months",
      medications: Number(v.medications.trim()),
      psychological: v.psychological || "not_affected",
      amts: Number(v.amts.trim()),
      recent_change_in_function_or_medication: v.recentChange,
      dizziness_or_postural_hypotension: v.dizziness,
    },
  };
}

// ---- Common -------------------------------------------------------------------------------

export interface Common {
  assessed_at: string;
  section_id: string | null;
  judgement: string | null;
}

export function commonOf(now: Date, sectionId: string, judgement: string): Common {
  return { assessed_at: now.toISOString(), section_id: sectionId || null, judgement: judgement.trim() || null };
}

export type AnyValues = { tool: "waterlow"; values: WaterlowValues } | { tool: "must"; values: MustValues } | { tool: "falls"; values: FallsValues };

export function preview(form: AnyValues, person: Person, today: string): Preview {
  if (form.tool === "waterlow") return previewWaterlow(form.values, person, today);
  if (form.tool === "must") return previewMust(form.values);
  return previewFalls(form.values);
}

export function validate(form: AnyValues, judgement: string): FieldMessage[] {
  const errors = form.tool === "waterlow" ? validateWaterlow(form.values) : form.tool === "must" ? validateMust(form.values) : validateFalls(form.values);
  if (judgement.trim().length > 2000) errors.push({ field: "judgement", message: "Your judgement must be 2,000 characters or fewer" });
  return errors;
}

export function toCreate(form: AnyValues, common: Common): AssessmentCreate {
  if (form.tool === "waterlow") return waterlowCreate(form.values, common);
  if (form.tool === "must") return mustCreate(form.values, common);
  return fallsCreate(form.values, common);
}

export function emptyForm(tool: Tool): AnyValues {
  if (tool === "waterlow") return { tool, values: EMPTY_WATERLOW };
  if (tool === "must") return { tool, values: EMPTY_MUST };
  return { tool, values: EMPTY_FALLS };
}

/** A server error's field ("waterlow.items.bmi", "items.bmi") as the form's key ("bmi"). */
export function formField(field: string): string {
  const bare = field.replace(/^(waterlow|must|falls)\./, "").replace(/^items\./, "");
  return bare.split(".")[0] ?? bare;
}
