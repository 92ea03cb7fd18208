"""HTTP for a home's feedback settings."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Response

from carehub_kit.concurrency import ExpectedVersion, set_etag
from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.identity import Actor
from feedback_api.home_settings import service
from feedback_api.home_settings.schemas import HomeSettingRead, HomeSettingUpdate
from feedback_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/home-settings", tags=["home-settings"])


@router.get("/{home_id}", response_model=HomeSettingRead, responses=problem_responses(401, 403, 404))
async def get_home_setting(home_id: uuid.UUID, response: Response, session: DbSession,
                           actor: Annotated[Actor, allowed(Action.home_setting_read)]) -> HomeSettingRead:
    setting = await service.read(session, actor, home_id)
    set_etag(response, setting.version)
    return setting


@router.put("/{home_id}", response_model=HomeSettingRead,
            responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428))
async def put_home_setting(
    home_id: uuid.UUID, body: HomeSettingUpdate, expected: ExpectedVersion, response: Response,
    session: DbSession, actor: Annotated[Actor, allowed(Action.home_setting_manage)],
) -> HomeSettingRead:
    """Whether every staff member, not only managers, may give feedback in this home. A home
    never set has version 0: send `If-Match: "0"` the first time."""
    setting = await service.replace(session, actor, home_id, expected, body)
    set_etag(response, setting.version)
    return setting
