"""The wheel ships the bundled scenarios: build it, install it in a fresh venv, list them."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_wheel_lists_the_bundled_scenarios(tmp_path: Path) -> None:
    pytest.importorskip("build")
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    (wheel,) = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    # Dependencies come from this interpreter's site-packages; the wheel itself is new.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    listing = subprocess.run(
        [str(python), "-m", "game", "scenarios"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # not the checkout: the scenarios must come from the wheel
    )
    assert listing.returncode == 0, listing.stderr
    bundled = sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml"))
    assert bundled
    for sid in bundled:
        assert f"{sid}:" in listing.stdout
    where = subprocess.run(
        [str(python), "-c", "import game.scenario as s; print(s.scenarios_dir())"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert str(env_dir) in where.stdout, "scenarios must be found inside the installed package"
