"""The base of every scenario model, and the small types the tables share."""

from __future__ import annotations

import os
from typing import Annotated

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
"""No pydantic plugin watches the scenario's models; looking for plugins costs 10-25 ms
when the first validator is built."""

from pydantic import BaseModel, ConfigDict, Field  # noqa: E402

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Weight = Annotated[int, Field(ge=0)] | str
"""A weight: a whole number from 0, or an expression (negative values count as 0)."""
Score = Annotated[int, Field(ge=0, le=100)] | str
"""A score: a whole number from 0 to 100, or an expression (clamped to 0-100)."""
Percent = Annotated[int, Field(ge=0, le=100)]


class Model(BaseModel):
    """Base of every scenario table: unknown keys are errors. The string under a field is
    its description in the JSON Schema (`docstrings`, for the `schema` command only); the
    validators are built when first used, not on import."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)
