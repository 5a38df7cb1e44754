"""Set-up: every choice of opponents is explained in one line, beside its name."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from game.ui.screens.setup import OPPONENTS

from .helpers import demo_app, settle


async def test_each_opponent_choice_is_explained_in_one_line() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        listing = app.screen.query_one("#opponents", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(len(OPPONENTS))]
        for prompt, (_, label, line, _) in zip(prompts, OPPONENTS, strict=True):
            assert prompt == f"{label} · {line}"
            assert len(prompt) <= 54  # one line in the set-up column at 120 columns
        listing.focus()
        listing.highlighted = len(OPPONENTS) - 1
        await settle(pilot)
        note = str(app.screen.query_one("#opponents-note", Static).render())
        assert note == OPPONENTS[-1][3]
