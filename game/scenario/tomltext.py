"""Scenario text into TOML data, with the TOML mistakes authors make explained in the
format's words: a byte-order mark, an inline table split over lines, `[x]` where `[[x]]`
is meant, a sub-table before its parent, a nested table written at the top level."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .errors import Problem, ScenarioError
from .locator import TOML_MARK, TOML_SKIP, nesting_line


def _parser() -> ModuleType:
    """`tomli` before 2.3 where it is installed: the standard library's `tomllib` compiled,
    about twice as fast on a large scenario. Later ones read TOML 1.1, which the format
    (and `tomllib` up to Python 3.14) does not: they, or no tomli, mean `tomllib`."""
    try:
        import tomli

        if tuple(int(n) for n in tomli.__version__.split(".")[:2]) < (2, 3):
            return tomli
    except (ImportError, AttributeError, ValueError):
        pass
    return tomllib


_toml = _parser()
loads: Callable[[str], dict[str, Any]] = _toml.loads
"""TOML 1.0 text into data, exactly as `tomllib` reads it."""
TOMLDecodeError: type[ValueError] = _toml.TOMLDecodeError

MAX_NESTING = 20
"""The deepest lists and tables may nest (the format needs about seven levels)."""
MAX_NUMBER = 10**9
"""The largest number, either way, a scenario may write."""
NUMBER_HINT = f"numbers in a scenario are at most {MAX_NUMBER:,} either way"
BOM = "\ufeff"
SYNTAX_HINT = "check quotes, brackets, commas and '=' on this line and the one before"
_HEADER = re.compile(r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_.\- \t]+?)[ \t]*\]\]?[ \t]*(#.*)?$")


def decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ScenarioError(
            [Problem(name, line, "(file)", "not valid UTF-8 text", "save the file as UTF-8")]
        )


def toml_problem(name: str, line: int, message: str, hint: str) -> ScenarioError:
    return ScenarioError([Problem(name, line, "(toml)", message, hint)])


def too_deep(name: str, line: int) -> ScenarioError:
    return toml_problem(
        name,
        line,
        f"lists and tables nested more than {MAX_NESTING} deep",
        "a scenario needs a few levels at most: check the brackets on this line",
    )


def parse_toml(text: str, name: str) -> dict[str, Any]:
    if text.startswith(BOM):
        raise ScenarioError(
            [
                Problem(
                    name,
                    1,
                    "(file)",
                    "the file starts with a byte-order mark (BOM), which TOML does not allow",
                    "save it as UTF-8 without BOM: in VS Code click 'UTF-8 with BOM' in the "
                    "status bar, then 'Save with Encoding' and 'UTF-8'; in Notepad choose "
                    "'Save as' with the encoding 'UTF-8', not 'UTF-8 with BOM'",
                )
            ]
        )
    try:
        return loads(text)
    except TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else text.count("\n") + 1
        if m and (explained := explain(text, msg, line, int(m.group(2)))):
            raise toml_problem(name, *explained)
        if not m and "end of document" in msg:
            msg += " at the end of the file"
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
        col = f" (column {m.group(2)})" if m else ""
        raise toml_problem(name, line, f"TOML syntax: {msg}{col}", SYNTAX_HINT)
    except RecursionError:
        raise too_deep(name, nesting_line(text, MAX_NESTING))
    except ValueError:  # an integer past Python's limit on digits
        long = re.search(r"[0-9][0-9_]{999,}", text)
        line = text.count("\n", 0, long.start()) + 1 if long else 0
        raise toml_problem(name, line, "a number with thousands of digits", NUMBER_HINT)


def explain(text: str, message: str, line: int, col: int) -> tuple[int, str, str] | None:
    """A located message and hint for a TOML mistake whose cause is known, else None."""
    lines = text.split("\n")
    start = sum(len(s) + 1 for s in lines[: line - 1])
    opened = _open_inline_table(text, start + col - 1)
    if opened is not None:
        first = text.count("\n", 0, opened) + 1
        return (
            first,
            "TOML syntax: an inline table { ... } is split over more than one line; "
            "inline tables must fit on one line",
            "join it onto one line (a list [ ... ] may span lines, a { ... } may not), or "
            "write it as a table of its own: a [section] header with one key a line",
        )
    if "overwrite" in message and 0 < line <= len(lines):
        return _header_clash(lines, line) or _key_twice(lines, line)
    return None


_KEY = re.compile(r"""^[ \t]*([A-Za-z0-9_\-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=""")


def _key_twice(lines: list[str], line: int) -> tuple[int, str, str] | None:
    """A key given a second time in the same table: where it was first."""
    here = _KEY.match(lines[line - 1])
    if not here:
        return None
    key = here.group(1).strip("\"'")
    for n in range(line - 1, 0, -1):
        if _HEADER.match(lines[n - 1]):
            break
        earlier = _KEY.match(lines[n - 1])
        if earlier and earlier.group(1).strip("\"'") == key:
            return (
                line,
                f"'{key}' is given twice in this table (first on line {n})",
                "keep one of the two: a key is written once in each table",
            )
    return None


def _open_inline_table(text: str, offset: int) -> int | None:
    """Where the `{` is that is still open at `offset`, an error at the end of a line: an
    inline table that goes on to the next line (TOML stops at the first line break)."""
    stack: list[tuple[str, int]] = []
    i = 0
    while (m := TOML_MARK.search(text, i)) is not None and m.start() < offset:
        c, i = m.group(), m.end()
        if c in "[{":
            stack.append((c, m.start()))
        elif c in "]}":
            if stack:
                stack.pop()
        elif c != "\n":  # a string or a comment: step over it
            skipped = TOML_SKIP.match(text, m.start())
            i = max(i, skipped.end() if skipped else i)
    end = text.find("\n", offset)
    rest = text[offset : end if end >= 0 else len(text)].strip()
    if stack and stack[-1][0] == "{" and (not rest or rest.startswith("#")):
        return stack[-1][1]
    return None


def _header_clash(lines: list[str], line: int) -> tuple[int, str, str] | None:
    """`[[x]]` refused because an earlier header already made `x` a single table."""
    here = _HEADER.match(lines[line - 1])
    if not here:
        return None
    name = re.sub(r"[ \t]", "", here.group(2))
    for n, text in enumerate(lines[: line - 1], start=1):
        earlier = _HEADER.match(text)
        if not earlier:
            continue
        other = re.sub(r"[ \t]", "", earlier.group(2))
        if other == name and earlier.group(1) == "[" and here.group(1) == "[[":
            return (
                n,
                f"[{name}] makes '{name}' a single table, so the [[{name}]] on line {line} "
                "cannot add to it",
                f"use [[{name}]] for a list of tables: write [[{name}]] here too",
            )
        if other.startswith(name + ".") and here.group(1) == "[[":
            parent = f"[[{name}]]"
            return (
                n,
                f"{earlier.group(1)}{other}{earlier.group(1).replace('[', ']')} comes before "
                f"any {parent}: TOML reads it as making '{name}' a table, and the {parent} on "
                f"line {line} cannot then start the list",
                f"move it below the {parent} entry it belongs to",
            )
    return None


def table_hint(path: tuple[str | int, ...], value: Any) -> tuple[str, str] | None:
    """The message and hint for a single table given where a list of tables is wanted."""
    if not isinstance(value, dict) or not path or not isinstance(path[-1], str):
        return None
    name = ".".join(str(p) for p in path if isinstance(p, str))
    nested = [k for k, v in value.items() if isinstance(v, list | dict)]
    if nested and all(isinstance(value[k], list) for k in nested) and len(nested) == len(value):
        sub = f"{name}.{nested[0]}"
        return (
            f"[[{sub}]] comes before any [[{name}]]: TOML reads it as making '{name}' "
            "a table, not a list",
            f"put [[{name}]] and its keys above it, or move it below the entry it belongs to",
        )
    return (
        f"[{name}] is a single table, but {name} is a list of tables",
        f"use [[...]] for a list of tables: write [[{name}]], once before each entry",
    )
