"""Texts that follow the state (format 2): versions, names, continuity rules."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Id, Model


class TextVariant(Model):
    """One version of a text, shown while `when` holds (format 2)."""

    when: str = ""
    """Condition for this version; the last version, without `when`, is the fallback."""
    text: str


Text = str | list[TextVariant]
"""A text shown to players: plain, or (format 2) a list of versions chosen by the state.
Either may name `{names}` and `{variables}` in braces."""


def fallback(text: Text) -> str:
    """A text as one string when no state is at hand: the fallback version."""
    if isinstance(text, str):
        return text
    return next((v.text for v in reversed(text) if not v.when.strip()), text[-1].text)


class Name(Model):
    """A name that texts write as `{id}`, chosen by the state (format 2)."""

    id: Id
    text: Text
    """The name, or a list of versions, e.g. `[{ when = "litvinov_dismissed", text =
    "Molotov" }, { text = "Litvinov" }]`."""


class Continuity(Model):
    """Words no text may show while a condition holds (format 2): the story never
    contradicts the game."""

    id: str = ""
    when: str = ""
    """While this holds (empty: always), ..."""
    never: Annotated[list[str], Field(min_length=1)]
    """... no text shown to any power may contain these words (case is ignored)."""
    note: str = ""
    """Why, for the author."""
