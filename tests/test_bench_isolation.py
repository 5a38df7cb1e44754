"""The benches run in folders of their own: never the player's saves, settings or cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import isolation, run

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_isolated_points_every_folder_into_a_new_temporary_one_and_puts_them_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MOSCOW1939_SAVES", str(tmp_path / "player-saves"))
    monkeypatch.delenv("MOSCOW1939_CONFIG", raising=False)
    with isolation.isolated() as folder:
        for var in isolation.FOLDERS:
            path = Path(os.environ[var])
            assert path.is_dir() and path.parent == folder
        assert len({os.environ[var] for var in isolation.FOLDERS}) == len(isolation.FOLDERS)
    assert not folder.exists()
    assert os.environ["MOSCOW1939_SAVES"] == str(tmp_path / "player-saves")
    assert "MOSCOW1939_CONFIG" not in os.environ


def test_run_measures_inside_the_isolated_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}
    monkeypatch.setattr(
        run, "rows", lambda: seen.update({v: os.environ[v] for v in isolation.FOLDERS})
    )
    run.main()
    assert set(seen) == set(isolation.FOLDERS)
    assert all("moscow1939-bench-" in path for path in seen.values())


@pytest.mark.parametrize("bench", sorted(p.name for p in BENCH.glob("*_bench.py")))
def test_every_bench_run_alone_is_isolated_too(bench: str) -> None:
    text = (BENCH / bench).read_text(encoding="utf-8")
    main_block = text.split('if __name__ == "__main__":', 1)[1]
    assert "with isolated():" in main_block
