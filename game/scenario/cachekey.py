"""The key that signs the scenario cache's entries: one per install, in the config folder.

A cache entry signed with this key was written by this game from a scenario the models
validated, so it is rebuilt without validating it again (see `cache` and `rebuild`). The
key is 32 random bytes, as hex, in `cache.key` in `$MOSCOW1939_CONFIG` or the platform's
config folder, made on first use and readable by its owner only. Deleting it is always
safe: the entries signed with the old key are passed over and written again. Without a
config folder that can be written there is no key, and every entry is validated.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import threading
from pathlib import Path

ENV_VAR = "MOSCOW1939_CONFIG"
FILE_NAME = "cache.key"
HEX_LENGTH = 64

_keys: dict[str, bytes | None] = {}
_lock = threading.Lock()


def config_dir() -> Path | None:
    """`$MOSCOW1939_CONFIG`, else the platform's config folder for the game (None: no home)."""
    try:
        value = os.environ.get(ENV_VAR)
        if value:
            return Path(value).expanduser()
        from platformdirs import user_config_dir

        return Path(user_config_dir("moscow1939", appauthor=False))
    except (RuntimeError, KeyError, OSError, ValueError):
        return None


def _read(path: Path) -> bytes | None:
    try:
        text = path.read_bytes()[: HEX_LENGTH + 2].strip()
        key = bytes.fromhex(text.decode("ascii"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return key if len(key) * 2 == HEX_LENGTH else None


def _make(path: Path) -> bytes | None:
    """A new key written to `path` (then read back: another process may have won)."""
    temp = path.with_name(f".{FILE_NAME}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(HEX_LENGTH // 2) + "\n")
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return None
    return _read(path)


def key() -> bytes | None:
    """This install's key (made if there is none or it is damaged); None if it cannot be."""
    where = config_dir()
    if where is None:
        return None
    path = where / FILE_NAME
    name = str(path)
    with _lock:
        if name in _keys:
            return _keys[name]
        found = _read(path)
        if found is None:
            found = _make(path)
        _keys[name] = found
        return found


def forget() -> None:
    """Read the key from its file again when next asked (tests, and a deleted key)."""
    with _lock:
        _keys.clear()


def tag(key: bytes, message: bytes) -> str:
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def holds(key: bytes, message: bytes, signature: object) -> bool:
    """Whether `signature` is this key's tag of `message`."""
    return isinstance(signature, str) and hmac.compare_digest(tag(key, message), signature)
