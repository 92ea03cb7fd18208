"""The formulas against hand-computed cases: eNPS, suppression, workforce indicators."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from feedback_api.common import add_months
from feedback_api.reports.rules import pulse_trend
from feedback_api.surveys.schemas import ScorePoint
from feedback_api.surveys.suppression import DIFFERENCING, hidden_groups, total_hidden
from feedback_api.surveys.suppression import enps as enps_of
from feedback_api.workforce.indicators import MonthTotals, compute

A, B, C, D = (uuid.UUID(int=n) for n in range(1, 5))


class TestEnps:
    @pytest.mark.parametrize(("scores", "expected"), [
        ([10, 9, 8, 7, 6, 0], 0.0),  # 2 promoters, 2 detractors of 6
        ([10, 10, 10, 10], 100.0),
        ([0, 1, 2, 3, 4, 5, 6], -100.0),
        ([9, 9, 9, 7, 3, 3, 10, 8, 6, 5], 0.0),  # 4 promoters (40%) - 4 detractors (40%)
        ([9, 10, 7, 8, 2], 20.0),  # 40% - 20%
        ([9, 7, 7], 33.3),
    ])
    def test_hand_computed(self, scores: list[int], expected: float) -> None:
        promoters = sum(s >= 9 for s in scores)
        detractors = sum(s <= 6 for s in scores)
        assert enps_of(promoters, detractors, len(scores)) == expected

    def test_no_answers(self) -> None:
        assert enps_of(0, 0, 0) is None


class TestSuppression:
    def test_edge_of_the_minimum(self) -> None:
        assert hidden_groups({A: 5, B: 5}, 5) == {}
        assert hidden_groups({A: 4}, 5) == {A: "below_minimum"}
        assert total_hidden({A: 4}, 5)
        assert not total_hidden({A: 5}, 5)

    def test_one_small_home_hides_the_smallest_other(self) -> None:
        assert hidden_groups({A: 20, B: 6, C: 2}, 5) == {C: "below_minimum", B: DIFFERENCING}

    def test_remainder_already_big_enough(self) -> None:
        assert hidden_groups({A: 20, B: 3, C: 3}, 5) == {B: "below_minimum", C: "below_minimum"}

    def test_hides_until_the_remainder_reaches_the_minimum(self) -> None:
        # k=7: B (5) and C (1) are below; together 6 < 7, so the smallest shown home (A, 9; ties
        # broken by id) is hidden too, leaving a remainder of 15.
        assert hidden_groups({A: 9, B: 5, C: 1, D: 9}, 7) == {B: "below_minimum", C: "below_minimum",
                                                             A: DIFFERENCING}
        assert hidden_groups({A: 9, B: 8, C: 1, D: 10}, 5) == {C: "below_minimum", B: DIFFERENCING}

    def test_total_below_minimum_hides_everything(self) -> None:
        assert hidden_groups({A: 2, B: 2}, 5) == {A: "below_minimum", B: "below_minimum"}


def month(n: int, headcount: int = 40, leavers: int = 0, first_year: int = 0, vacancies: str = "0",
          fte: str = "32", sickness: str = "0", staff_hours: str = "0", agency_hours: str = "0",
          level2: int = 0) -> MonthTotals:
    return MonthTotals(add_months(date(2025, 1, 1), n), headcount, Decimal(fte), Decimal(vacancies), leavers,
                       first_year, Decimal(sickness), Decimal(staff_hours), Decimal(agency_hours), level2)


class TestWorkforceFormulas:
    def test_turnover_hand_computed(self) -> None:
        # Headcount 38, 40, 42 (four months each): average 40. Leavers 10 over the year.
        heads = [38] * 4 + [40] * 4 + [42] * 4
        leavers = [1, 0, 2, 0, 1, 1, 0, 2, 1, 0, 1, 1]
        window = [month(i, headcount=h, leavers=n) for i, (h, n) in enumerate(zip(heads, leavers, strict=True))]
        assert compute(window, window[-1])["turnover_rate"] == 25.0  # 10 / 40 = 25%

    def test_turnover_needs_twelve_months(self) -> None:
        window = [month(i, leavers=1) for i in range(11)]
        assert compute(window, window[-1])["turnover_rate"] is None

    def test_vacancy_rate_hand_computed(self) -> None:
        current = month(0, headcount=93, vacancies="7")
        assert compute([current], current)["vacancy_rate"] == 7.0  # 7 / (93 + 7)

    def test_first_year_sickness_agency_and_level2(self) -> None:
        window = [month(i, headcount=50, leavers=1, first_year=1 if i < 4 else 0, fte="40", sickness="30",
                        staff_hours="6000", agency_hours="750", level2=35) for i in range(12)]
        values = compute(window, window[-1])
        assert values["first_year_leaver_rate"] == 33.3  # 4 of 12 leavers
        assert values["sickness_days_per_fte"] == 9.0  # 360 days / 40 FTE
        assert values["agency_share_of_hours"] == 11.1  # 9000 / (9000 + 72000)
        assert values["level2_share"] == 70.0  # 35 / 50

    def test_empty_denominators_are_null(self) -> None:
        current = month(0, headcount=0)
        values = compute([current], current)
        assert values["vacancy_rate"] is None
        assert values["level2_share"] is None


def _point(enps: float | None) -> ScorePoint:
    return ScorePoint(survey_id=uuid.uuid4(), title="Pulse", closes_at="2026-01-01T00:00:00Z", respondents=None,
                      suppressed=enps is None, enps=enps, likert_mean=None)


@pytest.mark.parametrize(("scores", "trend"), [
    ([10.0, 15.0], "rising"), ([10.0, 5.1], "steady"), ([10.0, None, 4.0], "falling"), ([None, 12.0], None),
])
def test_pulse_trend(scores: list[float | None], trend: str | None) -> None:
    assert pulse_trend([_point(s) for s in scores]) == trend
