"""Care domains: the 12 standard sections of a care plan, plus any a home defines for itself."""

STANDARD_DOMAINS: dict[str, str] = {
    "personal_care": "Personal care",
    "mobility_and_falls": "Mobility and falls",
    "moving_and_handling": "Moving and handling",
    "nutrition_and_hydration": "Nutrition and hydration",
    "skin_integrity": "Skin integrity",
    "continence": "Continence",
    "medication_support": "Medication support",
    "communication": "Communication",
    "cognition_and_mental_health": "Cognition and mental health",
    "sleep": "Sleep",
    "social_and_spiritual_life": "Social and spiritual life",
    "end_of_life_wishes": "End-of-life wishes",
}

DOMAIN_CODE_PATTERN = r"^[a-z][a-z0-9_]{1,39}$"
