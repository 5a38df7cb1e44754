"""Validated scenarios kept by the digest of their bytes, in memory and on disk.

A scenario file read again with the same bytes, under the same name, with the same bases
(for a variant) and by the same game, is neither parsed nor validated again. In memory the
scenario itself is kept; on disk, one JSON file per scenario in `$MOSCOW1939_CACHE` or the
platform's cache folder: a header line (what the entry is for, the digests it was made
from) and the validated scenario as JSON. JSON holds no code, and the reader accepts
nothing else: an entry whose header or digests do not match, or that is not JSON, is
passed over and written again. A folder that cannot be written costs only the next run's
parse; deleting the folder is always safe.

The header is signed with this install's key (`cachekey`, an HMAC of the header, which
holds the payload's digest). An entry whose signature holds was written by this game from
a validated scenario, and is rebuilt without validating it again (`rebuild`, a few
milliseconds rather than the validators' build); one with a wrong signature is passed over
and written again, never trusted; one without (no key could be made, or the rebuild would
not give the scenario back) is validated by the models.

The notation of a scenario from the disk is compiled (and its cross-references checked)
when the engine first asks for it (`Scenario.code`), not on loading.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import cachekey, precompiled
from .code import Code
from .errors import Problem, ScenarioError
from .locator import dotted
from .models import Scenario
from .rawfile import MAX_BYTES, read_bounded
from .rebuild import Unbuildable, build
from .shipped import bundled_paths
from .tokens import NotationError
from .variants import base_path

ENV_VAR = "MOSCOW1939_CACHE"
FORMAT = 2
"""The layout of a cache file; the fingerprint holds it, so a new layout misses."""
MAX_FILE = 16 * 1024 * 1024
KEPT_FILES = 32
"""Files kept on disk: the least recently written go first."""
KEPT_IN_MEMORY = 16

Bases = list[tuple[str, str, str]]
"""The bases a variant was merged onto: (extends, path, SHA-256 of the bytes), nearest first."""

_memory: OrderedDict[str, tuple[Scenario, Bases]] = OrderedDict()
_lock = threading.Lock()
_glancing = threading.local()


def folder() -> Path | None:
    """`$MOSCOW1939_CACHE`, else the platform's cache folder for the game (None: no home)."""
    try:
        value = os.environ.get(ENV_VAR)
        if value:
            return Path(value).expanduser()
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("moscow1939", appauthor=False)) / "scenarios"
    except (RuntimeError, KeyError, OSError, ValueError):
        return None


@functools.cache
def fingerprint() -> str:
    """What else decides what a load gives: the cache's layout, the game's and pydantic's
    versions, and the scenario package's own code (`sources_stamp`)."""
    from pydantic import VERSION

    from .. import __version__

    here = Path(__file__).resolve().parent
    mark = f"{FORMAT}|{__version__}|{VERSION}|{sources_stamp(here)}"
    return hashlib.sha256(mark.encode()).hexdigest()


def sources_stamp(folder: Path) -> str:
    """The sources in `folder` known by where they are, their names, sizes and times of
    change, not by their bytes: hashing them all cost as much as the rest of a load, and
    a source edited or installed again has a new time (the entries made before then miss)."""
    digest = hashlib.sha256(str(folder).encode())
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
    except OSError:
        return "unreadable sources"
    for name, st in found:
        digest.update(f"\0{name}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return digest.hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(name: str, own: str) -> str:
    return sha256(f"{fingerprint()}\0{name}\0{own}".encode())


def combined(own: str, bases: Bases) -> str:
    """A scenario's digest as the loader makes it: its bytes', with its bases' folded in."""
    digests = [own, *(d for _, _, d in bases)]
    out = digests[-1]
    for d in reversed(digests[:-1]):
        out = sha256((out + d).encode())
    return out


def recall(name: str, data: bytes, own: str | None = None) -> Scenario | None:
    """The scenario read before from these bytes (`own`: their digest, if known) under this
    name, if its bases are unchanged."""
    own = sha256(data) if own is None else own
    k = key(name, own)
    with _lock:
        kept = _memory.get(k)
    if kept is not None:
        if bases_hold(name, kept[1]):
            return kept[0]
        forget(k)
        return None
    found = from_disk(k, name, own)
    if found is not None:
        _remember(k, *found)
        return found[0]
    return None


def keep(name: str, data: bytes, scenario: Scenario, bases: Bases) -> None:
    """Remember a scenario just loaded, in memory and (if it can be written) on disk."""
    k = key(name, sha256(data))
    _remember(k, scenario, bases)
    where = folder()
    if where is not None:
        to_disk(where, k, name, scenario, bases)


def forget(k: str) -> None:
    with _lock:
        _memory.pop(k, None)
    where = folder()
    if where is not None:
        with contextlib.suppress(OSError):
            (where / f"{k}.json").unlink()


def clear_memory() -> None:
    """Forget what is kept in memory (the disk cache stays)."""
    with _lock:
        _memory.clear()


@contextlib.contextmanager
def glancing() -> Iterator[None]:
    """Scenarios loaded meanwhile in this thread are not kept in memory (the disk cache is
    still read and written): for a list that looks at each scenario once."""
    _glancing.on = True
    try:
        yield
    finally:
        _glancing.on = False


def _remember(k: str, scenario: Scenario, bases: Bases) -> None:
    if getattr(_glancing, "on", False):
        return
    with _lock:
        _memory[k] = (scenario, bases)
        _memory.move_to_end(k)
        while len(_memory) > KEPT_IN_MEMORY:
            _memory.popitem(last=False)


def bases_hold(name: str, bases: Bases) -> bool:
    """Whether each base would be found at the same place, with the same bytes, today."""
    referrer = name
    for extends, path, digest in bases:
        try:
            now = base_path(extends, referrer, bundled_paths(), (referrer, 0))
            if str(now) != path or sha256(read_bounded(now, MAX_BYTES)) != digest:
                return False
        except (ScenarioError, OSError, ValueError):
            return False
        referrer = path
    return True


def _signed(header: dict[str, Any]) -> bool | None:
    """Whether this install signed the header (None: it has no key, or the header no
    signature: the payload is validated)."""
    signature = header.pop("signature", None)
    secret = cachekey.key()
    if secret is None or signature is None:
        return None
    return cachekey.holds(secret, _canonical(header), signature)


def _canonical(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=True).encode()


Header = tuple[str, Bases, bool, str | None]
"""A cache file header's digest and bases, whether this install signed it, and the digest
of the notation's part (None: there is none)."""


def _header(raw: bytes, k: str, name: str, payload: bytes) -> Header | None:
    """The header, if it is for this key and payload (a wrong signature: None)."""
    header: Any = json.loads(raw)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return None
    signed = _signed(header)
    if signed is False:
        return None
    if header.get("key") != k or header.get("name") != name:
        return None
    if header.get("payload") != sha256(payload) or not isinstance(header.get("digest"), str):
        return None
    bases = header.get("bases")
    if not isinstance(bases, list) or not all(
        isinstance(b, list) and len(b) == 3 and all(isinstance(s, str) for s in b) for b in bases
    ):
        return None
    code = header.get("code")
    return (
        header["digest"],
        [(b[0], b[1], b[2]) for b in bases],
        bool(signed),
        code if isinstance(code, str) else None,
    )


def from_disk(k: str, name: str, own: str) -> tuple[Scenario, Bases] | None:
    """The scenario in the cache file for key `k`, or None if there is none that holds."""
    where = folder()
    if where is None:
        return None
    try:
        blob = read_bounded(where / f"{k}.json", MAX_FILE)
        head, _, rest = blob.partition(b"\n")
        payload, _, notation = rest.partition(b"\n")
        found = _header(head, k, name, payload)
        if found is None:
            return None
        digest, bases, signed, code_digest = found
        if combined(own, bases) != digest or not bases_hold(name, bases):
            return None
        scenario = _rebuilt(payload) if signed else None
        if scenario is None:
            scenario = Scenario.model_validate_json(payload)  # ValidationError: a ValueError
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    scenario._file = name
    scenario._digest = digest
    trusted = signed and code_digest is not None and code_digest == sha256(notation)
    scenario._compile = functools.partial(_compiled, k, notation if trusted else None)
    return scenario, bases


def _rebuilt(payload: bytes) -> Scenario | None:
    """The scenario of a signed payload, without validation (None: it cannot be rebuilt)."""
    try:
        scenario = build(Scenario, json.loads(payload))
    except (Unbuildable, KeyError, ValueError, TypeError, AttributeError):
        return None
    return scenario if isinstance(scenario, Scenario) else None


def _compiled(k: str, notation: bytes | None, scenario: Scenario) -> Code:
    """Compile a scenario from the cache: from the trees of a signed entry (`notation`),
    else (or if those fail) checked and compiled as it was when it was written."""
    from .checks import check

    if notation is not None:
        try:
            return precompiled.compiled(scenario, json.loads(notation))
        except (NotationError, ValueError, TypeError, LookupError, AttributeError, RecursionError):
            pass
    found, code = check(scenario)
    if found:  # only an altered cache file gets here: forget it, and say what is wrong
        forget(k)
        file = scenario.file
        raise ScenarioError([Problem(file, 0, dotted(p), m, h) for p, m, h in found])
    return code


def to_disk(where: Path, k: str, name: str, scenario: Scenario, bases: Bases) -> None:
    """Write the cache file for `k`, only if the JSON gives back the very same scenario."""
    payload = scenario.model_dump_json(exclude_unset=True).encode()
    try:
        again = Scenario.model_validate_json(payload)
    except ValueError:
        return
    if again.model_dump_json(exclude_unset=True).encode() != payload:
        return  # the JSON would not give this scenario back: no entry rather than a wrong one
    header: dict[str, Any] = {
        "format": FORMAT,
        "key": k,
        "name": name,
        "digest": scenario.digest,
        "bases": [list(b) for b in bases],
        "payload": sha256(payload),
    }
    notation = _notation(scenario)
    if notation:
        header["code"] = sha256(notation)
    secret = cachekey.key()
    if secret is not None and _rebuilds(payload, again):
        header["signature"] = cachekey.tag(secret, _canonical(header))
    blob = json.dumps(header, ensure_ascii=True).encode() + b"\n" + payload + b"\n" + notation
    temp = where / f".{k}.{secrets.token_hex(4)}.tmp"
    try:
        where.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(blob)
        os.replace(temp, where / f"{k}.json")
        _prune(where)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()


def _notation(scenario: Scenario) -> bytes:
    """The notation's part of a cache file (empty if the scenario was not compiled)."""
    code = scenario._code
    if code is None or not code.trees:
        return b""
    return json.dumps(precompiled.dump(code), ensure_ascii=True).encode()


def _rebuilds(payload: bytes, validated: Scenario) -> bool:
    """Whether the payload's rebuild is the validated scenario: equal, model by model, and
    with the same fields set (the rebuild sets those the JSON holds, as validation does)."""
    rebuilt = _rebuilt(payload)
    return (
        rebuilt is not None
        and rebuilt == validated
        and rebuilt.model_fields_set == validated.model_fields_set
    )


def _prune(where: Path) -> None:
    """Keep the `KEPT_FILES` newest cache files."""
    files = []
    for path in where.glob("*.json"):
        with contextlib.suppress(OSError):
            files.append((path.stat().st_mtime, path))
    for _, old in sorted(files)[:-KEPT_FILES]:
        with contextlib.suppress(OSError):
            old.unlink()
