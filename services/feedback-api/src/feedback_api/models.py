"""Every table of the schema, imported once so Alembic and the mappers see them all."""

from feedback_api.actions.models import ActionItem, FeedbackAction
from feedback_api.home_settings.models import HomeSetting
from feedback_api.items.models import FeedbackContributor, FeedbackItem, FeedbackMessage
from feedback_api.surveys.models import Survey, SurveyAnswer, SurveyQuestion, SurveyReceipt, SurveyResponse
from feedback_api.themes.models import Theme
from feedback_api.workforce.models import Benchmark, WorkforceReturn, WorkforceRoleLine

__all__ = ["ActionItem", "Benchmark", "FeedbackAction", "FeedbackContributor", "FeedbackItem", "FeedbackMessage",
           "HomeSetting", "Survey", "SurveyAnswer", "SurveyQuestion", "SurveyReceipt", "SurveyResponse", "Theme",
           "WorkforceReturn", "WorkforceRoleLine"]
