import { describe, expect, it } from "vitest";
import {
  EMPTY_FALLS,
  EMPTY_MUST,
  EMPTY_WATERLOW,
  formField,
  mustBmi,
  mustCreate,
  parseTenths,
  previewFalls,
  previewMust,
  previewWaterlow,
  validateMust,
  validateWaterlow,
  waterlowCreate,
  type WaterlowValues,
} from "./riskForm";

const common = { assessed_at: "2026-12-04T10:00:00.000Z", section_id: null, judgement: null };
const peggy = { sex: "female" as const, dateOfBirth: "1940-03-12" };

const filled: WaterlowValues = {
  ...EMPTY_WATERLOW,
  bmi: "18.9",
  skin: ["dry", "discoloured_grade_1"],
  weightLost: "yes",
  weightLossAmount: "5_to_10_kg",
  eatingPoorly: "yes",
  continence: "urine_incontinence",
  mobility: "restricted",
};

describe("risk form numbers", () => {
  it("reads numbers with at most one decimal place, in tenths", () => {
    expect(parseTenths("22.3")).toBe(223);
    expect(parseTenths(" 58 ")).toBe(580);
    expect(parseTenths("22.35")).toBeNull();
    expect(parseTenths("abc")).toBeNull();
  });
});

describe("Waterlow form", () => {
  it("previews the score as items are chosen, with sex and age from the record", () => {
    const empty = previewWaterlow(EMPTY_WATERLOW, peggy, "2026-12-04");
    // Female 2 + age 86 → 5: 7 before anything is chosen.
    expect(empty.scored.score).toBe(7);
    expect(empty.complete).toBe(false);
    const preview = previewWaterlow(filled, peggy, "2026-12-04");
    // build 3, skin 3, sex 2, age 5, nutrition 2+1, continence 1, mobility 3
    expect(preview.scored.score).toBe(20);
    expect(preview.scored.band).toBe("very_high_risk");
    expect(preview.complete).toBe(true);
  });

  it("asks for what is missing, and how much weight only when weight was lost", () => {
    expect(validateWaterlow(EMPTY_WATERLOW).map((e) => e.field)).toEqual(["bmi", "skin", "weight_lost_recently", "eating_poorly", "continence", "mobility"]);
    expect(validateWaterlow({ ...filled, weightLossAmount: "" }).map((e) => e.field)).toEqual(["weight_loss_amount"]);
    expect(validateWaterlow({ ...filled, bmi: "75" })[0]?.message).toBe("BMI must be between 10 and 70");
    expect(validateWaterlow({ ...filled, surgery: ["on_table_over_2h", "on_table_over_6h"] })[0]?.field).toBe("major_surgery_or_trauma");
  });

  it("sends the answers, not the score, with decimals as text", () => {
    const body = waterlowCreate({ ...filled, weightLost: "no", neuro: { paraplegia: 5 } }, common);
    expect(body.tool).toBe("waterlow");
    expect(body.items).toMatchObject({ bmi: "18.9", weight_loss_amount: null, eating_poorly: true, neurological_deficit: { paraplegia: 5 } });
  });
});

describe("MUST form", () => {
  it("works BMI out from weight and height, or takes the estimate", () => {
    expect(mustBmi({ ...EMPTY_MUST, weight: "58.4", heightMeasured: "yes", height: "162" })).toBe(223);
    expect(mustBmi({ ...EMPTY_MUST, weight: "58.4", heightMeasured: "no", bmi: "19.5" })).toBe(195);
    expect(mustBmi({ ...EMPTY_MUST, weight: "58.4" })).toBeNull();
  });

  it("previews the band: 10 % loss and a BMI of 19.5 is medium + medium = high", () => {
    const preview = previewMust({ weight: "54", heightMeasured: "no", height: "", bmi: "19.5", loss: "6", acutelyIll: false });
    expect(preview.scored.itemScores).toEqual({ bmi: 1, weight_loss: 1, acute_disease: 0 });
    expect(preview.scored.band).toBe("high");
    expect(preview.complete).toBe(true);
  });

  it("refuses a loss larger than the weight, and sends height or BMI, never both", () => {
    expect(validateMust({ weight: "50", heightMeasured: "yes", height: "160", bmi: "", loss: "60", acutelyIll: false }).map((e) => e.field)).toEqual(["unplanned_weight_loss_kg"]);
    const body = mustCreate({ weight: "50", heightMeasured: "yes", height: "160", bmi: "30", loss: "", acutelyIll: true }, common);
    expect(body.items).toEqual({ weight_kg: "50.0", height_cm: "160.0", bmi: null, unplanned_weight_loss_kg: "0.0", acutely_ill_no_intake_over_5_days: true });
  });
});

describe("Falls form", () => {
  it("previews low until dizziness makes it high", () => {
    const values = { ...EMPTY_FALLS, recentFalls: "none_in_12_months" as const, medications: "0", psychological: "not_affected" as const, amts: "10" };
    expect(previewFalls(values).scored).toMatchObject({ score: 5, band: "low" });
    expect(previewFalls({ ...values, dizziness: true }).scored.band).toBe("high");
    expect(previewFalls(values).complete).toBe(true);
    expect(previewFalls(EMPTY_FALLS).complete).toBe(false);
  });
});

describe("server errors", () => {
  it("land on the form's field whatever the union's prefix", () => {
    expect(formField("waterlow.items.bmi")).toBe("bmi");
    expect(formField("items.skin.0")).toBe("skin");
    expect(formField("assessed_at")).toBe("assessed_at");
  });
});

describe("saved item scores", () => {
  it("are listed in the order of the tool's card", async () => {
    const { orderedItems } = await import("./tools");
    expect(orderedItems("falls", { psychological: 2, cognitive_status: 2, recent_falls: 4, medications: 3 }).map(([k]) => k)).toEqual([
      "recent_falls",
      "medications",
      "psychological",
      "cognitive_status",
    ]);
  });
});
