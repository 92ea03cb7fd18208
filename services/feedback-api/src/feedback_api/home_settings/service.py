"""A home's feedback settings. A home with no row has the defaults (version 0): only
managers give feedback there."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carehub_kit.concurrency import check_version
from carehub_kit.identity import Actor
from feedback_api.common import require_home
from feedback_api.db import audit
from feedback_api.home_settings.models import HomeSetting
from feedback_api.home_settings.schemas import HomeSettingRead, HomeSettingUpdate

ENTITY = "home_setting"


async def read(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> HomeSettingRead:
    require_home(actor, home_id)
    row = await session.get(HomeSetting, home_id)
    if row is None:
        return HomeSettingRead(home_id=home_id, all_staff_may_submit=False, version=0)
    return HomeSettingRead.model_validate(row)


async def all_staff_may_submit(session: AsyncSession, home_id: uuid.UUID) -> bool:
    allowed = await session.scalar(select(HomeSetting.all_staff_may_submit).where(HomeSetting.home_id == home_id))
    return bool(allowed)


async def replace(session: AsyncSession, actor: Actor, home_id: uuid.UUID, expected: int,
                  data: HomeSettingUpdate) -> HomeSettingRead:
    require_home(actor, home_id)
    row = await session.scalar(select(HomeSetting).where(HomeSetting.home_id == home_id).with_for_update())
    check_version(row.version if row else 0, expected)
    if row is None:
        # Two first writes racing both see version 0: the loser's INSERT hits the key (409).
        row = HomeSetting(home_id=home_id, all_staff_may_submit=data.all_staff_may_submit)
        session.add(row)
    else:
        row.all_staff_may_submit = data.all_staff_may_submit
    await session.flush()
    await audit.record(session, actor, "update", ENTITY, home_id, home_id=home_id,
                       details={"fields": ["all_staff_may_submit"]})
    return HomeSettingRead.model_validate(row)
