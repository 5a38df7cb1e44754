"""Plain mode's voice: lines wrapped to a width (or not at all), answers read from a line of
input and echoed when piped, and a record of both that a transcript file can hold.

It knows nothing of the game: `Menu` asks a numbered question and returns the key of the
answer; words it does not know go to a hook that the game's loop provides.
"""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

WIDTH = 78
"""The default width of a line; 0 leaves the wrapping to the screen reader or terminal."""


MAX_LINE = 8192
"""The most of one line of input kept: the rest of a longer line is read and dropped."""


class InputEnded(Exception):
    """Standard input ran out before the game was over."""


def interactive(stream: TextIO) -> bool:
    """Whether a person types at `stream` (a terminal), rather than a file or a pipe."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def number(answer: str) -> int | None:
    """The number a player typed: ASCII digits only, and not absurdly long."""
    if answer.isascii() and answer.isdigit() and len(answer) <= 9:
        return int(answer)
    return None


def printable(line: str) -> str:
    """A typed line as the game keeps and echoes it: each control character, and each byte
    that was not UTF-8 (a surrogate, from surrogateescape), becomes '?'."""
    return "".join(ch if ch.isprintable() else "?" for ch in line)


def short(answer: str, most: int = 40) -> str:
    """An answer as quoted back: a long one is cut short."""
    return answer if len(answer) <= most else answer[: most - 1] + "…"


class Console:
    """Writes and reads lines; keeps everything shown and typed for a transcript."""

    def __init__(self, inp: TextIO, out: TextIO, width: int = WIDTH) -> None:
        self.inp = inp
        self.out = out
        self.width = width
        self.record: list[str] = []
        """Everything written and typed so far, as it would read on paper."""
        self.transcript: TextIO | None = None
        self.transcript_path = ""

    # -- writing -----------------------------------------------------------------------
    def write(self, text: str, typed: bool = False) -> None:
        """Write `text`; a line the player `typed` is shown only when the input is piped
        (a terminal has shown it already), and always goes into the record."""
        if not typed or not interactive(self.inp):
            self.out.write(text)
        self.record.append(text)
        if self.transcript is not None:
            try:
                self.transcript.write(text)
                self.transcript.flush()
            except OSError as err:  # a full disk, a pipe closed: the game goes on without it
                self._transcript_failed(err)

    def _transcript_failed(self, err: OSError) -> None:
        path, handle = self.transcript_path, self.transcript
        self.transcript, self.transcript_path = None, ""
        with contextlib.suppress(OSError):
            assert handle is not None
            handle.close()
        self.out.write(
            f"(The transcript to {path} stopped: {err.strerror or err}. The game goes on; "
            "transcript FILE starts a new one.)\n"
        )

    def fill(self, text: str, first: str = "", rest: str | None = None) -> str:
        """One paragraph, wrapped to the width (or not, at width 0)."""
        rest = first if rest is None else rest
        if self.width <= 0:
            return first + text
        return textwrap.fill(text, self.width, initial_indent=first, subsequent_indent=rest)

    def say(self, text: str = "", indent: str = "") -> None:
        if not text:
            self.write("\n")
            return
        for para in text.split("\n"):
            rest = indent + "  " if para.startswith("- ") else indent  # a list item hangs
            self.write((self.fill(para, indent, rest) or indent.rstrip()) + "\n")

    # -- reading -----------------------------------------------------------------------
    def read(self, prompt: str) -> str:
        """Show `prompt` and read one line (stripped); InputEnded when input runs out."""
        self.write(prompt)
        self.out.flush()
        line = self.inp.readline(MAX_LINE + 1)
        if not line:
            self.write("\n")
            raise InputEnded
        if len(line) > MAX_LINE and not line.endswith("\n"):
            while (rest := self.inp.readline(MAX_LINE)) and not rest.endswith("\n"):
                pass  # drop the rest of an absurdly long line
        answer = printable(line[:MAX_LINE].strip())
        self.write(answer + "\n", typed=True)
        return answer

    # -- the transcript ----------------------------------------------------------------
    def start_transcript(self, path: str) -> str:
        """Write everything so far to `path` and keep writing there; returns what to say."""
        if not path:
            return "Name a file for the transcript: transcript FILE (transcript off stops it)."
        self.stop_transcript()
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:  # a new file only: never over a save, a pipe or anything else already there
            fd = os.open(path, flags, 0o644)
        except FileExistsError:
            return f"{path} already exists: name a new file for the transcript."
        except OSError as err:
            return f"Could not write the transcript to {path}: {err.strerror or err}."
        try:
            handle = open(fd, "w", encoding="utf-8")  # noqa: SIM115 - kept open until stopped
            handle.write("".join(self.record))
            handle.flush()
        except OSError as err:
            return f"Could not write the transcript to {path}: {err.strerror or err}."
        self.transcript, self.transcript_path = handle, path
        return f"Transcript: everything so far, and all that follows, is written to {path}."

    def stop_transcript(self) -> str:
        if self.transcript is None:
            return "No transcript is being written."
        self.transcript.close()
        path, self.transcript, self.transcript_path = self.transcript_path, None, ""
        return f"Transcript closed: {path}."


@dataclass
class Entry:
    """One line of a numbered menu."""

    number: int
    label: str
    key: str


@dataclass
class Menu:
    """A numbered question: a number picks an entry, and so does its key or an alias."""

    entries: list[Entry]
    aliases: dict[str, str] = field(default_factory=dict)
    """Words and letters that stand for a key, e.g. `e` for `end`."""
    gone: Callable[[int], str] | None = None
    """For a number not on the list: why (a move no longer open), or '' for no reason."""

    @property
    def top(self) -> int:
        return max((e.number for e in self.entries), default=0)

    def show(self, console: Console) -> None:
        for e in self.entries:
            item = f"  {e.number}. "
            console.write(console.fill(e.label, item, " " * len(item)) + "\n")

    def ask(self, console: Console, prompt: str, hook: Callable[[str], bool] | None = None) -> str:
        """Read answers until one picks an entry; returns its key. `hook(answer)` handles
        any other word (True if it did), before the answer is called a mistake."""
        by_number = {e.number: e.key for e in self.entries}
        keys = {e.key for e in self.entries}
        span = f"1 to {self.top}"
        while True:
            answer = console.read(f"{prompt} [1-{self.top}]: ")
            word = self.aliases.get(answer.lower(), answer)
            if word in keys:
                return word
            n = number(answer)
            if n is not None and n in by_number:
                return by_number[n]
            why = self.gone(n) if n is not None and self.gone else ""
            if why:
                console.say(why)
            elif hook is not None and answer and hook(answer):
                continue
            elif not answer:
                console.say(f"Please type a number from {span}.")
            elif answer.lstrip("-+").isdigit() and answer.lstrip("-+").isascii():
                console.say(f"{short(answer)} is not on the list: type a number from {span}.")
            else:
                console.say(
                    f"'{short(answer)}' is not a number: type a number from {span}. "
                    "Type ? for the commands."
                )
