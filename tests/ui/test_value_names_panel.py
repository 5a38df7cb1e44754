"""The state panel shows a variable with named values by its name, with no bar or count."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from .helpers import DEMO, demo_app, start_from_title

NAMED = """
[[variables]]
id = "council"
label = "Master of the Council"
min = 1
max = 3
start = 3
value_names = ["Daladier", "split", "Bonnet"]
"""


async def test_the_state_panel_reads_the_name_not_the_number(tmp_path: Path) -> None:
    text = DEMO.read_text(encoding="utf-8").replace("format = 1", "format = 2", 1)
    first_flag = text.index("[[flags]]")
    path = tmp_path / "named.toml"
    path.write_text(text[:first_flag] + NAMED.lstrip() + "\n" + text[first_flag:])
    app = demo_app(scenario=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await start_from_title(pilot, "enter", "enter", "down", "enter")  # Britain alone
        shown = str(app.screen.query_one("#state-text", Static).render())
        assert "Master of the Council\n  Bonnet" in shown, shown
        assert "3/3" not in shown
