"""Falls — FRAT (Falls Risk Assessment Tool) part 1, Peninsula Health Falls Prevention Service
(Victoria, 1999), validated in residential care by Nandy S. et al., "Development and preliminary
examination of the predictive validity of the Falls Risk Assessment Tool (FRAT) for use in
primary care", *Journal of Public Health* 26(2):138-43, 2004.

- Recent falls: none in the last 12 months 2; one or more between 3 and 12 months ago 4; one or more in the
  last 3 months 6; one or more in the last 3 months while a resident 8
- Medications (sedatives, antidepressants, anti-Parkinson's, diuretics, antihypertensives, hypnotics): none 1;
  one 2; two 3; more than two 4
- Psychological (anxiety, depression, reduced cooperation, insight or judgement, especially about mobility):
  none apparent 1; mildly affected 2; moderately 3; severely 4
- Cognitive status (AMTS, Hodkinson): 9–10 (intact) 1; 7–8 mildly impaired 2; 5–6 moderately 3; 4 or less
  severely 4

Total 5–20: low 5–11, medium 12–15, high 16–20. **Automatically high** when there has been a
recent change in functional status and/or in medications affecting safe mobility (or one is
anticipated), or dizziness / postural hypotension.

Care Hub presents the result as what it is in the FRAT: a prompt for a multifactorial falls
assessment and the care it leads to, **not a prediction** that this person will or will not fall.
"""

import enum

from careplan_api.assessments.scoring import Result


class RecentFalls(enum.StrEnum):
    none_in_12_months = "none_in_12_months"
    between_3_and_12_months = "between_3_and_12_months"
    in_last_3_months = "in_last_3_months"
    in_last_3_months_as_resident = "in_last_3_months_as_resident"


class Psychological(enum.StrEnum):
    not_affected = "not_affected"
    mildly = "mildly"
    moderately = "moderately"
    severely = "severely"


FALLS = {RecentFalls.none_in_12_months: 2, RecentFalls.between_3_and_12_months: 4,
         RecentFalls.in_last_3_months: 6, RecentFalls.in_last_3_months_as_resident: 8}
PSYCHOLOGICAL = {Psychological.not_affected: 1, Psychological.mildly: 2, Psychological.moderately: 3,
                 Psychological.severely: 4}
PROMPT = ("This score does not predict whether {who} will fall. It prompts a multifactorial falls assessment "
          "(history, medication review, vision, continence, feet and footwear, environment, "
          "strength and balance) and the interventions it leads to.")
ACTIONS = {
    "low": "Low: " + PROMPT.format(who="the resident") + " Keep usual falls precautions; reassess after any fall.",
    "medium": "Medium: " + PROMPT.format(who="the resident") + " Complete it and add the interventions to the "
              "mobility and falls section.",
    "high": "High: " + PROMPT.format(who="the resident") + " Complete it now and review the mobility and falls "
            "section of the care plan.",
}


def medication_score(count: int) -> int:
    return min(count, 3) + 1


def cognition_score(amts: int) -> int:
    return 1 if amts >= 9 else 2 if amts >= 7 else 3 if amts >= 5 else 4


def band(score: int, automatic_high: bool) -> str:
    if automatic_high or score >= 16:
        return "high"
    return "medium" if score >= 12 else "low"


def score(*, recent_falls: RecentFalls, medications: int, psychological: Psychological, amts: int,
          recent_change: bool, dizziness: bool) -> Result:
    items = {"recent_falls": FALLS[recent_falls], "medications": medication_score(medications),
             "psychological": PSYCHOLOGICAL[psychological], "cognitive_status": cognition_score(amts)}
    total = sum(items.values())
    named = band(total, recent_change or dizziness)
    return Result(items, total, named, named == "high", ACTIONS[named])
