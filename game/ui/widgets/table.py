"""The negotiating table: every open question and where each power stands on it."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from game.session import Session
from game.ui.widgets.frame import LitFrame


class NegotiatingTable(LitFrame, VerticalScroll):
    """Questions under negotiation, with each power's current position."""

    ALLOW_MAXIMIZE = True
    can_focus = True

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="table-text")

    def show(self, session: Session) -> None:
        parts: list[Content | str | tuple[str, str]] = []
        rows = session.game.table(session.active)
        if not rows:
            parts.append("This scenario puts no questions on the table.")
        for n, (_, label, positions) in enumerate(rows):
            if n:
                parts.append("\n")
            parts.append((label, "bold underline"))
            if not positions:
                parts.append("\n  (no stated positions)")
            for power, text in positions:
                mark = "▸" if power == session.active else " "
                parts.append(
                    Content.assemble(f"\n{mark} ", (f"{session.short(power)}:", "bold"), f" {text}")
                )
        self.query_one("#table-text", Static).update(Content.assemble(*parts))
