"""Load the vocabulary in ``patterns/*.yaml`` once and cache it.

The folder is ``patterns/`` at the top of a source checkout and
``vnplan/_patterns`` inside an installed wheel.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_HERE = Path(__file__).resolve().parent


def patterns_dir() -> Path:
    """Folder holding the pattern files."""
    for candidate in (_HERE / "_patterns", _HERE.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("vnplan pattern files not found")


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Parsed content of ``patterns/<name>.yaml`` (cached)."""
    path = patterns_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
