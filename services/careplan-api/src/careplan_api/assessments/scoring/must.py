"""'MUST' (Malnutrition Universal Screening Tool) — BAPEN, Malnutrition Advisory Group, 2003,
reviewed 2011 ("'MUST' explanatory booklet"; www.bapen.org.uk).

- 1 BMI (kg/m², one decimal): over 20 (over 30 obese): 0; 18.5–20.0: 1; below 18.5: 2
- 2 Unplanned weight loss in the past 3–6 months, as % of the weight then: below 5 %: 0; 5–10 %: 1; over 10 %:
  2
- 3 Acute disease effect: acutely ill and no (or likely no) nutritional intake for more than 5 days: 2

Overall risk: 0 low, 1 medium, 2 or more high. The care-home management for each band is the
booklet's (`ACTIONS`). Weight loss is compared as an exact fraction of the earlier weight
(present weight + loss), so exactly 5 % scores 1 and exactly 10 % scores 1.
"""

from decimal import ROUND_HALF_UP, Decimal

from careplan_api.assessments.scoring import Result

ACTIONS = {
    "low": "Routine clinical care: repeat screening monthly in care homes.",
    "medium": "Observe: document dietary intake for 3 days. If adequate, little concern: repeat screening "
              "monthly. If inadequate, clinical concern: follow local policy, set goals, improve and increase "
              "overall nutritional intake, monitor and review the care plan regularly.",
    "high": "Treat (unless detrimental or no benefit expected, e.g. imminent death): refer to a dietitian, "
            "nutritional support team or implement local policy; set goals, improve and increase overall "
            "nutritional intake; monitor and review the care plan monthly in care homes.",
}


def bmi_of(weight_kg: Decimal, height_cm: Decimal) -> Decimal:
    metres = height_cm / 100
    return (weight_kg / (metres * metres)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def bmi_score(bmi: Decimal) -> int:
    value = bmi.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return 0 if value > 20 else 1 if value >= Decimal("18.5") else 2


def weight_loss_score(weight_kg: Decimal, loss_kg: Decimal) -> int:
    share = loss_kg / (weight_kg + loss_kg)  # of the weight 3-6 months ago
    return 0 if share < Decimal("0.05") else 1 if share <= Decimal("0.10") else 2


def band(score: int) -> str:
    return "low" if score == 0 else "medium" if score == 1 else "high"


def score(*, bmi: Decimal, weight_kg: Decimal, weight_loss_kg: Decimal, acutely_ill_no_intake: bool) -> Result:
    items = {"bmi": bmi_score(bmi), "weight_loss": weight_loss_score(weight_kg, weight_loss_kg),
             "acute_disease": 2 if acutely_ill_no_intake else 0}
    total = sum(items.values())
    named = band(total)
    return Result(items, total, named, named == "high", ACTIONS[named])
