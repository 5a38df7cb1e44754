"""The state panel: the numbers and facts the power can see, with their trend."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.session import Session
from game.ui.format import spark, trend

SPARK_WIDTH = 16


class StatePanel(VerticalScroll):
    """Each visible variable with value, last change and a sparkline; each visible flag."""

    ALLOW_MAXIMIZE = True
    can_focus = True

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="state-text")

    def show(self, session: Session) -> None:
        g = session.game
        parts: list[Content | str | tuple[str, str]] = []
        for n, (ident, label, value, low, high) in enumerate(g.variables(session.active)):
            series = list(g.state.series.get(ident, []))
            if not series or series[-1] != value:
                series.append(value)
            parts.append(
                Content.assemble(
                    "\n" if n else "",
                    (label, "bold"),
                    "\n",
                    (f"  {value:>3}", "bold"),
                    f"/{high} ",
                    (f"{trend(series):<6}", ""),
                    " ",
                    (spark(series, low, high, SPARK_WIDTH), "$accent"),
                )
            )
        estimates = g.estimates(session.active) if session.active else []
        for n, (_, label, low, high, source) in enumerate(estimates):
            guess = f"{low}" if low == high else f"about {low}–{high}"
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
