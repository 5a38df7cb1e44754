"""The base of every scenario model, and the small types the tables share."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Weight = Annotated[int, Field(ge=0)] | str
"""A weight: a whole number from 0, or an expression (negative values count as 0)."""
Score = Annotated[int, Field(ge=0, le=100)] | str
"""A score: a whole number from 0 to 100, or an expression (clamped to 0-100)."""
Percent = Annotated[int, Field(ge=0, le=100)]


class Model(BaseModel):
    """Base of every scenario table: unknown keys are errors, fields carry docstrings."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, use_attribute_docstrings=True, strict=True
    )
