"""The footer is rebuilt only when the keys it shows change: not on a change of focus."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer, OptionList

from game.ui.widgets import footer
from game.ui.widgets.footer import SteadyFooter, shown_keys

from .helpers import demo_app, start_from_title


def keys(app: App[Any]) -> list[Widget]:
    """The footer's keys, as built."""
    return list(app.screen.query_one(Footer).children)


async def test_tab_between_panels_keeps_the_footer_as_built() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        built = keys(app)
        assert built
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
        assert keys(app) == built  # the same widgets: nothing rebuilt


class Toggle(App[None]):
    BINDINGS = [Binding("t", "toggle", "Toggle"), Binding("s", "spare", "Spare")]
    spare_on = True

    def compose(self) -> ComposeResult:
        yield OptionList("one", "two")
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return (self.spare_on or None) if action == "spare" else True  # None: shown disabled

    def action_toggle(self) -> None:
        self.spare_on = not self.spare_on
        self.refresh_bindings()


async def test_the_footer_is_rebuilt_when_a_key_it_shows_changes() -> None:
    app = Toggle()
    async with app.run_test() as pilot:
        await pilot.pause()
        spare = next(k for k in keys(app) if getattr(k, "key", "") == "s")
        assert not spare.has_class("-disabled")
        await pilot.press("t")
        await pilot.pause()
        spare = next(k for k in keys(app) if getattr(k, "key", "") == "s")
        assert spare.has_class("-disabled")  # rebuilt, the key shown disabled


async def test_a_tab_has_the_footer_look_at_the_keys_once(monkeypatch: Any) -> None:
    """Textual asks twice per change of focus (at once and after the refresh); the game
    screen asks only after, and the footer still shows the keys of the new focus."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot)
        looked: list[object] = []

        def looking(screen: Any) -> Any:
            looked.append(screen.focused)
            return shown_keys(screen)

        monkeypatch.setattr(footer, "shown_keys", looking)
        for n in range(1, 5):
            await pilot.press("tab")
            await pilot.pause()
            assert len(looked) == n and looked[-1] is app.screen.focused
            assert app.screen.query_one(SteadyFooter).shown == shown_keys(app.screen)
