"""Lint warns of a fixed dateline ('LONDON, 7 JUNE.') in a text that may show in another
week than its day's: an event with an `until`, a move open for weeks, the answer to it."""

from __future__ import annotations

from game.scenario.lint import lint

from .test_format_v2 import make

EVENT = """
[[events]]
id = "notice"
date = 1939-03-08
until = 1939-03-29
title = "A notice"
text = {text}
"""
MOVE = """
[[actions]]
id = "push"
by = "red"
after = 1939-03-08
until = 1939-03-29
title = "Push"
text = {text}
[[actions.replies]]
by = "blue"
[[actions.replies.options]]
id = "yield"
label = "Yield"
text = {reply}
"""


def dateline_warnings(body: str) -> list[str]:
    sc = make(body)
    return [f"{w.path}: {w.message}" for w in lint(sc, "") if "is headed" in w.message]


def test_a_fixed_day_in_an_event_of_several_weeks_is_warned_of_with_the_weeks() -> None:
    found = dateline_warnings(EVENT.format(text='"LONDON, 8 MARCH. A notice."'))
    assert found == [
        "events[0].text: the text is headed 'LONDON, 8 MARCH', but it may show in week(s) "
        "3, 4, 5, not only in the week of that day"
    ]


def test_dateline_or_a_version_bounded_by_the_date_is_right() -> None:
    assert dateline_warnings(EVENT.format(text='"LONDON, {dateline}. A notice."')) == []
    bounded = (
        '[{ when = "date < 1939-03-15", text = "LONDON, 8 MARCH. A notice." }, '
        '{ text = "LONDON, {dateline}. A notice." }]'
    )
    assert dateline_warnings(EVENT.format(text=bounded)) == []


def test_a_month_alone_and_a_text_of_one_week_are_not_read() -> None:
    assert dateline_warnings(EVENT.format(text='"LONDON, MARCH. A notice."')) == []
    one_week = EVENT.format(text='"LONDON, 8 MARCH. A notice."').replace("until = 1939-03-29\n", "")
    assert dateline_warnings(one_week) == []


def test_a_move_open_for_weeks_and_its_answer_are_read_too() -> None:
    found = dateline_warnings(
        MOVE.format(text='"RED, 8 MARCH. Pushed."', reply='"BLUE, 15 MARCH. Yields."')
    )
    assert [w.split(":")[0] for w in found] == [
        "actions[0].text",
        "actions[0].replies[0].options[0].text",
    ]


def test_an_ending_looked_at_only_when_time_runs_out_may_carry_the_last_day() -> None:
    body = '[[endings]]\nid = "late"\ntitle = "Late"\nfinal = true\nwhen = "x > 0"\n'
    body += 'epilogue = "LONDON, 5 APRIL. It is over."\nscores = { red = 1, blue = 1 }\n'
    assert dateline_warnings(body) == []
    early = body.replace("final = true\n", "")
    assert len(dateline_warnings(early)) == 1
