"""The state panel: the numbers and facts the power can see, with their trend."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.session import Session
from game.ui.format import spark, trend
from game.ui.widgets.frame import LitFrame

SPARK_WIDTH = 16


def gauge(starts: list[int], value: int, low: int, high: int) -> tuple[str, str]:
    """A variable's change and sparkline. The change is against its value at the start of
    last turn, so it stays put while the power moves; the line (each turn's start, then now)
    is always SPARK_WIDTH wide, so it does not jump from turn to turn."""
    baseline = starts[-2] if len(starts) >= 2 else (starts[0] if starts else value)
    line = spark((list(starts) + [value])[-SPARK_WIDTH:], low, high)
    return trend([baseline, value]), line.rjust(SPARK_WIDTH)


def named(label: str, word: str) -> Content:
    """A variable with named values: the name, with no bar (a kind is not an amount; a change
    of it is told among the week's changes)."""
    return Content.assemble("\n", (label, "bold"), "\n", (f"  {word}", "bold"))


def heading(starts: list[int]) -> str:
    """What the changes are measured from: the start of last turn, or in the first week
    (no last turn yet) the start of the game."""
    since = "the start of last turn" if len(starts) >= 2 else "the game began"
    return f"▲▼ since {since} · the line: each turn's start"


class StatePanel(LitFrame, VerticalScroll):
    """Each visible variable with value, last change and a sparkline; each visible flag."""

    ALLOW_MAXIMIZE = True
    can_focus = True

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="state-text")

    def show(self, session: Session) -> None:
        g = session.game
        parts: list[Content | str | tuple[str, str]] = []
        shown = g.variables(session.active)
        if shown:
            parts.append((heading(g.state.series.get(shown[0][0], [])), "dim"))
        for ident, label, value, low, high in shown:
            if ident in g.content.named:
                parts.append(named(label, g.word(ident, value)))
                continue
            change, line = gauge(g.state.series.get(ident, []), value, low, high)
            parts.append(
                Content.assemble(
                    "\n",
                    (label, "bold"),
                    "\n",
                    (f"  {value:>3}", "bold"),
                    f"/{high} ",
                    (f"{change:<6}", ""),
                    " ",
                    (line, "$accent"),
                )
            )
        estimates = g.estimates(session.active) if session.active else []
        for n, (ident, label, low, high, source) in enumerate(estimates):
            guess = g.guess(ident, low, high)
            parts.append(
                Content.assemble(
                    "\n" if parts or n else "",
                    (label, "bold"),
                    "\n",
                    (f"  {guess}", "bold"),
                    (f"  estimate: {source}", "dim"),
                )
            )
        flags = g.flags(session.active)
        if flags:
            parts.append(("\n\nFacts", "bold underline"))
            for _, label, is_set in flags:
                parts.append(f"\n {'✔ yes' if is_set else '✗ no '}  {label}")
        if not parts:
            parts.append("Nothing to show.")
        self.query_one("#state-text", Static).update(Content.assemble(*parts))
