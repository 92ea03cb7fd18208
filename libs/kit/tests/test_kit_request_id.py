"""X-Request-ID: propagated when sane, generated otherwise, in problem bodies and log lines."""

import json
import re

import httpx
import pytest
from kit_support import assert_problem

from carehub_kit.logging import get_logger

HEX_ID = re.compile(r"[0-9a-f]{32}")


class TestRequestId:
    async def test_incoming_id_is_echoed(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get("/healthz", headers={"X-Request-ID": "edge-42:abc.DEF_9"})
        assert response.headers["x-request-id"] == "edge-42:abc.DEF_9"

    async def test_missing_id_is_generated_fresh_each_time(self, kit_client: httpx.AsyncClient) -> None:
        ids = [(await kit_client.get("/healthz")).headers["x-request-id"] for _ in range(2)]
        assert all(HEX_ID.fullmatch(i) for i in ids)
        assert ids[0] != ids[1]

    @pytest.mark.parametrize("unsafe", ["has spaces in it", "x" * 300, "<script>", "a;b", ""])
    async def test_unsafe_id_is_replaced(self, kit_client: httpx.AsyncClient, unsafe: str) -> None:
        response = await kit_client.get("/healthz", headers={"X-Request-ID": unsafe})
        assert HEX_ID.fullmatch(response.headers["x-request-id"])

    async def test_problem_body_carries_the_same_id(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get("/v1/nothing-here", headers={"X-Request-ID": "trace-7"})
        assert assert_problem(response, 404)["request_id"] == "trace-7"
        crash = await kit_client.get("/v1/faults/crash", headers={"X-Request-ID": "trace-8"})
        assert assert_problem(crash, 500)["request_id"] == "trace-8"

    async def test_log_lines_carry_the_request_id(
        self, kit_client: httpx.AsyncClient, kit_log_lines: list[str],
    ) -> None:
        created = await kit_client.post("/v1/widgets", json={"name": "w", "rank": 1},
                                        headers={"X-Request-ID": "trace-log-1"})
        crash = await kit_client.get("/v1/faults/crash")
        events = {entry["event"]: entry for entry in map(json.loads, kit_log_lines)}
        assert events["widget_created"]["request_id"] == "trace-log-1"
        assert events["widget_created"]["widget_id"] == created.json()["id"]
        assert events["unhandled_error"]["request_id"] == crash.headers["x-request-id"]

    async def test_request_id_does_not_leak_into_later_logs(
        self, kit_client: httpx.AsyncClient, kit_log_lines: list[str],
    ) -> None:
        await kit_client.post("/v1/widgets", json={"name": "w", "rank": 1}, headers={"X-Request-ID": "r-1"})
        get_logger("kit_test").info("outside_a_request")
        outside = [e for e in map(json.loads, kit_log_lines) if e["event"] == "outside_a_request"]
        assert outside
        assert "request_id" not in outside[0]
