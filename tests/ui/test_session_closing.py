"""Hot-seat and the closing of a turn: a same-turn answer goes to the person asked, before
the week closes, and then the turn ends (the UI's session, without a screen)."""

from __future__ import annotations

from game.engine import Game
from game.scenario import load_scenario
from game.session import Session, Step

from ..conftest import TESTS


def test_a_same_turn_answer_is_handed_to_the_power_asked_before_the_week_closes() -> None:
    sc = load_scenario(TESTS / "scenarios" / "contest.toml")
    s = Session(Game.new(sc, humans=["red", "blue"], seed=2))
    s.play("press")
    assert s.finish_turn() is Step.HANDOVER and s.active == "blue"
    assert s.finish_turn() is Step.ANSWER  # blue ends its moves and stays to answer
    assert s.game.closing and s.active == "blue" and s.moves() == []
    (d,) = s.decisions()
    s.decide(d.id, s.game.choices(d)[0].id)
    assert s.finish_turn() is Step.HANDOVER and s.active == "red"
    assert s.game.state.turn == 2 and not s.game.closing


def test_one_person_answering_at_the_close_stays_at_the_keyboard() -> None:
    sc = load_scenario(TESTS / "scenarios" / "contest.toml")
    s = Session(Game.new(sc, humans=["blue"], seed=2))
    s.finish_turn()  # red (computer) presses with a same-turn reply due from blue
    assert s.game.closing and s.active == "blue" and s.decisions()
