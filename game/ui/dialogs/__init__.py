"""Typed modal dialogs: each dismisses with the value it was opened to ask for."""
