"""The JSON Schema of the scenario format, for editors that check TOML as it is typed
(Taplo / Even Better TOML: put `#:schema ./scenario.schema.json` on a file's first line)."""

from __future__ import annotations

import json
from typing import Any

from .models import FORMAT_VERSION, Scenario


def scenario_schema() -> dict[str, Any]:
    """The schema of a scenario file; a variant (with `extends`) needs only format and id."""
    schema = Scenario.model_json_schema()
    required = schema.pop("required", [])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Moscow 1939 scenario, format {FORMAT_VERSION}"
    schema["if"] = {"required": ["extends"]}
    schema["then"] = {"required": ["format", "id", "extends"]}
    schema["else"] = {"required": required}
    return schema


def schema_text() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
