"""Plain mode's encyclopedia: the entries listed by kind, read by a word, with sources, so
that the historians' readings reach a player without the UI too."""

from __future__ import annotations

from game.plain import encyclopedia

from .conftest import MAIN, TINY
from .test_plain import DEMO, after, run


def demo(stdin: str) -> list[str]:
    return run("--scenario", str(DEMO), "--power", "france", "--width", "0", stdin=stdin)


def test_encyclopedia_lists_every_entry_by_kind_and_says_how_to_read_one() -> None:
    shown = after(demo("encyclopedia\n"), "encyclopedia")
    assert shown[0] == "-- Encyclopedia: 5 entries --"
    assert "  People: Litvinov, Maxim; Seeds, Sir William." in shown
    assert "  Places: Spiridonovka." in shown
    assert "  Treaties: Franco-Soviet pact (1935)." in shown
    assert "  Terms and readings: Indirect aggression." in shown
    assert shown[5] == "Type 'encyclopedia' and a word to read the entries it names, e.g. " + (
        "'encyclopedia litvinov'."
    )


def test_a_word_reads_the_entries_it_names_with_their_sources() -> None:
    shown = after(demo("enc seeds\n"), "enc seeds")
    assert shown[:4] == [
        "",
        "-- Seeds, Sir William (person) --",
        "  British ambassador in Moscow, 1939.",
        "  Sources: " + next(line for line in shown if "Watt" in line).removeprefix("  Sources: "),
    ]
    assert "How War Came" in shown[3]


def test_a_word_found_only_in_the_text_still_finds_its_entry() -> None:
    shown = after(demo("encyclopedia mansion\n"), "encyclopedia mansion")
    assert shown[1] == "-- Spiridonovka (place) --"


def test_no_match_and_too_many_matches_say_what_to_do() -> None:
    lines = demo("enc zeppelin\n")
    assert after(lines, "enc zeppelin")[0] == (
        "No entry of the encyclopedia mentions 'zeppelin'. Type 'encyclopedia' for the list "
        "of entries."
    )
    lines = run("--power", "soviet", "--width", "0", stdin="enc pact\n")
    many = after(lines, "enc pact")[0]
    assert int(many.split()[0]) > encyclopedia.SHOWN
    assert "entries have 'pact' in their name:" in many
    assert many.endswith("Add a word to choose one.")
    assert "Anti-Comintern Pact" in many


def test_the_historians_readings_of_the_main_scenario_reach_plain_mode() -> None:
    lines = run("--scenario", str(MAIN), "--power", "britain", "--width", "0", stdin="enc taylor\n")
    shown = after(lines, "enc taylor")
    assert shown[1] == "-- A. J. P. Taylor's reading (term) --"
    assert "Origins of the Second World War" in shown[2]
    assert shown[3].startswith("  Sources: A. J. P. Taylor")


def test_a_scenario_without_an_encyclopedia_says_so_and_help_names_the_command() -> None:
    lines = run("--scenario", str(TINY), "--power", "britain", stdin="encyclopedia\n?\n")
    assert after(lines, "encyclopedia")[0] == "This scenario has no encyclopedia."
    assert any(line.startswith("  encyclopedia [WORD] - ") for line in after(lines, "?")[:16])


def test_the_gallup_figures_are_read_with_their_source_and_their_limit() -> None:
    lines = run("--scenario", str(MAIN), "--power", "britain", "--width", "0", stdin="enc gallup\n")
    shown = after(lines, "enc gallup")
    assert shown[1] == "-- The Gallup figures: the Premier's standing (term) --"
    assert "51 per cent" in shown[2] and "not the alliance" in shown[2]
    assert shown[3].startswith("  Sources: Harold Nicolson, 'People and Things', The Spectator")
