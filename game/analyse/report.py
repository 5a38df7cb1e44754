"""The analysis for people (a table per power, against the targets of CONTEST.md), and
the JSON Schema of its `--json` object."""

from __future__ import annotations

from typing import Any

TARGETS = (
    "targets: best fixed plan reaches the top level on at most 40% of seeds; adapting "
    "beats it by at least 8 points; no move within ±1 point; no one-answer question."
)


def table(report: dict[str, Any]) -> str:
    lines = [
        f"{report['scenario']}: budget {report['budget']}, seed {report['seed']}, "
        f"opponents {report['opponents']}, {report['games']} games.",
        TARGETS,
    ]
    for power, r in report["powers"].items():
        best = r["best_fixed"]
        share = best["top_level_share"]
        lines += [
            "",
            f"== {power} ==",
            f"mean score: random {r['random']['mean']}, greedy {r['greedy']['mean']}, "
            f"best fixed plan {best['mean']} (spread {best['spread']}), "
            f"adaptive {r['adaptive']['mean']} (gain {r['adaptive']['gain_over_fixed']:+}), "
            f"planner {r['planner']['mean']} (gain {r['planner']['gain_over_fixed']:+})",
            "best fixed plan reaches "
            + (
                f"'{best['top_level']}' on {share:.0%} of seeds"
                if share is not None
                else "no levels"
            )
            + ":",
            *(f"  {line}" for line in best["plan"] or ["(no moves: let every turn pass)"]),
            "variance explained: "
            + (
                ", ".join(f"{k} {v:.0%}" for k, v in r["variance"].items())
                if any(r["variance"].values())
                else "none to explain (every game scored the same)"
            ),
            "endings: "
            + "; ".join(
                f"{how} " + ", ".join(f"{e} {s:.0%}" for e, s in shares.items())
                for how, shares in r["endings"].items()
            ),
        ]
        flagged = [m for m in r["moves"] if m["flag"]]
        lines.append(
            "moves flagged: "
            + (", ".join(f"{m['id']} {m['effect']:+} ({m['flag']})" for m in flagged) or "none")
        )
        flagged_answers = [a for a in r["answers"] if a["flag"] in ("dominant", "harmful")]
        if flagged_answers:
            lines.append(
                "answers flagged: "
                + ", ".join(
                    f"{a['question']}:{a['answer']} {a['effect']:+} ({a['flag']})"
                    for a in flagged_answers
                )
            )
        single = r["single_answer_questions"]
        lines.append(
            "questions with one open answer: "
            + (", ".join(f"{q['question']} ({q['share']:.0%} of games)" for q in single) or "none")
        )
        pace = r["pace"]
        lines.append(
            f"pace: {pace['decisions_per_game']} decisions a game, "
            f"{pace['options_per_decision']} options each, {pace['idle_turns_per_game']} idle "
            f"turns, {pace['words_per_game']:.0f} words, "
            f"{pace['continuity_violations']} continuity violations"
        )
    return "\n".join(lines)


HEADER = (
    "| scenario | power | best fixed plan: top level | its mean | adaptive gain (planner) "
    "| variance: strategy / seed / both | null moves | one-answer questions | endings reached "
    "| best ending |\n|---|---|---|---|---|---|---|---|---|---|"
)


def markdown(report: dict[str, Any], header: bool = True) -> str:
    """One row a power, against the targets, for the README's balance table."""
    rows = [HEADER] if header else []
    for power, r in report["powers"].items():
        best = r["best_fixed"]
        share = best["top_level_share"]
        reached = {e for shares in r["endings"].values() for e in shares}
        v = r["variance"]
        rows.append(
            f"| {report['scenario']} | {power} | "
            + (f"{share:.0%} ({best['top_level']})" if share is not None else "—")
            + f" | {best['mean']:.1f} | {r['adaptive']['gain_over_fixed']:+.1f} "
            f"({r['planner']['gain_over_fixed']:+.1f}) | "
            + (
                f"{v['strategy']:.0%} / {v['seed']:.0%} / {v['interaction']:.0%} | "
                if any(v.values())
                else "— | "
            )
            + f"{sum(m['flag'] == 'null' for m in r['moves'])} | "
            f"{len(r['single_answer_questions'])} | {len(reached)} | "
            f"{report['best_endings'][power]} |"
        )
    return "\n".join(rows)


def _obj(props: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": required or list(props)}


NUM = {"type": "number"}
SHARES = {"type": "object", "additionalProperties": NUM}
FLAGGED = {
    "type": "string",
    "enum": ["", "dominant", "harmful", "null", "mixed", "information", "never open"],
}
POWER = _obj(
    {
        "endings": _obj(
            {k: SHARES for k in ("random", "greedy", "best_fixed", "adaptive", "planner")}
        ),
        "levels": {"type": "object"},
        "best_fixed": _obj(
            {
                "plan": {"type": "array", "items": {"type": "string"}},
                "mean": NUM,
                "spread": NUM,
                "top_level": {"type": "string"},
                "top_level_share": {"type": ["number", "null"]},
            }
        ),
        "random": _obj({"mean": NUM}),
        "greedy": _obj({"mean": NUM}),
        "adaptive": _obj({"mean": NUM, "gain_over_fixed": NUM, "games": {"type": "integer"}}),
        "planner": _obj({"mean": NUM, "gain_over_fixed": NUM}),
        "variance": _obj({"strategy": NUM, "seed": NUM, "interaction": NUM}),
        "moves": {
            "type": "array",
            "items": _obj(
                {
                    "id": {"type": "string"},
                    "effect": NUM,
                    "swing": NUM,
                    "se": NUM,
                    "flag": FLAGGED,
                    "games_played": NUM,
                    "games": NUM,
                }
            ),
        },
        "answers": {
            "type": "array",
            "items": _obj(
                {
                    "question": {"type": "string"},
                    "answer": {"type": "string"},
                    "effect": NUM,
                    "swing": NUM,
                    "se": NUM,
                    "flag": FLAGGED,
                    "games_given": NUM,
                    "games": NUM,
                }
            ),
        },
        "single_answer_questions": {
            "type": "array",
            "items": _obj({"question": {"type": "string"}, "games": NUM, "share": NUM}),
        },
        "pace": _obj(
            {
                "decisions_per_game": NUM,
                "options_per_decision": NUM,
                "idle_turns_per_game": NUM,
                "words_per_game": NUM,
                "continuity_violations": {"type": "integer"},
            }
        ),
    }
)
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "moscow1939 analyse --json",
    **_obj(
        {
            "scenario": {"type": "string"},
            "budget": {"type": "string", "enum": ["quick", "normal", "deep"]},
            "seed": {"type": "integer"},
            "opponents": {"type": ["string", "object"]},
            "games": {"type": "integer"},
            "powers": {"type": "object", "additionalProperties": POWER},
            "pace": {"type": "object"},
            "continuity": {"type": "array"},
            "best_endings": {"type": "object", "additionalProperties": {"type": "string"}},
        }
    ),
}
