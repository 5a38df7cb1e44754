"""Every third-party module the package imports is declared (a deptry-style check): core
modules by `[project] dependencies`, `game/serve` also by the `web` extra,
`game/lsp` by the `lsp` extra."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

from .conftest import ROOT

EXTRA_FOR = {"serve": "web", "lsp": "lsp"}
"""Subpackages of `game` that may also use an extra's dependencies."""


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, f"not a requirement: {requirement!r}"
    return normalized(match[1])


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the absolute imports in a file, outside the standard library."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names}
    return {m for m in found if m not in sys.stdlib_module_names and m != "game"}


@functools.cache
def installed() -> Mapping[str, list[str]]:
    return importlib.metadata.packages_distributions()


def distributions(module: str) -> set[str]:
    """The distributions that provide a module (its own name if none installed does)."""
    provided = installed().get(module)
    return {normalized(d) for d in provided} if provided else {normalized(module)}


def undeclared(package: Path, project: dict[str, object]) -> list[str]:
    """`file: module (distribution)` for each import whose distribution is not declared."""
    core = {requirement_name(r) for r in project.get("dependencies", [])}  # type: ignore[attr-defined]
    extras = project.get("optional-dependencies", {})
    problems = []
    for path in sorted(package.rglob("*.py")):
        allowed = set(core)
        sub = path.relative_to(package).parts[0]
        if sub in EXTRA_FOR:
            allowed |= {requirement_name(r) for r in extras.get(EXTRA_FOR[sub], [])}  # type: ignore[attr-defined]
        for module in sorted(imported_modules(path)):
            dists = distributions(module)
            if not dists & allowed:
                problems.append(
                    f"{path.relative_to(package.parent)}: {module} ({', '.join(dists)})"
                )
    return problems


def pyproject() -> dict[str, object]:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project: dict[str, object] = tomllib.load(f)["project"]
    return project


def test_every_third_party_import_is_declared() -> None:
    assert undeclared(ROOT / "game", pyproject()) == []


def test_the_check_finds_an_undeclared_import(tmp_path: Path) -> None:
    (tmp_path / "game" / "serve").mkdir(parents=True)
    (tmp_path / "game" / "core.py").write_text("import rich.progress\nimport pydantic\n")
    (tmp_path / "game" / "serve" / "web.py").write_text("from aiohttp import web\n")
    project = {"dependencies": ["pydantic>=2"], "optional-dependencies": {"web": ["aiohttp"]}}
    assert undeclared(tmp_path / "game", project) == ["game/core.py: rich (rich)"]
    project["optional-dependencies"] = {}
    assert "game/serve/web.py: aiohttp (aiohttp)" in undeclared(tmp_path / "game", project)


def test_an_import_is_matched_to_its_distribution_name() -> None:
    assert "textual-serve" in distributions("textual_serve")
    assert requirement_name("aiohttp_Jinja2>=1.6") == "aiohttp-jinja2"
    assert requirement_name("tomli>=2.0; python_version < '3.11'") == "tomli"
