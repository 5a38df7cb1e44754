"""Plain mode's conventions, as transcripts: answers are fed on stdin and the lines that
matter are compared. Each test names the command or option it is about."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from game import cli
from game.engine import Game
from game.plain import Plain
from game.plain.aims import levels
from game.plain.console import Console
from game.scenario import load_scenario

from .conftest import MAIN, TINY

CONTEST = TINY.parent / "contest.toml"
DEMO = TINY.parent / "ui_demo.toml"


def run(*args: str, stdin: str) -> list[str]:
    """Play plain mode with these arguments and answers; the lines it printed."""
    out = io.StringIO()
    code = cli.main(["plain", "--opponents", "historical", *args], out=out, inp=io.StringIO(stdin))
    assert code == 0
    assert "Traceback" not in out.getvalue()
    return out.getvalue().splitlines()


def red(stdin: str, *extra: str) -> list[str]:
    contest = ["--scenario", str(CONTEST), "--power", "red", "--seed", "4", "--width", "0"]
    return run(*contest, *extra, stdin=stdin)


def after(lines: list[str], answer: str, nth: int = 1) -> list[str]:
    """The lines printed after the `nth` prompt answered with `answer`."""
    seen = 0
    for n, line in enumerate(lines):
        if line.endswith(f"]: {answer}"):
            seen += 1
            if seen == nth:
                return lines[n + 1 :]
    raise AssertionError(f"no prompt answered {answer!r} ({nth})")


def test_help_and_question_mark_list_the_commands() -> None:
    lines = red("?\nhelp\n")
    for answer in ("?", "help"):
        shown = after(lines, answer)
        assert shown[0] == "Commands, at any question:"
        assert any(line.startswith("  transcript FILE") for line in shown[:14])
        assert any(line.startswith("  g or again") for line in shown[:16])
        assert any(line.startswith("  s - save the game (at a question too") for line in shown)
    assert "Type ? at any question for the commands." in lines


def test_look_repeats_the_turn_what_changed_and_the_full_menu() -> None:
    lines = red("1\nl\n")
    shown = after(lines, "l")
    assert shown[1] == "== Turn 1 of 4 — 01 May 1939 — The first week =="
    assert "Nothing you can see has changed since the game began." in shown
    assert "Red: 1 action point(s) left this turn." in shown
    assert "  1. Mr White presses Blue (cost 1) — Treaty progress +15" in shown


def test_look_in_a_later_turn_repeats_what_changed_since_the_last() -> None:
    lines = red("1\ne\nlook\n")
    shown = after(lines, "look")
    since = shown.index("-- Since the last turn of Red --")
    assert shown[since + 1].startswith("  Treaty progress 35 → 33 · Blue answers:")


def test_since_tells_again_what_changed_and_why() -> None:
    lines = red("1\ne\nsince\n")
    shown = after(lines, "since")
    assert shown[1] == "-- Since the last turn of Red --"
    assert shown[2].startswith("  Treaty progress 35 → 33 · Blue answers:")


def test_again_repeats_the_last_move() -> None:
    lines = red("g\n1\ng\n")
    assert after(lines, "g")[0] == "There is nothing to repeat yet."
    assert sum(line == "* MOVE (Red): Mr White presses Blue" for line in lines) == 2
    assert after(lines, "g", 2)[0] == "* MOVE (Red): Mr White presses Blue"


def test_again_repeats_a_command_too() -> None:
    lines = red("k\nagain\n")
    assert after(lines, "again")[0] == "-- What Red knows --"


def test_again_says_so_when_the_move_is_no_longer_open() -> None:
    lines = red("2\ng\n")  # asking the attaché has a cooldown: not twice a turn
    assert after(lines, "g")[0] == "'Ask the attaché about Blue' cannot be repeated now."


def test_a_move_keeps_its_number_all_turn_and_numbers_never_become_commands() -> None:
    lines = red("2\n1\n2\n")
    first = after(lines, "2")
    assert "  1. Mr White presses Blue (cost 1) — Treaty progress +15" in first
    assert "  3. Recall Mr White (cost 1) — The envoy recalled: yes; Red: +1 move a turn" in first
    assert "  4. End the turn [e]" in first  # the commands keep their numbers too
    assert not any(
        line.startswith("  2. ") for line in first[: first.index("  4. End the turn [e]")]
    )
    assert after(lines, "2", 2)[0] == "2 was Ask the attaché about Blue, made this turn."


def test_a_number_for_a_move_too_dear_says_what_it_needs() -> None:
    lines = red("1\n1\n3\n")  # two presses spend both points: recalling needs one more
    assert after(lines, "3")[0] == "3 is Recall Mr White: it needs 1 action point(s); 0 left."


def test_numbers_start_again_each_turn() -> None:
    lines = red("2\ne\n")
    menu = after(lines, "e")
    start = menu.index("Red: 2 action point(s) left this turn.")
    assert menu[start + 1] == "  1. Mr White presses Blue (cost 1) — Treaty progress +15"


def test_brief_shortens_menus_after_the_first_and_verbose_restores_them() -> None:
    lines = red("brief\n1\nverbose\n1\n")
    assert after(lines, "brief")[0].startswith("Brief:")
    shown = after(lines, "1")
    one = [line for line in shown if line.startswith("Red, 1 point(s) left.")]
    assert one, shown
    assert "Moves: 1 Mr White presses Blue; 2 Ask the attaché about Blue" in " ".join(shown)
    assert "Red: 1 action point(s) left this turn." not in shown[: shown.index(one[0]) + 3]
    assert "Red: 0 action point(s) left this turn." in after(lines, "1", 2)


def test_brief_shows_the_first_menu_of_a_turn_in_full() -> None:
    lines = red("brief\n1\ne\n")
    assert "Red: 2 action point(s) left this turn." in after(lines, "e")


def test_transcript_writes_the_session_from_its_start(tmp_path: Path) -> None:
    path = tmp_path / "evening.txt"
    lines = red(f"1\ntranscript {path}\nk\ntranscript off\ne\n")
    assert f"Transcript: everything so far, and all that follows, is written to {path}." in lines
    assert f"Transcript closed: {path}." in lines
    written = path.read_text(encoding="utf-8").splitlines()
    assert written[0] == lines[0]  # the title line: from the start
    assert "Your move (a number, or a letter in brackets) [1-7]: 1" in written  # typed answers
    assert "-- What Red knows --" in written
    assert "* REPLY: Blue answers: Mr White presses Blue" not in written  # after 'off'
    assert "* REPLY: Blue answers: Mr White presses Blue" in lines


def test_transcript_to_a_file_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    lines = red(f"transcript {tmp_path / 'no' / 'such' / 'folder.txt'}\ntranscript\nscript off\n")
    assert after(lines, f"transcript {tmp_path / 'no' / 'such' / 'folder.txt'}")[0].startswith(
        "Could not write the transcript to "
    )
    assert after(lines, "transcript")[0].startswith("Name a file for the transcript")
    assert after(lines, "script off")[0] == "No transcript is being written."


def test_transcript_never_writes_over_a_file_already_there(tmp_path: Path) -> None:
    save = tmp_path / "game1.json"
    save.write_text('{"a save": true}', encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening a pipe for writing would wait for a reader forever
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    lines = red(f"transcript {save}\ntranscript {fifo}\ntranscript {link}\n1\n")
    assert after(lines, f"transcript {save}")[0] == (
        f"{save} already exists: name a new file for the transcript."
    )
    assert after(lines, f"transcript {fifo}")[0].startswith(f"{fifo} already exists")
    assert after(lines, f"transcript {link}")[0].startswith(f"{link} already exists")
    assert save.read_text(encoding="utf-8") == '{"a save": true}'
    assert not (tmp_path / "elsewhere.txt").exists()


def test_a_transcript_that_fails_midway_stops_and_the_game_goes_on() -> None:
    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    console = Console(io.StringIO(""), io.StringIO())
    console.transcript, console.transcript_path = Full(), "full.txt"
    console.write("Week 2.\n")
    console.write("Week 3.\n")
    shown = console.out.getvalue()  # type: ignore[attr-defined]
    assert "Week 2.\n(The transcript to full.txt stopped: No space left on device." in shown
    assert shown.endswith("Week 3.\n") and console.transcript is None


def test_transcript_is_closed_at_the_end_of_the_game(tmp_path: Path) -> None:
    path = tmp_path / "all.txt"
    lines = red(f"transcript {path}\n" + "e\n" * 4)
    assert any(line.startswith("Scores: Red ") for line in lines)
    assert path.read_text(encoding="utf-8").splitlines() == lines


def test_aims_give_the_objectives_the_levels_and_where_the_power_stands() -> None:
    lines = red("a\n")
    shown = after(lines, "a")
    assert shown[:2] == ["-- The aims of Red --", "  - A treaty before Blue's limit is passed"]
    assert "decisive 80 and above; victory 60–79; draw 40–59; defeat 0–39." in " ".join(shown)
    assert (
        "Were matters to close today: Nothing comes of it. Your score would be 10, a defeat."
        in (" ".join(line.strip() for line in shown[:6]))
    )


def test_aims_do_not_tell_what_the_power_cannot_see() -> None:
    lines = run(
        "--scenario", str(DEMO), "--power", "france", "--seed", "2", "--width", "0", stdin="aims\n"
    )
    shown = after(lines, "aims")
    assert shown[2].startswith("  Where you stand turns on what you cannot see (")
    assert "Soviet trust in the West" in shown[2] and "score" not in shown[2]


def test_victory_levels_in_words() -> None:
    game = Game.new(load_scenario(CONTEST), humans=["blue"], seed=1)
    assert levels(game, "blue") == "victory 60 and above; draw 30–59; defeat 0–29"


def test_history_gives_the_readings_of_the_sources() -> None:
    lines = run(
        "--scenario",
        str(DEMO),
        "--power",
        "france",
        "--seed",
        "2",
        "--width",
        "0",
        stdin="history\n",
    )
    shown = after(lines, "history")
    assert shown[:2] == ["-- History: what really happened --", "Moscow names its terms (turn 1):"]
    assert "  The sources disagree:" in shown
    assert (
        "    - Soviet (GSE, 1979): A sincere offer of collective security, ignored by the West. "
        "[Great Soviet Encyclopedia, 3rd ed., 'Moscow Negotiations of 1939']"
    ) in shown


def test_history_before_any_note() -> None:
    lines = run("--scenario", str(TINY), "--power", "britain", stdin="1\nhistory\n")
    assert "-- History: what really happened --" in lines


def test_commands_work_at_an_answer_too() -> None:
    """At a question: ? and k answer, l shows the question again, g and e are refused."""
    contest = ["--scenario", str(CONTEST), "--power", "red", "--power", "blue", "--seed", "4"]
    lines = run(*contest, "--width", "0", stdin="press\nend\nend\n?\nk\nl\ng\ne\n1\n")
    assert after(lines, "?")[0] == "Commands, at any question:"
    assert after(lines, "k")[0] == "-- What Blue knows --"
    assert after(lines, "l")[1] == "Blue, an answer is needed — Red: Mr White presses Blue"
    assert after(lines, "g")[0].startswith("There is nothing to repeat here")
    assert after(lines, "e")[0] == (
        "'e' cannot be done here: first answer the question (s saves the game meanwhile)."
    )
    assert "* REPLY: Blue answers: Mr White presses Blue" in after(lines, "1")


def test_a_game_can_be_saved_at_a_question_and_the_question_waits_in_it(tmp_path: Path) -> None:
    from game import saves

    contest = ["--scenario", str(CONTEST), "--power", "red", "--power", "blue", "--seed", "4"]
    lines = run(
        "--saves-dir", str(tmp_path), *contest, "--width", "0", stdin="press\nend\nend\ns\nasked\n"
    )
    assert f"Saved as 'asked' in {tmp_path}." in lines
    loaded = saves.load("asked", tmp_path)
    (waiting,) = loaded.game.decisions("blue")
    assert waiting.title.endswith("Mr White presses Blue")


def test_hot_seat_says_who_takes_the_keyboard() -> None:
    lines = run("--scenario", str(TINY), "--power", "soviet", "--power", "britain", stdin="e\n")
    assert "-- Great Britain to play: hand over the keyboard --" in lines


def test_width_zero_leaves_lines_unwrapped() -> None:
    long = "  Tripartite talks open: yes; Progress of the treaty 10 → 15 · Moscow names its terms"
    demo = ["--scenario", str(DEMO), "--power", "france", "--seed", "2"]
    assert long in run(*demo, "--width", "0", stdin="")
    narrow = run(*demo, "--width", "40", stdin="")
    assert long not in narrow
    assert all(len(line) <= 40 for line in narrow if "]: " not in line and "==" not in line)


@pytest.mark.parametrize("width", ["5", "-1", "wide", "５０"])
def test_a_bad_width_is_refused_with_a_reason(
    width: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["plain", "--width", width])
    assert exit_.value.code == 2
    assert f"'{width}' is not a width: give 0 for no wrapping" in capsys.readouterr().err


def test_piped_games_are_not_autosaved_unless_asked(tmp_path: Path) -> None:
    args = ["--saves-dir", str(tmp_path), "plain", "--scenario", str(TINY), "--power", "soviet"]
    out = io.StringIO()
    cli.main(args, out=out, inp=io.StringIO("e\nq\n"))
    assert "No autosave: the answers come from a file or a pipe" in out.getvalue()
    assert "Moves of earlier turns are not saved yet" in out.getvalue()
    assert list(tmp_path.glob("*.json")) == []
    out = io.StringIO()
    cli.main([*args, "--autosave"], out=out, inp=io.StringIO("e\nq\n"))
    assert "No autosave" not in out.getvalue() and "not saved yet" not in out.getvalue()
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_a_typed_game_autosaves(tmp_path: Path) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    args = ["--saves-dir", str(tmp_path), "plain", "--scenario", str(TINY), "--power", "soviet"]
    out = io.StringIO()
    cli.main(args, out=out, inp=Terminal("e\nq\n"))
    assert "No autosave" not in out.getvalue()
    assert "Your move (a number, or a letter in brackets) [1-5]: \n" not in out.getvalue()
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_plain_plays_through_the_shared_session() -> None:
    """Plain mode keeps no turn order or unsaved count of its own: the Session does."""
    game = Game.new(load_scenario(TINY), humans=["soviet", "britain"], seed=1)
    plain = Plain(game, io.StringIO("1\ne\n"), io.StringIO())
    plain.play()
    assert plain.session.game is game
    assert plain.session.active == "britain" and plain.session.finished == {"soviet"}
    assert plain.session.unsaved


def test_a_long_number_is_not_on_the_list() -> None:
    lines = red("9" * 5000 + "\n" + "x" * 5000 + "\n")
    assert (
        after(lines, "9" * 5000)[0] == "9" * 39 + "… is not on the list: type a number from 1 to 7."
    )
    assert after(lines, "x" * 5000)[0].startswith("'" + "x" * 39 + "…' is not a number")


def test_what_changed_since_the_last_turn_is_told_again_after_a_load(tmp_path: Path) -> None:
    """The summary comes from the engine's record, so a loaded game tells it too."""
    args = ["--saves-dir", str(tmp_path)]
    tiny = ["plain", "--scenario", str(TINY), "--power", "soviet", "--opponents", "historical"]
    cli.main([*args, *tiny], out=io.StringIO(), inp=io.StringIO("1\ne\ns\nafter\nq\n"))
    out = io.StringIO()
    cli.main([*args, "load", "after", "--plain", "--width", "0"], out=out, inp=io.StringIO(""))
    lines = out.getvalue().splitlines()
    since = lines.index("-- Since the last turn of Soviet Union --")
    assert lines[since + 1].startswith("  Soviet trust in London ")
    assert "Great Britain answers: Propose a treaty" in lines[since + 1]


def test_a_game_with_nobody_at_the_keyboard_plays_itself_out() -> None:
    game = Game.new(load_scenario(TINY), humans=[], seed=1)
    out = io.StringIO()
    assert Plain(game, io.StringIO(""), out).play() == 0
    assert "you play: nobody (all computer-played)" in out.getvalue()
    assert "Scores: Soviet Union 20, Great Britain 30" in out.getvalue()


def test_the_ending_gives_the_readings_of_its_history_note() -> None:
    from game.engine.policies import parse_opponents
    from game.plain import words

    game = Game.new(load_scenario(MAIN), humans=[], seed=1, policy=parse_opponents("historical"))
    while not game.over:
        game.end_turn()
    lines = [text for text, _ in words.ending(game)]
    assert lines[1] == "== The pact of 23 August — 23 August 1939 =="
    assert lines.index("The sources disagree:") > lines.index(
        next(x for x in lines if x.startswith("History: "))
    )
    assert any(x.startswith("- Western 'double game' (Watt, 1989): ") for x in lines)


def test_look_before_quitting_shows_the_choices_again() -> None:
    lines = red("1\nq\nl\n3\n")
    assert after(lines, "l")[:3] == [
        "  1. Save, then quit",
        "  2. Quit without saving",
        "  3. Go back to the game",
    ]
    assert "Red: 1 action point(s) left this turn." in after(lines, "3")


def test_a_loaded_game_autosaves_from_a_pipe_only_when_asked(tmp_path: Path) -> None:
    args = ["--saves-dir", str(tmp_path)]
    tiny = ["plain", "--scenario", str(TINY), "--power", "soviet"]
    cli.main([*args, *tiny], out=io.StringIO(), inp=io.StringIO("s\nfirst\nq\n"))
    before = {p.name for p in tmp_path.glob("*.json")}
    cli.main([*args, "load", "first", "--plain"], out=io.StringIO(), inp=io.StringIO("e\nq\n3\n"))
    assert {p.name for p in tmp_path.glob("*.json")} == before
    cli.main(
        [*args, "load", "first", "--plain", "--autosave"],
        out=io.StringIO(),
        inp=io.StringIO("e\nq\n"),
    )
    assert len({p.name for p in tmp_path.glob("*.json")} - before) == 1


def test_the_map_as_a_list_says_how_each_region_stands() -> None:
    """`map` reads the scenario's [map] as words: every region, and the state it is in for
    this power (the UI draws the same states)."""
    lines = run(
        "--scenario", str(MAIN), "--power", "britain", "--seed", "2", "--width", "0",
        stdin="map\n",
    )  # fmt: skip
    shown = after(lines, "map")
    assert shown[0] == "-- Eastern Europe, from the Baltic to the Black Sea --"
    assert "  Danzig: the Free City agitates for Berlin" in shown
    assert "  Finland: nothing to report" in shown
    assert "map - the map as a list" in "\n".join(red("?\n"))
    assert "This scenario has no map." in after(red("map\n"), "map")[0]


def test_each_opponent_is_told_in_a_line_as_set_up_shows_them() -> None:
    from game.opponents import OPPONENTS

    game = Game.new(load_scenario(TINY), humans=["soviet"], seed=1, policy="planner:easy")
    out = io.StringIO()
    Plain(game, io.StringIO(""), out).play()
    lines = out.getvalue().splitlines()
    start = lines.index("The computer plays:")
    others = [p for p in game.scenario.powers if p.id != "soviet"]
    label, line = next((label, line) for s, label, line, _ in OPPONENTS if s == "planner:easy")
    told = lines[start + 1 : start + 1 + len(others)]
    assert told == [f"  {p.name}: {label} · {line}" for p in others]


def test_quitting_at_a_question_offers_to_save_first(tmp_path: Path) -> None:
    contest = ["--scenario", str(CONTEST), "--power", "red", "--power", "blue", "--seed", "4"]
    args = ["--saves-dir", str(tmp_path), *contest, "--width", "0"]
    lines = run(*args, stdin="press\nend\nend\nq\n3\nq\n1\nleft\n")
    assert after(lines, "q")[0] == "Moves made this turn are not saved yet."
    assert after(lines, "3")[0] == "Your answer [1-1]: q"  # back: the question is asked again
    assert lines[-1] == "You left the game." and (tmp_path / "left.json").exists()
