"""The database a `carehub` command uses: the server in `DATABASE_URL` when set, otherwise an
embedded PostgreSQL kept in `<data dir>/pg`, started for the command and stopped after it."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from carehub_gateway.settings import Settings
from carehub_kit.embedded import embedded_postgres
from carehub_kit.settings import load_settings


@contextmanager
def database(data_dir: Path) -> Iterator[str]:
    if os.environ.get("DATABASE_URL"):
        # Checked as the services check it: a bad value stops here with one line naming it.
        yield load_settings(Settings).database_url
        return
    with embedded_postgres(data_dir / "pg") as url:
        yield url
