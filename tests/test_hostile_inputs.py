"""Hostile scenario input: whatever a file under the size limit holds, loading it gives a
scenario or a `ScenarioError` located in the file, at once. Never another exception, a hang,
a slow turn, or a message that echoes a huge expression back (issue 17)."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import cli
from game.scenario import Scenario, ScenarioError, bundled, load_scenario, load_text
from game.scenario.notation import Names, NotationError, parse_condition

from .conftest import TESTS, TINY

TEXT = TINY.read_text(encoding="utf-8")
CONTEST = (TESTS / "scenarios" / "contest.toml").read_text(encoding="utf-8")
WHEN = 'when = "not treaty"'
A = '[[variables]]\nid = "a"\nlabel = "A"\nmin = 0\nmax = 1000000000\nstart = 1000000000\n\n'
WITH_A = TEXT.replace("[[flags]]\n", A + "[[flags]]\n", 1)
"""The tiny scenario with a variable of one letter and the largest values allowed."""
NAMES = Names(variables=frozenset({"a", "trust"}), flags=frozenset({"treaty"}))
LONGEST = 3000
"""No report about one hostile file is longer than this."""


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def refused(text: str, name: str = "hostile.toml") -> ScenarioError:
    """The error loading `text` raises (any other exception fails the test)."""
    with pytest.raises(ScenarioError) as info:
        load_text(text, name)
    report = info.value.report()
    assert len(report) < LONGEST, report[:500]
    assert all(p.file == name and p.line >= 0 for p in info.value.problems)
    return info.value


def condition(expression: str, text: str = WITH_A) -> str:
    return text.replace(WHEN, f'when = "{expression}"', 1)


class Hung(BaseException):
    """Raised by `deadline` (not an OSError: nothing may mistake it for a read error)."""


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging for ever."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise Hung(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# -- TOML: nesting and numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 20 deep"),
        ("{ a = " * 5_000 + "1" + " }" * 5_000, "nested more than 20 deep"),
        ("[" * 50 + "]" * 50, "nested more than 20 deep"),  # parses, then is refused
        ("[" * 600 + "1" + "]" * 600, "nested more than 20 deep"),
        ("9" * 4_301, "a number with thousands of digits"),
        ("-" + "9" * 5_000, "a number with thousands of digits"),
    ],
    ids=["arrays-100000", "tables-5000", "arrays-50", "arrays-600", "digits-4301", "digits-5000"],
)
def test_deep_nesting_and_huge_numbers_are_located(value: str, message: str) -> None:
    text = TEXT + f"\nextra = {value}\n"
    err = refused(text)
    assert message in err.report()
    assert err.problems[0].line == line_of(text, "extra =")


def test_a_long_dotted_key_is_refused() -> None:
    assert "nested more than 20 deep" in refused(TEXT + "\nx" + ".x" * 2_000 + " = 1\n").report()


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("start = 40", "start = 10000000000", "variables[0].start"),
        ("min = 0", "min = -1000000000000", "variables[0].min"),
        ("max = 100", "max = " + "9" * 4_000, "variables[0].max"),
        ("drift = -2", "drift = 0x7fffffffffffffffffff", "variables[0].drift"),
    ],
)
def test_bounds_and_starts_are_bounded(old: str, new: str, where: str) -> None:
    text = TEXT.replace(old, new, 1)
    err = refused(text)
    assert err.problems[0].path == where and "number too large" in err.problems[0].message
    assert err.problems[0].line == line_of(text, new)
    assert "1,000,000,000" in err.problems[0].hint and len(err.report()) < 300


def test_the_largest_numbers_allowed_load() -> None:
    sc = load_text(WITH_A)
    assert next(v for v in sc.variables if v.id == "a").start == 10**9


# -- the notation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("(" * 300 + "treaty" + ")" * 300, "nested too deeply"),
        ("-" * 1_000 + "a > 1", "nested too deeply"),
        ("not " * 490 + "treaty", "nested too deeply"),
        ("1+" * 990 + "1 > 0", "more than 128 names, numbers and operators"),
        ("treaty and " * 180 + "treaty", "more than 128 names, numbers and operators"),
        ("a*" * 399 + "a > 0", "more than 128 names, numbers and operators"),
        ("min(" * 200 + "a" + ", 1)" * 200 + " > 0", "nested too deeply"),
        ("treaty and " * 40_000 + "treaty", "characters long; the limit is 2,000"),
    ],
    ids=["parens", "minus", "not", "plus", "and", "times", "min", "160k"],
)
def test_deep_or_long_expressions_are_refused_with_a_column(expression: str, message: str) -> None:
    with pytest.raises(NotationError) as info:
        parse_condition(expression, NAMES)
    assert message in info.value.message and info.value.column > 0
    err = refused(condition(expression).replace("format = 1", "format = 2", 1))
    report = err.report()
    assert message in report and "(column " in report
    assert len(report) < 600, "the expression is quoted in part, not echoed whole"
    assert err.problems[0].line == line_of(WITH_A, WHEN)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["(", "-", "not ", "min(a, ", "a + ", "a * "]), max_size=400))
def test_any_nesting_of_the_notation_is_refused_or_accepted(prefixes: list[str]) -> None:
    closing = {"(": ")", "min(a, ": ")"}
    body = "a" if not prefixes or prefixes[-1] != "not " else "treaty"
    text = "".join(prefixes) + body + "".join(closing.get(p, "") for p in reversed(prefixes))
    try:
        parse_condition(text + (" > 0" if "not " not in prefixes else ""), NAMES)
    except NotationError as err:
        assert len(err.message) < 200 and len(err.hint) < 200


def test_the_costliest_expression_allowed_stays_cheap() -> None:
    """128 nodes, all multiplied, on the largest values: still microseconds a turn."""
    costly = "a*" * 62 + "a > 0"
    sc = load_text(condition(costly))
    fn = sc._code.conditions[costly]
    env = {"a": 10**9, "trust": 40, "treaty": 0, "rebuffed": 0, "turn": 1, "date": 0}
    start = time.perf_counter()
    for _ in range(1_000):
        assert fn(env) == 1
    assert time.perf_counter() - start < 1.0
    refused(condition("a*" * 64 + "a > 0"))


@pytest.mark.parametrize(
    ("expression", "column"), [("trust > 5０", 10), ("trust > ６０", 9), ("trust >= ４", 10)]
)
def test_only_ascii_digits_are_numbers(expression: str, column: int) -> None:
    with pytest.raises(NotationError) as info:
        parse_condition(expression, NAMES)
    assert "is not an ASCII digit" in info.value.message and info.value.column == column
    assert "0-9" in info.value.hint
    assert "not an ASCII digit" in refused(condition(expression)).report()
    parse_condition("trust > 50", NAMES)


def test_conditional_effects_nest_only_so_deep() -> None:
    deep = "if true then " * 5 + "progress -= 6"
    text = CONTEST.replace("if uses.press >= 3 then progress -= 6", deep, 1)
    assert "'if' nested more than 4 deep" in refused(text).report()
    text = CONTEST.replace(
        "if uses.press >= 3 then progress -= 6", "if true then " * 4 + "progress -= 6"
    )
    assert isinstance(load_text(text), Scenario)


# -- locations and ids --------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["[evnts.history]", "[[evnts.items]]", "[powers_x.a.b]"])
def test_a_key_first_seen_in_a_dotted_header_is_located_there(header: str) -> None:
    text = TEXT + f"\n# a misspelt table\n{header}\nnote = 'x'\n"
    err = refused(text)
    assert err.problems[0].line == line_of(text, header), err.report()


def test_an_extends_of_300_characters(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_text(f'format = 1\nid = "v"\nextends = "{"a" * 300}"\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.problems[0].line == 3 and "scenario id" in info.value.report()


def test_a_scenario_id_of_300_characters() -> None:
    with pytest.raises(ScenarioError, match="no bundled scenario has this id"):
        bundled.load("a" * 300)


# -- files that are not regular files ------------------------------------------------------------

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")


@posix_only
def test_a_fifo_a_device_or_a_link_to_one_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    for path in (fifo, Path("/dev/zero"), link):
        with deadline(5), pytest.raises(ScenarioError) as info:
            load_scenario(path)
        assert info.value.unreadable and "not a regular file" in info.value.report()


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (2 * 1024 * 1024 + 1))
    with pytest.raises(ScenarioError, match="the limit is 2,097,152"):
        load_scenario(big)


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "outside"])
def test_a_variant_base_must_be_a_regular_file_beside_it(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "variants"
    folder.mkdir()
    (folder / "v.toml").write_text('format = 1\nid = "v"\nextends = "base"\n', encoding="utf-8")
    base = folder / "base.toml"
    if target == "fifo":
        os.mkfifo(base)
    elif target == "outside":
        (tmp_path / "elsewhere.toml").write_text(TEXT, encoding="utf-8")
        base.symlink_to(tmp_path / "elsewhere.toml")
    else:
        base.symlink_to(target)
    with deadline(5), pytest.raises(ScenarioError) as info:
        load_scenario(folder / "v.toml")
    assert info.value.problems[0].line == 3
    assert "not a regular file" in info.value.report() or "outside" in info.value.report()


@posix_only
def test_a_link_to_a_base_in_the_same_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "tiny_copy.toml").write_text(TEXT, encoding="utf-8")
    (tmp_path / "base.toml").symlink_to(tmp_path / "tiny_copy.toml")
    (tmp_path / "v.toml").write_text('format = 1\nid = "v"\nextends = "base"\n', encoding="utf-8")
    assert load_scenario(tmp_path / "v.toml").id == "v"


# -- a hostile corpus, in-process and through the command line ------------------------------------


@st.composite
def nested(draw: st.DrawFn) -> str:
    depth = draw(st.integers(1, 3_000))
    kinds = draw(st.lists(st.sampled_from(["[", "{ k = "]), min_size=1, max_size=3))
    opens = [kinds[i % len(kinds)] for i in range(depth)]
    inner = draw(st.sampled_from(["1", '"x"', "", "true"]))
    inner = inner or ("1" if opens[-1] != "[" else "")
    return "".join(opens) + inner + "".join("]" if o == "[" else " }" for o in reversed(opens))


@st.composite
def big_number(draw: st.DrawFn) -> str:
    digits = draw(st.integers(1, 6_000))
    sign = draw(st.sampled_from(["", "-", "+"]))
    return sign + draw(st.sampled_from("123456789")) + "7" * (digits - 1)


PLACES = {
    "start": ("start = 40", "start = {}"),
    "min": ("min = 0", "min = {}"),
    "max": ("max = 100", "max = {}"),
    "drift": ("drift = -2", "drift = {}"),
    "leaders": ('leaders = ["Halifax — Foreign Secretary"]', "leaders = [{}]"),
    "sources": ('sources = ["GSE"] }', "sources = [{}] }"),
    "extra": ("[[flags]]\n", "extra = {}\n\n[[flags]]\n"),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(nested(), big_number()), st.sampled_from(sorted(PLACES)))
def test_hostile_corpus_in_process(value: str, place: str) -> None:
    old, new = PLACES[place]
    text = TEXT.replace(old, new.replace("{}", value), 1)
    try:
        sc = load_text(text, "corpus.toml")
    except ScenarioError as err:
        assert len(err.report()) < LONGEST
        return
    assert all(abs(v.min) <= 10**9 and abs(v.max) <= 10**9 for v in sc.variables)


CLI_CASES = {
    "deep.toml": TEXT + "\nx = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "digits.toml": TEXT.replace("start = 40", "start = " + "9" * 4_301),
    "bound.toml": TEXT.replace("max = 100", "max = " + "9" * 4_000),
    "parens.toml": condition("(" * 300 + "treaty" + ")" * 300),
    "minus.toml": condition("-" * 1_000 + "a > 1"),
    "wide.toml": condition("trust > 5０"),
    "extends.toml": f'format = 1\nid = "v"\nextends = "{"a" * 300}"\n',
}


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_hostile_corpus_through_the_command_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CLI_CASES[name], encoding="utf-8")
    out = io.StringIO()
    assert cli.main(["validate", str(path)], out=out) in (1, 2)
    text = out.getvalue()
    assert "Traceback" not in text and "\n\n" not in text.strip() and len(text) < LONGEST
    assert text.startswith(f"{path}:")


@posix_only
def test_a_fifo_through_the_command_line(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    out = io.StringIO()
    with deadline(5):
        assert cli.main(["validate", str(fifo)], out=out) == 2
    assert "not a regular file" in out.getvalue()
