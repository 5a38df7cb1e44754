"""The docstrings written under the models' fields, as descriptions for the JSON Schema.

Reading them means reading the models' source, so the models do not do it as they are
defined (pydantic's `use_attribute_docstrings`): only the `schema` command asks, here."""

from __future__ import annotations

import ast
import inspect
import sys
from functools import cache

from .base import Model


@cache
def _module_docs(module: str) -> dict[str, dict[str, str]]:
    """Each class of a module by name: its fields' docstrings (a string right under a field)."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (OSError, TypeError, KeyError, SyntaxError):
        return {}
    out: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        for field, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[field.target.id] = inspect.cleandoc(after.value.value)
        out[node.name] = docs
    return out


def _models(root: type[Model]) -> list[type[Model]]:
    found: list[type[Model]] = []
    for sub in root.__subclasses__():
        found += [sub, *_models(sub)]
    return found


def describe_fields() -> None:
    """Give every model's fields their docstrings as descriptions (once is enough), and
    rebuild the models so that their JSON Schema shows them."""
    for model in _models(Model):
        docs = _module_docs(model.__module__).get(model.__name__, {})
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
    for model in _models(Model):
        model.model_rebuild(force=True)
