"""The ids a scenario file declares, where, and what they are called: for completion, hover
and go to definition.

A file that parses as TOML is read with `tomllib` (labels and history notes exactly, lines
from the locator); a broken one is scanned line by line, so that completion and hover keep
working while the author types. A variant's index holds its base's ids too, the base found
the way the loader finds it (`ID.toml` beside the variant, else a bundled scenario).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

from ..scenario.errors import ScenarioError
from ..scenario.loader import MAX_BYTES, read_source
from ..scenario.locator import locate_all
from ..scenario.shipped import bundled_paths
from ..scenario.tomltext import TOMLDecodeError, decode, loads
from ..scenario.variants import MAX_DEPTH, base_path

KINDS = {
    "powers": "power",
    "variables": "variable",
    "flags": "flag",
    "events": "event",
    "actions": "action",
    "endings": "ending",
    "names": "name",
}
"""The tables whose entries declare ids, and what one of their ids is called."""
LABELS = ("label", "name", "title", "text")
"""The keys that give an entry's label, the first one present wins."""
NOTE_LINES = 3

HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")
ID_LINE = re.compile(r'^\s*id\s*=\s*"([a-z][a-z0-9_]*)"')
TEXT_LINE = re.compile(r'^\s*(label|name|title|text|note)\s*=\s*"((?:[^"\\]|\\.)*)"?')
INLINE_NOTE = re.compile(r'^\s*history\s*=\s*\{\s*note\s*=\s*"((?:[^"\\]|\\.)*)"?')
EXTENDS_LINE = re.compile(r'^\s*extends\s*=\s*"([a-z][a-z0-9_]*)"')


@dataclass(frozen=True)
class Decl:
    """One declared id: its kind, label, history note, and the file and line (from 0) and
    column of its id's value."""

    kind: str
    id: str
    label: str
    note: str
    file: str
    line: int
    column: int


@dataclass
class Index:
    """The ids of a document and of its bases, the document's first."""

    decls: list[Decl]

    def find(self, ident: str) -> list[Decl]:
        return [d for d in self.decls if d.id == ident]

    def ids(self) -> dict[str, Decl]:
        """One declaration per id (the document's own before its base's)."""
        out: dict[str, Decl] = {}
        for d in self.decls:
            out.setdefault(d.id, d)
        return out


def _first_lines(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return "\n".join(lines[:NOTE_LINES])


def _label(entry: dict[str, Any]) -> str:
    for key in LABELS:
        value = entry.get(key)
        if isinstance(value, str):
            return value
    return ""


def _column(lines: list[str], line: int, ident: str) -> int:
    if 0 <= line < len(lines):
        found = lines[line].find(f'"{ident}"')
        return found + 1 if found >= 0 else 0
    return 0


def parsed_decls(raw: dict[str, Any], text: str, file: str) -> list[Decl]:
    """The declarations of a document `tomllib` read."""
    where = locate_all(text)
    lines = text.splitlines()
    out = []
    for table, kind in KINDS.items():
        entries = raw.get(table)
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                continue
            ident = entry["id"]
            line = where.get((table, i, "id"), where.get((table, i), 1)) - 1
            history = entry.get("history")
            note = history.get("note") if isinstance(history, dict) else None
            note = _first_lines(note) if isinstance(note, str) else ""
            out.append(
                Decl(kind, ident, _label(entry), note, file, line, _column(lines, line, ident))
            )
    return out


def scanned_decls(text: str, file: str) -> list[Decl]:
    """The declarations of a document that is not valid TOML, found line by line."""
    out: list[Decl] = []
    table = ""
    current: dict[str, Any] | None = None
    lines = text.splitlines()

    def close() -> None:
        if current is not None and current.get("id"):
            ident, line = current["id"], current["line"]
            out.append(
                Decl(
                    KINDS[table],
                    ident,
                    _label(current),
                    _first_lines(current.get("note", "")),
                    file,
                    line,
                    _column(lines, line, ident),
                )
            )

    for number, line in enumerate(lines):
        header = HEADER.match(line) or TABLE.match(line)
        if header:
            name = header.group(1)
            if table and name.startswith(f"{table}."):
                continue  # a sub-table of the entry: [events.history], [[actions.replies]]
            close()
            table, current = (name, {}) if name in KINDS and HEADER.match(line) else ("", None)
        elif current is not None and (m := ID_LINE.match(line)) and "id" not in current:
            current["id"], current["line"] = m.group(1), number
        elif current is not None and (m := TEXT_LINE.match(line)):
            current.setdefault(m.group(1), m.group(2))
        elif current is not None and (m := INLINE_NOTE.match(line)):
            current.setdefault("note", m.group(1))
    close()
    return out


def document_decls(text: str, file: str) -> tuple[list[Decl], str]:
    """The declarations of one document, and the id it `extends` ('' if none)."""
    if len(text) > MAX_BYTES:
        return [], ""
    try:
        raw = loads(text)
    except (TOMLDecodeError, RecursionError, ValueError):
        match = next((m for line in text.splitlines() if (m := EXTENDS_LINE.match(line))), None)
        return scanned_decls(text, file), match.group(1) if match else ""
    extends = raw.get("extends")
    return parsed_decls(raw, text, file), extends if isinstance(extends, str) else ""


def index(text: str, file: str) -> Index:
    """The ids of the document `text` (read from `file`, perhaps unsaved) and of its bases."""
    decls, extends = document_decls(text, file)
    seen = {file}
    for _ in range(MAX_DEPTH):
        if not extends:
            break
        try:
            base = base_path(extends, file, bundled_paths(), (file, 0))
            file = str(base)
            if file in seen:
                break
            seen.add(file)
            more, extends = _base_decls(base)
        except (ScenarioError, OSError, ValueError):  # the diagnostics say why
            break
        decls.extend(more)
    return Index(decls)


_bases: dict[tuple[str, int, int], tuple[list[Decl], str]] = {}


def _base_decls(path: FilePath) -> tuple[list[Decl], str]:
    """A base file's declarations, read again only when the file changes on disk."""
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _bases:
        if len(_bases) > 8:
            _bases.clear()
        _bases[key] = document_decls(decode(read_source(path), str(path)), str(path))
    return _bases[key]
