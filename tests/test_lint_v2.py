"""Lint on format 2: the new notation read right, and the warnings of `lint_v2`."""

from __future__ import annotations

from game.scenario import load_text
from game.scenario.lint import lint

BASE = """
format = 2
id = "lint_v2"
title = "Lint cases"
start = 1939-03-01
end = 1939-03-28

[[sources]]
key = "T"
title = "The tests"

[[powers]]
id = "red"
name = "Red"
playable = true
moves_per_turn = 1
leaders = ["Mr Red — envoy"]
objectives = ["A deal"]
briefing = "Press Blue."

[[powers]]
id = "blue"
name = "Blue"
playable = true
leaders = ["Mr Blue — minister"]
objectives = ["Concede little"]
briefing = "Hold out."

[[variables]]
id = "x"
label = "X"
start = 50

[[flags]]
id = "a"
label = "A"

[[calendar]]
date = 1939-03-01
title = "Week 1"

[[calendar]]
date = 1939-03-08
title = "Week 2"

[[calendar]]
date = 1939-03-15
title = "Week 3"

[[calendar]]
date = 1939-03-22
title = "Week 4"

[[actions]]
id = "press"
by = "red"
to = ["blue"]
title = "Press"
once = false
effects = ["x += 5"]

  [[actions.replies]]
  by = "blue"
  options = [
    { id = "yes", label = "Yes", when = "x >= 60", effects = ["set a"] },
    { id = "no", label = "No", effects = ["x -= 5"] },
  ]

[[actions]]
id = "wait"
by = "blue"
title = "Wait"
once = false
effects = ["x -= 1"]

[[endings]]
id = "deal"
title = "A deal"
when = "a"
epilogue = "Done."
scores = { red = 80, blue = "x" }
history = { note = "Invented.", sources = ["T"] }

[[endings]]
id = "fallback"
title = "Nothing"
epilogue = "Nothing."
scores = { red = 20, blue = 30 }
history = { note = "Invented.", sources = ["T"] }
"""

DEAL = 'when = "a"\nepilogue = "Done."'
FALLBACK = '[[endings]]\nid = "fallback"'
NEWS = """
[[events]]
id = "news"
date = 1939-03-08
title = "News"
text = TEXT
history = { note = "Invented.", sources = ["T"] }
"""
RULE = '\n[[continuity]]\nid = "no_molotov"\nwhen = "not a"\nnever = ["Molotov"]\n'


def warnings_for(text: str) -> list[str]:
    sc = load_text(text, "lint_v2.toml")
    return [f"{w.line}: {w.path}: {w.message}" for w in lint(sc, text)]


def line(text: str, needle: str) -> int:
    """The line (from 1) on which `needle` first appears."""
    return text[: text.index(needle)].count("\n") + 1


def ending(ident: str, when: str, final: bool = False) -> str:
    """An ending to put before the fallback."""
    return (
        f'[[endings]]\nid = "{ident}"\ntitle = "T"\nwhen = "{when}"\n'
        + ("final = true\n" if final else "")
        + 'epilogue = "E."\nscores = { red = 1, blue = 1 }\n'
        + 'history = { note = "Invented.", sources = ["T"] }\n\n'
    )


def with_ending(text: str) -> str:
    return BASE.replace(FALLBACK, text + FALLBACK)


def test_base_is_clean() -> None:
    assert warnings_for(BASE) == []


# -- lint.py reads format 2 -----------------------------------------------------------------


def test_format_2_effects_are_read_and_written_right() -> None:
    """A conditional effect writes what it guards and reads its condition; moves, reveal
    and mislead write no variable."""
    text = BASE.replace(
        '[[flags]]\nid = "a"',
        '[[variables]]\nid = "hidden"\nlabel = "H"\nstart = 5\nseen_by = ["blue"]\n'
        'estimated_by = ["red"]\n\n[[variables]]\nid = "gate"\nlabel = "G"\nstart = 1\n'
        'drift = 1\n\n[[flags]]\nid = "b"\nlabel = "B"\n\n[[flags]]\nid = "a"',
    ).replace(
        'effects = ["x -= 1"]',
        'effects = ["x -= 1", "if gate > 3 then set b", "moves red += x / 50", '
        '"reveal hidden to red within 2", "mislead hidden to red by 3"]',
    )
    text = text.replace('when = "a"\nepilogue', 'when = "a or b or hidden > 3"\nepilogue')
    found = warnings_for(text)
    assert not any("'gate' is never read" in w or "'b' is never" in w for w in found), found
    assert any("variables[1].id: variable 'hidden' never changes" in w for w in found), found


def test_format_2_expressions_are_read() -> None:
    """moves_per_turn, chance, text versions and continuity rules read the names in them."""
    declared = (
        '[[variables]]\nid = "m1"\nlabel = "M"\nstart = 1\ndrift = 1\n\n'
        '[[variables]]\nid = "m2"\nlabel = "M"\nstart = 1\ndrift = 1\n\n'
        '[[flags]]\nid = "c1"\nlabel = "C"\n\n[[flags]]\nid = "c2"\nlabel = "C"\n\n'
    )
    text = BASE.replace('[[flags]]\nid = "a"', declared + '[[flags]]\nid = "a"')
    text = text.replace('effects = ["x -= 1"]', 'effects = ["x -= 1", "set c1", "set c2"]')
    text += NEWS.replace("TEXT", '"N"')
    assert sum("is never read" in w for w in warnings_for(text)) == 4
    text = text.replace("moves_per_turn = 1", 'moves_per_turn = "1 + m1 / 100"')
    text = text.replace('id = "news"', 'id = "news"\nchance = "m2"')
    text = text.replace('title = "Press"', 'title = [{ when = "c1", text = "P" }, { text = "Q" }]')
    text += '\n[[continuity]]\nwhen = "c2"\nnever = ["Zeppelin"]\n'
    assert warnings_for(text) == []


def test_intervals_of_min_max_uses_draws_and_chances() -> None:
    """min and max, uses.ACTION, a drawn start that never changes, a flag drawn by chance."""
    text = BASE.replace(
        '[[flags]]\nid = "a"',
        '[[variables]]\nid = "drawn"\nlabel = "D"\nstart = [10, 20]\n\n'
        '[[flags]]\nid = "coin"\nlabel = "C"\nstart_chance = 50\n\n[[flags]]\nid = "a"',
    )
    text = text.replace(FALLBACK, ending("low", "min(x, 10) > 20") + FALLBACK)
    text = text.replace(FALLBACK, ending("high", "max(x, 10) > 200") + FALLBACK)
    text = text.replace(FALLBACK, ending("used", "uses.press > 3") + FALLBACK)
    text = text.replace(FALLBACK, ending("draw", "drawn > 20") + FALLBACK)
    text = text.replace(FALLBACK, ending("heads", "coin") + FALLBACK)
    text = text.replace(FALLBACK, ending("tails", "not coin") + FALLBACK)
    found = warnings_for(text)
    for never in ("low", "high", "draw"):
        assert any(f"ending '{never}' can never be reached" in w for w in found), found
    assert not any(
        f"ending '{e}' can never" in w for e in ("used", "heads", "tails") for w in found
    )


# -- 1. endings shadowed by an earlier one --------------------------------------------------


def test_ending_shadowed_by_an_earlier_one() -> None:
    text = with_ending(ending("same", "a") + ending("more", "x > 10 and (a and x < 90)"))
    found = warnings_for(text)
    at = line(text, 'id = "same"') + 2
    assert (
        f"{at}: endings[1].when: ending 'same' can never be reached: 'deal' comes before it"
        " and holds whenever it does" in found
    )
    assert any("endings[2].when: ending 'more' can never be reached: 'deal'" in w for w in found)


def test_ending_not_shadowed() -> None:
    """A weaker later condition, or an earlier final ending, shadows nothing."""
    text = BASE.replace(DEAL, 'when = "a and x > 60"\nepilogue = "Done."')
    text = text.replace(FALLBACK, ending("weaker", "a") + FALLBACK)
    assert warnings_for(text) == []
    text = BASE.replace(DEAL, 'when = "a"\nfinal = true\nepilogue = "Done."')
    assert warnings_for(text.replace(FALLBACK, ending("later", "a") + FALLBACK)) == []
    shadowed = text.replace(FALLBACK, ending("later", "a", final=True) + FALLBACK)
    assert any("ending 'later' can never be reached" in w for w in warnings_for(shadowed))


# -- 2. contradictions inside one condition -------------------------------------------------


def test_condition_that_contradicts_itself() -> None:
    text = BASE.replace('when = "x >= 60"', 'when = "not a and x >= 60 and a"')
    found = warnings_for(text)
    at = line(text, 'id = "yes"')
    assert (
        f"{at}: actions[0].replies[0].options[0].when: can never hold: 'a' contradicts "
        "'not a'" in found
    )
    text = BASE.replace('when = "x >= 60"', 'when = "x > 50 and (x < 40 or a) and 40 > x"')
    assert any("can never hold: '40 > x' contradicts 'x > 50'" in w for w in warnings_for(text))
    text = BASE.replace('when = "x >= 60"', 'when = "date >= 1939-03-20 and date < 1939-03-10"')
    assert any(
        "can never hold: 'date < 1939-03-10' contradicts 'date >= 1939-03-20'" in w
        for w in warnings_for(text)
    )


def test_condition_that_can_hold_is_not_a_contradiction() -> None:
    for when in ("x > 40 and x < 50", "x == 50 and x >= 50", "a or not a", "x > 60 and x != 60"):
        assert warnings_for(BASE.replace('when = "x >= 60"', f'when = "{when}"')) == [], when


# -- 3. and 4. replies ----------------------------------------------------------------------


def test_reply_that_can_never_arrive() -> None:
    late = BASE.replace('  by = "blue"\n  options', '  by = "blue"\n  delay = 4\n  options')
    found = warnings_for(late)
    assert (
        f"{line(late, 'delay = 4')}: actions[0].replies[0].delay: the answer to 'press' can "
        "never arrive: the move opens in turn 1 at the earliest, the answer comes 4 turn(s) "
        "later, and the calendar has 4"
    ) in found
    assert warnings_for(late.replace("delay = 4", "delay = 3")) == []
    opened = late.replace("delay = 4", "delay = 2").replace(
        'title = "Press"', 'title = "Press"\nwhen = "turn >= 3"'
    )
    assert any("opens in turn 3 at the earliest" in w for w in warnings_for(opened))


def test_reply_by_the_mover_itself() -> None:
    text = BASE.replace('  by = "blue"\n  options', '  by = "red"\n  options')
    found = warnings_for(text)
    at = line(text, '  by = "red"')
    assert f"{at}: actions[0].replies[0].by: 'red' answers its own move 'press'" in found


# -- 5. turns with nothing to do ------------------------------------------------------------


def test_turns_in_which_a_power_has_nothing_to_do() -> None:
    message = "powers[1]: playable power 'blue' has nothing it can do in turn(s) 3, 4"
    dated = BASE.replace('title = "Wait"', 'title = "Wait"\nuntil = 1939-03-08')
    assert any(message in w for w in warnings_for(dated))
    by_turn = BASE.replace('title = "Wait"', 'title = "Wait"\nwhen = "turn <= 2"')
    assert any(message in w for w in warnings_for(by_turn))
    closed = BASE.replace('title = "Wait"', 'title = "Wait"\nwhen = "x > 200"')
    assert any(
        "'blue' has nothing it can do in turn(s) 1, 2, 3, 4" in w for w in warnings_for(closed)
    )


# -- 6. name versions that never show -------------------------------------------------------


def test_name_version_that_never_shows() -> None:
    names = (
        '\n[[names]]\nid = "envoy"\ntext = [\n  { when = "x > 150", text = "Grey" },\n'
        '  { when = "a", text = "Black" },\n  { text = "White" },\n]\n'
    )
    text = BASE + names
    found = warnings_for(text)
    assert (
        f"{line(text, 'x > 150')}: names[0].text[0].when: {{envoy}}: version 1 can never "
        "show: its condition cannot hold within the bounds" in found
    )
    assert len([w for w in found if "names[0]" in w]) == 1


# -- 7. continuity --------------------------------------------------------------------------


def test_text_that_breaks_a_continuity_rule() -> None:
    text = BASE + RULE + NEWS.replace("TEXT", '"molotov arrives."')
    assert (
        f"{line(text, 'molotov arrives')}: events[0].text: the text shows 'Molotov', which "
        "continuity rule 'no_molotov' forbids while not a"
    ) in warnings_for(text)
    unnamed = text.replace('id = "no_molotov"\n', "")
    assert any("continuity rule 'continuity[0]' forbids" in w for w in warnings_for(unnamed))
    versions = (
        '[{ when = "x > 60", text = "Molotov" }, { when = "a", text = "Molotov" }, '
        '{ text = "Litvinov" }]'
    )
    found = warnings_for(BASE + RULE + NEWS.replace("TEXT", versions))
    assert [w.split(": ", 2)[1] for w in found] == ["events[0].text[0].text"]


def test_text_that_keeps_a_continuity_rule() -> None:
    """A text shown only when the rule's condition cannot hold: by its version's when, its
    event's when, or a rule that never holds."""
    event = NEWS.replace("TEXT", '"Molotov"').replace("date = 1939-03-08", 'when = "a"')
    assert warnings_for(BASE + RULE + event) == []
    names = '\n[[names]]\nid = "fm"\ntext = [{ when = "a", text = "Molotov" }, { text = "L" }]\n'
    assert warnings_for(BASE + RULE + names) == []
    never = RULE.replace('when = "not a"', 'when = "x > 500"')
    assert warnings_for(BASE + never + NEWS.replace("TEXT", '"Molotov"')) == []


def test_a_turn_heading_that_breaks_a_continuity_rule() -> None:
    """Turn headings are shown, and checked, like any text."""
    text = BASE + RULE
    start = text.index('title = "', text.index("[[calendar]]"))
    end = text.index("\n", start)
    text = text[:start] + 'title = "Molotov week"' + text[end:]
    found = warnings_for(text)
    assert any(
        "calendar[0].title: the text shows 'Molotov', which continuity rule 'no_molotov'" in w
        for w in found
    ), found


def test_a_fallback_shows_only_when_the_versions_before_it_fail() -> None:
    """The last version, without when, shows only where every earlier when fails: a word
    it holds is safe if an earlier version takes every case the rule forbids it in."""
    safe = '[{ when = "not a", text = "Litvinov" }, { text = "Molotov" }]'
    assert warnings_for(BASE + RULE + NEWS.replace("TEXT", safe)) == []
    unsafe = '[{ when = "x > 60", text = "Litvinov" }, { text = "Molotov" }]'
    found = warnings_for(BASE + RULE + NEWS.replace("TEXT", unsafe))
    assert [w.split(": ", 2)[1] for w in found] == ["events[0].text[1].text"]


def test_option_text_follows_its_when_but_not_its_label() -> None:
    """An option's text shows once it is given, so under its when; its label is listed
    while it is closed too."""
    yes = '{ id = "yes", label = "Yes", when = "x >= 60"'
    given = BASE.replace(yes, '{ id = "yes", label = "Yes", text = "Molotov", when = "a"') + RULE
    assert warnings_for(given) == []
    listed = BASE.replace(yes, '{ id = "yes", label = "Molotov", when = "a"') + RULE
    found = warnings_for(listed)
    assert [w.split(": ", 2)[1] for w in found] == ["actions[0].replies[0].options[0].label"]


# -- 8. limits on a move made once ----------------------------------------------------------


def test_cooldown_and_max_uses_on_a_move_made_once() -> None:
    text = BASE.replace(
        'once = false\neffects = ["x += 5"]',
        'once = true\ncooldown = 2\nmax_uses = 3\neffects = ["x += 5"]',
    )
    found = warnings_for(text)
    assert (
        f"{line(text, 'cooldown = 2')}: actions[0].cooldown: action 'press' has cooldown = 2 "
        "but once = true: it can be made only once, so the cooldown never matters"
    ) in found
    assert any(
        "actions[0].max_uses: action 'press' has max_uses = 3 but once = true" in w for w in found
    )
    implicit = text.replace("once = true\n", "")
    assert not any("once = true" in w for w in warnings_for(implicit))


def test_every_new_warning_says_what_to_do() -> None:
    text = with_ending(ending("same", "a")).replace(
        '  by = "blue"\n  options', '  by = "red"\n  delay = 9\n  options'
    )
    text = text.replace('when = "x >= 60"', 'when = "x > 50 and x < 40"')
    text = text.replace('title = "Wait"', 'title = "Wait"\nuntil = 1939-03-08')
    text = text.replace(
        'once = false\neffects = ["x += 5"]', 'once = true\ncooldown = 2\neffects = ["x += 5"]'
    )
    text += RULE + NEWS.replace("TEXT", '"Molotov"')
    text += '\n[[names]]\nid = "n"\ntext = [{ when = "x > 500", text = "A" }, { text = "B" }]\n'
    problems = lint(load_text(text, "lint_v2.toml"), text)
    assert len(problems) == 8 and all(p.hint for p in problems), problems


def test_a_drawn_variable_that_never_changes_is_a_hidden_limit_not_a_mistake() -> None:
    from pathlib import Path

    contest = Path(__file__).parent / "scenarios" / "contest.toml"
    found = warnings_for(contest.read_text(encoding="utf-8"))
    assert not any("'temper' never changes" in w for w in found)
    assert any("continuity rule 'no_grey_before_recall'" in w for w in found)


def test_a_text_that_shows_a_hidden_value_to_all() -> None:
    """`{limit}` in a public text would show Blue's limit to Red."""
    from .test_format_v2 import CALENDAR, FALLBACK, HEAD

    body = '[[actions]]\nid = "boast"\nby = "blue"\ntitle = "Boast of {limit}"\n'
    found = warnings_for(HEAD + CALENDAR + body + FALLBACK)
    assert any(
        "actions[0].title: the text shows {limit}, which only blue may see" in w for w in found
    )
    secret = body + 'secret = true\nto = ["blue"]\n'
    found = warnings_for(HEAD + CALENDAR + secret + FALLBACK)
    assert not any("{limit}" in w for w in found)
