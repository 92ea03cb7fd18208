"""Response rates per home: responses over the staff in the survey's audience roles, taken
from each home's latest workforce return up to the month the survey closes."""

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from feedback_api.common import month_start
from feedback_api.surveys import repository
from feedback_api.surveys.models import Survey
from feedback_api.surveys.schemas import HomeResponseRate, ResponseRates
from feedback_api.workforce import repository as workforce


async def response_rates(session: AsyncSession, survey: Survey,
                         visible: frozenset[uuid.UUID] | None) -> ResponseRates:
    responses = await repository.respondents_by_home(session, survey.id)
    eligible = await workforce.latest_headcounts(session, month_start(survey.closes_at.date()), survey.roles)
    homes = set(survey.home_ids) or set(responses) | set(eligible)
    if visible is not None:
        homes &= visible
    rows = []
    for home in sorted(homes, key=str):
        n, staff = responses.get(home, 0), eligible.get(home)
        rate = round(100 * n / staff, 1) if staff else None
        rows.append(HomeResponseRate(home_id=home, responses=n, eligible=staff, rate=rate))
    return ResponseRates(survey_id=survey.id, homes=rows)
