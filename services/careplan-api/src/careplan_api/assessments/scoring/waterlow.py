"""Waterlow pressure ulcer risk — Waterlow J., *Waterlow Score Card*, 2005 revision
(www.judy-waterlow.co.uk). "Ring scores in table, add total; more than one score per category
can be used."

- Build / weight for height (BMI): 20–24.9 average 0; 25–29.9 above average 1; 30 and over obese 2; below 20
  below average 3
- Skin type, visual risk areas (each that applies): healthy 0; tissue paper 1; dry 1; oedematous 1; clammy,
  pyrexia 1; discoloured (grade 1) 2; broken / spots (grade 2–4) 3
- Sex: male 1; female 2 (other or unknown sex scored 2, so the risk is not understated)
- Age: 14–49 1; 50–64 2; 65–74 3; 75–80 4; 81+ 5
- Malnutrition screening (MST): lost weight recently? yes → weight lost 0.5–5 kg 1, 5–10 kg 2, 10–15 kg 3,
  over 15 kg 4, unsure 2; no → 0; unsure → 2; plus eating poorly / lack of appetite 1
- Continence: complete / catheterised 0; urine incontinence 1; faecal incontinence 2; urinary and faecal 3
- Mobility: fully 0; restless / fidgety 1; apathetic 2; restricted 3; bedbound (e.g. traction) 4; chairbound
  (e.g. wheelchair) 5
- Special risk: tissue malnutrition (each): terminal cachexia 8; multiple organ failure 8; single organ
  failure (respiratory, renal, cardiac) 5; peripheral vascular disease 5; anaemia (Hb < 8) 2; smoking 1
- Special risk: neurological deficit: diabetes, MS, CVA 4–6; motor / sensory 4–6; paraplegia 4–6 (the assessor
  grades each 4–6); category **maximum 6**
- Special risk: major surgery or trauma: orthopaedic / spinal 5; on table over 2 h 5; on table over 6 h 8 (the
  two theatre-time items exclude each other)
- Special risk: medication: cytotoxics, long-term / high-dose steroids, anti-inflammatory: category **maximum
  4** (4 when any applies)

Bands: below 10 not at risk; 10–14 at risk; 15–19 high risk; 20 and over very high risk.
BMI is compared at one decimal place, as the card's bands are written.
"""

import enum
from decimal import ROUND_HALF_UP, Decimal

from careplan_api.assessments.scoring import Result


class Skin(enum.StrEnum):
    healthy = "healthy"
    tissue_paper = "tissue_paper"
    dry = "dry"
    oedematous = "oedematous"
    clammy_pyrexia = "clammy_pyrexia"
    discoloured_grade_1 = "discoloured_grade_1"
    broken_spots_grade_2_4 = "broken_spots_grade_2_4"


class Continence(enum.StrEnum):
    complete_or_catheterised = "complete_or_catheterised"
    urine_incontinence = "urine_incontinence"
    faecal_incontinence = "faecal_incontinence"
    urinary_and_faecal = "urinary_and_faecal"


class Mobility(enum.StrEnum):
    fully = "fully"
    restless_fidgety = "restless_fidgety"
    apathetic = "apathetic"
    restricted = "restricted"
    bedbound = "bedbound"
    chairbound = "chairbound"


class WeightLost(enum.StrEnum):
    yes = "yes"
    no = "no"
    unsure = "unsure"


class WeightLossAmount(enum.StrEnum):
    kg_0_5_to_5 = "0.5_to_5_kg"
    kg_5_to_10 = "5_to_10_kg"
    kg_10_to_15 = "10_to_15_kg"
    over_15_kg = "over_15_kg"
    unsure = "unsure"


class TissueMalnutrition(enum.StrEnum):
    terminal_cachexia = "terminal_cachexia"
    multiple_organ_failure = "multiple_organ_failure"
    single_organ_failure = "single_organ_failure"
    peripheral_vascular_disease = "peripheral_vascular_disease"
    anaemia = "anaemia"
    smoking = "smoking"


class NeurologicalDeficit(enum.StrEnum):
    diabetes_ms_cva = "diabetes_ms_cva"
    motor_sensory = "motor_sensory"
    paraplegia = "paraplegia"


class Surgery(enum.StrEnum):
    orthopaedic_spinal = "orthopaedic_spinal"
    on_table_over_2h = "on_table_over_2h"
    on_table_over_6h = "on_table_over_6h"


class Medication(enum.StrEnum):
    cytotoxics = "cytotoxics"
    long_term_high_dose_steroids = "long_term_high_dose_steroids"
    anti_inflammatory = "anti_inflammatory"


SKIN = {Skin.healthy: 0, Skin.tissue_paper: 1, Skin.dry: 1, Skin.oedematous: 1, Skin.clammy_pyrexia: 1,
        Skin.discoloured_grade_1: 2, Skin.broken_spots_grade_2_4: 3}
CONTINENCE = {Continence.complete_or_catheterised: 0, Continence.urine_incontinence: 1,
              Continence.faecal_incontinence: 2, Continence.urinary_and_faecal: 3}
MOBILITY = {Mobility.fully: 0, Mobility.restless_fidgety: 1, Mobility.apathetic: 2, Mobility.restricted: 3,
            Mobility.bedbound: 4, Mobility.chairbound: 5}
WEIGHT_LOSS = {WeightLossAmount.kg_0_5_to_5: 1, WeightLossAmount.kg_5_to_10: 2, WeightLossAmount.kg_10_to_15: 3,
               WeightLossAmount.over_15_kg: 4, WeightLossAmount.unsure: 2}
TISSUE = {TissueMalnutrition.terminal_cachexia: 8, TissueMalnutrition.multiple_organ_failure: 8,
          TissueMalnutrition.single_organ_failure: 5, TissueMalnutrition.peripheral_vascular_disease: 5,
          TissueMalnutrition.anaemia: 2, TissueMalnutrition.smoking: 1}
SURGERY = {Surgery.orthopaedic_spinal: 5, Surgery.on_table_over_2h: 5, Surgery.on_table_over_6h: 8}
EXCLUSIVE_SURGERY = frozenset({Surgery.on_table_over_2h, Surgery.on_table_over_6h})
NEUROLOGICAL_MAX, MEDICATION_MAX = 6, 4

ACTIONS = {
    "not_at_risk": "Not at risk: reassess weekly and whenever the resident's condition changes.",
    "at_risk": "At risk: pressure-relieving mattress and cushion, a repositioning plan, daily skin checks.",
    "high_risk": "High risk: as 'at risk', plus an alternating-pressure mattress, repositioning at least "
                 "every 2-4 hours recorded, and a referral to the tissue viability nurse if skin is damaged.",
    "very_high_risk": "Very high risk: as 'high risk', with a dynamic mattress, a tissue viability referral and "
                      "a review of the skin integrity section of the care plan now.",
}


def bmi_score(bmi: Decimal) -> int:
    value = bmi.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if value < 20:
        return 3
    if value < 25:
        return 0
    return 1 if value < 30 else 2


def age_score(age: int) -> int:
    return 1 if age < 50 else 2 if age < 65 else 3 if age < 75 else 4 if age <= 80 else 5


def nutrition_score(lost: WeightLost, amount: WeightLossAmount | None, eating_poorly: bool) -> int:
    if lost is WeightLost.yes and amount is not None:
        weight = WEIGHT_LOSS[amount]
    else:
        weight = 2 if lost is WeightLost.unsure else 0
    return weight + int(eating_poorly)


def band(score: int) -> str:
    return "not_at_risk" if score < 10 else "at_risk" if score < 15 else "high_risk" if score < 20 else "very_high_risk"


def score(*, bmi: Decimal, skin: list[Skin], female_or_unknown: bool, age: int, weight_lost: WeightLost,
          weight_loss_amount: WeightLossAmount | None, eating_poorly: bool, continence: Continence,
          mobility: Mobility, tissue_malnutrition: list[TissueMalnutrition], neurological_deficit: dict[str, int],
          surgery: list[Surgery], medication: list[Medication]) -> Result:
    items = {
        "build_bmi": bmi_score(bmi),
        "skin_type": sum(SKIN[s] for s in set(skin)),
        "sex": 2 if female_or_unknown else 1,
        "age": age_score(age),
        "malnutrition_screen": nutrition_score(weight_lost, weight_loss_amount, eating_poorly),
        "continence": CONTINENCE[continence],
        "mobility": MOBILITY[mobility],
        "tissue_malnutrition": sum(TISSUE[t] for t in set(tissue_malnutrition)),
        "neurological_deficit": min(NEUROLOGICAL_MAX, sum(neurological_deficit.values())),
        "major_surgery_or_trauma": sum(SURGERY[s] for s in set(surgery)),
        "medication": MEDICATION_MAX if medication else 0,
    }
    total = sum(items.values())
    named = band(total)
    return Result(items, total, named, named in ("high_risk", "very_high_risk"), ACTIONS[named])
