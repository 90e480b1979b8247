"""Submission packs: for one employee and one business, the materials in the guide's order, one PDF per
upload slot named `NN-材料名-姓名.pdf`, the checklist and the forms to sign, written all-or-nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..pdf.files import atomic_folder, atomic_write_bytes, owner_only, safe_filename
from ..pdf.pack import Slot, Source, SourceError, open_source, write_slot
from ..printing.forms import render_form
from ..rules.profile import Profile
from ..rules.results import CheckResult
from .check import run_check
from .forms import checklist_pdf

FORM_NAMES = {
    "integrity-individual": "待签字-诚信声明（个人）",
    "integrity-unit": "待签字-诚信声明（单位）",
    "housing-borrowing": "待签字-房屋借住声明",
}


class PackRefused(RuntimeError):
    """The pack would be incomplete; `problems` says why, in words for HR."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


class Cancelled(RuntimeError):
    pass


@dataclass
class PackResult:
    folder: Path
    files: list[str]
    pages: dict[str, int]
    overridden: list[str] = field(default_factory=list)
    zip_path: Path | None = None


def forms_to_sign(profile: Profile) -> list[str]:
    forms = ["integrity-individual", "integrity-unit"]
    if profile.employee.housing is not None and profile.employee.housing.kind == "borrowed":
        forms.append("housing-borrowing")
    return forms


def plan_slots(result: CheckResult, profile: Profile, base_dir: Path) -> tuple[list[Slot], list[str]]:
    """Upload slots in the rules engine's order (required first, as the guide lists them), and the
    problems that make the pack incomplete."""
    files: dict[str, list[Path]] = {}
    for m in profile.materials:
        if m.file:
            files.setdefault(m.kind, []).append(base_dir / m.file)
    problems = []
    slots: list[Slot] = []
    ordered = [m for m in result.materials if m.required] + [m for m in result.materials if not m.required]
    person = profile.employee.name or "未命名"
    for m in ordered:
        kinds = [m.kind] + ([m.provided_kind] if m.provided_kind else [])
        paths = [p for k in kinds for p in files.get(k, [])]
        if m.required and m.status != "ok":
            problems.append(f"{m.name}：{m.reason}")
        if not paths:
            if m.required and m.status == "ok":
                problems.append(f"{m.name}：没有可打包的文件")
            continue
        number = len(slots) + 1
        sources = [
            Source(p, m.name if len(paths) == 1 else f"{m.name} ({i}/{len(paths)})")
            for i, p in enumerate(paths, start=1)
        ]
        slots.append(Slot(number, m.name, safe_filename(f"{number:02d}-{m.name}-{person}.pdf"), sources))
    return slots, problems


def build_pack(
    profile: Profile,
    business: str,
    out_dir: Path,
    base_dir: Path,
    on: date | None = None,
    force: bool = False,
    make_zip: bool = False,
    data_dir: Path | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> PackResult:
    """Build the pack into `out_dir`. `progress(done, total)` returning False cancels; a cancelled or
    failed build leaves no output. Refuses (PackRefused) when required materials are missing or
    defective unless `force`, in which case the checklist lists what was overridden."""
    result = run_check(profile, business, on, data_dir)
    slots, problems = plan_slots(result, profile, base_dir)
    unreadable = []
    for slot in slots:
        for source in slot.sources:
            try:
                open_source(source.path)
            except SourceError as exc:
                unreadable.append(str(exc))
    if (problems or unreadable) and not force:
        raise PackRefused(problems + unreadable)
    pages: dict[str, int] = {}
    files: list[str] = []
    total = len(slots) + 1 + len(forms_to_sign(profile))
    person = profile.employee.name or "未命名"
    with atomic_folder(out_dir) as work:
        for i, slot in enumerate(slots):
            if progress and progress(i, total) is False:
                raise Cancelled()
            slot.sources = [s for s in slot.sources if not _is_unreadable(s, unreadable)]
            if not slot.sources:
                continue
            count = write_slot(slot, work)
            kind = next(m.kind for m in result.materials if m.name == slot.title)
            pages[kind] = count
            files.append(slot.filename)
        for n, form_id in enumerate(forms_to_sign(profile), start=90):
            name = safe_filename(f"{n}-{FORM_NAMES[form_id]}-{person}.pdf")
            atomic_write_bytes(work / name, render_form(form_id, profile, on))
            files.append(name)
        name = safe_filename(f"00-材料清单-{person}.pdf")
        atomic_write_bytes(
            work / name, checklist_pdf(result, profile, pages, problems + unreadable, data_dir)
        )
        files.insert(0, name)
        if progress and progress(total, total) is False:
            raise Cancelled()
    zip_path = None
    if make_zip:
        zip_path = out_dir.with_name(out_dir.name + ".zip")
        tmp = zip_path.with_name(f".{zip_path.name}.partial")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(files):
                zf.write(out_dir / name, arcname=name)
        owner_only(tmp).replace(zip_path)
    return PackResult(out_dir, sorted(files), pages, problems + unreadable if force else [], zip_path)


def _is_unreadable(source: Source, messages: list[str]) -> bool:
    return any(m.startswith(f"{source.path.name}:") for m in messages)


def build_pack_for_stored(
    records: object,
    employee_id: int,
    business: str,
    target: Path,
    force: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    make_zip: bool = False,
) -> PackResult:
    """A pack for a stored employee: the materials are vault files, so `file` entries become vault paths."""
    import copy

    profile = copy.deepcopy(records.profile(employee_id))
    for material in profile.materials:
        if material.file:
            material.file = str(records.vault.path(material.file))
    return build_pack(
        profile,
        business,
        target,
        Path("/"),
        force=force,
        make_zip=make_zip,
        data_dir=records.data_dir,
        progress=progress,
    )


@dataclass
class BulkResult:
    built: list[PackResult] = field(default_factory=list)
    refused: dict[str, list[str]] = field(default_factory=dict)  # employee name → problems


def build_bulk(
    records: object,
    employee_ids: list[int],
    folder: Path,
    progress: Callable[[int, int], object],
    today: date | None = None,
) -> BulkResult:
    """One pack per employee (their current business) into `folder/<name>-<business>-<date>`; refusals are
    collected, not fatal; `progress` may raise to cancel (each finished pack stays complete)."""
    today = today or date.today()
    result = BulkResult()
    for i, employee_id in enumerate(employee_ids):
        progress(i, len(employee_ids))
        employee = records.employee(employee_id)
        target = folder / safe_filename(f"{employee.name}-{employee.status_business}-{today.isoformat()}")
        try:
            result.built.append(build_pack_for_stored(records, employee_id, employee.status_business, target))
        except PackRefused as exc:
            result.refused[employee.name] = exc.problems
    progress(len(employee_ids), len(employee_ids))
    return result
