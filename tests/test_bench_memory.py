"""The UI bench's memory row measures the launched program, not the one launching it."""

from __future__ import annotations

from bench import ui_bench


def test_peak_memory_is_the_launched_programs_own() -> None:
    ballast = bytearray(96 * 2**20)  # a launcher as big as bench/run.py is, and more
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    _, _, peak_kib = ui_bench.launch("report()")
    assert peak_kib < 64 * 1024  # a bare Python: ~10 MiB; the launcher's pages are not its
    assert len(ballast) == 96 * 2**20
