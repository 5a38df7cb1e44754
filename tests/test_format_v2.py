"""Format 2 rule cases, one test per rule (numbered 10.x, after the engine's cases 1-9).

Each case builds the smallest format-2 scenario that shows the rule, plays it and checks
the result; the docstring says the rule.
"""

from __future__ import annotations

from collections import Counter

import pytest

from game.engine import Game, GameError
from game.scenario import Scenario, ScenarioError, load_text

HEAD = """
format = 2
id = "rules_v2"
title = "Format 2 rule cases"
start = 1939-03-01
end = 1939-04-26
[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 2
victory = { decisive = 80, victory = 60, draw = 40, defeat = 0 }
[[powers]]
id = "blue"
name = "Blue"
playable = true
moves_per_turn = 1
[[variables]]
id = "x"
label = "X"
min = 0
max = 100
start = 50
[[variables]]
id = "limit"
label = "Blue's limit"
start = [30, 70]
seen_by = ["blue"]
estimated_by = ["red"]
error = 10
[[flags]]
id = "a"
label = "A"
[[flags]]
id = "b"
label = "B"
"""
CALENDAR = "".join(
    f'[[calendar]]\ndate = 1939-{m:02d}-{d:02d}\ntitle = "Week {n}"\n'
    for n, (m, d) in enumerate([(3, 1), (3, 8), (3, 15), (3, 22), (3, 29), (4, 5)], 1)
)
FALLBACK = """
[[endings]]
id = "fallback"
title = "Time runs out"
epilogue = "Nothing."
scores = { red = "x", blue = 10 }
"""


def make(body: str = "", head: str = HEAD) -> Scenario:
    return load_text(head + CALENDAR + body + FALLBACK, "rules_v2.toml")


def run(g: Game) -> Game:
    while not g.over:
        for d in g.decisions():
            g.decide(d.power, d.id, g.choices(d)[0].id)
        if not g.over:
            g.end_turn()
    return g


# -- 10.1-10.4 Per-game draws ----------------------------------------------------------


def test_10_1_a_range_start_is_drawn_per_game_and_recorded() -> None:
    """`start = [30, 70]` draws a whole number in the range from the game's seed, once, at
    `Game.new`; the draw is kept in `state.draws`; the same seed draws the same value."""
    sc = make()
    values = {Game.new(sc, seed=s).state.env["limit"] for s in range(60)}
    assert values <= set(range(30, 71)) and len(values) > 10
    g = Game.new(sc, seed=7)
    assert g.state.draws == {"limit": g.state.env["limit"]}
    assert Game.new(sc, seed=7).state.env["limit"] == g.state.env["limit"]


def test_10_2_weighted_values_draw_only_the_values_given() -> None:
    """`start = { values = [...], weights = [...] }` draws one of the values, never one of
    weight 0, and more often the heavier."""
    head = HEAD.replace(
        "start = [30, 70]", "start = { values = [10, 20, 90], weights = [3, 1, 0] }"
    )
    counts = Counter(Game.new(make(head=head), seed=s).state.env["limit"] for s in range(200))
    assert set(counts) == {10, 20} and counts[10] > counts[20]


def test_10_3_a_flag_starts_true_with_its_chance() -> None:
    """`start_chance = N` sets the flag at the start in about N% of games."""
    head = HEAD.replace('id = "a"\nlabel = "A"', 'id = "a"\nlabel = "A"\nstart_chance = 30')
    share = sum(Game.new(make(head=head), seed=s).state.env["a"] for s in range(400)) / 400
    assert 0.2 < share < 0.4
    never = HEAD.replace('id = "a"\nlabel = "A"', 'id = "a"\nlabel = "A"\nstart_chance = 0')
    assert not any(Game.new(make(head=never), seed=s).state.env["a"] for s in range(50))


def test_10_4_draws_need_format_2() -> None:
    """A format-1 file may not use the new keys: each is an error that says so."""
    with pytest.raises(ScenarioError) as err:
        make(head=HEAD.replace("format = 2", "format = 1"))
    text = str(err.value)
    assert "variables[1].start: a drawn start needs format 2" in text
    assert "estimated_by needs format 2" in text and "victory levels needs format 2" in text


# -- 10.5-10.7 Estimates -----------------------------------------------------------------


def test_10_5_an_estimate_is_an_interval_that_holds_the_true_value() -> None:
    """A power in `estimated_by` does not see the variable: it gets an interval 2 x error
    wide that contains the true value, never the value itself."""
    sc = make()
    for seed in range(40):
        g = Game.new(sc, seed=seed)
        assert "limit" not in {v[0] for v in g.variables("red")}
        low, high = g.estimate("red", "limit") or (0, -1)
        assert low <= g.state.env["limit"] <= high and high - low <= 20
        assert g.known("red", "limit").startswith("about ")
        assert g.known("blue", "limit") == str(g.state.env["limit"])
        assert g.estimate("blue", "limit") is None


def test_10_5_an_estimate_near_a_bound_is_cut_there_and_still_holds_the_truth() -> None:
    """Past a bound lies no value: the range is cut there (never slid inside, which would
    widen it beyond what the first guess says), and it still holds the true value."""
    sc = make(head=HEAD.replace("start = [30, 70]", "start = [0, 4]"))
    widths = set()
    for seed in range(40):
        g = Game.new(sc, seed=seed)
        low, high = g.estimate("red", "limit") or (0, -1)
        assert 0 <= low <= g.state.env["limit"] <= high
        assert high - low == min(
            20, g.state.env["limit"] + g.state.estimates[("red", "limit")].offset + 10
        )
        widths.add(high - low)
    assert len(widths) > 1 and max(widths) <= 20


REVEAL = """
[[actions]]
id = "spy"
by = "red"
title = "Ask the attaché"
effects = ["reveal limit to red within 2"]
[[actions]]
id = "lie"
by = "blue"
title = "Plant a story"
effects = ["mislead limit to red by 30"]
"""


def test_10_6_reveal_narrows_an_estimate_and_names_its_source() -> None:
    """`reveal V to P within N` leaves P an interval at most 2N wide around the truth, and
    the estimate says where it came from."""
    for seed in range(20):
        g = Game.new(make(REVEAL), humans=["red"], seed=seed)
        g.play("red", "spy")
        low, high = g.estimate("red", "limit") or (0, -1)
        assert low <= g.state.env["limit"] <= high and high - low <= 4
        assert g.estimates("red")[0][4] == "Ask the attaché"


def test_10_7_mislead_shifts_an_estimate_that_still_reads_as_one() -> None:
    """`mislead V to P by N` moves P's interval by N: it may no longer hold the truth."""
    g = Game.new(make(REVEAL), humans=["red", "blue"], seed=3)
    before = g.estimate("red", "limit")
    g.play("blue", "lie")
    after = g.estimate("red", "limit")
    assert before is not None and after is not None
    assert after[0] == min(100, before[0] + 30) and g.known("red", "limit").startswith("about")
    assert g.estimates("red")[0][4] == "first estimate"  # the planted story is not named


# -- 10.8-10.9 Chance ---------------------------------------------------------------------

CHANCE = """
[[events]]
id = "leak"
title = "A leak"
text = "The press has it."
when = "not a"
chance = {chance}
effects = ["set a"]
"""


def test_10_8_an_event_fires_with_its_chance_each_turn_it_could() -> None:
    """`chance = N` (or an expression, clamped 0-100) rolls each turn the event's condition
    holds; 0 never fires, 100 always does."""

    def fired(chance: str) -> float:
        sc = make(CHANCE.format(chance=chance))
        return sum("leak" in Game.new(sc, seed=s).state.fired for s in range(200)) / 200

    assert fired("0") == 0 and fired("100") == 1
    assert 0.35 < fired("50") < 0.65
    assert fired('"x * 2"') == 1  # x is 50: 100%
    assert fired('"x - 60"') == 0  # below 0: never


def test_10_9_a_drawn_amount_lies_between_its_bounds() -> None:
    """`V += A..B` and `V -= A..B` add a whole number drawn between A and B."""
    body = '[[events]]\nid = "e"\ntitle = "E"\ntext = "E"\ndate = 1939-03-01\n'
    body += 'effects = ["x -= 3..8"]\n'
    seen = {Game.new(make(body), seed=s).state.env["x"] for s in range(80)}
    assert seen == set(range(42, 48))


# -- 10.10-10.12 Costs and limits on moves -------------------------------------------------

PUSH = """
[[actions]]
id = "push"
by = "red"
title = "Push"
{limits}
effects = ["x += 10", "if uses.push >= 3 then x -= 8"]
"""


def test_10_10_a_cooldown_closes_a_move_for_turns_after_use() -> None:
    """`cooldown = N`: after a use the move is closed for the rest of that turn and N more;
    a move with a cooldown may be made again (once defaults to false)."""
    g = Game.new(make(PUSH.format(limits="cooldown = 1")), humans=["red"])
    g.play("red", "push")
    assert "push" not in {m.id for m in g.moves("red")}
    g.end_turn()
    assert "push" not in {m.id for m in g.moves("red")}
    g.end_turn()
    g.play("red", "push")
    assert g.state.env["uses.push"] == 2


def test_10_11_max_uses_and_the_use_counter() -> None:
    """`max_uses = N` closes the move after N uses; `uses.ACTION` counts them, so the third
    push can yield less than the first."""
    g = Game.new(make(PUSH.format(limits="max_uses = 3")), humans=["red"])
    gains = []
    for _ in range(3):
        before = g.state.env["x"]
        g.play("red", "push")
        gains.append(g.state.env["x"] - before)
        g.end_turn()
    assert gains == [10, 10, 2]
    assert "push" not in {m.id for m in g.moves("red")}


def test_10_12_moves_per_turn_change_in_play() -> None:
    """`moves P += N` changes P's moves from now on; `moves_per_turn` may be an expression
    valued at the start of each turn."""
    body = (
        '[[actions]]\nid = "rally"\nby = "blue"\ntitle = "Rally"\neffects = ["moves blue += 1"]\n'
    )
    g = Game.new(make(body), humans=["blue"])
    assert g.budget("blue") == 1
    g.play("blue", "rally")
    assert g.budget("blue") == 1  # spent one, gained one
    g.end_turn()
    assert g.budget("blue") == 2
    head = HEAD.replace("moves_per_turn = 1", 'moves_per_turn = "1 + x / 25"')
    assert Game.new(make(head=head), humans=["blue"]).budget("blue") == 3


# -- 10.13 Conditional effects, min and max -----------------------------------------------


def test_10_13_conditional_effects_and_bounds() -> None:
    """`if C then E` applies E only while C holds; min(a, b) and max(a, b) bound numbers."""
    body = (
        '[[events]]\nid = "e"\ntitle = "E"\ntext = "E"\ndate = 1939-03-01\n'
        'effects = ["if x > 40 then set a", "if x > 60 then set b", "x = min(x + 30, 70)",'
        ' "x -= max(5, x / 10)"]\n'
    )
    g = Game.new(make(body))
    assert g.state.env["a"] == 1 and g.state.env["b"] == 0 and g.state.env["x"] == 63


# -- 10.14-10.15 Text that follows the state ----------------------------------------------

TEXTS = """
[[names]]
id = "envoy"
text = [{ when = "a", text = "Molotov" }, { text = "Litvinov" }]
[[continuity]]
id = "no_molotov"
when = "not a"
never = ["Molotov"]
[[actions]]
id = "sack"
by = "red"
title = "Dismiss the envoy"
effects = ["set a"]
[[actions]]
id = "speak"
by = "red"
once = false
title = "{envoy} speaks"
text = [
  { when = "x >= 60", text = "{envoy} speaks warmly; X is {x}." },
  { text = "{envoy} speaks coolly; X is {x}." },
]
effects = ["x += 10"]
[[actions]]
id = "slip"
by = "red"
title = "A careless telegram"
text = "Commissar Molotov sends his regards."
"""


def test_10_14_names_and_text_versions_follow_the_state() -> None:
    """`{name}` shows the first version of the name whose `when` holds; a text given as
    versions shows the first that holds, else the fallback; `{variable}` shows its value."""
    g = Game.new(make(TEXTS), humans=["red"])
    g.play("red", "speak")
    assert g.state.dispatches[-1].title == "Litvinov speaks"
    assert g.state.dispatches[-1].text == "Litvinov speaks coolly; X is 50."  # as it is made
    g.play("red", "sack")
    g.end_turn()
    g.play("red", "speak")
    assert g.state.dispatches[-1].text == "Molotov speaks warmly; X is 60."
    assert g.state.violations == []


def test_10_15_a_continuity_rule_records_every_violation() -> None:
    """While a rule's `when` holds, a text shown with one of its `never` words is recorded
    with the turn, the source id, the rule and the word."""
    g = Game.new(make(TEXTS), humans=["red"])
    g.play("red", "slip")
    assert g.state.violations == [(1, "slip", "no_molotov", "Molotov")]


def test_10_16_unknown_names_in_texts_are_load_errors() -> None:
    """A `{name}` that is neither a declared name nor a variable is an error at its line."""
    with pytest.raises(ScenarioError) as err:
        make(TEXTS.replace('title = "{envoy} speaks"', 'title = "{envoi} speaks"'))
    assert "actions[1].title: unknown name {envoi} — did you mean 'envoy'?" in str(err.value)
    with pytest.raises(ScenarioError) as err:
        make(TEXTS.replace('{ text = "Litvinov" }]', '{ when = "b", text = "Litvinov" }]'))
    assert "the last version has a 'when'" in str(err.value)


# -- 10.17-10.18 Answers that can be read --------------------------------------------------

ASK = """
[[actions]]
id = "ask"
by = "red"
to = ["blue"]
title = "Ask"
  [[actions.replies]]
  by = "blue"
  delay = 0
  options = [
    {{ id = "yes", label = "Yes", when = "x >= 60 and not b", effects = ["x += 5", "set a"] }},
    {{ id = "later", label = "Later", when = "b", locked_hint = "{hint}" }},
    {{ id = "no", label = "No", effects = ["x -= 5"], reason = "Blue fears the reaction at home" }},
  ]
"""


def test_10_17_every_option_shows_its_effects_or_why_it_is_closed() -> None:
    """`options(decision)` lists every answer: open ones with their visible effects valued
    now, closed ones with the failing part of `when` in words and the value known now, or
    the author's `locked_hint`."""
    g = Game.new(make(ASK.format(hint="only once B holds")), humans=["red", "blue"])
    g.play("red", "ask")
    g.end_turn()
    (d,) = g.decisions("blue")
    yes, later, no = g.options(d)
    assert (yes.open, yes.locked) == (False, "needs X ≥ 60 — now 50")
    assert (later.open, later.locked) == (False, "only once B holds")
    assert (no.open, no.effects) == (True, "X -5")
    assert [c.id for c in g.choices(d)] == ["no"]


def test_10_18_an_answer_carries_its_reason_into_the_dispatch() -> None:
    """A reply option's `reason` is shown with the dispatch and kept with the cause."""
    g = Game.new(make(ASK.format(hint="")), humans=["red"])
    g.play("red", "ask")
    g.end_turn()
    reply = next(d for d in g.state.dispatches if d.kind == "reply")
    assert reply.reason == "Blue fears the reaction at home"
    (group,) = [x for x in g.changes("red") if x.cause.kind == "reply"]
    assert group.title.endswith("— Blue fears the reaction at home")


# -- 10.19 Victory levels --------------------------------------------------------------------


def test_10_19_the_ending_reports_each_powers_level() -> None:
    """`victory` names levels by the least score that reaches each; the outcome gives
    every power with levels its level."""
    g = run(Game.new(make()))
    assert g.ending is not None and g.ending.scores["red"] == 50
    assert g.ending.levels == {"red": "draw"}


# -- 10.20-10.21 Causes ----------------------------------------------------------------------

CAUSES = """
[[variables]]
id = "hidden"
label = "Hidden"
start = 5
seen_by = ["blue"]
[[actions]]
id = "open_move"
by = "blue"
title = "An open move"
effects = ["x += 4", "hidden += 1"]
[[actions]]
id = "secret_move"
by = "blue"
title = "A secret move"
secret = true
effects = ["x -= 2"]
[[events]]
id = "news"
title = "Some news"
text = "News."
date = 1939-03-08
effects = ["x += 1"]
"""


def test_10_20_changes_since_the_last_turn_are_grouped_by_cause() -> None:
    """`changes(power)` gives what changed since the power's last turn, by cause, with
    before and after; variables it cannot see are left out; its own moves are not news."""
    g = Game.new(make(CAUSES), humans=["red", "blue"])
    g.play("blue", "open_move")
    g.end_turn()
    groups = {x.title: [(s.target, s.before, s.after) for s in x.shifts] for x in g.changes("red")}
    assert groups == {"An open move": [("x", 50, 54)], "Some news": [("x", 54, 55)]}
    assert [x.title for x in g.changes("blue")] == ["Some news"]


def test_10_21_a_secret_cause_is_not_named_to_outsiders() -> None:
    """A change a power can see, made by a move it may not hear of, is reported without
    its cause."""
    g = Game.new(make(CAUSES), humans=["red", "blue"])
    g.play("blue", "secret_move")
    g.end_turn()
    titles = [x.title for x in g.changes("red")]
    assert titles[0] == "For reasons not known to you" and "A secret move" not in titles


# -- 10.22 Determinism -----------------------------------------------------------------------


def test_10_22_seed_and_log_decide_everything() -> None:
    """Draws, chances, estimates and causes replay exactly from the seed and the log."""
    sc = make(CHANCE.format(chance=40) + REVEAL)
    for seed in range(30):
        g = Game.new(sc, humans=["red", "blue"], seed=seed)
        g.play("red", "spy")
        g.end_turn()
        g.play("blue", "lie")
        g.end_turn()
        again = Game.replay(sc, g.humans, seed, g.state.log)
        assert again.state.env == g.state.env and again.state.draws == g.state.draws
        assert again.state.estimates == g.state.estimates
        assert again.state.changes == g.state.changes
        assert again.state.rng.getstate() == g.state.rng.getstate()


def test_10_23_a_closed_answer_cannot_be_given() -> None:
    """Giving a closed answer is refused with the reason, and nothing changes."""
    g = Game.new(make(ASK.format(hint="")), humans=["red", "blue"])
    g.play("red", "ask")
    g.end_turn()
    (d,) = g.decisions("blue")
    log = list(g.state.log)
    with pytest.raises(GameError, match="needs X ≥ 60 — now 50"):
        g.decide("blue", d.id, "yes")
    assert g.state.log == log


def test_10_24_previews_show_the_new_effects_valued_now() -> None:
    """A move's preview words drawn amounts as a range, a conditional effect only while its
    condition holds, a change of moves, and a reveal to the power that learns; it never
    tells a power it is being misled."""
    body = """
[[actions]]
id = "mixed"
by = "red"
title = "Mixed"
effects = ["x -= 3..8", "if x > 90 then set a", "if x < 90 then set b", "moves red += 1",
  "reveal limit to red within 4"]
[[actions]]
id = "lie"
by = "blue"
title = "Lie"
effects = ["mislead limit to red by 9"]
"""
    g = Game.new(make(body), humans=["red", "blue"])
    (mixed,) = [m for m in g.moves("red") if m.id == "mixed"]
    assert mixed.preview == "X -8 to -3; B: yes; Red: +1 move a turn; Blue's limit: known within ±4"
    (lie,) = [m for m in g.moves("blue") if m.id == "lie"]
    assert lie.preview == "Red misled about Blue's limit"
