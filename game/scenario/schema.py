"""The JSON Schema of the scenario format, for editors that check TOML as it is typed
(Taplo / Even Better TOML: put `#:schema ./scenario.schema.json` on a file's first line)."""

from __future__ import annotations

import json
from typing import Any

from .docstrings import describe_fields
from .models import FORMAT_VERSION, Scenario


def scenario_schema() -> dict[str, Any]:
    """The schema of a scenario file. A variant (a file with `extends`) needs only `format`,
    `id` and `extends`, and its entries only the key that names them (see `variants.KEYED`)."""
    describe_fields()
    full = Scenario.model_json_schema()
    defs = full.pop("$defs")
    variant = _relaxed(full)
    variant["required"] = ["format", "id", "extends"]
    variant_defs = {f"Variant{name}": _relaxed(d) for name, d in defs.items()}
    _point(variant, "#/$defs/", "#/$defs/Variant")
    for d in variant_defs.values():
        _point(d, "#/$defs/", "#/$defs/Variant")
    scenario_def = {k: v for k, v in full.items() if k != "title"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Moscow 1939 scenario, format {FORMAT_VERSION}",
        "description": full.get("description", ""),
        "$defs": {**defs, **variant_defs, "Scenario": scenario_def, "Variant": variant},
        "if": {"required": ["extends"]},
        "then": {"$ref": "#/$defs/Variant"},
        "else": {"$ref": "#/$defs/Scenario"},
    }


KEYS = {"id", "key", "term", "date", "action"}
"""Fields that name an entry, and stay required in a variant."""


def _relaxed(definition: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(definition))
    if "required" in out:
        kept = [k for k in out["required"] if k in KEYS]
        if kept:
            out["required"] = kept
        else:
            del out["required"]
    return out


def _point(node: Any, old: str, new: str) -> None:
    """Rewrite `$ref`s in place from one prefix to another."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(old) and not ref.startswith(new):
            node["$ref"] = new + ref[len(old) :]
        for value in node.values():
            _point(value, old, new)
    elif isinstance(node, list):
        for value in node:
            _point(value, old, new)


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
