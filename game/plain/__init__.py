"""Plain mode: the whole game as numbered choices on stdin/stdout.

For screen readers and scripts: every line stands on its own, every question is a
numbered list, and a file of answers piped in plays a game to its end. `console` reads and
writes lines, `words` and `aims` put the game into words, `play` runs the turns.
"""

from .console import WIDTH, InputEnded
from .moves import LETTERS
from .play import Plain

__all__ = ["LETTERS", "WIDTH", "InputEnded", "Plain"]
