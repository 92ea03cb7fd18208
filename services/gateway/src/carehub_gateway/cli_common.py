"""What every `carehub` command shares: the database options, clean stops on signals, and
one-line failures."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from carehub_kit.logging import get_logger

log = get_logger("carehub.cli")

DataDir = Annotated[Path, typer.Option(
    "--data-dir", envvar="CAREHUB_DATA_DIR",
    help="Folder for the embedded database, used when DATABASE_URL is not set.")]
LogLevel = Annotated[str, typer.Option("--log-level", envvar="GATEWAY_LOG_LEVEL")]


class _Stop(Exception):
    """Raised by the SIGINT/SIGTERM handler so that every `finally` (stopping the embedded
    database above all) runs before the process exits."""


@contextmanager
def stop_on_signals() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only (a command run from a test's worker thread)
        return
    stopping = False

    def handler(signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        if not stopping:  # a second signal must not interrupt the clean-up of the first
            stopping = True
            raise _Stop(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except _Stop as stop:
        log.info("stopped", signal=str(stop))
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def fail(message: str) -> typer.Exit:
    typer.echo(f"carehub: {message}", err=True)
    return typer.Exit(1)
