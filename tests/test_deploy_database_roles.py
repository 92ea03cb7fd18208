"""The compose database's role script (infra/postgres/init/10-carehub-roles.sh), run for real
against a private embedded PostgreSQL as the postgres image runs it: then each service's own
role migrates its own schema and cannot read another's. The CloudNativePG bootstrap in
infra/k8s/base/database.yaml makes the same schemas, owners and grants (checked beside it)."""

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pgserver
import pytest
import yaml
from sqlalchemy.engine import make_url

from carehub_gateway.services import SCHEMAS
from carehub_kit import migrations
from carehub_kit.embedded import embedded_postgres

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "infra/postgres/init/10-carehub-roles.sh"
ROLES = ("assets", "careplan", "feedback", "gateway")
PG_BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A server of this module's own: the script makes cluster-wide roles."""
    data_dir = tempfile.mkdtemp(prefix="chroles")
    try:
        with embedded_postgres(Path(data_dir)) as url:
            yield url
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def as_role(server_url: str, role: str | None, database: str = "carehub") -> str:
    url = make_url(server_url).set(database=database)
    if role:
        url = url.set(username=role, password=f"pw-{role}")
    return url.render_as_string(hide_password=False)


async def scalar(url: str, sql: str) -> object:
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def initialised(server: str) -> str:
    asyncio.run(scalar(as_role(server, None, "postgres"), "CREATE DATABASE carehub"))
    host = make_url(server).query["host"]
    env = {**os.environ, "PATH": f"{PG_BIN}{os.pathsep}{os.environ['PATH']}", "PGHOST": str(host),
           "POSTGRES_USER": "postgres", "POSTGRES_DB": "carehub",
           **{f"{r.upper()}_DB_PASSWORD": f"pw-{r}" for r in ROLES}}
    subprocess.run(["sh", str(SCRIPT)], env=env, check=True, capture_output=True, timeout=60)
    return server


@pytest.mark.parametrize("role", ROLES)
def test_each_role_migrates_its_own_schema(initialised: str, role: str) -> None:
    (migrations_dir,) = [d for name, _schema, d in SCHEMAS if name == role]
    migrations.upgrade(migrations_dir, as_role(initialised, role), role)
    owner = asyncio.run(scalar(as_role(initialised, None),
                               f"SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = '{role}'"))
    assert owner == role


@pytest.mark.parametrize("role", ROLES)
def test_a_role_cannot_read_another_schema_or_write_to_public(initialised: str, role: str) -> None:
    for other in ROLES:
        migrations_dir = next(d for name, _s, d in SCHEMAS if name == other)
        migrations.upgrade(migrations_dir, as_role(initialised, other), other)  # at head already: a no-op
        if other != role:
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                asyncio.run(scalar(as_role(initialised, role), f"SELECT count(*) FROM {other}.alembic_version"))
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        asyncio.run(scalar(as_role(initialised, role), "CREATE TABLE public.stray (id int)"))


def test_the_kubernetes_bootstrap_makes_the_same_schemas_and_grants() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    documents = yaml.safe_load_all((ROOT / "infra/k8s/base/database.yaml").read_text(encoding="utf-8"))
    cluster = next(d for d in documents if d["kind"] == "Cluster")
    sql = cluster["spec"]["bootstrap"]["initdb"]["postInitApplicationSQL"]
    for role in ROLES:
        assert f"CREATE SCHEMA {role} AUTHORIZATION {role}" in sql
        assert " ".join(f"CREATE SCHEMA {role}   AUTHORIZATION {role}".split()) in " ".join(script.split())
        assert f"ALTER ROLE {role} SET search_path = {role}" in sql
    grant = f"GRANT CONNECT, CREATE, TEMPORARY ON DATABASE carehub TO {', '.join(ROLES)}"
    assert grant in sql
    assert 'GRANT CONNECT, CREATE, TEMPORARY ON DATABASE :"db" TO assets, careplan, feedback, gateway' in script
