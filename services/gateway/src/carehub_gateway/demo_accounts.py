"""One demo account per role, for a demo database only: `carehub run` adds them with the rest of
the demo data set, never to a database it did not seed. The password is in the README."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from carehub_gateway import accounts
from carehub_gateway.passwords import Passwords
from carehub_kit.auth import Role
from carehub_kit.identity import Actor

DEMO_PASSWORD = "carehub-demo-2026"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    name: str
    role: Role
    homes: int  # how many of the demo homes (the first ones); org-wide roles need none


DEMO_ACCOUNTS = (
    DemoAccount("care.worker", "Casey Walker", Role.care_worker, 1),
    DemoAccount("senior.carer", "Sam Carter", Role.senior_carer, 1),
    DemoAccount("nurse", "Nia Evans", Role.nurse, 1),
    DemoAccount("home.manager", "Hana Morris", Role.home_manager, 2),
    DemoAccount("divisional.manager", "Dev Mistry", Role.divisional_manager, 0),
    DemoAccount("estates.officer", "Ellis Owen", Role.estates_officer, 0),
    DemoAccount("admin", "Ada Adeyemi", Role.admin, 0),
)


async def seed_demo_accounts(session: AsyncSession, actor: Actor, earlier: dict[str, Any]) -> dict[str, Any]:
    """A seed part (see `carehub_gateway.seed`): needs the demo home ids from the assets part."""
    home_ids: list[str] = list(earlier.get("home_ids", []))
    passwords = Passwords()
    for demo in DEMO_ACCOUNTS:
        await accounts.create(session, passwords, actor, username=demo.username, name=demo.name,
                              password=DEMO_PASSWORD, roles=[demo.role], homes=home_ids[:demo.homes])
    return {"demo_accounts": [demo.username for demo in DEMO_ACCOUNTS]}
