"""The ending: epilogue, every power's score and level, who came out best and what decided
it, the comparison with history and the game's timeline."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from game.engine import Outcome
from game.engine.decisions import condition_words
from game.session import Session
from game.ui.format import bar, kind_label, long_date, reflow, short_date, turn_label
from game.ui.styles import SCREENS_CSS
from game.ui.widgets.footer import SteadyFooter


def scores(session: Session, outcome: Outcome) -> Content:
    """Every power's score and victory level; the powers the ending does not score, too."""
    parts: list[Content | str | tuple[str, str]] = [("Scores", "bold underline")]
    for power in session.scenario.powers:
        you = "  ◆ you" if power.id in session.humans else ""
        name = power.name if len(power.name) <= 16 else (power.short or power.name)
        value = outcome.scores.get(power.id)
        if value is None:
            parts.append(f"\n{name:<16.16} {'':20} (no score in this ending){you}")
            continue
        level = outcome.levels.get(power.id, "")
        parts.append(
            Content.assemble(
                f"\n{name:<16.16} ",
                bar(value, 0, 100, 20),
                (f" {value:>3}/100", "bold"),
                f"  {level}" if level else "",
                you,
            )
        )
    return Content.assemble(*parts)


def verdict(session: Session, outcome: Outcome) -> Content:
    """Who came out best, and what decided the ending."""
    g = session.game
    parts: list[Content | str | tuple[str, str]] = [("Who came out best", "bold underline")]
    if outcome.scores:
        best = max(outcome.scores.values())
        top = [session.name(p.id) for p in g.scenario.powers if outcome.scores.get(p.id) == best]
        levels = {outcome.levels.get(p, "") for p, v in outcome.scores.items() if v == best}
        level = f", {levels.pop()}" if len(levels) == 1 and "" not in levels else ""
        who = top[0] if len(top) == 1 else "a tie between " + " and ".join(top)
        parts.append(f"\n{who}, with {best} of 100{level}.")
    else:
        parts.append("\nThis ending scores no power.")
    parts.append(("\n\nWhat decided it", "bold underline"))
    ending = next(e for e in g.scenario.endings if e.id == outcome.ending)
    when = turn_label(g.scenario, outcome.turn).lower()
    if ending.when:
        words = condition_words(
            ending.when, lambda name: g.content.labels.get(name, name), g.content.named
        )
        parts.append(f"\nIn {when} this held: {words}.")
    else:
        parts.append(
            f"\nThe calendar ran out on {long_date(outcome.date)}, no other ending reached."
        )
    last = [d for d in g.dispatches(None) if d.kind in ("event", "move", "reply")]
    if last:
        who = f" ({session.name(last[-1].power)})" if last[-1].power else ""
        parts.append(f"\nThe last news before it: {last[-1].title}{who}.")
    return Content.assemble(*parts)


def timeline(session: Session) -> Content:
    """Every week of the game with what the players saw happen in it."""
    g = session.game
    viewer = None if session.hotseat else session.active
    parts: list[Content | str | tuple[str, str]] = [("Timeline of this game", "bold underline")]
    for turn in range(1, g.state.turn + 1):
        day = g.scenario.calendar[turn - 1].date
        parts.append(
            (
                f"\n\n{turn_label(g.scenario, turn)} · {short_date(day)} · {g.turn_title(turn)}",
                "bold",
            )
        )
        for d in g.dispatches(viewer, turn):
            if d.kind in ("news", "decision"):
                continue
            who = f" ({session.short(d.power)})" if d.power and d.kind in ("move", "reply") else ""
            parts.append(f"\n  {kind_label(d.kind):<5} {d.title}{who}")
    return Content.assemble(*parts)


class EndingScreen(Screen[None]):
    """How the game ended; from here, back to the title."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("h", "app.history", "History"),
        Binding("t,escape", "app.to_title", "Title screen"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        outcome = self.session.game.ending
        assert outcome is not None
        turns = self.session.game.turns
        when = turn_label(self.session.scenario, outcome.turn, turns)
        with VerticalScroll(id="ending-scroll"):
            yield Static(
                Content.assemble(
                    ("THE END · ", "bold"),
                    (outcome.title, "bold"),
                    f"\n{long_date(outcome.date)}, {when.lower()}",
                ),
                id="ending-title",
            )
            yield Static(reflow(outcome.epilogue), id="epilogue", markup=False)
            yield Static(scores(self.session, outcome), id="scores")
            yield Static(verdict(self.session, outcome), id="verdict")
            if outcome.comparison:
                yield Static(
                    Content.assemble(
                        ("Compared with history\n", "bold underline"), reflow(outcome.comparison)
                    ),
                    id="comparison",
                )
            yield Static(timeline(self.session), id="timeline")
        with Horizontal(id="ending-buttons"):
            yield Button(
                "Back to the title (t)", id="to-title", variant="primary", action="app.to_title"
            )
            yield Button("History (h)", id="history", action="app.history")
        yield SteadyFooter()

    def on_mount(self) -> None:
        # the epilogue is read first: arrows and PageDown scroll it; t or Tab reach the button
        self.query_one("#ending-scroll", VerticalScroll).focus()
