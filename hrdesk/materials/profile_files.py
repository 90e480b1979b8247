"""A profile's material files as `hrdesk check` finds them: a material whose file is not there, lies
outside the profile's folder, or cannot be opened (empty, truncated, encrypted) is not 齐全 — the check
says which file and why, the way `hrdesk pack` would refuse it, instead of reporting "ready" for papers
it never looked at. Only the file's structure is read here (no page is drawn): the image checks and the
reading of the scans stay with `pack` and `inspect`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..catalogue import text
from ..rules.profile import Profile
from .paths import MaterialPathError, material_file_in


def file_problem(base_dir: Path, name: str, lang: str = "zh") -> str | None:
    """Why the file `name` of a profile (relative to `base_dir`) cannot go with the application, in
    `lang`, or None when it can."""
    from ..pdf.scan import ScanSettings, refusal
    from ..store.vault import source_problem

    try:
        path = material_file_in(base_dir, name)
    except MaterialPathError as exc:
        return str(exc)
    if not path.exists():
        return text("material.file-missing", lang, name=name)
    problem = source_problem(path)
    if problem is not None:
        key, params = problem
        if key.startswith("store.source-"):
            key, params = key.replace("store.source-", "material.file-"), {**params, "name": name}
        return text(key, lang, **params)
    flag = refusal(path, ScanSettings(isolate=False))
    return f"{name}: {flag.text(lang)}" if flag is not None else None


def with_file_problems(profile: Profile, base_dir: Path, lang: str = "zh") -> Profile:
    """The profile with each unusable file's reason added to its material's defects."""
    materials = []
    for material in profile.materials:
        problem = file_problem(base_dir, material.file, lang) if material.file else None
        materials.append(replace(material, defects=[*material.defects, problem]) if problem else material)
    return replace(profile, materials=materials)
