"""The pool of worker processes that `simulate` and `analyse` play games in."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor


def _leave_quietly(signum: int, frame: object) -> None:
    os._exit(130)  # Ctrl-C reaches the whole process group: the parent says "Interrupted."


def _quiet_on_interrupt() -> None:
    """In each worker: Ctrl-C ends it at once and silently, with no traceback of its own."""
    signal.signal(signal.SIGINT, _leave_quietly)


def pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes that leave without a word when Ctrl-C is pressed."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_on_interrupt)
