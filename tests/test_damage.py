"""Property: however a scenario file is damaged, the loader returns a scenario or raises
its own located error — nothing else, ever."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario import Scenario, ScenarioError, load_text

from .conftest import MAIN, TINY

SOURCES = [TINY.read_text(encoding="utf-8")]
if MAIN.exists():
    SOURCES.append(MAIN.read_text(encoding="utf-8"))

VALUES = [
    '""',
    "0",
    "-1",
    "999999",
    "true",
    "[]",
    "{}",
    '"x"',
    "1939-13-45",
    "1939-08-23",
    '"not (a"',
    '"__import__(1)"',
    "[[",
    '"""',
    "'",
    "nan",
    "inf",
    '["all"]',
]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SOURCES))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "truncate", "flip"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {draw(st.sampled_from(VALUES))}"
        elif kind == "truncate":
            joined = "\n".join(lines)
            cut = draw(st.integers(0, len(joined)))
            lines = joined[:cut].split("\n")
        elif kind == "flip":
            joined = bytearray("\n".join(lines).encode("utf-8"))
            if joined:
                k = draw(st.integers(0, len(joined) - 1))
                joined[k] ^= 1 << draw(st.integers(0, 7))
            lines = joined.decode("utf-8", errors="replace").split("\n")
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_scenario_loads_or_fails_cleanly(text: str) -> None:
    try:
        result = load_text(text, "damaged.toml")
    except ScenarioError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file == "damaged.toml"
            assert problem.line >= 1
            assert problem.path
            assert re.match(r"^damaged\.toml:\d+: \S", str(problem))
    else:
        assert isinstance(result, Scenario)
