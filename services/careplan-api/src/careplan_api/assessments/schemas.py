"""Risk assessments in and out. The request carries the answers; the server scores them."""

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, Field, ValidationInfo, field_validator

from carehub_kit.pagination import Page
from careplan_api.assessments.models import Tool
from careplan_api.assessments.scoring import falls, waterlow
from careplan_api.fields import Input, Output, Text

# Ranges a living adult can have: anything outside is a typing slip, refused before scoring.
Bmi = Annotated[Decimal, Field(ge=10, le=70, max_digits=4, decimal_places=1,
                               description="kg/m², one decimal place (10.0-70.0).")]
Kg = Annotated[Decimal, Field(ge=20, le=300, max_digits=5, decimal_places=1)]


class WaterlowItems(Input):
    """Sex and age are taken from the resident's record."""

    bmi: Bmi
    skin: list[waterlow.Skin] = Field(min_length=1, max_length=7, description="Every skin type that applies.")
    weight_lost_recently: waterlow.WeightLost
    weight_loss_amount: waterlow.WeightLossAmount | None = Field(
        default=None, validate_default=True, description="Required when weight_lost_recently is yes.")
    eating_poorly: bool
    continence: waterlow.Continence
    mobility: waterlow.Mobility
    tissue_malnutrition: list[waterlow.TissueMalnutrition] = Field(default_factory=list, max_length=6)
    neurological_deficit: dict[waterlow.NeurologicalDeficit, Annotated[int, Field(ge=4, le=6)]] = Field(
        default_factory=dict, description="Each deficit graded 4-6 by the assessor; the category counts 6 at most.")
    major_surgery_or_trauma: list[waterlow.Surgery] = Field(default_factory=list, max_length=2)
    medication: list[waterlow.Medication] = Field(default_factory=list, max_length=3)

    @field_validator("weight_loss_amount")
    @classmethod
    def _amount_only_when_lost(cls, value: waterlow.WeightLossAmount | None,
                               info: ValidationInfo) -> waterlow.WeightLossAmount | None:
        lost = info.data.get("weight_lost_recently")
        if lost == waterlow.WeightLost.yes and value is None:
            raise ValueError("is required when weight was lost recently")
        if lost in (waterlow.WeightLost.no, waterlow.WeightLost.unsure) and value is not None:
            raise ValueError("is only for weight lost recently")
        return value

    @field_validator("major_surgery_or_trauma")
    @classmethod
    def _one_theatre_time(cls, value: list[waterlow.Surgery]) -> list[waterlow.Surgery]:
        if waterlow.EXCLUSIVE_SURGERY <= set(value):
            raise ValueError("on_table_over_2h and on_table_over_6h exclude each other: choose one")
        return value


class MustItems(Input):
    weight_kg: Kg
    height_cm: Decimal | None = Field(default=None, ge=100, le=230, max_digits=4, decimal_places=1)
    bmi: Bmi | None = Field(default=None, validate_default=True,
                            description="Only when height cannot be measured (e.g. estimated from ulna length); "
                                        "otherwise the server works BMI out from weight and height.")
    unplanned_weight_loss_kg: Decimal = Field(default=Decimal(0), ge=0, max_digits=5, decimal_places=1,
                                              description="Unplanned loss in the past 3-6 months.")
    acutely_ill_no_intake_over_5_days: bool = False

    @field_validator("bmi")
    @classmethod
    def _height_or_bmi(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        if (value is None) == (info.data.get("height_cm") is None) and "weight_kg" in info.data:
            raise ValueError("give either height_cm or bmi, not both and not neither")
        return value

    @field_validator("unplanned_weight_loss_kg")
    @classmethod
    def _loss_within_weight(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        weight = info.data.get("weight_kg")
        if weight is not None and value > weight:
            raise ValueError("cannot be larger than the body weight")
        return value


class FallsItems(Input):
    recent_falls: falls.RecentFalls
    medications: int = Field(ge=0, le=50, description="How many sedatives, antidepressants, anti-Parkinson's, "
                                                      "diuretics, antihypertensives or hypnotics are taken.")
    psychological: falls.Psychological
    amts: int = Field(ge=0, le=10, description="Abbreviated Mental Test Score (0-10).")
    recent_change_in_function_or_medication: bool = False
    dizziness_or_postural_hypotension: bool = False


class _AssessmentCreate(Input):
    assessed_at: AwareDatetime = Field(description="When it was done, with a UTC offset.")
    section_id: uuid.UUID | None = Field(default=None, description="The care plan section it informs.")
    judgement: Text | None = Field(default=None, description="The assessor's professional judgement.")


class WaterlowCreate(_AssessmentCreate):
    tool: Literal[Tool.waterlow]
    items: WaterlowItems


class MustCreate(_AssessmentCreate):
    tool: Literal[Tool.must]
    items: MustItems


class FallsCreate(_AssessmentCreate):
    tool: Literal[Tool.falls]
    items: FallsItems


AssessmentCreate = Annotated[WaterlowCreate | MustCreate | FallsCreate, Field(discriminator="tool")]


class AssessmentRead(Output):
    id: uuid.UUID
    resident_id: uuid.UUID
    tool: Tool
    assessed_at: datetime
    section_id: uuid.UUID | None
    items: dict[str, Any]
    item_scores: dict[str, int] = Field(description="Points each item scored.")
    score: int
    band: str
    high_risk: bool = Field(description="High or very high: the linked section's review is due now.")
    action: str = Field(description="What the published tool says to do for this band.")
    judgement: str | None
    assessor_name: str
    created_at: datetime


class AssessmentPage(Page[AssessmentRead]):
    """One page of a resident's risk assessments."""
