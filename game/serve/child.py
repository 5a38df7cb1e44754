"""One visitor's game, as the server starts it: `python -m game.serve.child SAVES_DIR SERVER_PID`.

It is the terminal UI (textual-serve sets the web driver in its environment) with the
visitor's own saves folder, and its own settings in a `config` folder inside it: one
visitor's theme or hints never reach another, nor the account the server runs as (the
sweep that removes an idle session's folder removes its settings with it). On Linux it
asks to be sent SIGTERM when the server dies, so a server that is killed outright leaves no
game running (the UI quits on SIGTERM).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

PR_SET_PDEATHSIG = 1
CONFIG_FOLDER = "config"
"""The visitor's settings folder, inside their saves folder."""


def end_with_parent() -> None:
    """Be sent SIGTERM when the parent process dies (Linux only; elsewhere nothing)."""
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - an odd libc
        pass


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2 or not args[1].isdigit():
        sys.stderr.write("usage: python -m game.serve.child SAVES_DIR SERVER_PID\n")
        return 2
    end_with_parent()
    if os.getppid() != int(args[1]):  # the server died before we could ask
        return 0
    from game.ui.settings import ENV_VAR

    os.environ[ENV_VAR] = str(Path(args[0]) / CONFIG_FOLDER)
    from game.ui.app import run

    return run(saves_dir=args[0])


if __name__ == "__main__":
    sys.exit(main())
