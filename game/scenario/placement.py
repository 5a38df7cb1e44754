"""Where a table belongs in the format, read from the models: the model that holds a key,
how to write a missing table, where a table written in the wrong place goes."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from .locator import Path
from .models import Scenario


def field_model(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The model class that holds the last key of `loc`, walking field annotations."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def inner_model(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = inner_model(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
        return None
    return annotation


def takes_text(annotation: Any) -> bool:
    """Whether a field may be written as plain text (a text that may also have versions)."""
    if annotation is str:
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return takes_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return any(takes_text(arg) for arg in typing.get_args(annotation))
    return False


def add_hint(path: Path, key: str) -> str:
    """How to write a missing key: `add title = ...`, `add text = "..."` for a text (even
    one that may have versions), or a header for a table."""
    parent = field_model(Scenario, path)
    info = parent.model_fields.get(key) if parent else None
    if info is not None and takes_text(info.annotation):
        return f'add {key} = "..."'
    inner = inner_model(info.annotation) if info else None
    if not (isinstance(inner, type) and issubclass(inner, BaseModel)) or info is None:
        return f"add {key} = ..."
    name = ".".join(str(p) for p in path if isinstance(p, str))
    if typing.get_origin(info.annotation) is list:
        return f"add a [[{name}]] table (the line [[{name}]], then its keys), one per entry"
    return f"add a [{name}] table (the line [{name}], then its keys)"


def belongs_above(path: Path, key: str) -> str:
    """For a key written in a table inside the one it belongs to (`secret` under a reply's
    option, when it is the move's): which enclosing table takes it."""
    inner = ".".join(str(p) for p in path[:-1] if isinstance(p, str))
    cut = list(path[:-1])
    while len(cut) > 1:
        cut = cut[:-2] if isinstance(cut[-1], int) else cut[:-1]
        parent = field_model(Scenario, (*cut, key))
        if parent is not None and key in parent.model_fields:
            outer = ".".join(str(p) for p in cut if isinstance(p, str))
            return (
                f"'{key}' is a key of the [[{outer}]] entry this [[{inner}]] is inside: "
                f"write it there, among that entry's own keys"
            )
    return ""


def value_at(data: Any, path: Path) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def placed(key: str, value: Any) -> str:
    """For a table written where it does not belong, where it does: `[[replies]]` at the
    top level is `[[actions.replies]]`."""
    tables = value if isinstance(value, list) else [value]
    if not tables or not all(isinstance(t, dict) for t in tables):
        return ""
    places: list[str] = []
    stack: list[tuple[str, Any]] = [("", Scenario)]
    while stack:
        prefix, model = stack.pop()
        for field, info in model.model_fields.items():
            inner = inner_model(info.annotation)
            if not (isinstance(inner, type) and issubclass(inner, BaseModel)):
                continue
            where = f"{prefix}.{field}" if prefix else field
            if field == key and prefix:
                places.append(where)
            if where.count(".") < 4:
                stack.append((where, inner))
    if not places:
        return ""
    place = min(places, key=len)
    brackets = "[[{}]]" if isinstance(value, list) else "[{}]"
    parent = place.rsplit(".", 1)[0]
    return (
        f"did you mean {brackets.format(place)}? It goes below the [[{parent}]] entry it belongs to"
    )
