"""The gateway is ready only when its own schema and every service are."""

from carehub_gateway.app import create_gateway_app
from carehub_gateway.services import SCHEMAS
from carehub_kit.testing import migrate, running


async def test_not_ready_until_every_schema_is_migrated(empty_database_url: str) -> None:
    app = create_gateway_app(empty_database_url, frontend_dist=None)
    async with running(app) as http:
        response = await http.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "Not ready yet: gateway, assets, careplan, feedback."

        assets = next(s for s in SCHEMAS if s[0] == "assets")
        migrate(assets[2], empty_database_url, assets[1])
        response = await http.get("/readyz")
        assert response.status_code == 503
        assert response.json()["detail"] == "Not ready yet: gateway, careplan, feedback."

        for _name, schema, migrations_dir in SCHEMAS:
            migrate(migrations_dir, empty_database_url, schema)
        assert (await http.get("/readyz")).status_code == 200
