"""The worker processes of `simulate` and `analyse` leave silently on Ctrl-C: the parent
alone says "Interrupted." (a worker waiting for work printed a KeyboardInterrupt traceback
of its own, one per worker, under `analyse --jobs 2`)."""

from __future__ import annotations

import signal
import subprocess
import sys

from game.workers import pool


def _handler_name() -> str:
    handler = signal.getsignal(signal.SIGINT)
    return getattr(handler, "__name__", str(handler))


def test_a_worker_takes_ctrl_c_as_a_quiet_exit() -> None:
    with pool(1) as workers:
        assert workers.submit(_handler_name).result() == "_leave_quietly"


INTERRUPTED_WORKER = """
import os, signal
from concurrent.futures.process import BrokenProcessPool
from game.workers import pool

def interrupt_self():
    os.kill(os.getpid(), signal.SIGINT)

with pool(1) as workers:
    try:
        workers.submit(interrupt_self).result()
    except BrokenProcessPool:
        print("worker gone")
"""


def test_an_interrupted_worker_prints_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WORKER], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "worker gone"
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
