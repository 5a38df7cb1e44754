"""Map a key path in a TOML document back to its line.

`tomllib` returns plain values with no positions, so this module walks the source text
once, the way a TOML reader would, and records the line where each key, table, array of
tables and array element begins. It assumes the text has already been parsed without
error by `tomllib`; on text it cannot follow it stops early and knows fewer lines.
"""

from __future__ import annotations

import contextlib
import re

Path = tuple[str | int, ...]

BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
MAX_KEY_PARTS = 64
"""A dotted key longer than this stops the walk (the loader refuses such nesting anyway)."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line = 1
        self.lines: dict[Path, int] = {}
        self.aot: dict[Path, int] = {}  # arrays of tables: path -> number of elements so far

    # -- low-level --------------------------------------------------------------------
    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.s[j] if j < len(self.s) else ""

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.i < len(self.s):
                if self.s[self.i] == "\n":
                    self.line += 1
                self.i += 1

    def skip_space(self, newlines: bool) -> None:
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.advance()
            elif c == "#":
                while self.i < len(self.s) and self.s[self.i] != "\n":
                    self.i += 1
            else:
                return

    def record(self, path: Path, line: int) -> None:
        self.lines.setdefault(path, line)

    # -- keys and strings -------------------------------------------------------------
    def string(self) -> str:
        quote = self.peek()
        triple = self.s.startswith(quote * 3, self.i)
        if triple:
            self.advance(3)
            end = self.s.find(quote * 3, self.i)
            if end < 0:
                raise ValueError("unterminated string")
            while self.s.startswith(quote, end + 3):  # up to two quotes may close the string
                end += 1
            value = self.s[self.i : end]
            self.advance(end + 3 - self.i)
            return value
        self.advance()
        out = []
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "\\" and quote == '"':
                out.append(self.s[self.i : self.i + 2])
                self.advance(2)
                continue
            if c == quote:
                self.advance()
                return "".join(out)
            if c == "\n":
                raise ValueError("newline in string")
            out.append(c)
            self.advance()
        raise ValueError("unterminated string")

    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_space(False)
            c = self.peek()
            if c in ('"', "'"):
                parts.append(self.string())
            else:
                start = self.i
                while self.peek() in BARE and self.peek():
                    self.i += 1
                if start == self.i:
                    raise ValueError("expected a key")
                parts.append(self.s[start : self.i])
            self.skip_space(False)
            if len(parts) > MAX_KEY_PARTS:
                raise ValueError("key too long")
            if self.peek() == ".":
                self.advance()
                continue
            return parts

    def resolve(self, parts: list[str]) -> Path:
        """Resolve a header's dotted key, stepping into the latest element of arrays."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.aot:
                path = (*path, self.aot[path] - 1)
        return path

    # -- values -----------------------------------------------------------------------
    def value(self, path: Path) -> None:
        c = self.peek()
        if c in ('"', "'"):
            self.string()
        elif c == "[":
            self.array(path)
        elif c == "{":
            self.inline_table(path)
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1

    def array(self, path: Path) -> None:
        self.advance()  # [
        index = 0
        while True:
            self.skip_space(True)
            if self.peek() == "]" or not self.peek():
                self.advance()
                return
            self.record((*path, index), self.line)
            self.value((*path, index))
            index += 1
            self.skip_space(True)
            if self.peek() == ",":
                self.advance()

    def inline_table(self, path: Path) -> None:
        self.advance()  # {
        while True:
            self.skip_space(True)
            if self.peek() == "}" or not self.peek():
                self.advance()
                return
            self.keyval(path)
            self.skip_space(True)
            if self.peek() == ",":
                self.advance()

    def keyval(self, table: Path) -> None:
        line = self.line
        parts = self.key()
        path = (*table, *parts)
        for n in range(1, len(parts) + 1):
            self.record((*table, *parts[:n]), line)
        self.skip_space(False)
        if self.peek() != "=":
            raise ValueError("expected '='")
        self.advance()
        self.skip_space(False)
        self.value(path)

    # -- document ---------------------------------------------------------------------
    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_space(True)
            if not self.peek():
                return
            line = self.line
            if self.peek() == "[":
                double = self.peek(1) == "["
                self.advance(2 if double else 1)
                parts = self.key()
                self.advance(2 if double else 1)
                for n in range(1, len(parts)):  # a table first named in a header
                    self.record(self.resolve(parts[:n]), line)
                if double:
                    parent = self.resolve(parts[:-1])
                    arr = (*parent, parts[-1])
                    self.record(arr, line)
                    self.aot[arr] = self.aot.get(arr, 0) + 1
                    table = (*arr, self.aot[arr] - 1)
                else:
                    table = self.resolve(parts)
                self.record(table, line)
            else:
                self.keyval(table)


def locate_all(text: str) -> dict[Path, int]:
    """Every key path in `text` with the line (from 1) where it starts."""
    scanner = _Scanner(text)
    with contextlib.suppress(ValueError, IndexError):  # keep what was found before any loss
        scanner.document()
    return scanner.lines


TOML_SKIP = re.compile(
    r'"""[\s\S]*?""""{0,2}'  # a multi-line basic string
    r"|'''[\s\S]*?''''{0,2}"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"?'  # a basic string
    r"|'[^'\n]*'?"  # a literal string
    r"|#[^\n]*"  # a comment
)
"""Strings and comments, whose brackets do not nest."""
TOML_MARK = re.compile(r"[\[\]{}\n\"'#]")


def nesting_line(text: str, limit: int) -> int:
    """The line where arrays and inline tables first nest deeper than `limit`; 0 if they
    never do. For text `tomllib` could not follow, so it assumes nothing of it."""
    depth, line, i = 0, 1, 0
    while (m := TOML_MARK.search(text, i)) is not None:
        c, i = m.group(), m.end()
        if c == "\n":
            line += 1
        elif c in "[{":
            depth += 1
            if depth > limit:
                return line
        elif c in "]}":
            depth = max(0, depth - 1)
        else:  # a string or a comment: step over it
            skipped = TOML_SKIP.match(text, m.start())
            end = skipped.end() if skipped else i
            line += text.count("\n", i, end)
            i = max(i, end)
    return 0


def line_of(lines: dict[Path, int], path: Path) -> int:
    """The line of `path`, or of its nearest located parent; 0 if none is known."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 0


def dotted(path: Path) -> str:
    """`('actions', 3, 'when')` as `actions[3].when`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "(top)"
