"""Set-up: choose a scenario (bundled or a file), one power or several, and a seed."""

from __future__ import annotations

import random
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.opponents import OPPONENTS
from game.scenario import Scenario, ScenarioError, load
from game.ui.format import long_date, plural, reflow
from game.ui.messages import StartGame
from game.ui.styles import SCREENS_CSS
from game.ui.widgets.footer import SteadyFooter
from game.ui.widgets.powers import PowerPicker


def briefing(scenario: Scenario, power_id: str | None) -> Content:
    """The scenario in brief, then the chosen power's leaders, objectives and situation."""
    weeks = len(scenario.calendar)
    parts: list[Content | str | tuple[str, str]] = [
        (scenario.title, "bold"),
        f"\n{long_date(scenario.start)} to {long_date(scenario.end)} · {plural(weeks, 'turn')}",
    ]
    if scenario.summary:
        parts.append(f"\n{reflow(scenario.summary)}")
    if scenario.author_note is not None:
        parts.append(("\n\nAn alternate history\n", "bold"))
        parts.append(reflow(scenario.author_note.note))
    power = next((p for p in scenario.powers if p.id == power_id), None)
    if power is None:
        parts.append("\n\nTick no power to watch the computer play every side.")
        return Content.assemble(*parts)
    parts.append(("\n\n" + power.name, "bold underline"))
    allowance = power.moves_per_turn
    parts.append(
        f"\n{plural(allowance, 'action')} a turn"
        if isinstance(allowance, int)
        else "\nActions a turn: as many as the state of the game gives"
    )
    if power.leaders:
        parts.append(("\n\nLeaders", "bold"))
        parts.extend(f"\n• {leader}" for leader in power.leaders)
    if power.objectives:
        parts.append(("\n\nObjectives", "bold"))
        parts.extend(f"\n• {goal}" for goal in power.objectives)
    if power.briefing:
        parts.append(("\n\nThe situation\n", "bold"))
        parts.append(reflow(power.briefing))
    return Content.assemble(*parts)


class SetupScreen(Screen[None]):
    """Pick what to play; Start hands the choice to the app (`StartGame`), which starts the
    engine. `catalog` lists the scenarios offered (it runs in a thread); `seed` and
    `opponents` are offered first."""

    CSS_PATH = SCREENS_CSS

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f5", "start", "Start"),
    ]

    def __init__(
        self,
        catalog: Callable[[], list[Scenario]],
        seed: int | None = None,
        opponents: str = OPPONENTS[0][0],
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.seed = seed
        self.first_opponents = opponents
        self.scenarios: list[Scenario] = []
        self.chosen: Scenario | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="setup"):
            with VerticalScroll(id="setup-form"):
                yield Static("Scenario", classes="field-label")
                yield OptionList(
                    Option("Looking for scenarios…", disabled=True), id="scenario-list"
                )
                with Horizontal(id="open-row"):
                    yield Input(
                        placeholder="…or a scenario file: path/to/file.toml",
                        id="path",
                        compact=True,
                    )
                    yield Button("Open", id="open", compact=True)
                yield Static("", id="scenario-error", markup=False)
                yield Static(
                    "Your side (Enter or Space ticks; several: hot-seat; none: watch)",
                    classes="field-label",
                )
                yield PowerPicker(id="powers")
                yield Static("Opponents (the computer powers)", classes="field-label")
                yield OptionList(
                    *(
                        Option(Content.assemble((label, "bold"), (f" · {line}", "dim")), id=spec)
                        for spec, label, line, _ in OPPONENTS
                    ),
                    id="opponents",
                )
                yield Static(OPPONENTS[0][3], id="opponents-note", markup=False)
                yield Static("Seed (blank: a random game)", classes="field-label")
                seed = "" if self.seed is None else str(self.seed)
                yield Input(seed, placeholder="e.g. 1939", type="integer", id="seed", compact=True)
                with Horizontal(id="setup-buttons"):
                    yield Button("Start (F5)", id="start", variant="success", compact=True)
                    yield Button("Back (Esc)", id="back", compact=True)
            with VerticalScroll(id="briefing-box"):
                yield Static("", id="briefing")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#scenario-error").display = False
        self.run_worker(self._find_scenarios, thread=True, exclusive=True)
        specs = [spec for spec, *_ in OPPONENTS]
        first = specs.index(self.first_opponents) if self.first_opponents in specs else 0
        self.query_one("#opponents", OptionList).highlighted = first
        self.query_one("#scenario-list").focus()

    def _find_scenarios(self) -> None:
        found = self.catalog()
        self.app.call_from_thread(self._show_scenarios, found)

    def _show_scenarios(self, found: list[Scenario]) -> None:
        self.scenarios = found
        listing = self.query_one("#scenario-list", OptionList)
        listing.set_options(
            [
                Option(Content.assemble((sc.title, "bold"), (f"  {sc.id}", "dim")), id=str(i))
                for i, sc in enumerate(found)
            ]
            or [Option("No scenario found: open a file below.", disabled=True)]
        )
        if found:
            listing.highlighted = 0
            self.choose(found[0])

    def choose(self, scenario: Scenario) -> None:
        """Make `scenario` the one to play and list its playable powers."""
        self.chosen = scenario
        playable = scenario.playable
        self.query_one("#powers", PowerPicker).set_powers(
            [(p.id, p.name) for p in playable], [p.id for p in playable[:1]]
        )
        self._show_briefing(playable[0].id if playable else None)
        self._label_start()

    def _show_briefing(self, power_id: str | None) -> None:
        text = briefing(self.chosen, power_id) if self.chosen else Content("")
        self.query_one("#briefing", Static).update(text)

    def _label_start(self) -> None:
        picked = self.query_one("#powers", PowerPicker).ticked
        label = "Start (F5)" if picked else "Watch (F5)"
        if len(picked) > 1:
            label = "Start hot-seat (F5)"
        self.query_one("#start", Button).label = label

    @on(OptionList.OptionHighlighted, "#scenario-list")
    def _scenario_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.choose(self.scenarios[int(event.option.id)])

    @on(OptionList.OptionHighlighted, "#opponents")
    def _opponents_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        note = next(n for spec, *_, n in OPPONENTS if spec == event.option.id)
        self.query_one("#opponents-note", Static).update(note)

    @property
    def opponents(self) -> str:
        listing = self.query_one("#opponents", OptionList)
        index = listing.highlighted or 0
        return OPPONENTS[index][0]

    @on(OptionList.OptionSelected, "#scenario-list")
    def _scenario_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#powers").focus()

    @on(OptionList.OptionHighlighted, "#powers")
    def _power_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_briefing(event.option.id)

    @on(PowerPicker.Changed)
    def _powers_changed(self) -> None:
        self._label_start()

    @on(Button.Pressed, "#open")
    @on(Input.Submitted, "#path")
    def open_file(self) -> None:
        """Load the scenario file named in the path field; show its problems if any."""
        path = self.query_one("#path", Input).value.strip()
        error = self.query_one("#scenario-error", Static)
        if not path:
            error.update("✗ Type the path of a scenario file first.")
            error.display = True
            return
        try:
            scenario = load(path)
        except ScenarioError as err:
            error.update(f"✗ This scenario cannot be played:\n{err}")
            error.display = True
            return
        except Exception as err:  # any failure is shown as a message, never a traceback
            error.update(f"✗ Could not read {path}: {err}")
            error.display = True
            return
        error.display = False
        listing = self.query_one("#scenario-list", OptionList)
        same = next(
            (
                i
                for i, sc in enumerate(self.scenarios)
                if sc.id == scenario.id and sc.digest == scenario.digest
            ),
            None,
        )
        if same is not None:  # already listed (a bundled id, or a file opened twice)
            listing.highlighted = same
            self.choose(self.scenarios[same])
            return
        self.scenarios.append(scenario)
        if not listing.options or listing.options[0].disabled:
            listing.clear_options()
        listing.add_option(
            Option(
                Content.assemble((scenario.title, "bold"), (f"  {path}", "dim")),
                id=str(len(self.scenarios) - 1),
            )
        )
        listing.highlighted = len(self.scenarios) - 1
        self.choose(scenario)
        self.notify(f"Opened {scenario.title}", title="Scenario")

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#seed")
    def action_start(self) -> None:
        """Start the game with the choices made."""
        if self.chosen is None:
            self.notify("Choose a scenario first.", severity="warning")
            return
        text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(text) if text else random.randrange(1, 1_000_000)
        except ValueError:
            self.notify("The seed must be a whole number.", severity="error")
            return
        humans = tuple(self.query_one("#powers", PowerPicker).ticked)
        self.post_message(StartGame(self.chosen, humans, seed, self.opponents))
