"""Writing save files safely: atomic replacement under a per-slot lock, and sweeping what
a crash leaves behind.

A write goes to a temporary file in the same folder, is flushed to disk, and only then
replaces the old file with `os.replace`, which is atomic: a crash at any moment leaves either
the old save or the new one. Two copies of the game saving the same slot take turns, by an
advisory lock on a file beside it (`fcntl.flock`; where there is none, they do not wait).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from .fileformat import SaveError

LOCK_WAIT = 3.0
"""Seconds a writer waits for another writer of the same slot before giving up."""
STRAY_AGE = 60.0
"""Seconds after which a temporary file is left over from a crash, not being written."""
TMP_RE = re.compile(r"^\..+\.json\.[0-9a-f]{8}\.tmp$")
LOCK_RE = re.compile(r"^\..+\.json\.lock$")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise SaveError(
            f"Cannot create the save folder {folder}: {err.strerror}. "
            "Choose another with --saves-dir or MOSCOW1939_SAVES."
        )
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with slot_lock(path):
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            _fsync_dir(folder)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if err.errno == errno.ENOSPC:
            why, advice = "the disk is full", "Free some space or choose another folder"
        elif err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            why, advice = "the folder cannot be written to", "Choose another folder"
        else:
            why, advice = err.strerror or str(err), "Choose another folder"
        raise SaveError(
            f"Could not save to {path}: {why}. The previous save, if any, is "
            f"untouched. {advice} with --saves-dir."
        )


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def slot_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the advisory lock of the save at `path`; `SaveError` if another writer keeps it
    longer than `wait` seconds (`LOCK_WAIT`). The lock file is removed when released."""
    if sys.platform == "win32":  # pragma: no cover - no flock: writers do not wait
        yield
        return
    import fcntl

    lock = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        try:  # never through a link: a lock is a plain file of this folder
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        except OSError as err:
            raise SaveError(
                f"Could not save to {path}: its lock file {lock} cannot be made "
                f"({err.strerror or err}). If it is a link or a folder, remove it and save again."
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise SaveError(
                    f"Could not save to {path}: another copy of the game is saving to "
                    f"'{path.stem}' right now. The save there is whole; try again in a "
                    "moment, or save under another name."
                )
            time.sleep(0.02)
            continue
        except OSError:
            os.close(fd)
            raise
        if _same_file(fd, lock):  # not a lock file its last holder has just removed
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def sweep(folder: Path) -> None:
    """Remove what a crash can leave: temporary files older than `STRAY_AGE` and lock files
    nobody holds. Only names this module makes (a `.bak` is the player's backup: kept)."""
    try:
        names = [e.name for e in os.scandir(folder) if e.name.endswith((".tmp", ".lock"))]
    except OSError:
        return
    now = time.time()
    for name in names:
        path = folder / name
        if TMP_RE.match(name) or LOCK_RE.match(name):
            with contextlib.suppress(OSError):
                if now - path.stat().st_mtime < STRAY_AGE:
                    continue
                if name.endswith(".lock"):
                    _remove_unheld(path)
                else:
                    path.unlink()


def _remove_unheld(lock: Path) -> None:
    """Remove a lock file if no one holds it (a writer killed before it could)."""
    if sys.platform == "win32":  # pragma: no cover
        return
    import fcntl

    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if _same_file(fd, lock):
            lock.unlink()
    except OSError:
        pass
    finally:
        os.close(fd)
