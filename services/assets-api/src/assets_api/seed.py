"""Demo data for `carehub run` on a fresh database: four Halton care homes with their buildings,
rooms, equipment and a history of inspections, so the compliance dashboard shows an honest mix
of in-date, due-soon, overdue and failed checks. Deterministic: the same homes, rooms, assets and
outcomes every time, with dates counted back from the day it runs. The rule library itself comes
from a migration, so it is in every database, demo or not."""

import dataclasses
import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from assets_api.assets import service as assets_service
from assets_api.assets.schemas import AssetCreate
from assets_api.categories.models import Category
from assets_api.homes import service as homes_service
from assets_api.homes.schemas import HomeCreate
from assets_api.inspections import service as inspections_service
from assets_api.inspections.models import Outcome
from assets_api.inspections.schemas import InspectionCreate, ReadingIn
from assets_api.locations import service as locations_service
from assets_api.locations.models import LocationKind, RoomType
from assets_api.locations.schemas import LocationCreate
from assets_api.recalls import service as recalls_service
from assets_api.recalls.models import RecallAction, RecallAsset
from assets_api.recalls.schemas import RecallAssetUpdate, RecallCreate
from assets_api.rules.models import InspectionRule, IntervalUnit
from assets_api.types import today
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

# category code, name, make, model, how many, extra fields
EQUIPMENT: list[tuple[str, str, str, str, int, dict[str, Any]]] = [
    ("hoist", "Mobile hoist", "Arjo", "Maxi Move", 2, {"hoist_type": "mobile", "safe_working_load_kg": 227}),
    ("hoist", "Ceiling track hoist", "Guldmann", "GH3", 1, {"hoist_type": "ceiling_track",
                                                            "safe_working_load_kg": 205}),
    ("sling", "Full-body sling", "Arjo", "Flites", 3, {"sling_size": "M", "sling_type": "full_body",
                                                       "safe_working_load_kg": 190}),
    ("stand_aid", "Stand aid", "Arjo", "Sara Stedy", 1, {"safe_working_load_kg": 182}),
    ("bath_lift", "Bath hoist chair", "Arjo", "Alenti", 1, {"safe_working_load_kg": 182}),
    ("profiling_bed", "Profiling bed", "Invacare", "Medley Ergo", 4, {"safe_working_load_kg": 200}),
    ("pressure_mattress", "Alternating air mattress", "Arjo", "Nimbus 4", 2, {"mattress_type": "alternating_air"}),
    ("fire_alarm_panel", "Fire alarm panel", "Advanced", "MxPro 5", 1, {"system_category": "L1", "zones": 8}),
    ("emergency_light", "Emergency light", "Thorn", "Voyager", 4, {"duration_hours": 3, "mode": "non_maintained"}),
    ("extinguisher", "Extinguisher", "Chubb", "6 L foam", 3, {"agent": "foam", "capacity": "6 L"}),
    ("boiler", "Gas boiler", "Ideal", "Evomax 2 80", 1, {"fuel": "natural_gas", "output_kw": 80}),
    ("electrical_installation", "Fixed wiring, main house", "", "", 1, {}),
    ("water_outlet_sentinel", "Sentinel outlet", "", "", 2, {"supply": "both"}),
    ("water_outlet_little_used", "Little-used outlet", "", "", 1, {}),
    ("tmv", "TMV3 valve", "Horne", "Optitherm", 2, {"outlet_use": "bath"}),
    ("portable_appliance", "Kettle", "Morphy Richards", "Accents", 2, {"equipment_class": "I"}),
    ("wheelchair", "Attendant wheelchair", "Karma", "Ergo Lite", 1, {"wheelchair_type": "attendant"}),
]


async def seed_demo(session: AsyncSession, actor: Actor) -> list[str]:
    """Create the demo homes and their estate; returns the home ids (as text) for the other
    services' seeds. The seed acts as an estates officer, who may work in every home."""
    seeder = dataclasses.replace(actor, roles=("estates_officer",))
    ids = []
    for number, data in enumerate(DEMO_HOMES):
        home = await homes_service.create(session, seeder, data)
        await _seed_estate(session, seeder, home.id, random.Random(number))
        ids.append(str(home.id))
    await _seed_recall(session, seeder)
    return ids


async def _seed_recall(session: AsyncSession, actor: Actor) -> None:
    """One open field safety notice over the demo's Arjo Maxi Move hoists, half of them checked."""
    recall = await recalls_service.issue(session, actor, RecallCreate(
        reference="FSN 2026-11 MM-SB", title="Maxi Move spreader bar: check the locking pin", make="Arjo",
        model="Maxi Move", issued_date=today() - timedelta(days=12),
        action_required="Check the spreader bar locking pin engages fully before each use; fit the "
                        "replacement pin kit supplied by the manufacturer if it does not."))
    affected = list(await session.scalars(select(RecallAsset).where(RecallAsset.recall_id == recall.id)
                                          .order_by(RecallAsset.asset_tag)))
    for row in affected[::2]:
        await recalls_service.record_action(session, actor, recall.id, row.asset_id, row.version,
                                            RecallAssetUpdate(action=RecallAction.checked,
                                                              notes="Pin engages fully; no kit needed."))


async def _seed_estate(session: AsyncSession, actor: Actor, home_id: uuid.UUID, rng: random.Random) -> None:
    rooms = await _seed_locations(session, actor, home_id)
    categories = {c.code: c.id for c in await session.scalars(select(Category))}
    rules = list(await session.scalars(select(InspectionRule).where(InspectionRule.archived_at.is_(None))))
    serial = 1000 + rng.randrange(9000)
    for code, name, make, model, count, extra in EQUIPMENT:
        for n in range(count):
            serial += 1
            asset = await assets_service.create(session, actor, AssetCreate(
                home_id=home_id, category_id=categories[code], name=f"{name} {n + 1}" if count > 1 else name,
                make=make or None, model=model or None, serial=f"SN{serial}" if make else None,
                location_id=rng.choice(rooms), condition=rng.choice("AABBBC"), extra=extra,
                purchase_date=today() - timedelta(days=rng.randrange(200, 2500)),
                purchase_cost=Decimal(rng.randrange(40, 4000)) if make else None))
            for rule in (r for r in rules if r.category_id == categories[code]):
                await _seed_history(session, actor, asset.id, rule, rng)


async def _seed_locations(session: AsyncSession, actor: Actor, home_id: uuid.UUID) -> list[uuid.UUID]:
    async def add(kind: LocationKind, name: str, parent: uuid.UUID | None = None, **more: Any) -> uuid.UUID:
        data = LocationCreate(home_id=home_id, parent_id=parent, kind=kind, name=name, **more)
        return (await locations_service.create(session, actor, data)).id

    house = await add(LocationKind.building, "Main house")
    places = [await add(LocationKind.room, "Plant room", house, room_type=RoomType.plant_room)]
    for floor_no, floor_name in enumerate(("Ground floor", "First floor")):
        floor = await add(LocationKind.floor, floor_name, house)
        for room in range(1, 5):
            number = f"{floor_no + 1}{room:02d}"
            places.append(await add(LocationKind.room, f"Room {number}", floor, room_type=RoomType.resident_room,
                                    room_number=number, bed_count=1))
        places.append(await add(LocationKind.room, f"{floor_name} bathroom", floor, room_type=RoomType.bathroom))
        places.append(await add(LocationKind.room, f"{floor_name} lounge", floor, room_type=RoomType.lounge))
    places.append(await add(LocationKind.room, "Kitchen", house, room_type=RoomType.kitchen))
    return places


def _visits(rule: InspectionRule, rng: random.Random) -> Iterator[tuple[date, str]]:
    """Past inspections, oldest first: most on time, some late or lapsed, an occasional fail."""
    step = (rule.interval_value * 30 if rule.interval_unit is IntervalUnit.months else rule.interval_value)
    roll = rng.random()
    last_age = (rng.randrange(0, max(1, step - rule.warning_days)) if roll < 0.8  # in date
                else step - rng.randrange(0, max(1, rule.warning_days)) if roll < 0.9  # due soon
                else step + rng.randrange(1, 60))  # overdue
    ages = [last_age + step * k for k in (2, 1, 0) if last_age + step * k < 900]
    for i, age in enumerate(ages):
        failed = i == len(ages) - 1 and rng.random() < 0.04
        yield today() - timedelta(days=age), "fail" if failed else rng.choice(("pass", "pass", "pass_with_advisories"))


def _readings(rule: InspectionRule, rng: random.Random) -> list[ReadingIn]:
    typical = {"hot_water_temperature_c": (52, 60), "cold_water_temperature_c": (9, 18),
               "mixed_water_temperature_c": (39, 43), "emergency_duration_minutes": (181, 200)}
    return [ReadingIn(reading=t["reading"], value=Decimal(rng.randrange(*typical[t["reading"]])))
            for t in rule.thresholds]


async def _seed_history(session: AsyncSession, actor: Actor, asset_id: uuid.UUID, rule: InspectionRule,
                        rng: random.Random) -> None:
    for when, outcome in _visits(rule, rng):
        await inspections_service.record(session, actor, InspectionCreate(
            asset_id=asset_id, rule_id=rule.id, inspected_date=when, outcome=Outcome(outcome),
            inspector_name=rng.choice(("S. Okafor", "D. Hughes", "R. Kaur", "M. Byrne")),
            company=rng.choice(("Halton Safety Services", "Mersey Lift Inspection Ltd", "In-house")),
            readings=_readings(rule, rng),
            defects_found="Found during demo inspection" if outcome == "fail" else None))
