"""Read a scenario file: TOML, then the models, then the cross-checks, every problem located."""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path as FilePath
from typing import Any

from pydantic import ValidationError

from . import cache
from .blame import blame
from .cache import Bases
from .checks import check
from .errors import MAX_PROBLEMS, Problem, ScenarioError
from .locator import Path, dotted, line_of, locate_all, nesting_line
from .models import Scenario
from .notation import did_you_mean
from .placement import add_hint, belongs_above, field_model, placed, value_at
from .rawfile import MAX_BYTES as MAX_BYTES  # re-exported: the saves read with these
from .rawfile import Unreadable as Unreadable
from .rawfile import read_bounded as read_bounded
from .shipped import bundled_paths
from .tokens import MAX_MESSAGE, short
from .tomltext import MAX_NESTING, MAX_NUMBER, NUMBER_HINT, decode, parse_toml, table_hint, too_deep
from .variants import Locate, Trace, Where, base_path, check_chain, merge

WORDS: dict[str, tuple[str | None, str]] = {
    # pydantic's error type: the message in the format's words (None: pydantic's), a hint
    "int_type": ("expected a whole number", "write a whole number, without quotes"),
    "int_parsing": ("expected a whole number", "write a whole number, without quotes"),
    "int_from_float": ("expected a whole number, not a decimal", "write a whole number"),
    "string_type": ("expected text in quotes", "write text in quotes"),
    "bool_type": ("expected true or false", "write true or false, without quotes"),
    "bool_parsing": ("expected true or false", "write true or false, without quotes"),
    "list_type": ("expected a list", 'write a list in square brackets: ["a", "b"]'),
    "date_type": ("expected a date", "write a TOML date without quotes: 1939-08-23"),
    "date_from_datetime_parsing": (None, "write a TOML date without quotes: 1939-08-23"),
    "date_parsing": (None, "write a TOML date without quotes: 1939-08-23"),
    "dict_type": ("expected a table", "write a table"),
    "model_type": ("expected a table", "write a table"),
    "string_pattern_mismatch": (
        "not a valid id",
        "ids use lower-case letters, digits and _ and start with a letter",
    ),
    "string_too_long": ("longer than {max_length} characters", ""),
    "too_short": ("may not be empty", "add at least one entry"),
    "greater_than_equal": ("must be at least {ge}", "use a larger number"),
    "less_than_equal": ("must be at most {le}", "use a smaller number"),
    "literal_error": ("must be one of {expected}", "use one of the values listed"),
}


def _unreadable(name: str, message: str, hint: str) -> ScenarioError:
    return ScenarioError([Problem(name, 0, "(file)", message, hint)], unreadable=True)


def read_source(path: str | FilePath) -> bytes:
    """The bytes of a scenario file, or a one-problem `ScenarioError` saying why not."""
    name = str(path)
    try:
        return read_bounded(path, MAX_BYTES)
    except FileNotFoundError:
        raise _unreadable(
            name,
            "no such file",
            "check the path, or use a bundled scenario id (moscow1939 scenarios lists them)",
        )
    except IsADirectoryError:
        raise _unreadable(name, "is a folder, not a scenario file", "give the path of a .toml file")
    except PermissionError:
        raise _unreadable(name, "permission denied", "make the file readable")
    except Unreadable as err:
        hint = "a scenario is a text file: check that this is the right file"
        raise _unreadable(name, str(err.strerror), hint)
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        why = getattr(err, "strerror", None) or str(err)
        raise _unreadable(name, f"cannot read: {why}", "check the path")


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters a terminal acts on rather than shows (escape sequences, bells, direction
overrides): never in a scenario's text, which the game prints."""


def check_shape(raw: dict[str, Any], text: str, name: str, at: Callable[[Path], Where]) -> None:
    """Refuse nesting deeper than `MAX_NESTING`, numbers beyond `MAX_NUMBER` and control
    characters, wherever they are, before anything walks the document recursively or
    prints a number or a text."""
    huge: list[Path] = []
    control: list[tuple[Path, str]] = []
    stack: list[tuple[Path, Any]] = [((), raw)]
    while stack:
        path, node = stack.pop()
        if len(path) > MAX_NESTING:
            line = nesting_line(text, MAX_NESTING) or at(path[:MAX_NESTING])[1]
            raise too_deep(name, line)
        if isinstance(node, dict):
            for k, v in node.items():
                if (bad := CONTROL.search(k)) is not None:
                    control.append((path, bad.group()))
                else:
                    stack.append(((*path, k), v))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node))
        elif isinstance(node, str) and (bad := CONTROL.search(node)) is not None:
            control.append((path, bad.group()))
        elif isinstance(node, int) and not isinstance(node, bool) and abs(node) > MAX_NUMBER:
            huge.append(path)
    problems = [
        Problem(*at(path), dotted(path), "number too large", NUMBER_HINT)
        for path in sorted(huge, key=lambda p: at(p)[1])
    ] + [
        Problem(
            *at(path),
            dotted(path),
            f"a control character (U+{ord(ch):04X}) in the text",
            "remove it: a terminal would act on it rather than show it (write line breaks "
            "as they are, in a multi-line string)",
        )
        for path, ch in sorted(control, key=lambda p: at(p[0])[1])
    ]
    if problems:
        raise ScenarioError(problems[:MAX_PROBLEMS])


def _trim(loc: tuple[Any, ...], data: Any, missing: bool) -> Path:
    """Keep the parts of a pydantic location that exist in the data (drops union tags)."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            if missing and i == len(loc) - 1:
                out.append(part)
            break
        out.append(part)
    return tuple(out)


def plain_words(kind: str, error: Any) -> str:
    """A validation message in the words of the scenario format."""
    words = WORDS.get(kind, (None, ""))[0]
    if words is None:
        return str(error["msg"])
    ctx = {"max_length": "allowed", "expected": "the values listed", "ge": "", "le": ""}
    return words.format(**{**ctx, **(error.get("ctx") or {})})


START_HINT = (
    "write a whole number without quotes, or (format 2) a range [low, high] or "
    "{ values = [...], weights = [...] } (a..b is for amounts drawn in effects)"
)


def _start_problem(value: Any) -> tuple[str, str]:
    """What is wrong with a variable's start that is neither a number nor a drawn start."""
    weights = value.get("weights") if isinstance(value, dict) else None
    if isinstance(weights, list) and any(type(w) is int and w < 0 for w in weights):
        return "a weight below 0 in the drawn start", "weights are 0 or more (0: never drawn)"
    return "expected a whole number or a drawn start", START_HINT


def model_problems(err: ValidationError, data: dict[str, Any]) -> list[tuple[Path, str, str]]:
    found: list[tuple[Path, str, str]] = []
    seen: set[Path] = set()
    for e in err.errors():
        kind = e["type"]
        path = _trim(e["loc"], data, kind == "missing")
        if path in seen:  # one message per place: unions report each branch
            continue
        seen.add(path)
        key = str(path[-1]) if path else ""
        if kind == "extra_forbidden":
            parent = field_model(Scenario, path)
            fields = list(parent.model_fields) if parent else []
            hint = (
                did_you_mean(key, fields)
                or placed(key, value_at(data, path))
                or belongs_above(path, key)
                or (f"known keys here: {', '.join(fields)}" if fields else "remove it")
            )
            found.append((path, f"unknown key '{key}'", hint))
        elif kind == "list_type" and (table := table_hint(path, value_at(data, path))):
            found.append((path, *table))
        elif kind == "missing":
            found.append((path, f"missing key '{key}'", add_hint(path, key)))
        elif key == "start" and path[:1] == ("variables",) and kind.startswith("int_"):
            found.append((path, *_start_problem(value_at(data, path))))
        else:
            found.append((path, plain_words(kind, e), WORDS.get(kind, (None, ""))[1]))
    return found


Read = tuple[dict[str, Any], Locate, str, Trace | None]
"""A parsed document, its locator, a digest of its bytes (and of any base's), and for a
variant what merging it did."""


def read_document(
    text: str, name: str, data: bytes, chain: tuple[str, ...] = (), bases: Bases | None = None
) -> Read:
    """Parse a file and, if it extends another, merge it onto its base (each base read is
    added to `bases`, the nearest first, for the cache to check it again)."""
    raw = parse_toml(text, name)
    lines: dict[Path, int] = {}

    def at(path: Path) -> Where:
        if not lines:  # the text is walked only when a problem needs a line
            lines.update(locate_all(text) or {(): 1})
        return (name, line_of(lines, path) or 1)

    check_shape(raw, text, name, at)
    digest = hashlib.sha256(data).hexdigest()
    if "extends" not in raw:
        return raw, at, digest, None
    where = at(("extends",))
    own = str(raw.get("id", ""))
    chain = (*chain, own)
    check_chain(raw["extends"], chain, where)
    path = base_path(raw["extends"], name, bundled_paths(), where)
    base_data = read_source(path)
    base_key = (str(path), hashlib.sha256(base_data).hexdigest())
    if bases is not None:
        bases.append((str(raw["extends"]), *base_key))
    base_bases: Bases = []
    if _shared is not None and base_key in _shared:
        base_raw, base_at, base_digest, base_bases = _shared[base_key]
    else:
        base_raw, base_at, base_digest, _ = read_document(
            decode(base_data, str(path)), str(path), base_data, chain, base_bases
        )
        if _shared is not None and not base_bases:  # a full scenario: no chain to check
            _shared[base_key] = (base_raw, base_at, base_digest, base_bases)
    if bases is not None:
        bases.extend(base_bases)
    if base_raw.get("id") == raw.get("id"):
        hint = f"'{raw.get('id')}' is the id of the scenario it extends"
        raise ScenarioError([Problem(*at(("id",)), "id", "a variant needs an id of its own", hint)])
    merged, locate, trace = merge(base_raw, base_at, raw, at)
    combined = hashlib.sha256((base_digest + digest).encode()).hexdigest()
    return merged, locate, combined, trace


_shared: dict[tuple[str, str], tuple[dict[str, Any], Locate, str, Bases]] | None = None
"""While `sharing_bases` is on: the bases read so far (merging never changes a base)."""


@contextlib.contextmanager
def sharing_bases() -> Iterator[None]:
    """Read each base once for all the variants loaded inside (the bundled list's)."""
    global _shared
    before, _shared = _shared, {} if _shared is None else _shared
    try:
        yield
    finally:
        _shared = before


def load_text(
    text: str, name: str = "<scenario>", data: bytes | None = None, bases: Bases | None = None
) -> Scenario:
    """Validate scenario text; raise `ScenarioError` with every problem found."""
    try:
        raw, locate, digest, trace = read_document(
            text, name, text.encode() if data is None else data, bases=bases
        )
        return validate_data(raw, locate, name, digest, trace)
    except ScenarioError as err:
        if all(len(str(p)) <= MAX_MESSAGE for p in err.problems):
            raise
        problems = [
            Problem(p.file, p.line, short(p.path), short(p.message), short(p.hint))
            for p in err.problems
        ]
        raise ScenarioError(problems, err.unreadable) from None


def validate_data(
    raw: dict[str, Any], locate: Locate, name: str, digest: str, trace: Trace | None = None
) -> Scenario:
    """Validate a parsed (and merged) document; problems are placed by `locate`, those a
    variant's merge explains (`trace`) at the variant's line that caused them."""

    def problem(path: Path, message: str, hint: str) -> Problem:
        file, line = locate(path)
        return Problem(file, line, dotted(path), message, hint)

    def fail(found: list[tuple[Path, str, str]]) -> ScenarioError:
        found = blame(found, trace, locate)
        problems = sorted((problem(*f) for f in found), key=lambda p: (p.file != name, p.line))
        return ScenarioError(problems[: MAX_PROBLEMS + 1])

    try:
        scenario = Scenario.model_validate(raw)
    except ValidationError as err:
        found = model_problems(err, raw)
        raise fail(found + salvage(raw, err))
    found, code = check(scenario)
    if scenario.remove:
        found.append((("remove",), "remove is only for variants", 'add extends = "..."'))
    if found:
        raise fail(found)
    scenario._code = code
    scenario._file = name
    scenario._digest = digest
    scenario._locate = locate
    return scenario


def salvage(raw: dict[str, Any], err: ValidationError) -> list[tuple[Path, str, str]]:
    """Cross-reference problems of the entries that did validate, so that one report
    holds them too. Entries with errors are set aside; references to their ids are not
    reported as unknown (the id exists, the entry is what is wrong)."""
    bad: dict[str, set[int]] = {}
    for e in err.errors():
        loc = e["loc"]
        if len(loc) < 2 or not isinstance(loc[0], str) or not isinstance(loc[1], int):
            return []  # a problem outside the tables: the rest cannot be checked yet
        bad.setdefault(loc[0], set()).add(loc[1])
    kept: dict[str, list[int]] = {}
    trimmed = dict(raw)
    set_aside: set[str] = set()
    for table, indexes in bad.items():
        entries = raw.get(table)
        if not isinstance(entries, list):
            return []
        kept[table] = [i for i in range(len(entries)) if i not in indexes]
        trimmed[table] = [entries[i] for i in kept[table]]
        for i in indexes:
            entry = entries[i]
            if isinstance(entry, dict):
                set_aside |= {str(entry.get(k)) for k in ("id", "key", "action") if k in entry}
    try:
        partial = Scenario.model_validate(trimmed)
    except ValidationError:
        return []  # required tables emptied: nothing more to say until they are fixed
    found, _ = check(partial)
    out = []
    for path, message, hint in found:
        if any(f"'{ident}'" in message or f"{{{ident}}}" in message for ident in set_aside):
            continue
        if path and path[0] in kept and len(path) > 1 and isinstance(path[1], int):
            path = (path[0], kept[str(path[0])][path[1]], *path[2:])
        out.append((path, message, hint))
    return out


def load_scenario(path: str | FilePath) -> Scenario:
    """Read and validate a scenario file (merging it onto its base if it is a variant).
    A file read before, with the same bytes and the same bases, comes from the cache."""
    return load_bytes(path, read_source(path))


def load_bytes(path: str | FilePath, data: bytes, digest: str | None = None) -> Scenario:
    """`load_scenario` of a file whose bytes were just read (`read_source`), and perhaps
    hashed (`digest`: their SHA-256)."""
    name = str(path)
    kept = cache.recall(name, data, digest)
    if kept is not None:
        if kept._locate is None:  # from the disk: lines are found again only if asked for
            kept._locate = Relocate(name, data)
        return kept
    bases: Bases = []
    scenario = load_text(decode(data, name), name, data, bases)
    cache.keep(name, data, scenario, bases)
    return scenario


class Relocate:
    """The lines of a cached scenario's keys, found by reading its text again when a
    warning first needs one (a cached scenario is valid, so errors never do)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.data = name, data
        self.locate: Locate | None = None

    def __call__(self, path: Path) -> Where:
        if self.locate is None:
            self.locate = read_document(decode(self.data, self.name), self.name, self.data)[1]
        return self.locate(path)
