"""A variable with `value_names` tells kinds apart: players read its names, never its number,
in the state, the estimates, the changes, the conditions, the previews and the texts."""

from __future__ import annotations

import pytest

from game.engine import Game, closed_moves
from game.plain.words import status
from game.scenario import ScenarioError

from .test_format_v2 import make

COUNCIL = """
[[variables]]
id = "council"
label = "Master of the Council"
min = 1
max = 3
start = 1
value_names = ["Daladier", "split", "Bonnet"]
seen_by = ["red"]
estimated_by = ["blue"]
error = 1

[[actions]]
id = "lead"
by = "red"
title = "Lead the allies"
when = "council >= 2"

[[actions]]
id = "coup"
by = "red"
title = "Turn the Council"
text = "The Council, which followed {council}, is turned."
effects = ["council = 3"]

[[actions]]
id = "gamble"
by = "blue"
title = "Gamble on Paris"
effects = ["if council == 1 then x += 5"]
"""


def game() -> Game:
    return Game.new(make(COUNCIL), humans=["red", "blue"], seed=2)


def test_the_power_that_sees_it_reads_the_name() -> None:
    g = game()
    assert g.known("red", "council") == "Daladier"
    (line,) = [text for text, _ in status(g, "red") if text.startswith("Master")]
    assert line == "Master of the Council: Daladier"


def test_an_estimate_names_the_values_it_spans() -> None:
    sc = make(COUNCIL.replace("start = 1", "start = 2"))
    seen = {}
    for seed in range(30):
        g = Game.new(sc, humans=["red", "blue"], seed=seed)
        seen[g.estimate("blue", "council")] = g.known("blue", "council")
        if seen[g.estimate("blue", "council")].startswith("Daladier, split"):
            (line,) = [text for text, _ in status(g, "blue") if text.startswith("Master")]
            assert line.startswith("Master of the Council: Daladier, split or Bonnet (an estimate")
    assert seen == {
        (1, 2): "Daladier or split",
        (1, 3): "Daladier, split or Bonnet",
        (2, 3): "split or Bonnet",
    }


def test_a_closed_move_says_which_names_open_it() -> None:
    (lead,) = [c for c in closed_moves(game(), "red") if c.id == "lead"]
    assert lead.reason == "needs: Master of the Council is split or Bonnet — now Daladier"


def test_a_change_is_told_in_names_and_a_text_shows_the_name() -> None:
    g = game()
    shown = g.play("red", "coup")
    assert "The Council, which followed Daladier, is turned." in [d.text for d in shown]
    g.end_turn()
    assert not any(group.shifts for group in g.changes("blue"))  # blue does not see it
    told = [s.text() for group in g.changes(None) for s in group.shifts]
    assert "Master of the Council Daladier → Bonnet" in told


def test_a_preview_on_a_hidden_named_draw_reads_the_names() -> None:
    g = game()
    (gamble,) = [m for m in g.moves("blue") if m.id == "gamble"]
    assert "if Master of the Council is Daladier: X +5" in gamble.preview


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ('["Daladier", "Bonnet"]', "2 names for the 3 values from 1 to 3"),
        ('["Daladier", "split", "Daladier"]', "'Daladier' names two values"),
        ('["Daladier", " ", "Bonnet"]', "an empty name"),
    ],
)
def test_names_that_do_not_fit_the_bounds_are_refused(names: str, message: str) -> None:
    body = COUNCIL.replace('["Daladier", "split", "Bonnet"]', names)
    with pytest.raises(ScenarioError) as err:
        make(body)
    assert message in str(err.value) and "value_names" in str(err.value)


def test_value_names_need_format_2() -> None:
    from .test_format_v2 import HEAD

    head = HEAD.replace("format = 2", "format = 1")
    assert head != HEAD
    with pytest.raises(ScenarioError) as err:
        make(COUNCIL, head=head)
    assert "value_names needs format 2" in str(err.value)
