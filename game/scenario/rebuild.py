"""Scenario models rebuilt from trusted JSON without validating it again.

Only for a cache entry this game wrote and signed (see `cache`): its JSON is the dump of a
scenario the models validated, so each value is rebuilt by the type its field declares
(dates from their ISO text, tables as models, through `model_construct`) and no validator
is built or run. A type this module does not know how to rebuild raises `Unbuildable` when
the plan for its model is made: the cache then validates instead. The cache also refuses
to sign an entry whose rebuilt scenario does not dump exactly as the validated one.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import types
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

Conv = Callable[[Any], Any]


class Unbuildable(TypeError):
    """A field type with no rebuild here (the cache validates the entry instead)."""


def _same(value: Any) -> Any:
    return value


JSON_TYPES: dict[Any, type] = {str: str, int: int, bool: bool, type(None): type(None)}


def _json_type(tp: Any) -> type:
    """The JSON value's Python type that a field of type `tp` is dumped as."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _json_type(get_args(tp)[0])
    if origin is list:
        return list
    if origin is dict or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return dict
    if tp is dt.date or origin is Literal and all(type(a) is str for a in get_args(tp)):
        return str
    if tp in JSON_TYPES:
        return JSON_TYPES[tp]
    raise Unbuildable(f"no rebuild for {tp!r}")


_converters: dict[Any, Conv] = {}
"""The converters made so far, by their type (fields share `str`, `list[str]` and the like)."""


def converter(tp: Any) -> Conv:
    """How a JSON value of a field of type `tp` becomes the field's value."""
    try:
        return _converters[tp]
    except KeyError:
        made = _converters[tp] = _converter(tp)
    except TypeError:  # a type that cannot be a key
        made = _converter(tp)
    return made


def _converter(tp: Any) -> Conv:
    origin = get_origin(tp)
    if origin is Annotated:
        return converter(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return _union(get_args(tp))
    if origin is list:
        item = converter(get_args(tp)[0])
        return list if item is _same else lambda v: [item(x) for x in v]
    if origin is dict:
        value = converter(get_args(tp)[1])
        return dict if value is _same else lambda v: {k: value(x) for k, x in v.items()}
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp in _planning:  # a model inside itself: its plan is looked up when first met
            return lambda v: maker(tp)(v)
        return maker(tp)
    if tp is dt.date:
        return dt.date.fromisoformat
    _json_type(tp)  # a plain str, int, bool, None or string literal: the value itself
    return _same


def _union(members: tuple[Any, ...]) -> Conv:
    """A union's members told apart by their JSON type (two with the same are refused)."""
    by_type: dict[type, Conv] = {}
    for member in members:
        kind = _json_type(member)
        if kind in by_type:
            raise Unbuildable(f"two members of {members!r} are both JSON {kind.__name__}")
        by_type[kind] = converter(member)
    if all(c is _same for c in by_type.values()):
        return _same
    return lambda v: by_type[type(v)](v)


_REQUIRED = object()
IMMUTABLE = (str, int, bool, type(None), tuple, frozenset)


def _default(field: Any) -> tuple[bool, Any]:
    """What a field left out holds: (False, its default) for a value that can be shared,
    (True, a function giving a fresh one) for a list, a dict or a factory's value, as
    pydantic gives each instance its own; `_REQUIRED` for a field that has none."""
    if field.default_factory is not None:
        return True, field.default_factory
    if field.is_required():
        return False, _REQUIRED
    value = field.default
    if isinstance(value, IMMUTABLE):
        return False, value
    if isinstance(value, list | dict) and all(
        isinstance(x, IMMUTABLE) for x in (value.values() if isinstance(value, dict) else value)
    ):
        return True, lambda: type(value)(value)
    return True, lambda: copy.deepcopy(value)


_planning: set[type[BaseModel]] = set()
"""The models whose plan `maker` is making (one may hold itself)."""


@functools.cache
def maker(cls: type[BaseModel]) -> Callable[[Any], Any]:
    """How an instance of `cls` is made from its JSON: its fields' defaults in their order,
    those given converted over them, then the instance's dictionary set as
    `model_construct` sets it (a model with private attributes, aliases or its own
    initialisation goes through `model_construct` itself)."""
    fields = cls.__pydantic_fields__
    _planning.add(cls)
    try:
        convs = {name: converter(f.annotation) for name, f in fields.items()}
    finally:
        _planning.discard(cls)
    defaults = {name: _default(f) for name, f in fields.items()}
    template = {name: d[1] if not d[0] else _REQUIRED for name, d in defaults.items()}
    fresh = tuple((name, d[1]) for name, d in defaults.items() if d[0])
    required = frozenset(n for n, d in defaults.items() if d == (False, _REQUIRED))
    known = frozenset(fields)
    converted = tuple((name, conv) for name, conv in convs.items() if conv is not _same)
    """The fields whose JSON is not their value (the others are copied as they are)."""
    direct = not (
        cls.__private_attributes__
        or cls.__pydantic_post_init__
        or cls.__pydantic_root_model__
        or any(f.alias or f.validation_alias for f in fields.values())
    )
    new, setattr_ = object.__new__, object.__setattr__

    def make(data: Any) -> Any:
        if type(data) is not dict:
            raise Unbuildable(f"{cls.__name__} from a {type(data).__name__}")
        keys = data.keys()
        if not (keys >= required and keys <= known):
            raise Unbuildable(f"{cls.__name__}: not the fields of one ({sorted(data)})")
        values = template.copy()
        values.update(data)
        for name, give in fresh:
            if name not in data:
                values[name] = give()
        for name, conv in converted:
            if name in data:
                values[name] = conv(data[name])
        if not direct:
            return cls.model_construct(set(data), **values)
        m = new(cls)
        setattr_(m, "__dict__", values)
        setattr_(m, "__pydantic_fields_set__", set(data))
        setattr_(m, "__pydantic_extra__", None)
        setattr_(m, "__pydantic_private__", None)
        return m

    return make


def build(cls: type[BaseModel], data: dict[str, Any]) -> Any:
    """An instance of `cls` from the JSON of one that was validated (keys as dumped: the
    fields that were set)."""
    return maker(cls)(data)
