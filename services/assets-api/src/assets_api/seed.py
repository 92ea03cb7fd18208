"""Demo data for `carehub run` on a fresh database: a few Halton care homes."""

from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.homes import service as homes_service
from assets_api.homes.schemas import HomeCreate
from carehub_kit.identity import Actor

DEMO_HOMES = [
    HomeCreate(name="Naughton Fields", address_line1="Naughton Road", town="Widnes", postcode="WA8 3BW",
               cqc_location_id="1-100000001", registered_beds=44, phone="0151 511 0001"),
    HomeCreate(name="Madeline McKenna Court", address_line1="Grangeway", town="Runcorn", postcode="WA7 5HA",
               cqc_location_id="1-100000002", registered_beds=36, phone="01928 510002"),
    HomeCreate(name="Millbrow", address_line1="Millbrow Lane", town="Widnes", postcode="WA8 7PD",
               cqc_location_id="1-100000003", registered_beds=40, phone="0151 511 0003"),
    HomeCreate(name="St Luke's", address_line1="Palace Fields Avenue", town="Runcorn", postcode="WA7 2TJ",
               cqc_location_id="1-100000004", registered_beds=30, phone="01928 510004"),
]


async def seed_demo(session: AsyncSession, actor: Actor) -> list[str]:
    """Create the demo homes; returns their ids (as text) for the other services' seeds."""
    return [str((await homes_service.create(session, actor, home)).id) for home in DEMO_HOMES]
