"""Audit rows are written in the request's transaction and can never be changed or removed."""

import httpx
import pytest
from fastapi import FastAPI
from kit_support import assert_problem, count_rows
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError


class TestAudit:
    async def test_create_writes_one_audit_row(self, kit_client: httpx.AsyncClient, kit_app: FastAPI) -> None:
        response = await kit_client.post("/v1/widgets", json={"name": "w", "rank": 1},
                                         headers={"X-Request-ID": "audit-1"})
        assert response.status_code == 201
        async with kit_app.state.engine.connect() as conn:
            rows = (await conn.execute(text(
                "SELECT actor_sub, actor_roles, action, entity_type, entity_id, request_id, details"
                " FROM kit_test.audit_event"))).all()
        assert [tuple(r) for r in rows] == [
            ("kit-tester", ["admin"], "create", "widget", response.json()["id"], "audit-1",
             {"fields": ["name", "rank"]}),
        ]

    @pytest.mark.parametrize(("how", "status"), [("crash", 500), ("problem", 409)])
    async def test_failed_request_leaves_no_audit_row(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI, how: str, status: int,
    ) -> None:
        response = await kit_client.post(f"/v1/faults/audit-then-fail?how={how}")
        assert_problem(response, status)
        assert await count_rows(kit_app.state.engine, "audit_event") == 0

    @pytest.mark.parametrize("statement", [
        "UPDATE kit_test.audit_event SET action = 'forged'",
        "DELETE FROM kit_test.audit_event",
    ])
    async def test_audit_rows_cannot_be_changed_or_deleted(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI, statement: str,
    ) -> None:
        assert (await kit_client.post("/v1/widgets", json={"name": "w", "rank": 1})).status_code == 201
        with pytest.raises(DBAPIError, match="append-only"):
            async with kit_app.state.engine.begin() as conn:
                await conn.execute(text(statement))
        async with kit_app.state.engine.connect() as conn:
            actions = (await conn.execute(text("SELECT action FROM kit_test.audit_event"))).scalars().all()
        assert actions == ["create"]
