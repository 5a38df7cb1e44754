"""The house rules, checked: the core never imports Textual, nothing runs scenario text,
and the code passes ruff and mypy."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import tomllib

import pytest

from .conftest import ROOT, run_python

LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"
"""`lint-imports`, run by this interpreter (its script may not be on PATH)."""

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


def test_no_private_textual_api() -> None:
    """Textual's private modules and attributes change without notice: the game and its
    tests use only what Textual documents."""
    pattern = re.compile(
        r"\btextual\._|from textual(\.\w+)* import [^#]*\b_\w|\._(compositor|wait_for_screen)\b"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for folder in ("game", "tests")
        for path in (ROOT / folder).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line.split("#", 1)[0])
    ]
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
    """The tool as a module of the running interpreter (the venv's, activated or not). Missing,
    it skips on a developer's machine and fails in CI, where the test extra must have it."""
    if importlib.util.find_spec(name) is None:
        message = f"{name} is not installed in {sys.prefix} (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [sys.executable, "-m", name]


def test_a_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="no_such_tool is not installed"):
        _tool("no_such_tool")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _tool("no_such_tool")


def test_the_tools_are_the_pinned_versions() -> None:
    """The versions pinned in the test extra are the ones that run here."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        test_extra = tomllib.load(f)["project"]["optional-dependencies"]["test"]
    for name in ("ruff", "mypy"):
        (pin,) = [r for r in test_extra if r.startswith(f"{name}==")]
        _tool(name)
        assert importlib.metadata.version(name) == pin.split("==")[1], pin


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


def test_import_contracts() -> None:
    """The layers, Textual and Rich only in front ends, no import cycles ([tool.importlinter]
    in pyproject.toml)."""
    _tool("importlinter")
    proc = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo", "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout, proc.stdout
