// Every band boundary of the three tools, as the careplan-api's own scoring tests check them.
import { describe, expect, it } from "vitest";
import {
  fallsBand,
  fallsCognitionScore,
  fallsMedicationScore,
  mustBand,
  mustBmiScore,
  mustBmiTenths,
  mustWeightLossScore,
  scoreFalls,
  scoreMust,
  scoreWaterlow,
  waterlowAgeScore,
  waterlowBand,
  waterlowBmiScore,
  waterlowNutritionScore,
  type WaterlowInput,
} from "./scoring";

const lowWaterlow: WaterlowInput = {
  bmiTenths: 220,
  skin: ["healthy"],
  femaleOrUnknown: false,
  age: 40,
  weightLost: "no",
  weightLossAmount: null,
  eatingPoorly: false,
  continence: "complete_or_catheterised",
  mobility: "fully",
  tissue: [],
  neurological: [],
  surgery: [],
  medication: 0,
};

describe("Waterlow (Waterlow Score Card, 2005)", () => {
  it("scores build at the BMI boundaries 20, 25 and 30, at one decimal", () => {
    expect(waterlowBmiScore(199)).toBe(3);
    expect(waterlowBmiScore(200)).toBe(0);
    expect(waterlowBmiScore(249)).toBe(0);
    expect(waterlowBmiScore(250)).toBe(1);
    expect(waterlowBmiScore(299)).toBe(1);
    expect(waterlowBmiScore(300)).toBe(2);
  });

  it("scores age at 50, 65, 75, 80/81", () => {
    expect([49, 50, 64, 65, 74, 75, 80, 81].map(waterlowAgeScore)).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
  });

  it("scores the malnutrition screen by amount lost, unsure, and eating poorly", () => {
    expect(waterlowNutritionScore("no", null, false)).toBe(0);
    expect(waterlowNutritionScore("unsure", null, false)).toBe(2);
    expect(waterlowNutritionScore("yes", "0.5_to_5_kg", false)).toBe(1);
    expect(waterlowNutritionScore("yes", "over_15_kg", true)).toBe(5);
    expect(waterlowNutritionScore("yes", "unsure", false)).toBe(2);
  });

  it("bands below 10, 10-14, 15-19 and 20+", () => {
    expect([9, 10, 14, 15, 19, 20].map(waterlowBand)).toEqual(["not_at_risk", "at_risk", "at_risk", "high_risk", "high_risk", "very_high_risk"]);
  });

  it("adds every item, capping neurological deficit at 6 and medication at 4", () => {
    const result = scoreWaterlow({
      ...lowWaterlow,
      skin: ["dry", "tissue_paper", "dry"],
      femaleOrUnknown: true,
      age: 85,
      neurological: [4, 5],
      medication: 3,
      surgery: ["orthopaedic_spinal", "on_table_over_6h"],
      tissue: ["anaemia", "smoking"],
    });
    expect(result.itemScores).toMatchObject({ skin_type: 2, sex: 2, age: 5, neurological_deficit: 6, medication: 4, major_surgery_or_trauma: 13, tissue_malnutrition: 3 });
    expect(result.score).toBe(2 + 2 + 5 + 6 + 4 + 13 + 3);
    expect(result.band).toBe("very_high_risk");
    expect(result.highRisk).toBe(true);
  });

  it("moves band exactly at the totals 10, 15 and 20", () => {
    // Base: male 1 + age 40 → 1 = 2 points; mobility adds the rest.
    const at = (mobility: WaterlowInput["mobility"], extra: WaterlowInput["skin"]) => scoreWaterlow({ ...lowWaterlow, mobility, skin: extra });
    expect(at("chairbound", ["broken_spots_grade_2_4"]).score).toBe(10);
    expect(at("chairbound", ["broken_spots_grade_2_4"]).band).toBe("at_risk");
    expect(at("bedbound", ["broken_spots_grade_2_4"]).score).toBe(9);
    expect(at("bedbound", ["broken_spots_grade_2_4"]).band).toBe("not_at_risk");
    const high = scoreWaterlow({ ...lowWaterlow, mobility: "chairbound", skin: ["broken_spots_grade_2_4"], tissue: ["single_organ_failure"] });
    expect([high.score, high.band, high.highRisk]).toEqual([15, "high_risk", true]);
    const fourteen = scoreWaterlow({ ...lowWaterlow, mobility: "bedbound", skin: ["broken_spots_grade_2_4"], tissue: ["single_organ_failure"] });
    expect([fourteen.score, fourteen.band, fourteen.highRisk]).toEqual([14, "at_risk", false]);
    const twenty = scoreWaterlow({ ...lowWaterlow, mobility: "chairbound", skin: ["broken_spots_grade_2_4"], tissue: ["single_organ_failure", "peripheral_vascular_disease"] });
    expect([twenty.score, twenty.band]).toEqual([20, "very_high_risk"]);
    const nineteen = scoreWaterlow({ ...lowWaterlow, mobility: "bedbound", skin: ["broken_spots_grade_2_4"], tissue: ["single_organ_failure", "peripheral_vascular_disease"] });
    expect([nineteen.score, nineteen.band]).toEqual([19, "high_risk"]);
  });
});

describe("MUST (BAPEN, 2003, reviewed 2011)", () => {
  it("works BMI out at one decimal, halves rounded up", () => {
    expect(mustBmiTenths(584, 1620)).toBe(223); // 58.4 kg, 162 cm: 22.25... → 22.3
    expect(mustBmiTenths(500, 1000)).toBe(500);
    // 18.45 exactly (73.8 kg at 200 cm) rounds up to 18.5
    expect(mustBmiTenths(738, 2000)).toBe(185);
    expect(mustBmiTenths(737, 2000)).toBe(184);
  });

  it("scores BMI over 20, 18.5-20 and below 18.5", () => {
    expect([201, 200, 185, 184].map(mustBmiScore)).toEqual([0, 1, 1, 2]);
  });

  it("scores weight loss below 5 %, 5-10 % (both ends) and over 10 %", () => {
    // 95 kg now after losing 5 kg: exactly 5 % of 100 kg.
    expect(mustWeightLossScore(950, 49)).toBe(0);
    expect(mustWeightLossScore(950, 50)).toBe(1);
    // 90 kg now after losing 10 kg: exactly 10 %.
    expect(mustWeightLossScore(900, 100)).toBe(1);
    expect(mustWeightLossScore(900, 101)).toBe(2);
    expect(mustWeightLossScore(600, 0)).toBe(0);
  });

  it("bands 0 low, 1 medium, 2+ high", () => {
    expect([0, 1, 2, 6].map(mustBand)).toEqual(["low", "medium", "high", "high"]);
    expect(scoreMust({ bmiTenths: 223, weightTenthsKg: 584, lossTenthsKg: 0, acutelyIllNoIntake: false })).toMatchObject({ score: 0, band: "low", highRisk: false });
    expect(scoreMust({ bmiTenths: 190, weightTenthsKg: 584, lossTenthsKg: 0, acutelyIllNoIntake: false })).toMatchObject({ score: 1, band: "medium" });
    expect(scoreMust({ bmiTenths: 223, weightTenthsKg: 584, lossTenthsKg: 0, acutelyIllNoIntake: true })).toMatchObject({ score: 2, band: "high", highRisk: true });
  });
});

describe("Falls (FRAT part 1)", () => {
  it("scores medicines none 1 ... more than two 4", () => {
    expect([0, 1, 2, 3, 7].map(fallsMedicationScore)).toEqual([1, 2, 3, 4, 4]);
  });

  it("scores AMTS 9-10, 7-8, 5-6 and 4 or less", () => {
    expect([10, 9, 8, 7, 6, 5, 4, 0].map(fallsCognitionScore)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("bands low 5-11, medium 12-15, high 16-20", () => {
    expect([5, 11, 12, 15, 16, 20].map((n) => fallsBand(n, false))).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });

  it("is automatically high after a recent change or with dizziness", () => {
    const base = { recentFalls: "none_in_12_months", medications: 0, psychological: "not_affected", amts: 10, recentChange: false, dizziness: false } as const;
    expect(scoreFalls(base)).toMatchObject({ score: 5, band: "low", highRisk: false });
    expect(scoreFalls({ ...base, dizziness: true })).toMatchObject({ score: 5, band: "high", highRisk: true });
    expect(scoreFalls({ ...base, recentChange: true }).band).toBe("high");
    const eleven = scoreFalls({ ...base, recentFalls: "between_3_and_12_months", medications: 2, psychological: "mildly", amts: 8 });
    expect([eleven.score, eleven.band]).toEqual([11, "low"]);
    const twelve = scoreFalls({ ...base, recentFalls: "between_3_and_12_months", medications: 3, psychological: "mildly", amts: 8 });
    expect([twelve.score, twelve.band]).toEqual([12, "medium"]);
    const sixteen = scoreFalls({ ...base, recentFalls: "in_last_3_months_as_resident", medications: 3, psychological: "mildly", amts: 8 });
    expect([sixteen.score, sixteen.band]).toEqual([16, "high"]);
  });
});
