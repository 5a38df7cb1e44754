"""The briefing and the aims: the power's situation, what it wants, what a score means,
and where it stands today.

It opens by itself when a new game starts (for each player of a hot-seat game, after the
hand-over) and from the b key at any time. "Where it stands" is the engine's own
reckoning: the ending and the scores the state would give were the calendar to run out
today (`outcome_of` with `final`), the same sum the ending screen shows at the close.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from game.engine import Game, Outcome
from game.engine.endings import level_of, outcome_of
from game.seen import may_reckon
from game.ui.format import bar, long_date, period, plural, reflow, turn_label
from game.ui.screens.reading import ReadingScreen

Parts = list[Content | str | tuple[str, str]]


def standing(game: Game) -> Outcome | None:
    """The ending and scores the game would have if the calendar ran out today (the
    ending itself once the game is over)."""
    return game.ending or outcome_of(game, final=True)


def hidden_from(game: Game, power: str, outcome: Outcome) -> bool:
    """Whether the ending reckoned, or the power's score in it, turns on what the power does
    not see, an ending checked before it included: then the briefing may not tell it (the
    reckoning would give a secret away, if only that a hidden ending does not hold)."""
    return not may_reckon(game, power, outcome)


def victory_lines(game: Game, power: str, score: int | None) -> Parts:
    """The power's victory levels, highest first, with the one `score` reaches marked."""
    levels = sorted(game.scenario.power(power).victory.items(), key=lambda kv: -kv[1])
    if not levels:
        return ["\nThe scenario names no levels: the score out of 100 is the measure."]
    reached = level_of(game.scenario, power, score) if score is not None else ""
    parts: Parts = []
    for name, least in levels:
        mark = "  ◀ today" if name == reached else ""
        parts.append(Content.assemble(f"\n  {name:<12} ", (f"from {least:>3}", "bold"), mark))
    return parts


def briefing_content(game: Game, power: str) -> Content:
    """Everything the briefing screen says about `power`, as one block of text."""
    sc = game.scenario
    p = sc.power(power)
    turn = game.state.turn
    parts: Parts = [
        (f"{p.name} · briefing", "bold underline"),
        f"\n{sc.title} · {turn_label(sc, turn, game.turns)} · {long_date(game.state.date)}",
        "\n\n",
        reflow(p.briefing) or "The scenario gives no briefing for this power.",
    ]
    if p.leaders:
        parts.append(("\n\nWho speaks for you", "bold"))
        parts.extend(f"\n• {leader}" for leader in p.leaders)
    parts.append(("\n\nYour aims", "bold"))
    parts.extend(f"\n• {aim}" for aim in p.objectives)
    if not p.objectives:
        parts.append("\nThe scenario states none: the score is the measure.")
    now = standing(game)
    secret = now is not None and hidden_from(game, power, now)
    score = now.scores.get(power) if now is not None and not secret else None
    parts.append(("\n\nWhat a score means", "bold"))
    parts.extend(victory_lines(game, power, score))
    parts.append(("\n\nWhere you stand", "bold"))
    if secret:
        parts.append("\nThe reckoning turns on what your power cannot see: the dispatches and")
        parts.append(" your estimates are all you have to judge by.")
    elif now is None or score is None:
        parts.append("\nNo ending scores your power yet.")
    else:
        level = now.levels.get(power, "")
        when = "The game ended" if game.over else "Were the calendar to run out today"
        parts.append(
            Content.assemble(
                f"\n{when}: ",
                (now.title, "italic"),
                ".\n",
                bar(score, 0, 100, 20),
                (f" {score}/100", "bold"),
                f" · {level}" if level else "",
            )
        )
        if not game.over:
            left = game.turns - turn
            parts.append(f"\n{plural(left, period(sc))} remain to change it.")
    return Content.assemble(*parts)


class BriefingScreen(ReadingScreen):
    """The briefing of the power at the keyboard; Esc, Enter or b returns to the board."""

    PAGE = "briefing"
    BINDINGS = [Binding("escape,enter,b", "app.pop_screen", "Back to the board")]

    def content(self) -> Content:
        return briefing_content(self.game, self.power)
