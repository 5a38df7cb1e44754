"""The dispatches panel: what the power has heard, one week at a time."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Dispatch
from game.session import Session
from game.ui.format import kind_label, period, reflow, shifts_text, short_date, turn_label
from game.ui.history_view import note_for
from game.ui.widgets.frame import LitFrame


class DispatchLog(LitFrame, Vertical):
    """Dispatches of the week shown (the current one unless the player looks back)."""

    ALLOW_MAXIMIZE = True

    @dataclass
    class Opened(Message):
        """The player asked to read a dispatch in full."""

        dispatch: Dispatch

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shown: int | None = None
        """The week on view; None follows the current week."""
        self._items: list[Dispatch] = []
        self._seen: tuple[int, bool] = (0, True)
        """The week on view last time, and whether it was the current week."""
        self._session: Session | None = None

    def compose(self) -> ComposeResult:
        earlier = Button("◀", id="earlier", classes="nav", tooltip="Earlier week ([)")
        later = Button("▶", id="later", classes="nav", tooltip="Later week (])")
        earlier.can_focus = later.can_focus = False  # the keys are [ and ]
        with Horizontal(classes="week-nav"):
            yield earlier
            yield Static("", id="week-label", markup=False)
            yield later
        yield OptionList(id="dispatch-list")

    def show(self, session: Session) -> None:
        """Render the week on view from the engine's dispatches."""
        self._session = session
        current = session.game.state.turn
        if self.shown is not None and self.shown >= current:
            self.shown = None
        week = self.shown or current
        sc = session.scenario
        label = f"{turn_label(sc, week, session.game.turns)}: {session.game.turn_title(week)}"
        if self.shown is not None:
            label += "  (earlier {period(sc)})"
        self.query_one("#week-label", Static).update(label)
        self.query_one("#earlier", Button).disabled = week <= 1
        self.query_one("#later", Button).disabled = week >= current
        earlier = session.since_last_turn() if self.shown is None else []
        this_week = [d for d in session.dispatches(week) if d.kind != "news" or d.text]
        self._items = [*earlier, *this_week]
        listing = self.query_one("#dispatch-list", OptionList)
        before = self._seen if self._seen == (week, self.shown is None) else None
        self._seen = (week, self.shown is None)
        old = listing.highlighted
        options: list[Option | None] = []
        changes = session.game.changes(session.active) if self.shown is None else []
        if changes:
            lines = [Content.styled("What changed, and why:", "bold")]
            for group in changes:
                lines.append(Content(f"\n• {shifts_text(group.shifts)} · {group.title}"))
            options.append(Option(Content.assemble(*lines), disabled=True))
            options.append(None)
        if earlier:
            options.append(
                Option(
                    Content.styled(f"Since you ended {period(sc)} {week - 1}:", "bold"),
                    disabled=True,
                )
            )
        for i, d in enumerate(self._items):
            if i == len(earlier) and earlier:
                options.append(
                    Option(Content.styled(f"{turn_label(sc, week)}:", "bold"), disabled=True)
                )
            elif i:
                options.append(None)
            options.append(self._option(session, i, d))
        if not this_week:
            options.append(Option("Nothing reported yet this week.", disabled=True))
        listing.set_options(options)
        if not self._items:
            return
        if before is None:  # a week newly on view: read it from the top
            listing.highlighted = listing.get_option_index("0")
            listing.scroll_to(y=0, animate=False)
        elif old is not None:
            listing.highlighted = min(old, listing.option_count - 1)

    def _option(self, session: Session, index: int, d: Dispatch) -> Option:
        kind = kind_label(d.kind)
        head = Content.assemble((f"{kind:<5} ", "bold"), (d.title, "bold"))
        extras = []
        if d.power and d.kind in ("move", "reply"):
            extras.append(session.short(d.power))
        if d.seen_by is not None and d.kind != "decision":
            extras.append("secret")
        if d.source and note_for(session.game, d.source) is not None:
            extras.append("† history")
        tail = Content.assemble(
            "\n",
            (f"{short_date(d.date)}", "dim"),
            (f" · {' · '.join(extras)}", "dim") if extras else "",
            "\n" if d.text else "",
            reflow(d.text),
            ("\nWhy: " + d.reason, "italic") if d.reason else "",
        )
        return Option(head + tail, id=str(index))

    def step(self, delta: int) -> None:
        """Look one week earlier (-1) or later (+1)."""
        if self._session is None:
            return
        current = self._session.game.state.turn
        week = max(1, min(current, (self.shown or current) + delta))
        self.shown = None if week == current else week
        self.show(self._session)

    @on(Button.Pressed, "#earlier")
    def _earlier(self, event: Button.Pressed) -> None:
        event.stop()
        self.step(-1)

    @on(Button.Pressed, "#later")
    def _later(self, event: Button.Pressed) -> None:
        event.stop()
        self.step(+1)

    @on(OptionList.OptionSelected, "#dispatch-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Opened(self._items[int(event.option.id)]))
