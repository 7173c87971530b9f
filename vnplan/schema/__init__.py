"""The JSON Schema of vnplan's output, and validation against it."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_PATH = Path(__file__).with_name("plan.schema.json")


def schema_text() -> str:
    return _PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(schema_text())


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, schema())
