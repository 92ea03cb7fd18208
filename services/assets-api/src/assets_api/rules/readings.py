"""The readings an inspection can take, each with the range that is physically possible.

A value outside its physical range is a typing or instrument error and is refused (422); a value
inside it is judged against the rule's limits (pass or fail)."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class ReadingType(StrEnum):
    hot_water_temperature_c = "hot_water_temperature_c"
    cold_water_temperature_c = "cold_water_temperature_c"
    mixed_water_temperature_c = "mixed_water_temperature_c"
    emergency_duration_minutes = "emergency_duration_minutes"


@dataclass(frozen=True)
class Physical:
    unit: str
    low: Decimal
    high: Decimal


PHYSICAL: dict[ReadingType, Physical] = {
    # Liquid water at the outlet: 0 to 100 °C.
    ReadingType.hot_water_temperature_c: Physical("°C", Decimal(0), Decimal(100)),
    ReadingType.cold_water_temperature_c: Physical("°C", Decimal(0), Decimal(100)),
    ReadingType.mixed_water_temperature_c: Physical("°C", Decimal(0), Decimal(100)),
    # A discharge test lasts at most a day.
    ReadingType.emergency_duration_minutes: Physical("min", Decimal(0), Decimal(1440)),
}
