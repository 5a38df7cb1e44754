"""The ending: every power's score and level, who came out best, and what decided it."""

from __future__ import annotations

from game.ui.app import MoscowApp

from ..conftest import TESTS
from .helpers import demo_app, play_by_keys, settle, start_from_title

CONTEST = str(TESTS / "scenarios" / "contest.toml")


def ending_text(app: MoscowApp) -> str:
    return "\n".join(
        str(app.screen.query_one(f"#{part}").render()) for part in ("scores", "verdict")
    )


async def test_the_ending_scores_every_power_and_says_what_decided_it() -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_from_title(pilot)
        await play_by_keys(pilot)
        await settle(pilot)
        assert app.session is not None and app.session.game.ending is not None
        outcome = app.session.game.ending
        text = ending_text(app)
        for power in app.session.scenario.powers:
            assert power.name in text
            assert f"{outcome.scores[power.id]:>3}/100" in text
        best = max(outcome.scores, key=lambda p: outcome.scores[p])
        assert f"{app.session.name(best)}, with {outcome.scores[best]} of 100" in text
        assert "What decided it" in text and "this held:" in text
        assert "Compared with history" in str(app.screen.query_one("#comparison").render())


async def test_the_ending_gives_each_power_its_victory_level() -> None:
    app = demo_app(scenario=CONTEST, seed=4, opponents="weighted")
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        await play_by_keys(pilot)
        await settle(pilot)
        assert app.session is not None and app.session.game.ending is not None
        outcome = app.session.game.ending
        assert set(outcome.levels) == {"red", "blue"}
        text = ending_text(app)
        for power, level in outcome.levels.items():
            line = next(x for x in text.splitlines() if x.startswith(app.session.name(power)))
            assert level in line


def test_a_condition_in_words() -> None:
    from game.engine.decisions import condition_words

    labels = {"trust": "Soviet trust", "pact": "Pact signed"}
    words = condition_words("pact and trust >= 60", lambda n: labels.get(n, n))
    assert words == "Pact signed and Soviet trust ≥ 60"
