"""Supplier-exit export: a home's whole care record with its audit trail, streamed as JSON
Lines, nothing from another home, and the export itself audited."""

import json
from collections import Counter
from typing import Any

from fastapi import FastAPI

CareplanApi = Any  # the `careplan` fixture (conftest.CareplanApi): builds records over HTTP


async def _lines(careplan: CareplanApi, home: str, role: str = "home_manager") -> tuple[int, list[dict[str, Any]]]:
    async with careplan.http.stream("GET", f"/v1/homes/{home}/export", headers=careplan.as_role(role)) as response:
        if response.status_code != 200:
            return response.status_code, []
        assert response.headers["content-type"].startswith("application/x-ndjson")
        return 200, [json.loads(line) async for line in response.aiter_lines() if line]


class TestHomeExport:
    async def test_everything_of_the_home_and_nothing_else(self, careplan: CareplanApi,
                                                           careplan_app: FastAPI) -> None:
        ours = await careplan.admit()
        version = await careplan.draft(ours["id"])
        await careplan.sign_off(ours["id"], version["number"])
        await careplan.note(ours["id"], text="Walked to the garden.")
        theirs = await careplan.http.post("/v1/residents", headers=careplan.as_role("home_manager",
                                                                                     home=careplan.OTHER_HOME),
                                          json=careplan.resident_body(home_id=careplan.OTHER_HOME, nhs_number=None,
                                                                      given_name="Arthur"))
        status, lines = await _lines(careplan, careplan.HOME)
        assert status == 200
        assert lines[0]["type"] == "export"
        assert lines[0]["data"]["format"] == "carehub-careplan-jsonl/1"
        counts = Counter(line["type"] for line in lines[1:])
        assert counts["resident"] == 1
        assert counts["care_plan_version"] == counts["daily_note"] == counts["review_schedule"] == 1
        assert counts["audit_event"] >= 4
        assert lines[1]["type"] == "resident"
        assert lines[-1]["type"] == "audit_event"
        assert lines[1]["data"]["given_name"] == "Margaret"
        assert theirs.json()["id"] not in json.dumps(lines)
        sections = next(line for line in lines if line["type"] == "care_plan_version")["data"]["sections"]
        assert sections[0]["domain"] == "mobility_and_falls"  # nested JSON kept, not flattened

    async def test_export_is_audited_before_it_streams(self, careplan: CareplanApi, careplan_app: FastAPI) -> None:
        await careplan.admit()
        _, lines = await _lines(careplan, careplan.HOME, role="divisional_manager")
        exported = [line for line in lines if line["type"] == "audit_event" and line["data"]["action"] == "export"]
        assert len(exported) == 1  # the snapshot already holds the export's own audit row
        assert exported[0]["data"]["details"]["export_id"] == lines[0]["data"]["export_id"]

    async def test_another_home_is_404_and_carers_may_not(self, careplan: CareplanApi) -> None:
        assert (await _lines(careplan, careplan.OTHER_HOME))[0] == 404
        assert (await _lines(careplan, careplan.HOME, role="care_worker"))[0] == 403
