"""The UI's pure parts: text helpers, the history comparison, the hot-seat session."""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine import Game, GameError
from game.scenario import Scenario, load
from game.session import Session, Step
from game.ui.format import (
    bar,
    cite,
    long_date,
    period,
    plural,
    reflow,
    short_date,
    spark,
    trend,
    turn_label,
)
from game.ui.history_view import divergence, note_for, notes, weeks

from ..conftest import run_python
from .helpers import DEMO


@pytest.fixture(scope="module")
def demo() -> Scenario:
    return load(str(DEMO))


def test_dates() -> None:
    assert long_date(dt.date(1939, 8, 23)) == "23 August 1939"
    assert short_date(dt.date(1939, 5, 3)) == "3 May"


def test_spark_scales_to_the_bounds_not_to_the_data() -> None:
    assert spark([0, 50, 100], 0, 100) == "▁▅█"
    assert spark([40, 40], 0, 100) == "▄▄"
    assert spark(list(range(30)), 0, 100, width=4) == spark([26, 27, 28, 29], 0, 100)


def test_trend_says_the_last_change_in_words() -> None:
    assert trend([40]).strip() == ""
    assert trend([40, 45]) == "▲ +5"
    assert trend([45, 40]) == "▼ -5"
    assert trend([40, 40]) == "= 0"


def test_bar_and_plural() -> None:
    assert bar(50, 0, 100, 10) == "█████░░░░░"
    assert bar(150, 0, 100, 4) == "████"
    assert plural(1, "action") == "1 action" and plural(2, "action") == "2 actions"


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs_and_items() -> None:
    text = "\nBERLIN.  One line\nwrapped.\n\nA second\nparagraph:\n- first\n- second\n"
    assert reflow(text) == "BERLIN.  One line wrapped.\n\nA second paragraph:\n- first\n- second"


def test_the_turn_is_named_by_the_calendar(demo: Scenario) -> None:
    assert period(demo) == "week" and turn_label(demo, 3, 12) == "Week 3 of 12"
    start = dt.date(1939, 1, 1)

    def every(days: int, turns: int = 6) -> Scenario:
        calendar = [
            turn.model_copy(update={"date": start + dt.timedelta(days=days * n)})
            for n, turn in enumerate(demo.calendar[:1] * turns)
        ]
        return demo.model_copy(update={"calendar": calendar})

    assert period(every(30)) == "month" and turn_label(every(31), 2) == "Month 2"
    assert period(every(14)) == "fortnight"
    assert period(every(1)) == "day"
    assert period(every(7, turns=1)) == "turn"
    assert period(every(400)) == "turn"


def test_cite_spells_out_sources(demo: Scenario) -> None:
    assert cite(demo, ["WAT: p. 118", "XYZ"]) == [
        "D. C. Watt, How War Came (London, 1989), p. 118",
        "XYZ",
    ]


def test_history_marks_where_the_game_left_history(demo: Scenario) -> None:
    game = Game.new(demo, humans=("soviet",), seed=1939)
    game.play("soviet", "baltic_guarantees")  # not on the historical path
    game.end_turn()
    rows = weeks(game, "soviet")
    assert [w.turn for w in rows] == [1, 2]
    first = rows[0]
    assert "Soviet Union: Propose a triple alliance" in first.missing
    assert "Soviet Union: Demand guarantees for the Baltic states" in first.extra
    assert first.diverged and not rows[1].diverged  # the week in progress is not judged
    assert divergence(rows) == (2, 1)


def test_history_hides_what_the_viewer_did_not_see(demo: Scenario) -> None:
    game = Game.new(demo, humans=("soviet",), seed=1939)
    game.play("soviet", "sound_berlin")  # secret: Germany and the Soviet Union only
    game.end_turn()
    seen_by_britain = " ".join(" ".join(w.happened + w.extra) for w in weeks(game, "britain"))
    assert "Sound out Berlin" not in seen_by_britain
    assert "Sound out Berlin" in " ".join(weeks(game, "soviet")[0].happened)


def test_notes_of_everything_seen_once_each(demo: Scenario) -> None:
    game = Game.new(demo, humans=("soviet",), seed=1939)
    game.end_turn()
    titles = [n.title for n in notes(game, "soviet")]
    assert titles[0] == "Moscow names its terms"
    assert len(titles) == len(set(titles))
    assert note_for(game, "soviet_proposal") is not None
    assert note_for(game, "no_such_thing") is None


def test_hotseat_session_hands_over_and_then_ends_the_turn(demo: Scenario) -> None:
    session = Session(Game.new(demo, humans=("soviet", "britain"), seed=1939))
    assert session.hotseat and session.active == "soviet"
    assert session.finish_turn() is Step.HANDOVER
    assert session.active == "britain" and session.game.state.turn == 1
    for d in session.decisions():
        session.decide(d.id, session.game.choices(d)[0].id)
    assert session.finish_turn() is Step.HANDOVER  # the engine ended the turn
    assert session.game.state.turn == 2 and session.active == "soviet"
    assert session.finished == set()


def test_session_refuses_to_end_with_a_question_waiting(demo: Scenario) -> None:
    session = Session(Game.new(demo, humans=("britain",), seed=1939))
    session.finish_turn()
    assert session.decisions()
    with pytest.raises(GameError):
        session.finish_turn()


def test_unsaved_follows_the_command_log(demo: Scenario) -> None:
    session = Session(Game.new(demo, humans=("soviet",), seed=1939))
    assert not session.unsaved
    session.play("propose_alliance")
    assert session.unsaved
    session.mark_saved()
    assert not session.unsaved


def test_the_title_screen_does_not_wait_for_the_engine() -> None:
    """Launch stays fast: importing the app loads neither pydantic nor the engine."""
    code = (
        "import sys, game.ui.app\n"
        "heavy = [m for m in ('pydantic', 'game.engine', 'game.scenario', 'game.saves')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr


def test_a_gauge_compares_with_the_start_of_last_turn_and_keeps_its_width() -> None:
    from game.ui.widgets.gauges import SPARK_WIDTH, gauge

    assert gauge([], 40, 0, 100) == ("= 0", spark([40], 0, 100).rjust(SPARK_WIDTH))
    # turns began at 30 and 35; moves this turn took it to 50: +20 against last turn's start
    change, line = gauge([30, 35], 50, 0, 100)
    assert change == "▲ +20" and len(line) == SPARK_WIDTH
    assert gauge([30, 35], 44, 0, 100)[0] == "▲ +14"  # the baseline does not move
    assert len(gauge(list(range(40)), 10, 0, 100)[1]) == SPARK_WIDTH


def test_state_panel_heading_says_what_the_changes_count_from() -> None:
    from game.ui.widgets.gauges import heading

    assert "since the game began" in heading([40])  # week 1: no last turn yet
    assert "since the start of last turn" in heading([40, 45])
