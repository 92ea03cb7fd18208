"""the UK category and inspection-rule library (data)

Every database gets the same library, at the same revision, whether it serves the demo or a
council: a data migration rather than a start-up hook, so the library is versioned with the
schema, reviewed like code, and changed later by another revision (never by editing this one).
Ids are uuid5 of the code, so seeds, benchmarks and integrators can rely on them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 20:30:00
"""

import json
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = uuid.UUID("6f1d8c7e-3c1a-4f0e-9a43-2b7d1c5e9a10")


def library_id(code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, code)


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required or [], "additionalProperties": False}


SWL = {"type": "number", "minimum": 1, "maximum": 1000, "description": "Safe working load, kg"}

# code, name, description, extra-field schema
CATEGORIES: list[tuple[str, str, str, dict[str, Any] | None]] = [
    ("hoist", "Hoist", "Mobile, ceiling-track or gantry hoist for lifting people.",
     _obj({"hoist_type": {"enum": ["mobile", "ceiling_track", "gantry"]}, "safe_working_load_kg": SWL},
          ["safe_working_load_kg"])),
    ("sling", "Sling", "Hoist sling (a separate item of lifting equipment).",
     _obj({"sling_size": {"enum": ["XS", "S", "M", "L", "XL", "XXL"]}, "sling_type": {
         "enum": ["full_body", "access", "toileting", "hammock", "standing"]}, "safe_working_load_kg": SWL,
         "single_person_use": {"type": "boolean"}}, ["sling_size", "safe_working_load_kg"])),
    ("stand_aid", "Stand aid", "Powered stand-aid (sit-to-stand) lifting people.",
     _obj({"safe_working_load_kg": SWL}, ["safe_working_load_kg"])),
    ("bath_lift", "Bath lift", "Bath lift or bath hoist chair.", _obj({"safe_working_load_kg": SWL})),
    ("profiling_bed", "Profiling bed", "Electric profiling bed.",
     _obj({"safe_working_load_kg": SWL, "low_bed": {"type": "boolean"}})),
    ("pressure_mattress", "Pressure-relieving mattress", "Static or dynamic pressure-relieving mattress.",
     _obj({"mattress_type": {"enum": ["static_foam", "hybrid", "alternating_air", "low_air_loss"]},
           "max_user_weight_kg": {"type": "number", "minimum": 1, "maximum": 500}}, ["mattress_type"])),
    ("bed_rail", "Bed rail", "Bed rail (integral or third-party).",
     _obj({"rail_type": {"enum": ["integral", "third_party"]}})),
    ("wheelchair", "Wheelchair", "Self-propelled, attendant or powered wheelchair.",
     _obj({"wheelchair_type": {"enum": ["self_propelled", "attendant", "powered"]},
           "max_user_weight_kg": {"type": "number", "minimum": 1, "maximum": 500}})),
    ("nurse_call_point", "Nurse-call point", "Nurse-call point or pendant.", None),
    ("fire_alarm_panel", "Fire-alarm panel", "Fire detection and alarm control panel and its system.",
     _obj({"system_category": {"enum": ["L1", "L2", "L3", "L4", "L5", "M", "P1", "P2"]},
           "zones": {"type": "integer", "minimum": 1, "maximum": 512}})),
    ("emergency_light", "Emergency light", "Emergency escape lighting luminaire.",
     _obj({"duration_hours": {"enum": [1, 3]}, "mode": {"enum": ["maintained", "non_maintained"]}})),
    ("extinguisher", "Fire extinguisher", "Portable fire extinguisher.",
     _obj({"agent": {"enum": ["water", "foam", "co2", "dry_powder", "wet_chemical", "water_mist"]},
           "capacity": {"type": "string", "maxLength": 20}}, ["agent"])),
    ("boiler", "Gas boiler", "Gas-fired boiler or other gas appliance.",
     _obj({"fuel": {"enum": ["natural_gas", "lpg"]}, "output_kw": {"type": "number", "minimum": 1,
                                                                  "maximum": 5000}})),
    ("electrical_installation", "Fixed electrical installation",
     "A building's fixed wiring, distribution boards and circuits.", None),
    ("water_outlet_sentinel", "Water outlet (sentinel)",
     "A sentinel outlet of the hot and cold water system, nearest to or furthest from the tank or calorifier.",
     _obj({"supply": {"enum": ["hot", "cold", "both"]}})),
    ("water_outlet_little_used", "Water outlet (little used)",
     "An outlet used less than weekly, flushed to keep water moving.", None),
    ("tmv", "Thermostatic mixing valve", "TMV (type 3) at an outlet used by residents.",
     _obj({"outlet_use": {"enum": ["bath", "shower", "washbasin", "bidet"]}}, ["outlet_use"])),
    ("portable_appliance", "Portable appliance", "Portable or movable electrical equipment.",
     _obj({"equipment_class": {"enum": ["I", "II"]}})),
    ("vehicle", "Vehicle", "Minibus or car used by the home.",
     _obj({"registration": {"type": "string", "maxLength": 10}})),
    ("it_device", "IT device", "Tablet, laptop or other IT device.", None),
]

HOT = {"reading": "hot_water_temperature_c", "min": 50, "max": None, "max_inclusive": True}
COLD = {"reading": "cold_water_temperature_c", "min": None, "max": 20, "max_inclusive": False}
MIXED = {"reading": "mixed_water_temperature_c", "min": 38, "max": 44, "max_inclusive": True}
DURATION = {"reading": "emergency_duration_minutes", "min": 180, "max": None, "max_inclusive": True}

LOLER = ("LOLER 1998 reg 9(3)(a)(i): thorough examination of equipment for lifting persons at least every "
         "6 months")
RRFSO = "Regulatory Reform (Fire Safety) Order 2005 art 17"

# code, category, inspection type, interval, unit, warning days, basis, statutory, fail -> out of service,
# thresholds
RULES: list[tuple[str, str, str, int, str, int, str, bool, bool, list[dict[str, Any]]]] = [
    ("loler_hoist", "hoist", "LOLER thorough examination", 6, "months", 30, LOLER, True, True, []),
    ("loler_sling", "sling", "LOLER thorough examination", 6, "months", 30, LOLER, True, True, []),
    ("loler_stand_aid", "stand_aid", "LOLER thorough examination", 6, "months", 30, LOLER, True, True, []),
    ("loler_bath_lift", "bath_lift", "LOLER thorough examination", 6, "months", 30, LOLER, True, True, []),
    ("gas_safety_check", "boiler", "Gas safety check", 12, "months", 30,
     "Gas Safety (Installation and Use) Regulations 1998 reg 36: annual safety check by a Gas Safe "
     "registered engineer", True, True, []),
    ("eicr", "electrical_installation", "Electrical installation condition report (EICR)", 60, "months", 90,
     "Electricity at Work Regulations 1989 reg 4(2); BS 7671 and IET Guidance Note 3: at most 5 years for "
     "care homes", True, False, []),
    ("fire_alarm_service", "fire_alarm_panel", "Fire-alarm inspection and service", 6, "months", 30,
     f"BS 5839-1:2017 clause 45: periodic inspection and servicing at most 6-monthly; {RRFSO}", True, False,
     []),
    ("fire_alarm_weekly_test", "fire_alarm_panel", "Weekly call-point test", 7, "days", 2,
     f"BS 5839-1:2017 clause 45: weekly test from a different manual call point each week; {RRFSO}", True,
     False, []),
    ("emergency_light_monthly", "emergency_light", "Emergency lighting monthly function test", 1, "months", 7,
     f"BS 5266-1:2016 and BS EN 50172: monthly short function test; {RRFSO}", True, False, []),
    ("emergency_light_annual", "emergency_light", "Emergency lighting annual full-duration test", 12, "months",
     30, f"BS 5266-1:2016 and BS EN 50172: annual full rated-duration (3 hour) test; {RRFSO}", True, False,
     [DURATION]),
    ("extinguisher_monthly", "extinguisher", "Extinguisher monthly visual inspection", 1, "months", 7,
     f"BS 5306-3:2017: monthly inspection by the responsible person; {RRFSO}", True, False, []),
    ("extinguisher_annual", "extinguisher", "Extinguisher annual service", 12, "months", 30,
     f"BS 5306-3:2017: annual basic service by a competent person; {RRFSO}", True, True, []),
    ("legionella_sentinel_temperature", "water_outlet_sentinel", "Sentinel outlet temperature check", 1,
     "months", 7, "HSE ACOP L8 (2013) and HSG274 Part 2 (2014): hot at least 50 °C within one minute, cold "
     "below 20 °C within two minutes", True, False, [HOT, COLD]),
    ("legionella_flush", "water_outlet_little_used", "Little-used outlet weekly flush", 7, "days", 2,
     "HSE ACOP L8 (2013) and HSG274 Part 2 (2014): flush little-used outlets at least weekly", True, False,
     []),
    ("tmv_temperature", "tmv", "TMV outlet temperature check", 6, "months", 30,
     "HSE HSIS6 (hot water and surfaces in health and social care) and HTM 04-01 Part A / NHS TMV3 (D08) "
     "guidance: mixed water 38-44 °C at the outlet (44 °C the most for bath fill, 41 °C for showers and "
     "washbasins; a home may set a tighter limit)", False, True, [MIXED]),
    ("pat", "portable_appliance", "Portable appliance inspection and test", 12, "months", 30,
     "IET Code of Practice for In-service Inspection and Testing of Electrical Equipment (5th ed.): "
     "risk-based; this is the longest interval, each home sets its own shorter one after its risk assessment",
     False, True, []),
]


def upgrade() -> None:
    category = sa.table("category", sa.column("id", sa.Uuid), sa.column("code"), sa.column("name"),
                        sa.column("description"), sa.column("extra_schema", sa.JSON), sa.column("version"),
                        schema="assets")
    op.bulk_insert(category, [
        {"id": library_id(f"category:{code}"), "code": code, "name": name, "description": description,
         "extra_schema": schema, "version": 1}
        for code, name, description, schema in CATEGORIES
    ])
    rule = sa.table("inspection_rule", *(sa.column(c) for c in (
        "code", "inspection_type", "interval_value", "interval_unit", "warning_days", "basis", "statutory",
        "fail_takes_out_of_service", "version")), sa.column("id", sa.Uuid), sa.column("category_id", sa.Uuid),
        sa.column("thresholds", sa.JSON), schema="assets")
    op.bulk_insert(rule, [
        {"id": library_id(f"rule:{code}"), "code": code, "category_id": library_id(f"category:{cat}"),
         "inspection_type": kind, "interval_value": value, "interval_unit": unit, "warning_days": warn,
         "basis": basis, "statutory": statutory, "fail_takes_out_of_service": out,
         "thresholds": json.loads(json.dumps(thresholds)), "version": 1}
        for code, cat, kind, value, unit, warn, basis, statutory, out, thresholds in RULES
    ])


def downgrade() -> None:
    codes = [code for code, *_ in RULES]
    op.execute(sa.text("DELETE FROM assets.inspection_rule WHERE code = ANY(:codes)").bindparams(codes=codes))
    cats = [code for code, *_ in CATEGORIES]
    op.execute(sa.text("DELETE FROM assets.category WHERE code = ANY(:codes)").bindparams(codes=cats))
