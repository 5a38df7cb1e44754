"""The house rules, checked: the core never imports Textual, nothing runs scenario text,
and the code passes ruff and mypy."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, run_python

CORE = [
    "game.scenario",
    "game.engine",
    "game.analyse",
    "game.simulate",
    "game.plain",
    "game.session",
    "game.cli",
]


@pytest.mark.parametrize("module", CORE)
def test_core_imports_without_textual(module: str) -> None:
    proc = run_python(
        f"import sys, {module}\nassert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    assert proc.returncode == 0, proc.stderr


def test_no_eval_or_exec_in_the_package() -> None:
    pattern = re.compile(r"\b(eval|exec|compile)\s*\(")
    offenders = []
    for path in (ROOT / "game").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code) and "compile_node" not in code and "re.compile" not in code:
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def test_every_module_is_under_400_lines() -> None:
    """A module holds one idea; past 400 lines it is time to split it by idea."""
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "game").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) >= 400
    }
    assert long == {}


def _tool(name: str) -> list[str]:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return [sys.executable, "-m", name]


def test_ruff_format() -> None:
    proc = subprocess.run(
        [*_tool("ruff"), "format", "--check", "--diff", "game", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_check() -> None:
    proc = subprocess.run(
        [*_tool("ruff"), "check", "game", "tests", "bench"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy() -> None:
    proc = subprocess.run([*_tool("mypy")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
