"""The distributions: the wheel and sdist build, pass `twine check`, carry the license and
the project's metadata, and the wheel, installed with its dependencies into a fresh venv
(no system site-packages), lists the bundled scenarios."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and the sdist, built once for this module."""
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--sdist", "--no-isolation"]
        + ["--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_twine_check_passes(dist: Path) -> None:
    pytest.importorskip("twine")
    files = sorted(str(p) for p in dist.iterdir())
    assert len(files) == 2, files
    check = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_wheel_carries_the_license_and_the_metadata(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = wheel.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        meta = Parser().parsestr(wheel.read(metadata).decode("utf-8"))
        (license_file,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        assert b"The Moscow 1939 team" in wheel.read(license_file)
    assert meta["License-Expression"] == "MIT"
    assert meta.get_all("License-File") == ["LICENSE"]
    classifiers = meta.get_all("Classifier") or []
    assert "Topic :: Games/Entertainment :: Turn Based Strategy" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")], (
        "PEP 639: no license classifiers"
    )
    urls = meta.get_all("Project-URL") or []
    assert "Homepage, https://github.com/moscow1939/moscow1939" in urls
    requires = meta.get_all("Requires-Dist") or []
    assert any(r.startswith("rich") for r in requires)


def test_the_readme_has_no_relative_links(dist: Path) -> None:
    """The README is the index page's description: a relative link breaks there."""
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
        description = Parser().parsestr(wheel.read(metadata).decode("utf-8")).get_payload()
    assert isinstance(description, str) and "Moscow 1939" in description
    links = [link for link in _links(description) if not link.startswith(("https://", "#"))]
    assert links == []


def _links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


def test_the_sdist_carries_the_license(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"LICENSE", "README.md", "pyproject.toml", "scenarios/moscow_1939.toml"} <= names


def test_wheel_lists_the_bundled_scenarios(dist: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    # A clean venv: the wheel brings its own dependencies (nothing from this interpreter's).
    venv.EnvBuilder(system_site_packages=False, with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + [str(_wheel(dist))],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]
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
    assert where.returncode == 0, where.stderr
    assert str(env_dir) in where.stdout, "scenarios must be found inside the installed package"
    proof = subprocess.run(
        [str(python), "-c", "import pydantic; print(pydantic.__file__)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert str(env_dir) in proof.stdout, "pydantic must come from the venv, not the system"
