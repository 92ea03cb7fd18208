"""The feedback-api permission matrix: which roles may do what. Home scoping is applied on top
by the queries: outside the org-wide roles (divisional manager, estates officer, admin) people
see only their own homes, and another home's record is a 404.

Defaults, and why:
- Home and department managers (home_manager, estates_officer) give feedback; other staff
  (care_worker, senior_carer, nurse) too, but only in homes whose setting allows it.
- Home managers read their own homes' items and actions and answer in the conversation;
  divisional managers triage everything, run the actions and the surveys; admins do all that
  and look after the themes and the national benchmarks.
- Integrators read aggregates only: the board, survey results, workforce indicators, reports.
"""

import enum
from typing import Any

from fastapi import Depends

from carehub_kit.auth import ALL_ROLES, Permissions, Role


class Action(enum.StrEnum):
    theme_read = "theme.read"
    theme_manage = "theme.manage"
    home_setting_read = "home_setting.read"
    home_setting_manage = "home_setting.manage"
    item_submit = "item.submit"
    item_read_own = "item.read_own"
    item_read = "item.read"
    item_reply = "item.reply"
    item_triage = "item.triage"
    conversation_use = "conversation.use"
    action_read = "action.read"
    action_manage = "action.manage"
    board_read = "board.read"
    survey_read = "survey.read"
    survey_respond = "survey.respond"
    survey_manage = "survey.manage"
    survey_results = "survey.results"
    workforce_read = "workforce.read"
    workforce_submit = "workforce.submit"
    workforce_indicators = "workforce.indicators"
    benchmark_read = "benchmark.read"
    benchmark_manage = "benchmark.manage"
    report_read = "report.read"


# Front-line staff: they give feedback where their home allows it, and answer surveys.
STAFF = frozenset({Role.care_worker, Role.senior_carer, Role.nurse})
# Home and department managers (an estates officer manages a department).
MANAGERS = frozenset({Role.home_manager, Role.estates_officer})
TRIAGE = frozenset({Role.divisional_manager, Role.admin})
PEOPLE = STAFF | MANAGERS | TRIAGE  # everyone but integrators (machine clients)
HOME_LEADS = TRIAGE | {Role.home_manager}
AGGREGATES = HOME_LEADS | {Role.integrator}
ADMIN = frozenset({Role.admin})

MATRIX = Permissions[Action]({
    Action.theme_read: ALL_ROLES,
    Action.theme_manage: ADMIN,
    Action.home_setting_read: ALL_ROLES,
    Action.home_setting_manage: HOME_LEADS,
    Action.item_submit: PEOPLE,
    Action.item_read_own: PEOPLE,
    Action.item_read: HOME_LEADS,
    Action.item_reply: HOME_LEADS,
    Action.item_triage: TRIAGE,
    Action.conversation_use: PEOPLE,
    Action.action_read: HOME_LEADS,
    Action.action_manage: TRIAGE,
    Action.board_read: ALL_ROLES,
    Action.survey_read: PEOPLE,
    Action.survey_respond: PEOPLE,
    Action.survey_manage: TRIAGE,
    Action.survey_results: AGGREGATES,
    Action.workforce_read: HOME_LEADS,
    Action.workforce_submit: HOME_LEADS,
    Action.workforce_indicators: AGGREGATES,
    Action.benchmark_read: ALL_ROLES,
    Action.benchmark_manage: ADMIN,
    Action.report_read: AGGREGATES,
})

# Roles that may submit in any home they work in; STAFF need the home's permission.
SUBMIT_WITHOUT_HOME_PERMISSION = MANAGERS | TRIAGE


def allowed(action: Action) -> Any:
    """`actor: Annotated[Actor, allowed(Action.item_submit)]`: 403 unless the role may do it."""
    return Depends(MATRIX.require(action))
