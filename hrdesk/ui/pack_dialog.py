"""Packs from the GUI: the materials of a stored employee are vault files, so the pack service gets a
profile whose `file` entries are vault paths."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..services.packs import PackResult, build_pack


def build_pack_for_employee(records: Any, employee_id: int, business: str, target: Path, force: bool,
                            progress: Callable[[int, int], bool] | None = None) -> PackResult:
    profile = copy.deepcopy(records.profile(employee_id))
    for material in profile.materials:
        if material.file:
            material.file = str(records.vault.path(material.file))
    return build_pack(profile, business, target, Path("/"), force=force, data_dir=records.data_dir,
                      progress=progress)
