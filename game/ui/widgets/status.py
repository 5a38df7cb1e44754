"""The line at the top of the game screen: date, turn, power, budget, questions waiting."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from game.session import Session
from game.ui.format import long_date, plural, short_date, turn_label


class StatusBar(Static):
    """Where and when we are, and what the power at the keyboard may still do."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._session: Session | None = None

    def on_resize(self) -> None:
        if self._session is not None:
            self.show(self._session)

    def show(self, session: Session) -> None:
        self._session = session
        width = self.content_size.width or 200
        for long in (True, False):
            line = self._line(session, long)
            if line.cell_length <= width:
                break
        self.update(line)

    def _line(self, session: Session, long: bool) -> Content:
        g = session.game
        label = turn_label(g.scenario, g.state.turn)
        week = f"{label} of {g.turns}" if long else f"{label}/{g.turns}"
        day = long_date(g.state.date) if long else short_date(g.state.date)
        when = Content.assemble((week, "bold"), f" · {day} · ", (g.turn_title(), "italic"))
        if g.over:
            who = Content("The game is over")
        elif session.active is None:
            who = Content("Observer" + (": the computer plays every power" if long else ""))
        else:
            power = session.name(session.active) if long else session.short(session.active)
            if session.hotseat and long:
                power += " (hot-seat)"
            waiting = len(session.decisions())
            total = g.allowance(session.active)
            left = (
                f" · {session.budget()} of {plural(total, 'action')} left"
                if long
                else f" · {session.budget()}/{total} actions"
            )
            asks = (
                f" · {plural(waiting, 'question')} waiting (a)"
                if long
                else f" · {waiting} to answer (a)"
            )
            who = Content.assemble((power, "bold"), left, (asks, "bold reverse") if waiting else "")
        return Content.assemble(when, " │ ", who)
