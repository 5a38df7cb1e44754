"""The author reference (scenarios/README.md) on what issue 18 left to say: its examples
read as it says, and the pointers to it lead somewhere."""

from __future__ import annotations

import tomllib

from game.cli_args import build_parser
from game.scenario.models import HistoryNote

from .conftest import MAIN, ROOT

README = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"{title}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def test_the_author_note_example_is_a_note_with_readings() -> None:
    body = section("### `[author_note]` — what an alternate history changes")
    block = body.split("```toml\n", 1)[1].split("\n```", 1)[0]
    note = HistoryNote.model_validate(tomllib.loads(block)["author_note"])
    assert note.note.startswith("What changed. On 19 April 1939")
    assert "\\" not in note.note and "17 April instead" in note.note  # the `\` joins lines
    assert len(note.readings) == 2 and all(r.sources for r in note.readings)


def test_the_editor_section_shows_each_editor_and_the_schema_line() -> None:
    body = section("### In your editor: `moscow1939 lsp`")
    for needle in (
        "#:schema ./scenario.schema.json",
        "glspc.server.command",
        "vim.lsp.start",
        "[language-server.moscow1939]",
        "pip install 'moscow1939[lsp]'",
    ):
        assert needle in body, needle
    helix = body.split("```toml\n", 1)[1].split("\n```", 1)[0]
    assert tomllib.loads(helix)["language-server"]["moscow1939"]["args"] == ["lsp"]


def test_the_documented_commands_exist() -> None:
    parser = build_parser()
    for argv in (["lsp"], ["replay", "SAVE", "--scenario", "x", "--out", "y", "--all"]):
        parser.parse_args(argv)
    assert "moscow1939 replay SAVE [--scenario SCENARIO] [--out SLOT] [--all]" in README


def test_the_limits_table_says_what_the_code_enforces() -> None:
    from game.scenario import loader, parser, tokens, tomltext

    body = section("### The limits the loader enforces")
    assert f"{loader.MAX_BYTES:,} bytes" in body
    assert f"| {tomltext.MAX_NESTING} levels" in body
    assert f"{tomltext.MAX_NUMBER:,} either way" in body
    assert f"{tokens.MAX_LENGTH:,} characters, {parser.MAX_NODES} names" in body
    assert f"{parser.MAX_NESTING} levels of" in body


def test_the_bundled_scenario_points_to_its_section() -> None:
    header = MAIN.read_text(encoding="utf-8").split("\nformat = ", 1)[0]
    assert '"How the bundled scenario is built"' in header
    assert "\n## How the bundled scenario is built\n" in README
    assert len(header.splitlines()) < 10, "the design advice lives in the reference now"


def test_the_required_keys_listed_are_those_the_models_require() -> None:
    from pydantic import BaseModel

    from game.scenario import mapmodel, models

    block = README.split("<!-- required keys -->")[1].split("<!-- end required keys -->")[0]
    listed = {}
    for item in block.strip().splitlines():
        where, _, keys = item.removeprefix("- ").partition(": ")
        listed[where] = [k.strip("`") for k in keys.split("; ")[0].split(", ")]

    def required(model: type[BaseModel]) -> list[str]:
        return [k for k, f in model.model_fields.items() if f.is_required()]

    tables = {
        "top level": models.Scenario,
        "`[[sources]]`": models.Source,
        "`[[powers]]`": models.Power,
        "`[[variables]]`": models.Variable,
        "`[[flags]]`": models.Flag,
        "`[[calendar]]`": models.Turn,
        "`[[events]]`": models.Event,
        "`[[actions]]`": models.Action,
        "`[[actions.replies]]`": models.Reply,
        "options and choices": models.Option,
        "`[[endings]]`": models.Ending,
        "`[[historical_path]]`": models.HistoricalStep,
        "`[[questions]]`": models.Question,
        "`[[encyclopedia]]`": models.Entry,
        "`[[names]]`": models.Name,
        "`[[continuity]]`": models.Continuity,
        "`[map]`": mapmodel.Map,
    }
    assert set(listed) == set(tables)
    for where, model in tables.items():
        assert listed[where] == required(model), where
    region = block.split("each region ")[1].split("\n")[0]
    assert [k.strip("`") for k in region.split(", ")] == required(mapmodel.Region)
