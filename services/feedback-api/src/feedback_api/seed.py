"""Demo data for `carehub run` on a fresh database: feedback, actions, surveys and workforce
returns for the demo homes. Small and deterministic (dates are relative to today).

The gateway's seed calls `seed_demo(session, actor, home_ids)` after the assets part, with
the home ids that part recorded.
"""

import os
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.identity import Actor
from feedback_api.actions import service as actions
from feedback_api.actions.models import ActionStatus
from feedback_api.actions.schemas import ActionCreate, ActionUpdate
from feedback_api.common import add_months, month_start
from feedback_api.home_settings import service as home_settings
from feedback_api.home_settings.schemas import HomeSettingUpdate
from feedback_api.items import service as items
from feedback_api.items.models import FeedbackItem, Importance, Kind
from feedback_api.items.schemas import ItemCreate
from feedback_api.settings import DEV_RECEIPT_SECRET
from feedback_api.surveys import service as surveys
from feedback_api.surveys.models import QuestionKind, Survey
from feedback_api.surveys.schemas import AnswerIn, QuestionCreate, ResponseCreate, SurveyCreate
from feedback_api.workforce import service as workforce
from feedback_api.workforce.models import StaffRole
from feedback_api.workforce.schemas import ReturnCreate, RoleLine


def _theme(code: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"carehub:theme:{code}")


# (home index, theme, kind, importance, anonymous, summary, days ago)
ITEMS = [
    (0, "staffing", Kind.not_working, Importance.high, False, "Night shifts are often two carers short", 70),
    (0, "equipment_and_estate", Kind.not_working, Importance.critical, False,
     "The ceiling hoist in the east wing keeps failing its checks", 60),
    (0, "wellbeing", Kind.idea, Importance.medium, True, "A quiet room for staff breaks would help", 40),
    (1, "digital_and_care_planning", Kind.not_working, Importance.high, False,
     "Care plan updates take too long on the old tablets", 55),
    (1, "training", Kind.working, Importance.medium, False, "The new dementia training has made a real difference",
     30),
    (1, "management_support", Kind.not_working, Importance.high, True,
     "Managers rarely get time for supervision with their deputies", 20),
    (2, "recruitment", Kind.idea, Importance.medium, False, "Offer a refer-a-friend bonus for new carers", 45),
    (2, "care_practice", Kind.working, Importance.low, False, "Residents love the new mealtime routine", 12),
    (3, "staffing", Kind.not_working, Importance.critical, False,
     "Agency staff do not know the residents well enough", 25),
    (3, "equipment_and_estate", Kind.idea, Importance.medium, False, "Raised beds in the garden for residents", 8),
]


async def _items(session: AsyncSession, home_ids: list[uuid.UUID], secret: str) -> list[uuid.UUID]:
    created = []
    for n, (home, theme, kind, importance, anonymous, summary, days_ago) in enumerate(ITEMS):
        home_id = home_ids[home % len(home_ids)]
        manager = Actor(sub=f"demo-manager-{home}-{n}", name=f"Demo manager {home + 1}", roles=("home_manager",),
                        homes=(str(home_id),))
        done = await items.submit(session, manager, ItemCreate(
            home_id=home_id, theme_id=_theme(theme), kind=kind, importance=importance, summary=summary,
            anonymous=anonymous), secret=secret, idempotency_key=None)
        if not anonymous:  # spread the named ones over the last few months, for trends
            raised = date.today() - timedelta(days=days_ago)
            await session.execute(update(FeedbackItem).where(FeedbackItem.id == done.item.id).values(
                raised_on=raised, created_at=datetime.combine(raised, datetime.min.time(), UTC)))
        created.append(done.item.id)
    return created


async def _actions(session: AsyncSession, actor: Actor, home_ids: list[uuid.UUID], item_ids: list[uuid.UUID]) -> None:
    today = date.today()
    plans = [
        (0, "Recruit two night carers", "Divisional manager (north)", 80, 20, [0], ActionStatus.in_progress, None),
        (0, "Replace the east wing ceiling hoist", "Estates team", 58, -5, [1], ActionStatus.agreed, None),
        (1, "Move care planning to the new tablets", "Digital lead", 50, 40, [3], ActionStatus.done,
         "All staff now update care plans on the new tablets; updates take minutes, not hours."),
        (2, "Refer-a-friend bonus for carers", "HR business partner", 40, 30, [6], ActionStatus.not_doing,
         "Council pay rules do not allow individual bonuses; we are running open days instead."),
        (3, "Agency induction pack for each home", "Home manager", 20, -2, [8], ActionStatus.proposed, None),
    ]
    for home, title, owner, raised_ago, due_in, linked, status, note in plans:
        action, _ = await actions.create(session, actor, ActionCreate(
            title=title, home_id=home_ids[home % len(home_ids)], owner=owner,
            raised_on=today - timedelta(days=raised_ago), due_date=today + timedelta(days=due_in),
            item_ids=[item_ids[i] for i in linked]))
        for step in _path_to(status):
            extra = {"outcome": note} if step == ActionStatus.done else {"not_doing_reason": note} \
                if step == ActionStatus.not_doing else {}
            action, _ = await actions.update(session, actor, action.id, action.version,
                                             ActionUpdate(status=step, **extra))


def _path_to(status: ActionStatus) -> list[ActionStatus]:
    path = [ActionStatus.agreed, ActionStatus.in_progress, ActionStatus.done]
    if status == ActionStatus.not_doing:
        return [ActionStatus.not_doing]
    return path[:path.index(status) + 1] if status in path else []


QUESTIONS = [
    QuestionCreate(kind=QuestionKind.recommend, text="How likely are you to recommend this home as a place to work?"),
    QuestionCreate(kind=QuestionKind.likert, text="I get the support I need from my manager."),
    QuestionCreate(kind=QuestionKind.single_choice, text="Which shift do you mostly work?",
                   options=["Days", "Nights", "Both"]),
    QuestionCreate(kind=QuestionKind.free_text, text="What one thing would make your job better?", required=False),
]
COMMENTS = ["More time with residents", "Fewer agency shifts", "Better tablets", "A proper break room",
            "Regular supervision", "Clearer rotas"]


async def _surveys(session: AsyncSession, actor: Actor, home_ids: list[uuid.UUID], secret: str) -> None:
    now = datetime.now(UTC)
    survey, questions = await surveys.create(session, actor, SurveyCreate(
        title="Autumn pulse", opens_at=now - timedelta(days=40), closes_at=now + timedelta(days=1),
        questions=QUESTIONS))
    for h, home_id in enumerate(home_ids):
        for n in range(6):
            person = Actor(sub=f"demo-carer-{h}-{n}", name="Demo carer", roles=("care_worker",),
                           homes=(str(home_id),))
            scores = (10 - (n + h) % 6, 2 + (n + h) % 4)
            response = ResponseCreate(answers=[
                AnswerIn(question_id=questions[0].id, score=scores[0]),
                AnswerIn(question_id=questions[1].id, score=scores[1]),
                AnswerIn(question_id=questions[2].id, choice=["Days", "Nights", "Both"][n % 3]),
                AnswerIn(question_id=questions[3].id, comment=COMMENTS[(n + h) % len(COMMENTS)]),
            ])
            await surveys.respond(session, person, survey.id, response, secret=secret, idempotency_key=None)
    # Closed ten days ago, so its results show in the demo.
    await session.execute(update(Survey).where(Survey.id == survey.id).values(closes_at=now - timedelta(days=10)))
    await surveys.create(session, actor, SurveyCreate(
        title="Winter pulse", opens_at=now - timedelta(days=2), closes_at=now + timedelta(days=19),
        questions=QUESTIONS))


async def _returns(session: AsyncSession, actor: Actor, home_ids: list[uuid.UUID]) -> None:
    last = add_months(month_start(date.today()), -1)
    for h, home_id in enumerate(home_ids):
        for m in range(18):
            month = add_months(last, m - 17)
            carers = 28 + h * 3 + m % 3
            leavers = (m + h) % 3
            await workforce.create(session, actor, ReturnCreate(
                home_id=home_id, month=month, roles=[
                    RoleLine(role=StaffRole.care_worker, headcount=carers, fte=Decimal(carers) * Decimal("0.8"),
                             vacancies=Decimal(2 + (h + m) % 3)),
                    RoleLine(role=StaffRole.senior_carer, headcount=6, fte=Decimal("5.6"), vacancies=Decimal(0)),
                    RoleLine(role=StaffRole.nurse, headcount=4 + h % 2, fte=Decimal("4.0"),
                             vacancies=Decimal(m % 2)),
                    RoleLine(role=StaffRole.home_manager, headcount=1, fte=Decimal(1), vacancies=Decimal(0)),
                    RoleLine(role=StaffRole.ancillary, headcount=8, fte=Decimal("6.0"), vacancies=Decimal(1)),
                ],
                starters=leavers + (m % 2), leavers_voluntary=leavers, leavers_involuntary=1 if m % 7 == 0 else 0,
                first_year_leavers=1 if leavers and m % 2 == 0 else 0, sickness_days=Decimal(25 + (m * 7 + h) % 20),
                staff_hours=Decimal(carers * 130 + 2400), agency_hours=Decimal(150 + h * 120 + (m % 4) * 40),
                agency_spend=Decimal(150 + h * 120 + (m % 4) * 40) * Decimal("26.50"),
                level2_qualified=carers // 2 + 10))


async def seed_demo(session: AsyncSession, actor: Actor, home_ids: list[uuid.UUID]) -> None:
    """Feedback, actions, surveys and 18 months of workforce returns for `home_ids`."""
    if not home_ids:
        return
    # The seed's system actor has no roles of its own; it acts with an admin's reach.
    actor = replace(actor, roles=actor.roles or ("admin",))
    secret = os.environ.get("FEEDBACK_RECEIPT_SECRET", DEV_RECEIPT_SECRET)
    await home_settings.replace(session, actor, home_ids[0], 0, HomeSettingUpdate(all_staff_may_submit=True))
    item_ids = await _items(session, home_ids, secret)
    await _actions(session, actor, home_ids, item_ids)
    await _surveys(session, actor, home_ids, secret)
    await _returns(session, actor, home_ids)
