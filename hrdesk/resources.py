"""Where the bundled data lives: `resources/` and `forms/` beside the package in a checkout, or inside
the package (`_resources`, `_forms`) in a wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    return _find("resources", "_resources")


@cache
def forms_dir() -> Path:
    return _find("forms", "_forms")


def _find(checkout_name: str, bundled_name: str) -> Path:
    candidates = [_PACKAGE / bundled_name, _PACKAGE.parent / checkout_name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / checkout_name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"hrdesk data folder '{checkout_name}' not found beside {_PACKAGE}")
