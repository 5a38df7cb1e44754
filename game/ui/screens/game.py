"""The game screen: dispatches, moves, the negotiating table and the state, at a glance.

It renders the session's engine state into four panels and turns the player's keys and
clicks into engine commands; the flow between screens (hand-over, ending) is the app's.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, OptionList
from textual.worker import Worker, WorkerState

from game.engine import Game, GameError, Move
from game.engine.twin import adopt, twin
from game.session import Session, Step
from game.ui.dialogs.choice import DecisionDialog
from game.ui.dialogs.confirm import ConfirmDialog
from game.ui.dialogs.deliberation import DeliberationScreen
from game.ui.dialogs.move import MoveDialog
from game.ui.dialogs.note import NoteDialog
from game.ui.format import period, plural, turn_label
from game.ui.history_view import note_for
from game.ui.messages import GameOver, HandOver, HintsPutAway, TurnClosed
from game.ui.styles import SCREENS_CSS
from game.ui.typeahead import RefusesTypedAhead
from game.ui.widgets.dispatches import DispatchLog
from game.ui.widgets.footer import SteadyFooter
from game.ui.widgets.frame import LitFrame
from game.ui.widgets.gauges import StatePanel
from game.ui.widgets.hints import FirstTurnHints
from game.ui.widgets.moves import MovesPanel
from game.ui.widgets.status import StatusBar
from game.ui.widgets.table import NegotiatingTable

PANELS = {
    "dispatches": "#dispatch-list",
    "moves": "#move-list",
    "table": "#table",
    "state": "#state",
}


class GameScreen(RefusesTypedAhead, Screen[None]):
    """The main screen of a game in progress; with `hints`, the first-turn hints too.

    What is the app's to do (autosave, the hot-seat cover, the ending, remembering the
    hints were read) it asks for with the messages of `game.ui.messages`."""

    CSS_PATH = SCREENS_CSS
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, but a change of focus redraws only what it restyles (the two panels'
    top lines, the lists), not the whole board."""

    BINDINGS = [
        Binding("e", "end_turn", "End turn"),
        Binding("a", "answer", "Answer"),
        Binding("u", "undo", "Take back", show=False),
        Binding("b", "app.briefing", "Briefing"),
        Binding("c", "app.changes", "Changes"),
        Binding("m", "app.map", "Map"),
        Binding("h", "app.history", "History"),
        Binding("i", "app.encyclopedia", "Encyclopedia", show=False),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit_game", "Quit"),
        Binding("left_square_bracket", "week(-1)", "Earlier week", show=False),
        Binding("right_square_bracket", "week(1)", "Later week", show=False),
        Binding("1", "panel('dispatches')", "Dispatches", show=False),
        Binding("2", "panel('moves')", "Moves", show=False),
        Binding("3", "panel('table')", "Table", show=False),
        Binding("4", "panel('state')", "State", show=False),
        Binding("z", "zoom", "Zoom panel", show=False),
        Binding("x", "put_hints_away", "Put the hints away", show=False),
    ]

    def __init__(self, session: Session, hints: bool = False) -> None:
        super().__init__()
        self.refuse_earlier_keys()  # a key pressed on the load or set-up screen acts on neither
        self.session = session
        self.hints = hints
        self.warned: tuple[int, str | None] | None = None
        """The turn and power last asked whether to end a turn with actions left: once."""
        self.asking = True
        """View state: put waiting questions to the player whenever the board is shown
        (off once the player puts a question off with Escape, until asked again)."""
        self.deliberating: int | None = None
        """The turn the computer powers are deciding the end of, in a worker thread."""
        self.after_resume: Callable[[], None] | None = None
        """What to do when the board shows again (the end of a deliberated turn)."""

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Grid(id="board"):
            log = DispatchLog(id="dispatches", classes="panel")
            log.border_title = "Dispatches (1)"
            yield log
            moves = MovesPanel(id="moves", classes="panel")
            moves.border_title = r"Moves (2) · \[n] = cost"
            yield moves
            table = NegotiatingTable(id="table", classes="panel")
            table.border_title = "The table (3)"
            yield table
            state = StatePanel(id="state", classes="panel")
            state.border_title = "State (4)"
            yield state
        if self.hints and self.session.active is not None:
            yield FirstTurnHints(self.session.budget(), period(self.session.scenario))
        yield SteadyFooter(compact=True, show_command_palette=False)  # fits in 80 columns

    def on_mount(self) -> None:
        self.render_all()
        self.query_one("#move-list").focus()
        self.call_after_refresh(self.prompt_decisions)

    def _watch_focused(self) -> None:
        """Textual's asks the footer to look at the keys at once; `Screen.set_focus`, the
        one place the focus is set, asks again after the refresh, which is enough."""

    def watch_focused(self) -> None:
        """Light the panel the focus moves into and dim the one it leaves at once, so that
        Textual repaints them with the lists, in one go, not after their focus events."""
        for panel in self.query(".panel"):
            if isinstance(panel, LitFrame):  # (a mixin: no query by its type)
                panel.show_focus()

    # -- rendering -----------------------------------------------------------------------
    def render_all(self) -> None:
        """Redraw every panel from the engine's state."""
        s = self.session
        self.query_one(StatusBar).show(s)
        self.query_one(DispatchLog).show(s)
        self.query_one(MovesPanel).show(s)
        self.query_one(NegotiatingTable).show(s)
        self.query_one(StatePanel).show(s)
        viewer = s.name(s.active) if s.active else "Observer"
        self.sub_title = viewer
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return bool(self.session.decisions()) or None
        if action == "end_turn":
            return not self.session.game.over
        if action == "undo":
            return self.session.can_undo() or None
        if action == "put_hints_away":
            return bool(self.query(FirstTurnHints))
        return True

    # -- commands ------------------------------------------------------------------------
    def _run(self, command: Callable[[], object]) -> bool:
        """Send one command to the engine; show its refusal, if any, as a message."""
        try:
            command()
        except GameError as err:
            self.notify(str(err), title="Not allowed", severity="error")
            return False
        finally:
            self.render_all()
        if self.session.game.over:
            self.post_message(GameOver(self.session))
        return True

    @on(MovesPanel.Chosen)
    def _consider(self, event: MovesPanel.Chosen) -> None:
        move = event.move
        addressed = ", ".join(self.session.name(p) for p in move.to)
        self.app.push_screen(
            MoveDialog(move, self.session.budget(), addressed),
            lambda yes: self._make(move, bool(yes)),
        )

    def _make(self, move: Move, yes: bool) -> None:
        if yes:
            self._run(lambda: self.session.play(move.id))

    @on(DispatchLog.Opened)
    def _read(self, event: DispatchLog.Opened) -> None:
        d = event.dispatch
        note = note_for(self.session.game, d.source) if d.source else None
        actor = self.session.name(d.power) if d.power else ""
        self.app.push_screen(NoteDialog(d, note, self.session.scenario, actor))

    @on(Button.Pressed, "#end-turn")
    def _end_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_end_turn()

    def action_end_turn(self) -> None:
        """Finish the turn of the power at the keyboard (answer its questions first)."""
        s = self.session
        if s.game.over:
            self.post_message(GameOver(s))
            return
        if s.decisions():
            self.notify("Answer the questions waiting first.", severity="warning")
            self.prompt_decisions()
            return
        left = [m for m in s.moves() if m.cost <= s.budget()]
        here = (s.game.state.turn, s.active)
        if left and self.warned != here:
            self.warned = here
            word = period(s.scenario)
            text = (
                f"{plural(s.budget(), 'action')} unspent, and {plural(len(left), 'move')} "
                f"open to you. Actions do not carry over to the next {word}."
            )
            dialog = ConfirmDialog(f"End the {word} now?", text, yes=f"End the {word}")
            self.app.push_screen(dialog, lambda yes: self._end_turn() if yes else None)
            return
        self._end_turn()

    def _end_turn(self) -> None:
        s = self.session
        turn = s.game.state.turn
        step: list[Step | None] = []
        if not self._run(lambda: step.append(s.begin_finish())) or not step:
            return
        if step[0] is None and s.game.planners:
            self._deliberate(turn)  # the planners take a while: not on the event loop
            return
        if step[0] is None and not self._run(lambda: step.append(self._close(s.game))):
            return
        found = step[-1]
        assert found is not None
        self._turn_ended(found, turn)

    def _close(self, game: Game) -> Step:
        """End the turn in the engine, here and now (no planner is waited for)."""
        game.end_turn()
        return self.session.after_end()

    def _deliberate(self, turn: int) -> None:
        """End the turn on a twin of the game in a worker thread, under a line that says
        so and sets every key aside; the game takes the twin's state when it is done."""
        game = self.session.game
        movers = [p for p in game.planners if p in game.content.movers] or list(game.planners)
        names = [game.names.get(p, p) for p in movers]  # the powers with moves to weigh
        capitals = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        self.deliberating = turn
        self.app.push_screen(DeliberationScreen(capitals))

        def work() -> Game:
            other = twin(game)
            other.end_turn()
            return other

        self.run_worker(work, thread=True, group="deliberation", exit_on_error=False)

    @on(Worker.StateChanged)
    def _deliberated(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "deliberation" or not worker.is_finished:
            return
        event.stop()
        turn, self.deliberating = self.deliberating, None
        s = self.session
        if worker.state is WorkerState.SUCCESS and isinstance(worker.result, Game):
            adopt(s.game, worker.result)  # here, on the event loop, as if played here
            step = s.after_end()
            if s.game.over:
                self.post_message(GameOver(s))
            self.after_resume = lambda: self._turn_ended(step, turn or 0)
        else:
            self.after_resume = lambda: self.notify(
                f"The turn could not end: {worker.error}", title="Not allowed", severity="error"
            )
        if isinstance(self.app.screen, DeliberationScreen):
            self.app.pop_screen()  # the board resumes, and carries on from there

    def _turn_ended(self, step: Step, turn: int) -> None:
        """What follows the end of the turn on the board: the autosave, the ending, the
        hot-seat cover, a question, or the next week's notice."""
        s = self.session
        self.render_all()
        if s.game.state.turn != turn or s.game.over:
            self.post_message(TurnClosed(s))
        if step is Step.OVER:
            return
        self.query_one(DispatchLog).shown = None
        if step is Step.HANDOVER:
            self.hold_keys()  # until the cover is up, no key may act on this board
            self.post_message(HandOver(s))  # the app prompts once the next player is in
        elif step is Step.ANSWER:
            self.notify("Before the week closes, an answer is due.", timeout=3)
            self.render_all()
            self.prompt_decisions()
        else:
            g = s.game
            self.app.clear_notifications()
            if not s.decisions():  # a question opening now says which week it is itself;
                self.notify(  # a notice would only stay behind it
                    g.turn_title(), title=turn_label(g.scenario, g.state.turn, g.turns), timeout=2
                )
            self.prompt_decisions()

    @on(Button.Pressed, "#hints-done")
    def _hints_done(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_put_hints_away()

    def action_put_hints_away(self) -> None:
        """Put the first-turn hints away, never to be shown again."""
        for hints in self.query(FirstTurnHints):
            hints.remove()
        self.hints = False
        self.post_message(HintsPutAway())
        self.refresh_bindings()

    def action_undo(self) -> None:
        """Take back the last move or answer of this turn (the game replays without it)."""
        taken: list[str] = []
        if self._run(lambda: taken.append(self.session.undo())) and taken:
            self.notify(f"Taken back: {taken[0]}.", timeout=3)

    def action_answer(self) -> None:
        if not self.session.decisions():
            self.notify("No question is waiting.")
            return
        self.prompt_decisions()

    def prompt_decisions(self) -> None:
        """Ask the power at the keyboard its first waiting question, if any."""
        s = self.session
        if self.app.screen is not self or s.game.over or not s.decisions():
            return
        decision = s.decisions()[0]
        asker = s.name(decision.sender) if decision.sender else ""
        dialog = DecisionDialog(
            decision, s.game.options(decision), asker, s.name(s.active), period(s.scenario)
        )

        def answered(choice: str | None) -> None:
            if choice is None:
                self.asking = False
                self.notify("The question waits: press a to answer it.", timeout=3)
                return
            self._run(lambda: s.decide(decision.id, choice))  # the next, if any, on resume

        self.asking = True
        self.app.push_screen(dialog, answered)

    def action_week(self, delta: int) -> None:
        self.query_one(DispatchLog).step(delta)

    def action_panel(self, name: str) -> None:
        if self.maximized is not None:
            self.minimize()
        self.query_one(PANELS[name]).focus()

    def action_zoom(self) -> None:
        """Maximize the focused panel, or restore the board."""
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        if focused is None:
            return
        panel: Widget | None = focused
        while panel is not None and panel.id not in PANELS:
            parent = panel.parent
            panel = parent if isinstance(parent, Widget) else None
        if panel is not None:
            self.maximize(panel, container=False)

    def on_screen_resume(self) -> None:
        self.release_keys()
        self.render_all()
        if self.focused is None:
            self.query_one("#move-list", OptionList).focus()
        after, self.after_resume = self.after_resume, None
        if after is not None:
            after()  # the end of a turn the planners deliberated: it prompts itself
        elif self.asking:
            self.call_after_refresh(self.prompt_decisions)
