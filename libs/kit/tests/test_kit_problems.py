"""Every error is RFC 9457 problem+json, echoes nothing the client sent and leaks no internals."""

import uuid

import httpx
import pytest
from fastapi import FastAPI
from kit_support import assert_problem, count_rows

SECRET = "Mrs-Agatha-Pemberton-1937"  # stands in for personal data a client might send


class TestProblemDetails:
    async def test_not_found_resource(self, kit_client: httpx.AsyncClient) -> None:
        body = assert_problem(await kit_client.get(f"/v1/widgets/{uuid.uuid4()}"), 404, "not-found")
        assert body["title"] == "Not Found"
        assert body["detail"] == "The widget was not found."

    async def test_unknown_route(self, kit_client: httpx.AsyncClient) -> None:
        assert_problem(await kit_client.get("/v1/nothing-here"), 404)

    async def test_wrong_method(self, kit_client: httpx.AsyncClient) -> None:
        assert_problem(await kit_client.put("/v1/widgets"), 405)

    @pytest.mark.parametrize(("field", "value"), [("rank", SECRET), ("name", SECRET * 10)])
    async def test_validation_lists_issues_without_echoing_the_value(
        self, kit_client: httpx.AsyncClient, kit_app: FastAPI, field: str, value: str,
    ) -> None:
        response = await kit_client.post("/v1/widgets", json={"name": "ok", "rank": 1, field: value})
        body = assert_problem(response, 422, "validation")
        assert body["errors"] == [{"loc": ["body", field], "msg": body["errors"][0]["msg"],
                                   "type": body["errors"][0]["type"]}]
        assert body["errors"][0]["msg"]
        assert SECRET not in response.text
        assert await count_rows(kit_app.state.engine, "widget") == 0

    async def test_unknown_field_is_refused(self, kit_client: httpx.AsyncClient, kit_app: FastAPI) -> None:
        response = await kit_client.post("/v1/widgets", json={"name": "ok", "rank": 1, "colour": SECRET})
        body = assert_problem(response, 422, "validation")
        assert [(e["loc"], e["type"]) for e in body["errors"]] == [(["body", "colour"], "extra_forbidden")]
        assert SECRET not in response.text
        assert await count_rows(kit_app.state.engine, "widget") == 0

    async def test_missing_field_is_named(self, kit_client: httpx.AsyncClient) -> None:
        body = assert_problem(await kit_client.post("/v1/widgets", json={"name": "ok"}), 422)
        assert [(e["loc"], e["type"]) for e in body["errors"]] == [(["body", "rank"], "missing")]

    async def test_malformed_json_is_refused(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.post("/v1/widgets", content=f'{{"name": "{SECRET}", '.encode(),
                                         headers={"content-type": "application/json"})
        body = assert_problem(response, 422, "validation")
        assert body["errors"]
        assert {"loc", "msg", "type"} == set(body["errors"][0])
        assert SECRET not in response.text

    async def test_bad_path_parameter(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get(f"/v1/widgets/{SECRET}")
        body = assert_problem(response, 422, "validation")
        assert body["errors"][0]["loc"] == ["path", "widget_id"]
        assert response.text.count(SECRET) == 1  # only as `instance`, the path that was asked for
        assert body["instance"] == f"/v1/widgets/{SECRET}"

    async def test_unexpected_error_is_a_bare_500(self, kit_client: httpx.AsyncClient) -> None:
        response = await kit_client.get("/v1/faults/crash")
        body = assert_problem(response, 500, "internal")
        assert body["detail"] == "Something went wrong on our side."
        for leak in ("Traceback", "RuntimeError", "kaboom", "secret-internal-detail", "router.py"):
            assert leak not in response.text
        assert response.headers["x-request-id"]


def test_openapi_documents_every_error_as_problem_json(kit_app: FastAPI) -> None:
    """Generated clients see one error shape, and no reference points at a missing schema."""
    schema = kit_app.openapi()
    assert "HTTPValidationError" not in str(schema)
    errors = [response for path in schema["paths"].values() for operation in path.values()
              for status, response in operation["responses"].items() if status[0] in "45"]
    assert errors
    for response in errors:
        assert list(response["content"]) == ["application/problem+json"]
        assert response["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_openapi_publishes_the_permission_matrix(kit_app: FastAPI) -> None:
    """Integrators and the web app read who may do what from the contract itself."""
    matrix = kit_app.openapi()["x-carehub-permissions"]
    assert list(matrix) == ["widget.manage", "widget.read"]
    assert matrix["widget.manage"] == ["admin"]
    assert "care_worker" in matrix["widget.read"]
    assert matrix["widget.read"] == sorted(matrix["widget.read"])
