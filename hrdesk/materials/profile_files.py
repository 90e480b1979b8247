"""A profile's material files as `hrdesk check` finds them: a material whose file is not there, lies
outside the profile's folder, or cannot be opened (empty, truncated, encrypted) is not 齐全 — the check
says which file and why, the way `hrdesk pack` would refuse it, instead of reporting "ready" for papers
it never looked at. Only the file's structure is read here (no page is drawn): the image checks and the
reading of the scans stay with `pack` and `inspect`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from ..catalogue import text
from ..rules.profile import Profile
from .paths import MaterialPathError, material_file_in


def vault_refusal(base_dir: Path, name: str) -> tuple[str, dict[str, Any]] | None:
    """Why the vault would refuse the file `name` of a profile (relative to `base_dir`), as a message key
    and its parameters, in the words of a profile's file (the name as written in the JSON): outside the
    profile's folder, or what `source_problem` refuses. A file that does not exist is no refusal here:
    an import records the material without its scan, a check says it is missing."""
    from ..store.vault import source_problem

    try:
        path = material_file_in(base_dir, name)
    except MaterialPathError:
        absolute = Path(name).is_absolute() or name.startswith(("/", "\\"))
        return ("material.path-absolute" if absolute else "material.path-outside", {"name": name})
    if not path.exists():
        return None
    problem = source_problem(path)
    if problem is None:
        return None
    key, params = problem
    if key.startswith("store.source-"):
        key, params = key.replace("store.source-", "material.file-"), {**params, "name": name}
    return key, params


def file_problem(base_dir: Path, name: str, lang: str = "zh") -> str | None:
    """Why the file `name` of a profile (relative to `base_dir`) cannot go with the application, in
    `lang`, or None when it can."""
    from ..pdf.scan import ScanSettings, refusal

    refused = vault_refusal(base_dir, name)
    if refused is not None:
        key, params = refused
        return text(key, lang, **params)
    path = material_file_in(base_dir, name)  # inside the folder: vault_refusal said so
    if not path.exists():
        return text("material.file-missing", lang, name=name)
    flag = refusal(path, ScanSettings(isolate=False))
    return _flag_text(name, flag, lang) if flag is not None else None


def _flag_text(name: str, flag: Any, lang: str) -> str:
    return f"{name}: {flag.text(lang)}"


def unreadable_problem(path: Path, reason: str = "", lang: str = "zh") -> str | None:
    """Why a scan given on its own (`hrdesk read`, the confirmation view) could not be read, in `lang`,
    with what to do about it, in the words the vault and the attach path use for the same file: the
    vault's refusal (`source_problem`: missing, empty, too large, a photo that cannot be decoded), else
    the scan's refusal of its structure that the reading recorded (`reason`: encrypted, damaged …), else
    the scan's verdict on what the file is (a text file named .pdf). None when none of them says why."""
    from ..pdf.pack import IMAGE_SUFFIXES
    from ..pdf.scan import check_file
    from ..pdf.scan_flags import REFUSED, flag_from_reason
    from ..store.vault import source_problem

    problem = source_problem(path)
    if problem is not None:
        key, params = problem
        return text(key, lang, **params)
    flag = flag_from_reason(reason) if reason else None
    if flag is None and path.suffix.lower() not in IMAGE_SUFFIXES:
        flag = next((f for f in check_file(path).flags if f.severity == REFUSED), None)
    return _flag_text(path.name, flag, lang) if flag is not None else None


def with_file_problems(profile: Profile, base_dir: Path, lang: str = "zh") -> Profile:
    """The profile with each unusable file's reason added to its material's defects."""
    materials = []
    for material in profile.materials:
        problem = file_problem(base_dir, material.file, lang) if material.file else None
        materials.append(replace(material, defects=[*material.defects, problem]) if problem else material)
    return replace(profile, materials=materials)
