"""The "You said, we did" board: themes and actions, and anonymous words withheld in a home
where fewer than five different people gave feedback in the period."""

import httpx
import pytest
from feedback_support import HOME_A, STAFFING, As, admin, item_body


async def _board_with_contributors(http: httpx.AsyncClient, feedback_as: As, people: int) -> dict[str, object]:
    anonymous = (await http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING, anonymous=True,
                                                                      summary="The rota is unfair"),
                                 headers=feedback_as("home_manager", sub="person-0"))).json()
    named = (await http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING, summary="Hoist is broken",
                                                                  kind="not_working"),
                             headers=feedback_as("home_manager", sub="person-0"))).json()
    for n in range(1, people):  # the same person twice counts once
        response = await http.post("/v1/feedback-items", json=item_body(HOME_A, STAFFING, kind="idea"),
                                   headers=feedback_as("home_manager", sub=f"person-{n}"))
        assert response.status_code == 201
    action = await http.post("/v1/actions", headers=admin(feedback_as), json={
        "title": "Review the rota with staff", "home_id": HOME_A, "owner": "Divisional manager",
        "due_date": "2099-01-01", "item_ids": [anonymous["id"], named["id"]]})
    assert action.status_code == 201, action.text
    board = await http.get("/v1/board", params={"home_id": HOME_A}, headers=feedback_as("care_worker"))
    assert board.status_code == 200, board.text
    return board.json()  # type: ignore[no-any-return]


class TestBoard:
    @pytest.mark.parametrize(("people", "shown"), [(4, False), (5, True)])
    async def test_anonymous_words_need_five_contributors(
        self, feedback_http: httpx.AsyncClient, feedback_as: As, people: int, shown: bool,
    ) -> None:
        board = await _board_with_contributors(feedback_http, feedback_as, people)
        you_said = board["actions"][0]["you_said"]  # type: ignore[index]
        said = {q["said"] for q in you_said}
        assert ("The rota is unfair" in said) is shown
        assert "Hoist is broken" in said  # named words are not withheld
        assert [q["withheld"] for q in you_said].count(True) == (0 if shown else 1)
        assert board["items_raised"] == people + 1  # type: ignore[index]

    async def test_org_board_applies_the_home_rule(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        await _board_with_contributors(feedback_http, feedback_as, 4)
        board = (await feedback_http.get("/v1/board", headers=feedback_as("integrator"))).json()
        assert "The rota is unfair" not in {q["said"] for q in board["actions"][0]["you_said"]}
        themes = {t["theme"]: t for t in board["themes"]}
        assert themes["Staffing"]["raised"] == 5
        assert themes["Staffing"]["ideas"] == 3

    async def test_another_home_is_404(self, feedback_http: httpx.AsyncClient, feedback_as: As) -> None:
        response = await feedback_http.get("/v1/board", params={"home_id": "bbbbbbbb-0000-4000-8000-000000000002"},
                                           headers=feedback_as("care_worker"))
        assert response.status_code == 404
