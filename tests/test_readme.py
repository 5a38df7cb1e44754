"""The README's commands: the install line comes first and makes a venv (PEP 668), and its
test command is the one CI runs."""

from __future__ import annotations

import re

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV_LINE = "python3 -m venv .venv && . .venv/bin/activate && pip install -e ."
TEST_LINE = "python3 -m pip install -e '.[test]' && python3 -m pytest"


def _commands(section: str) -> list[str]:
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in body.splitlines() if line.startswith("    ")]


def test_the_first_install_line_is_a_venv() -> None:
    assert _commands("Play")[0] == VENV_LINE
    assert "PEP 668" in README
    assert {"pipx install .", "uv tool install ."} <= {
        re.sub(r"\s+#.*", "", c) for c in _commands("Play")
    }


def test_the_test_command_is_the_one_ci_runs() -> None:
    assert TEST_LINE in _commands("Test")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == TEST_LINE
