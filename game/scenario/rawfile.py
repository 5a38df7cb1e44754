"""Reading a file of bounded size that must be a regular file (scenarios, saves, the cache)."""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["MAX_BYTES", "Unreadable", "read_bounded"]

MAX_BYTES = 2 * 1024 * 1024
"""The largest scenario file read."""


class Unreadable(OSError):
    """A file refused before it is read: not a regular file, or larger than allowed."""


def read_bounded(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO, a device or a link to
    one raises `Unreadable` at once, without waiting for a writer or reading endlessly;
    a missing file, a folder or a refusal raise the usual `OSError`s."""
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or a socket"
            raise Unreadable(errno.EINVAL, f"is not a regular file but {kind}", str(path))
        if info.st_size > limit:
            too_big = f"file is {info.st_size:,} bytes; the limit is {limit:,}"
            raise Unreadable(errno.EFBIG, too_big, str(path))
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise Unreadable(errno.EFBIG, f"file is over the limit of {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)
