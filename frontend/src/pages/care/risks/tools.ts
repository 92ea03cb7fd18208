// How the three risk tools are named and worded on the page: the answers a carer chooses from,
// with the points the published tool gives each (from scoring.ts), and the bands.
import type { components } from "../../../api/generated/careplan";
import {
  FALLS_PSYCHOLOGICAL,
  FALLS_RECENT,
  WATERLOW_CONTINENCE,
  WATERLOW_MOBILITY,
  WATERLOW_SKIN,
  WATERLOW_SURGERY,
  WATERLOW_TISSUE,
  WATERLOW_WEIGHT_LOSS,
} from "./scoring";
import type { Tool } from "./types";

type Schemas = components["schemas"];

export const TOOLS: readonly Tool[] = ["waterlow", "must", "falls"];

export const TOOL_NAMES: Record<Tool, string> = {
  waterlow: "Waterlow (pressure ulcer risk)",
  must: "MUST (malnutrition)",
  falls: "Falls (FRAT)",
};

export const TOOL_SHORT: Record<Tool, string> = { waterlow: "Waterlow", must: "MUST", falls: "Falls" };

export const TOOL_SOURCES: Record<Tool, string> = {
  waterlow: "Waterlow Score Card, 2005 revision",
  must: "BAPEN ‘MUST’ explanatory booklet, 2003, reviewed 2011",
  falls: "FRAT part 1, Peninsula Health; Nandy et al., 2004",
};

export function isTool(value: string | undefined): value is Tool {
  return value === "waterlow" || value === "must" || value === "falls";
}

type Colour = "green" | "yellow" | "orange" | "red" | "grey";

export const BANDS: Record<Tool, Record<string, { name: string; colour: Colour }>> = {
  waterlow: {
    not_at_risk: { name: "Not at risk", colour: "green" },
    at_risk: { name: "At risk", colour: "yellow" },
    high_risk: { name: "High risk", colour: "orange" },
    very_high_risk: { name: "Very high risk", colour: "red" },
  },
  must: {
    low: { name: "Low risk", colour: "green" },
    medium: { name: "Medium risk", colour: "yellow" },
    high: { name: "High risk", colour: "red" },
  },
  falls: {
    low: { name: "Low", colour: "green" },
    medium: { name: "Medium", colour: "yellow" },
    high: { name: "High", colour: "red" },
  },
};

export function bandName(tool: Tool, band: string): string {
  return BANDS[tool][band]?.name ?? band.replaceAll("_", " ");
}

export function bandClass(tool: Tool, band: string): string {
  return `govuk-tag govuk-tag--${BANDS[tool][band]?.colour ?? "grey"}`;
}

export interface Option<V extends string> {
  value: V;
  label: string;
  points: number;
}

function options<V extends string>(labels: Record<V, string>, points: Record<V, number>): Option<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value], points: points[value] }));
}

export const SKIN_OPTIONS = options<Schemas["Skin"]>(
  {
    healthy: "Healthy",
    tissue_paper: "Tissue paper",
    dry: "Dry",
    oedematous: "Oedematous (swollen)",
    clammy_pyrexia: "Clammy, pyrexia (temperature)",
    discoloured_grade_1: "Discoloured (grade 1)",
    broken_spots_grade_2_4: "Broken or spots (grade 2 to 4)",
  },
  WATERLOW_SKIN,
);

export const CONTINENCE_OPTIONS = options<Schemas["Continence"]>(
  {
    complete_or_catheterised: "Complete or catheterised",
    urine_incontinence: "Urinary incontinence",
    faecal_incontinence: "Faecal incontinence",
    urinary_and_faecal: "Urinary and faecal incontinence",
  },
  WATERLOW_CONTINENCE,
);

export const MOBILITY_OPTIONS = options<Schemas["Mobility"]>(
  {
    fully: "Fully mobile",
    restless_fidgety: "Restless or fidgety",
    apathetic: "Apathetic",
    restricted: "Restricted",
    bedbound: "Bedbound (for example, traction)",
    chairbound: "Chairbound (for example, wheelchair)",
  },
  WATERLOW_MOBILITY,
);

export const WEIGHT_LOST_OPTIONS: Option<Schemas["WeightLost"]>[] = [
  { value: "no", label: "No", points: 0 },
  { value: "yes", label: "Yes", points: 0 },
  { value: "unsure", label: "Unsure", points: 2 },
];

export const WEIGHT_LOSS_AMOUNT_OPTIONS = options<Schemas["WeightLossAmount"]>(
  {
    "0.5_to_5_kg": "0.5 to 5 kg",
    "5_to_10_kg": "5 to 10 kg",
    "10_to_15_kg": "10 to 15 kg",
    over_15_kg: "More than 15 kg",
    unsure: "Unsure how much",
  },
  WATERLOW_WEIGHT_LOSS,
);

export const TISSUE_OPTIONS = options<Schemas["TissueMalnutrition"]>(
  {
    terminal_cachexia: "Terminal cachexia",
    multiple_organ_failure: "Multiple organ failure",
    single_organ_failure: "Single organ failure (respiratory, renal, cardiac)",
    peripheral_vascular_disease: "Peripheral vascular disease",
    anaemia: "Anaemia (Hb below 8)",
    smoking: "Smoking",
  },
  WATERLOW_TISSUE,
);

export const NEURO_OPTIONS: { value: Schemas["NeurologicalDeficit"]; label: string }[] = [
  { value: "diabetes_ms_cva", label: "Diabetes, MS or CVA (stroke)" },
  { value: "motor_sensory", label: "Motor or sensory deficit" },
  { value: "paraplegia", label: "Paraplegia" },
];

export const SURGERY_OPTIONS = options<Schemas["Surgery"]>(
  {
    orthopaedic_spinal: "Orthopaedic or spinal surgery",
    on_table_over_2h: "On the operating table for more than 2 hours",
    on_table_over_6h: "On the operating table for more than 6 hours",
  },
  WATERLOW_SURGERY,
);

export const MEDICATION_OPTIONS: { value: Schemas["Medication"]; label: string }[] = [
  { value: "cytotoxics", label: "Cytotoxics" },
  { value: "long_term_high_dose_steroids", label: "Long-term or high-dose steroids" },
  { value: "anti_inflammatory", label: "Anti-inflammatory drugs" },
];

export const RECENT_FALLS_OPTIONS = options<Schemas["RecentFalls"]>(
  {
    none_in_12_months: "None in the last 12 months",
    between_3_and_12_months: "One or more between 3 and 12 months ago",
    in_last_3_months: "One or more in the last 3 months",
    in_last_3_months_as_resident: "One or more in the last 3 months while living here",
  },
  FALLS_RECENT,
);

export const PSYCHOLOGICAL_OPTIONS = options<Schemas["Psychological"]>(
  {
    not_affected: "Does not appear affected",
    mildly: "Mildly affected",
    moderately: "Moderately affected",
    severely: "Severely affected",
  },
  FALLS_PSYCHOLOGICAL,
);

/** The scored items of each tool, as the detail page names them. */
export const ITEM_NAMES: Record<string, string> = {
  build_bmi: "Build (BMI)",
  skin_type: "Skin type",
  sex: "Sex",
  age: "Age",
  malnutrition_screen: "Malnutrition screen",
  continence: "Continence",
  mobility: "Mobility",
  tissue_malnutrition: "Tissue malnutrition",
  neurological_deficit: "Neurological deficit",
  major_surgery_or_trauma: "Major surgery or trauma",
  medication: "Medication",
  bmi: "BMI",
  weight_loss: "Unplanned weight loss",
  acute_disease: "Acute disease effect",
  recent_falls: "Recent falls",
  medications: "Medications",
  psychological: "Psychological",
  cognitive_status: "Cognitive status (AMTS)",
};

/** The scored items in the order each tool's card lists them. */
export const ITEM_ORDER: Record<Tool, readonly string[]> = {
  waterlow: ["build_bmi", "skin_type", "sex", "age", "malnutrition_screen", "continence", "mobility", "tissue_malnutrition", "neurological_deficit", "major_surgery_or_trauma", "medication"],
  must: ["bmi", "weight_loss", "acute_disease"],
  falls: ["recent_falls", "medications", "psychological", "cognitive_status"],
};

/** Item scores as saved, in the card's order (unknown items last, as they came). */
export function orderedItems(tool: Tool, scores: Record<string, number>): [string, number][] {
  const rank = (item: string) => {
    const index = ITEM_ORDER[tool].indexOf(item);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return Object.entries(scores).sort(([a], [b]) => rank(a) - rank(b));
}

const LABELS: Record<string, string> = Object.fromEntries(
  [
    ...SKIN_OPTIONS,
    ...CONTINENCE_OPTIONS,
    ...MOBILITY_OPTIONS,
    ...WEIGHT_LOSS_AMOUNT_OPTIONS,
    ...TISSUE_OPTIONS,
    ...NEURO_OPTIONS,
    ...SURGERY_OPTIONS,
    ...MEDICATION_OPTIONS,
    ...RECENT_FALLS_OPTIONS,
    ...PSYCHOLOGICAL_OPTIONS,
  ].map((option) => [option.value, option.label]),
);

/** An answer as saved (a code, a list, a number, a yes/no) in words. */
export function answerText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "Not given";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length === 0 ? "None" : value.map(answerText).join(", ");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? "None" : entries.map(([key, grade]) => `${LABELS[key] ?? key} (${String(grade)})`).join(", ");
  }
  const text = String(value);
  if (LABELS[text]) return LABELS[text];
  // Other codes (yes, no, unsure, female...) read as words; numbers stay as they are.
  return /^[a-z_]+$/.test(text) ? (text.charAt(0).toUpperCase() + text.slice(1)).replaceAll("_", " ") : text;
}

/** The answers each tool saves, in form order, with the question as the detail page asks it. */
export const ANSWER_NAMES: Record<Tool, readonly [string, string][]> = {
  waterlow: [
    ["bmi", "BMI"],
    ["skin", "Skin type"],
    ["sex", "Sex (from their record)"],
    ["age", "Age (from their record)"],
    ["weight_lost_recently", "Lost weight recently?"],
    ["weight_loss_amount", "How much weight?"],
    ["eating_poorly", "Eating poorly or lack of appetite?"],
    ["continence", "Continence"],
    ["mobility", "Mobility"],
    ["tissue_malnutrition", "Tissue malnutrition"],
    ["neurological_deficit", "Neurological deficit (grade)"],
    ["major_surgery_or_trauma", "Major surgery or trauma"],
    ["medication", "Medication"],
  ],
  must: [
    ["weight_kg", "Weight (kg)"],
    ["height_cm", "Height (cm)"],
    ["bmi", "Estimated BMI"],
    ["bmi_used", "BMI used"],
    ["unplanned_weight_loss_kg", "Unplanned weight loss in 3 to 6 months (kg)"],
    ["acutely_ill_no_intake_over_5_days", "Acutely ill with no intake for more than 5 days?"],
  ],
  falls: [
    ["recent_falls", "Recent falls"],
    ["medications", "Medicines of the listed kinds"],
    ["psychological", "Psychological"],
    ["amts", "AMTS score"],
    ["recent_change_in_function_or_medication", "Recent change in function or medicines affecting mobility?"],
    ["dizziness_or_postural_hypotension", "Dizziness or postural hypotension?"],
  ],
};
