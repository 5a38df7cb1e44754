"""Moscow 1939: a turn-based diplomatic strategy game for the terminal."""

__version__ = "0.1.0"
