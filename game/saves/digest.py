"""What binds a save together: a digest of each part that decides which game it is.

A save written by this version carries a `digest` line: a scheme number and, for each part
below, the first 16 hex digits of a SHA-256 of that part in canonical JSON. Loading
recomputes them, so a save whose seed, players, policy, command log or recorded state was
changed (by damage, or by hand) is refused with a reason naming the parts that differ.

It is a check, not a secret: anyone may edit a save on purpose. To do so, delete the line
`"digest": "...",` (the save's second line): a save without a digest is *unsigned*, as every
save written before digests existed. An unsigned save loads if its command log replays to the
state it records, with a warning saying it could not be checked further; it is signed again
the next time it is saved.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

SCHEME = "1"
PARTS = {
    "format": "its format number",
    "scenario": "the scenario it names",
    "seed": "the seed",
    "humans": "the list of human players",
    "policy": "the opponents' policy",
    "log": "the command log",
    "snapshot": "the state it records",
}
"""Each bound part, with its name in messages (what `fileformat.bound_parts` gives)."""

HOW_TO_ACCEPT = (
    'If you edited it on purpose, delete its "digest" line and load it again: a save without '
    "a digest loads if its command log replays to the state it records, with a warning."
)


def _hash(name: str, value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(f"moscow1939 save {name}\n{text}".encode()).hexdigest()[:16]


def sign(parts: dict[str, Any]) -> str:
    """The digest line of a record's `parts`."""
    return " ".join([SCHEME, *(f"{name}:{_hash(name, parts[name])}" for name in PARTS)])


def differences(digest: str, parts: dict[str, Any]) -> list[str] | None:
    """The names of the parts that differ from what `digest` signed (none: the record is
    as it was saved); None when the digest itself is damaged or of an unknown scheme."""
    fields = digest.split()
    if len(fields) != len(PARTS) + 1 or fields[0] != SCHEME:
        return None
    signed = dict(field.partition(":")[::2] for field in fields[1:])
    if set(signed) != set(PARTS):
        return None
    return [name for name in PARTS if signed[name] != _hash(name, parts[name])]


def described(names: list[str] | None) -> str:
    """`["seed", "log"]` as "the seed and the command log differ from what was signed"."""
    if names is None:
        return "its digest line is damaged"
    words = [PARTS[n] for n in names]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{listed} {'differs' if len(words) == 1 else 'differ'} from what was signed"
