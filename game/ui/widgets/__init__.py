"""Panels of the game screen and other reusable widgets."""
