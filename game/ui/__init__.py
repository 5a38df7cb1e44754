"""The Textual front end: it renders the engine's state and sends it commands.

Nothing below `game.ui` imports this package. Import `game.ui.app` for `make_app` and `run`;
the package itself imports nothing heavy so that the command line starts fast.
"""
