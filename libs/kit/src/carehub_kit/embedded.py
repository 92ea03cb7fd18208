"""An embedded PostgreSQL (the pgserver package) for when `DATABASE_URL` is not set: used by
`carehub run` and by the test plugin. pgserver is imported only when one is started."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from carehub_kit.logging import get_logger

log = get_logger("carehub.embedded")


@contextmanager
def embedded_postgres(pgdata: Path) -> Iterator[str]:
    """Start (or reuse) a server whose data lives in `pgdata`; yield its URL; stop it afterwards.

    It listens on a Unix socket only (no TCP port), which pgserver moves to a short runtime
    folder when `pgdata` is too deep for a socket path. Keep `pgdata` short all the same.
    """
    import pgserver

    # Its INFO lines are start-up chatter, and one is logged from atexit, after pytest or a
    # CLI runner may have closed the stream the log handler writes to.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    pgdata = pgdata.expanduser().resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    log.info("embedded_postgres_starting", data_dir=str(pgdata))
    server = pgserver.get_server(str(pgdata), cleanup_mode="stop")
    try:
        yield str(server.get_uri())
    finally:
        log.info("embedded_postgres_stopping")
        server.cleanup()
