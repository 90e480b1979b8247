"""Where a profile's material files may come from: inside the profile's own folder, never elsewhere."""

from __future__ import annotations

from pathlib import Path

from ..catalogue import text


class MaterialPathError(ValueError):
    """A profile's material `file` that points outside the profile's folder; the text is for HR."""


def material_file_in(base_dir: Path, name: str) -> Path:
    """The file `name` of a profile JSON, resolved inside `base_dir` (the JSON's folder) only.

    Absolute paths, `..` and symbolic links that lead out of the folder are refused: a profile from
    elsewhere must not pull arbitrary local files into the vault or into a pack (SPEC §6)."""
    if not name or Path(name).is_absolute() or Path(name).drive or name.startswith(("/", "\\")):
        raise MaterialPathError(text("material.path-absolute", name=name))
    base = base_dir.resolve()
    path = (base / name).resolve()
    if not path.is_relative_to(base):
        raise MaterialPathError(text("material.path-outside", name=name))
    return path
