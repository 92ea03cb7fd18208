import uuid

from feedback_api.base import Input, Output


class HomeSettingUpdate(Input):
    all_staff_may_submit: bool


class HomeSettingRead(Output):
    home_id: uuid.UUID
    all_staff_may_submit: bool
    version: int
