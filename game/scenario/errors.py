"""Errors a scenario can have, each located in its file."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    """One mistake in a scenario file, located by line and key path."""

    file: str
    line: int
    path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class ScenarioError(Exception):
    """A scenario that cannot be played, with every problem found (up to a cap).

    `unreadable` is true when the file itself could not be read (missing, a folder,
    not permitted): the command line exits with 2 for those, 1 for invalid content.
    """

    def __init__(self, problems: list[Problem], unreadable: bool = False) -> None:
        self.problems = problems
        self.unreadable = unreadable
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_PROBLEMS]]
        if len(self.problems) > MAX_PROBLEMS:
            lines.append(f"... and {len(self.problems) - MAX_PROBLEMS} more problems")
        return "\n".join(lines)
