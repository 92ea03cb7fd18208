// The published risk-scoring rules, ported from the careplan-api (assessments/scoring/) so the
// form can show the score and band as items are chosen. The server scores every assessment
// again and its result is the one saved and shown afterwards; the unit tests hold this port to
// the same band boundaries as the server's tests.
//
// Sources, as cited by the service:
// - Waterlow: Waterlow J., Waterlow Score Card, 2005 revision (www.judy-waterlow.co.uk).
// - MUST: BAPEN Malnutrition Advisory Group, 'MUST' explanatory booklet, 2003, reviewed 2011.
// - Falls: FRAT part 1, Peninsula Health Falls Prevention Service (1999); Nandy S. et al.,
//   Journal of Public Health 26(2):138-43, 2004.
//
// Decimal inputs (BMI, kilograms, centimetres) are whole numbers of TENTHS here, so the
// comparisons are exact, as the server's Decimal arithmetic is.
import type { FallsItems, WaterlowItems } from "./types";

export interface Scored {
  itemScores: Record<string, number>;
  score: number;
  band: string;
  highRisk: boolean;
}

// ---- Waterlow ---------------------------------------------------------------------------

type Skin = WaterlowItems["skin"][number];
type Continence = WaterlowItems["continence"];
type Mobility = WaterlowItems["mobility"];
type WeightLost = WaterlowItems["weight_lost_recently"];
type WeightLossAmount = NonNullable<WaterlowItems["weight_loss_amount"]>;
type Tissue = NonNullable<WaterlowItems["tissue_malnutrition"]>[number];
type Surgery = NonNullable<WaterlowItems["major_surgery_or_trauma"]>[number];

export const WATERLOW_SKIN: Record<Skin, number> = {
  healthy: 0,
  tissue_paper: 1,
  dry: 1,
  oedematous: 1,
  clammy_pyrexia: 1,
  discoloured_grade_1: 2,
  broken_spots_grade_2_4: 3,
};
export const WATERLOW_CONTINENCE: Record<Continence, number> = {
  complete_or_catheterised: 0,
  urine_incontinence: 1,
  faecal_incontinence: 2,
  urinary_and_faecal: 3,
};
export const WATERLOW_MOBILITY: Record<Mobility, number> = {
  fully: 0,
  restless_fidgety: 1,
  apathetic: 2,
  restricted: 3,
  bedbound: 4,
  chairbound: 5,
};
export const WATERLOW_WEIGHT_LOSS: Record<WeightLossAmount, number> = {
  "0.5_to_5_kg": 1,
  "5_to_10_kg": 2,
  "10_to_15_kg": 3,
  over_15_kg: 4,
  unsure: 2,
};
export const WATERLOW_TISSUE: Record<Tissue, number> = {
  terminal_cachexia: 8,
  multiple_organ_failure: 8,
  single_organ_failure: 5,
  peripheral_vascular_disease: 5,
  anaemia: 2,
  smoking: 1,
};
export const WATERLOW_SURGERY: Record<Surgery, number> = { orthopaedic_spinal: 5, on_table_over_2h: 5, on_table_over_6h: 8 };
export const NEUROLOGICAL_MAX = 6;
export const MEDICATION_MAX = 4;

/** Build / weight for height: 20–24.9 → 0, 25–29.9 → 1, 30+ → 2, below 20 → 3. */
export function waterlowBmiScore(bmiTenths: number): number {
  if (bmiTenths < 200) return 3;
  if (bmiTenths < 250) return 0;
  return bmiTenths < 300 ? 1 : 2;
}

/** 14–49 → 1, 50–64 → 2, 65–74 → 3, 75–80 → 4, 81+ → 5. */
export function waterlowAgeScore(age: number): number {
  return age < 50 ? 1 : age < 65 ? 2 : age < 75 ? 3 : age <= 80 ? 4 : 5;
}

/** The malnutrition screen (MST): weight lost (by amount, or unsure 2), plus 1 for eating poorly. */
export function waterlowNutritionScore(lost: WeightLost, amount: WeightLossAmount | null, eatingPoorly: boolean): number {
  const weight = lost === "yes" && amount !== null ? WATERLOW_WEIGHT_LOSS[amount] : lost === "unsure" ? 2 : 0;
  return weight + (eatingPoorly ? 1 : 0);
}

export function waterlowBand(score: number): string {
  return score < 10 ? "not_at_risk" : score < 15 ? "at_risk" : score < 20 ? "high_risk" : "very_high_risk";
}

export interface WaterlowInput {
  bmiTenths: number;
  skin: readonly Skin[];
  femaleOrUnknown: boolean;
  age: number;
  weightLost: WeightLost;
  weightLossAmount: WeightLossAmount | null;
  eatingPoorly: boolean;
  continence: Continence;
  mobility: Mobility;
  tissue: readonly Tissue[];
  /** Each deficit's grade (4–6); the category counts 6 at most. */
  neurological: readonly number[];
  surgery: readonly Surgery[];
  medication: number;
}

const sumOf = <K extends string>(keys: readonly K[], table: Record<K, number>) => [...new Set(keys)].reduce((total, key) => total + table[key], 0);

export function scoreWaterlow(input: WaterlowInput): Scored {
  const itemScores = {
    build_bmi: waterlowBmiScore(input.bmiTenths),
    skin_type: sumOf(input.skin, WATERLOW_SKIN),
    sex: input.femaleOrUnknown ? 2 : 1,
    age: waterlowAgeScore(input.age),
    malnutrition_screen: waterlowNutritionScore(input.weightLost, input.weightLossAmount, input.eatingPoorly),
    continence: WATERLOW_CONTINENCE[input.continence],
    mobility: WATERLOW_MOBILITY[input.mobility],
    tissue_malnutrition: sumOf(input.tissue, WATERLOW_TISSUE),
    neurological_deficit: Math.min(NEUROLOGICAL_MAX, input.neurological.reduce((a, b) => a + b, 0)),
    major_surgery_or_trauma: sumOf(input.surgery, WATERLOW_SURGERY),
    medication: input.medication > 0 ? MEDICATION_MAX : 0,
  };
  const score = Object.values(itemScores).reduce((a, b) => a + b, 0);
  const band = waterlowBand(score);
  return { itemScores, score, band, highRisk: band === "high_risk" || band === "very_high_risk" };
}

// ---- MUST -------------------------------------------------------------------------------

/**
 * BMI from weight and height, at one decimal, halves rounded up (as the server's Decimal
 * ROUND_HALF_UP): weight / (height in metres)², in tenths.
 */
export function mustBmiTenths(weightTenthsKg: number, heightTenthsCm: number): number {
  // bmi × 10 = w10 × 10⁶ / h10²; every value here is an exact integer well under 2⁵³.
  const divisor = heightTenthsCm * heightTenthsCm;
  return Math.floor((2 * weightTenthsKg * 1_000_000 + divisor) / (2 * divisor));
}

/** Over 20 → 0; 18.5–20.0 → 1; below 18.5 → 2. */
export function mustBmiScore(bmiTenths: number): number {
  return bmiTenths > 200 ? 0 : bmiTenths >= 185 ? 1 : 2;
}

/** Unplanned loss as a share of the weight then (now + loss): below 5 % → 0, 5–10 % → 1, over 10 % → 2. */
export function mustWeightLossScore(weightTenthsKg: number, lossTenthsKg: number): number {
  const before = weightTenthsKg + lossTenthsKg;
  if (20 * lossTenthsKg < before) return 0;
  return 10 * lossTenthsKg <= before ? 1 : 2;
}

export function mustBand(score: number): string {
  return score === 0 ? "low" : score === 1 ? "medium" : "high";
}

export interface MustInput {
  bmiTenths: number;
  weightTenthsKg: number;
  lossTenthsKg: number;
  acutelyIllNoIntake: boolean;
}

export function scoreMust(input: MustInput): Scored {
  const itemScores = {
    bmi: mustBmiScore(input.bmiTenths),
    weight_loss: mustWeightLossScore(input.weightTenthsKg, input.lossTenthsKg),
    acute_disease: input.acutelyIllNoIntake ? 2 : 0,
  };
  const score = itemScores.bmi + itemScores.weight_loss + itemScores.acute_disease;
  const band = mustBand(score);
  return { itemScores, score, band, highRisk: band === "high" };
}

// ---- Falls (FRAT part 1) ------------------------------------------------------------------

type RecentFalls = FallsItems["recent_falls"];
type Psychological = FallsItems["psychological"];

export const FALLS_RECENT: Record<RecentFalls, number> = {
  none_in_12_months: 2,
  between_3_and_12_months: 4,
  in_last_3_months: 6,
  in_last_3_months_as_resident: 8,
};
export const FALLS_PSYCHOLOGICAL: Record<Psychological, number> = { not_affected: 1, mildly: 2, moderately: 3, severely: 4 };

/** None 1; one 2; two 3; more than two 4. */
export function fallsMedicationScore(count: number): number {
  return Math.min(count, 3) + 1;
}

/** AMTS 9–10 → 1; 7–8 → 2; 5–6 → 3; 4 or less → 4. */
export function fallsCognitionScore(amts: number): number {
  return amts >= 9 ? 1 : amts >= 7 ? 2 : amts >= 5 ? 3 : 4;
}

/** Low 5–11, medium 12–15, high 16–20; automatically high after a recent change or with dizziness. */
export function fallsBand(score: number, automaticHigh: boolean): string {
  if (automaticHigh || score >= 16) return "high";
  return score >= 12 ? "medium" : "low";
}

export interface FallsInput {
  recentFalls: RecentFalls;
  medications: number;
  psychological: Psychological;
  amts: number;
  recentChange: boolean;
  dizziness: boolean;
}

export function scoreFalls(input: FallsInput): Scored {
  const itemScores = {
    recent_falls: FALLS_RECENT[input.recentFalls],
    medications: fallsMedicationScore(input.medications),
    psychological: FALLS_PSYCHOLOGICAL[input.psychological],
    cognitive_status: fallsCognitionScore(input.amts),
  };
  const score = Object.values(itemScores).reduce((a, b) => a + b, 0);
  const band = fallsBand(score, input.recentChange || input.dizziness);
  return { itemScores, score, band, highRisk: band === "high" };
}
