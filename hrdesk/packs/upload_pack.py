"""Submission packs: for one employee and one business, the materials in the guide's order, one PDF per
upload slot named `NN-材料名-姓名.pdf`, the checklist and the forms to sign, written all-or-nothing.

Every pack scans what it packs (GUI, CLI and bulk alike), with the same checks as attaching: a
defective file stops the pack, one line per file naming the material, the file and the defect.
Forced anyway, the pack carries the readable defective files and its checklist marks each such slot
有缺陷; a file that cannot be read safely (damaged, encrypted, a bomb) is never packed.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..catalogue import coded, has, said, text
from ..checks.check import run_check
from ..clock import Clock
from ..forms.documents import checklist_pdf
from ..labels import label
from ..materials.paths import material_file_in
from ..materials.service import ScanVerdict, scan_verdict
from ..pdf.files import atomic_folder, atomic_write_bytes, owner_only, safe_filename
from ..pdf.pack import Slot, Source, SourceError, open_source, write_slot
from ..pdf.scan import ScanSettings
from ..printing.forms import render_form
from ..rules.idnumber import mask
from ..rules.profile import Profile
from ..rules.results import CheckResult

FORM_NAMES = {
    "integrity-individual": "待签字-诚信声明（个人）",
    "integrity-unit": "待签字-诚信声明（单位）",
    "housing-borrowing": "待签字-房屋借住声明",
}


class PackRefused(RuntimeError):
    """The pack would be incomplete or carry defective files; `problems` says why, in words for HR,
    one line per missing material or defective file; `defects` are the file lines alone."""

    def __init__(self, problems: list[str], defects: list[FileDefect] | None = None) -> None:
        super().__init__("；".join(problems))
        self.problems = problems
        self.defects = defects or []


class Cancelled(RuntimeError):
    pass


@dataclass(frozen=True)
class PackFile:
    """One file to pack: the material it belongs to, where it is, and the name HR knows it by."""

    index: int  # position in profile.materials
    kind: str
    path: Path
    name: str


@dataclass(frozen=True)
class FileDefect:
    material: str  # its name in Chinese (the checklist's words)
    file: str
    defects: tuple[str, ...]  # kept coded (`catalogue.coded`), or words from an older record
    packable: bool  # readable: may go into a forced pack
    kind: str = ""

    def line(self, lang: str = "zh") -> str:
        """material：file：defects, in `lang` (Chinese for the checklist, the person's for a refusal)."""
        name = self.material
        if lang != "zh" and has(f"material-name.{self.kind}"):
            name = text(f"material-name.{self.kind}", lang)
        shown = [said(d, lang) for d in self.defects]
        if lang == "zh":
            return f"{name}：{self.file}：{'；'.join(shown)}"
        return f"{name}: {self.file}: {'; '.join(shown)}"


@dataclass
class PackResult:
    folder: Path
    files: list[str]
    pages: dict[str, int]
    overridden: list[str] = field(default_factory=list)
    zip_path: Path | None = None
    warnings: list[str] = field(default_factory=list)  # open warnings of packed files: worth a look


def forms_to_sign(profile: Profile) -> list[str]:
    forms = ["integrity-individual", "integrity-unit"]
    if profile.employee.housing is not None and profile.employee.housing.kind == "borrowed":
        forms.append("housing-borrowing")
    return forms


def profile_files(profile: Profile, base_dir: Path) -> list[PackFile]:
    """The files of a profile JSON, each resolved inside the JSON's folder (or refused)."""
    return [
        PackFile(i, m.kind, material_file_in(base_dir, m.file), Path(m.file).name)
        for i, m in enumerate(profile.materials)
        if m.file
    ]


def scan_files(
    files: list[PackFile],
    names: dict[str, str],
    settings: ScanSettings | None = None,
    cache: dict[tuple[Path, str], ScanVerdict] | None = None,
    step: Callable[[int], bool] | None = None,
    *,
    profile: Profile | None = None,
    on: date | None = None,
    business: str | None = None,
    data_dir: Path | None = None,
    warnings: dict[int, list[str]] | None = None,
) -> dict[int, FileDefect]:
    """Each file's findings list, the same one `hrdesk inspect` and the materials panel show (image
    checks from the findings cache; what the reading found when the file was read before, no new OCR):
    a file is defective exactly when its list holds a blocker. Defects by material index; `warnings`
    (when given) collects each file's open warnings. `names` maps a material kind to its name for the
    messages. `step(i)` is called before file i; returning False cancels (Cancelled)."""
    cache = {} if cache is None else cache
    out: dict[int, FileDefect] = {}
    lists: list[list[Any]] = []
    if profile is not None:
        for i in range(len(files)):
            if step is not None and step(i) is False:
                raise Cancelled()
        from ..materials.inspection.inspect import known_findings

        entries = [(f.kind, f.path, _valid_until(profile, f.index)) for f in files]
        lists = known_findings(
            profile, entries, on=on, business=business, data_dir=data_dir, settings=settings
        )
    for i, f in enumerate(files):
        if profile is None and step is not None and step(i) is False:
            raise Cancelled()
        verdict = cache.get((f.path, f.kind))
        if verdict is None:
            verdict = cache[(f.path, f.kind)] = _scan_one(f.path, settings, f.kind, profile, data_dir)
        defects = verdict.defects
        if profile is not None:
            found = lists[i]
            defects = tuple(x.kept() for x in found if x.severity == "blocker")
            if warnings is not None:
                shown = [x.kept() for x in found if x.severity == "warning"]
                if shown:
                    warnings[f.index] = shown
        if defects or not verdict.packable:
            defects = defects or (coded("pack.file-unreadable"),)
            out[f.index] = FileDefect(names.get(f.kind, f.kind), f.name, defects, verdict.packable, f.kind)
    return out


def _valid_until(profile: Profile, index: int) -> date | None:
    try:
        return profile.materials[index].valid_until
    except IndexError:
        return None


def _scan_one(
    path: Path,
    settings: ScanSettings | None,
    kind: str,
    profile: Profile | None = None,
    data_dir: Path | None = None,
) -> ScanVerdict:
    """Whether a file can be packed at all and its image checks' blockers (from the findings cache:
    a JPG/PNG is checked as the PDF it becomes)."""
    if not path.is_file():
        return scan_verdict(path, settings, kind)
    district = profile.employer.district if profile is not None else None
    try:
        return scan_verdict(path, settings, kind, district=district, data_dir=data_dir)
    except SourceError as exc:
        return ScanVerdict((exc.coded(),), False)


def plan_slots(
    result: CheckResult, profile: Profile, files: list[PackFile], skip: set[int], lang: str = "zh"
) -> tuple[list[Slot], list[str]]:
    """Upload slots in the rules engine's order (required first, as the guide lists them), and the
    problems that make the pack incomplete (defects are reported per file, not here), in `lang` (the
    result's language)."""
    by_kind: dict[str, list[PackFile]] = {}
    for f in files:
        if f.index not in skip:
            by_kind.setdefault(f.kind, []).append(f)
    skipped_kinds = {f.kind for f in files if f.index in skip}  # their files have their own lines
    problems = []
    slots: list[Slot] = []
    ordered = [m for m in result.materials if m.required] + [m for m in result.materials if not m.required]
    person = profile.employee.name or "未命名"
    for m in ordered:
        kinds = [m.kind] + ([m.provided_kind] if m.provided_kind else [])
        paths = [f.path for k in kinds for f in by_kind.get(k, [])]
        if m.required and m.status not in ("ok", "defective"):
            problems.append(text("pack.problem", lang, material=m.name, problem=m.reason))
        if not paths:
            if m.required and m.status in ("ok", "defective") and not set(kinds) & skipped_kinds:
                problems.append(text("pack.no-file", lang, material=m.name))
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
    files: list[PackFile] | None = None,
    scan_settings: ScanSettings | None = None,
    scan_cache: dict[tuple[Path, str], ScanVerdict] | None = None,
    today: date | None = None,
    lang: str = "zh",
) -> PackResult:
    """Build the pack into `out_dir`. `today`: the desk's day (its clock), the checklist's "made on" and
    the day checked when no `on` is given. What it refuses, overrides and warns of is said in `lang` (the
    checklist inside the pack stays Chinese: it goes to the district). `progress(done, total)` returning
    False cancels; a cancelled or
    failed build leaves no output. Refuses (PackRefused) when required materials are missing or a file
    is defective unless `force`, in which case the checklist lists what was overridden and marks each
    defective slot. `files` (default: the profile's, resolved inside `base_dir`) names the files."""
    from ..checks.check import policies

    today = today or Clock().today()
    on = on or today
    files = profile_files(profile, base_dir) if files is None else files
    catalogue = policies(data_dir).materials
    names = {kind: info.name("zh") for kind, info in catalogue.items()}
    # Progress: the scan is the first half of the bar (it is the slow part), writing the second.
    n = len(files)  # read by the two closures below: never reuse the name in this function

    def scanning(i: int) -> bool:
        return progress is None or progress(i, 2 * n) is not False

    def writing(i: int, total: int) -> bool:
        if progress is None:
            return True
        return progress(n + i * n // max(total, 1), 2 * n) if n else progress(i, total)

    open_warnings: dict[int, list[str]] = {}
    defects = scan_files(
        files,
        names,
        scan_settings,
        scan_cache,
        scanning,
        profile=profile,
        on=on,
        business=business,
        data_dir=data_dir,
        warnings=open_warnings,
    )
    # The rules judge the files as scanned now, not as recorded: a slot is as good as its worst file.
    judged = copy.deepcopy(profile)
    for f in files:
        found = defects.get(f.index)
        judged.materials[f.index].defects = list(found.defects) if found else []
    result = run_check(judged, business, on, data_dir)
    unreadable = {i for i, d in defects.items() if not d.packable}
    slots, problems = plan_slots(result, profile, files, unreadable)
    defect_lines = [defects[f.index].line() for f in files if f.index in defects]
    overridden = problems + defect_lines
    shown = overridden
    if overridden and lang != "zh":  # the same verdict in the person's words
        in_lang = run_check(judged, business, on, data_dir, lang)
        shown = plan_slots(in_lang, profile, files, unreadable, lang)[1]
        shown += [defects[f.index].line(lang) for f in files if f.index in defects]
    if overridden and not force:
        raise PackRefused(shown, [defects[f.index] for f in files if f.index in defects])
    pages: dict[str, int] = {}
    out_files: list[str] = []
    total = len(slots) + 1 + len(forms_to_sign(profile))
    person = profile.employee.name or "未命名"
    with atomic_folder(out_dir) as work:
        for i, slot in enumerate(slots):
            if writing(i, total) is False:
                raise Cancelled()
            try:
                count = write_slot(slot, work)
            except SourceError as exc:
                if not force:
                    raise PackRefused([exc.message(lang)]) from None
                overridden.append(exc.message("zh"))  # the checklist's words
                if shown is not overridden:
                    shown.append(exc.message(lang))
                continue
            kind = next(m.kind for m in result.materials if m.name == slot.title)
            pages[kind] = count
            out_files.append(slot.filename)
        for number, form_id in enumerate(forms_to_sign(profile), start=90):
            name = safe_filename(f"{number}-{FORM_NAMES[form_id]}-{person}.pdf")
            atomic_write_bytes(work / name, render_form(form_id, profile, on))
            out_files.append(name)
        name = safe_filename(f"00-材料清单-{person}.pdf")
        atomic_write_bytes(
            work / name, checklist_pdf(result, profile, pages, overridden, data_dir, printed_on=today)
        )
        out_files.insert(0, name)
        if writing(total, total) is False:
            raise Cancelled()
    zip_path = None
    if make_zip:
        zip_path = out_dir.with_name(out_dir.name + ".zip")
        tmp = zip_path.with_name(f".{zip_path.name}.partial")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in sorted(out_files):
                zf.write(out_dir / name, arcname=name)
        owner_only(tmp).replace(zip_path)
    warned = [
        FileDefect(names.get(f.kind, f.kind), f.name, tuple(open_warnings[f.index]), True, f.kind).line(lang)
        for f in files
        if f.index in open_warnings
    ]
    return PackResult(out_dir, sorted(out_files), pages, shown if force else [], zip_path, warned)


def stored_pack_input(desk: Any, employee_id: int) -> tuple[Profile, list[PackFile]]:
    """A stored employee's profile and the vault files of their live materials, named as attached."""
    profile = desk.employees.profile(employee_id)
    rows = desk.materials.materials(employee_id)  # the same order as profile.materials (kind, position, id)
    files = []
    for i, (material, row) in enumerate(zip(profile.materials, rows, strict=True)):
        if material.file:
            files.append(PackFile(i, material.kind, desk.uow.vault.path(material.file), row.original_name))
    return profile, files


def build_pack_for_stored(
    desk: Any,
    employee_id: int,
    business: str,
    target: Path,
    force: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    make_zip: bool = False,
    on: date | None = None,
    scan_cache: dict[tuple[Path, str], ScanVerdict] | None = None,
    lang: str = "zh",
) -> PackResult:
    """A pack for a stored employee: the materials are vault files (the trash is never packed)."""
    profile, files = stored_pack_input(desk, employee_id)
    return build_pack(
        profile,
        business,
        target,
        desk.uow.vault.root,
        on=on,
        force=force,
        make_zip=make_zip,
        data_dir=desk.data_dir,
        progress=progress,
        files=files,
        scan_settings=desk.materials.scan_settings,
        scan_cache=scan_cache,
        today=desk.clock.today(),
        lang=lang,
    )


# --- bulk ------------------------------------------------------------------------------------------


def business_name(business: str) -> str:
    """The business's Chinese name in a pack folder's name (the one list: labels.toml)."""
    return label("business", business)


def bulk_folder_name(name: str, id_number: str, business: str, on: date) -> str:
    """`姓名-证件号后四位-业务中文名-日期`: two employees of one name stay apart, and HR reads it."""
    return safe_filename(
        f"{name or '未命名'}-{id_number[-4:] or '0000'}-{business_name(business)}-{on.isoformat()}"
    )


@dataclass(frozen=True)
class BulkCandidate:
    employee_id: int
    name: str
    id_masked: str
    business: str
    eligible: bool
    reasons: tuple[str, ...]  # why not eligible (blocker findings), empty when eligible


def bulk_candidates(
    desk: Any, employee_ids: list[int], business: str | None, on: date, lang: str = "zh"
) -> list[BulkCandidate]:
    """Who may get a pack for `business` (None: each employee's current business) on `on`, and why
    the others may not: the rules engine's blockers, in its words (in `lang`). Profiles load in one batch."""
    from sqlmodel import select

    from ..store import models as m

    profiles = desk.employees.profiles(employee_ids)
    with desk.uow.session() as s:  # two columns of every employee: no parameter limit to meet
        current = dict(s.exec(select(m.Employee.id, m.Employee.status_business)).all())
    out = []
    for employee_id in employee_ids:
        profile = profiles[employee_id]
        chosen = business or current.get(employee_id) or "new"
        result = run_check(profile, chosen, on, desk.data_dir, lang)
        reasons = tuple(f.message for f in result.findings if f.severity == "blocker")
        out.append(
            BulkCandidate(
                employee_id,
                profile.employee.name,
                mask(profile.employee.id_number),
                chosen,
                result.eligible,
                reasons,
            )
        )
    return out


@dataclass(frozen=True)
class BulkEntry:
    employee_id: int
    name: str
    id_masked: str
    folder: str | None = None
    reasons: tuple[str, ...] = ()


@dataclass
class BulkReport:
    """What a bulk run built, skipped (not eligible, not chosen) and refused; kept when cancelled."""

    business: str | None
    on: date
    built: list[BulkEntry] = field(default_factory=list)
    skipped: list[BulkEntry] = field(default_factory=list)
    refused: list[BulkEntry] = field(default_factory=list)
    cancelled: bool = False

    def text(self, lang: str = "zh") -> str:
        """The report as plain text, to show and to save (masked ID numbers only)."""
        business = (
            label("business", self.business, lang) if self.business else text("bulk.each-current", lang)
        )
        lines = [text("bulk.title", lang, business=business, on=self.on.isoformat())]
        if self.cancelled:
            lines.append(text("bulk.cancelled", lang))
        sections = (
            (text("bulk.built", lang, n=len(self.built)), self.built),
            (text("bulk.skipped", lang, n=len(self.skipped)), self.skipped),
            (text("bulk.refused", lang, n=len(self.refused)), self.refused),
        )
        for heading, entries in sections:
            lines.append("")
            lines.append(heading)
            for e in entries:
                where = f" → {e.folder}" if e.folder else ""
                lines.append(f"  {e.name}（{e.id_masked}）{where}")
                lines.extend(f"    - {r}" for r in e.reasons)
        return "\n".join(lines) + "\n"


def build_bulk(
    desk: Any,
    candidates: list[BulkCandidate],
    folder: Path,
    progress: Callable[[int, int], bool | None],
    business: str | None = None,
    on: date | None = None,
    include: set[int] | None = None,
    force: bool = False,
    exclude: set[int] | None = None,
    lang: str = "zh",
) -> BulkReport:
    """One pack per eligible candidate not in `exclude` (and per ineligible one in `include`) into
    `folder/姓名-证件号后四位-业务-日期`. Refusals are collected, not fatal. `progress(done, total)`
    returning False cancels: the pack under way leaves nothing, the finished ones stay and the
    report says what was built. Refusals are said in `lang` (the person's; the packs stay Chinese)."""
    on = on or desk.clock.today()
    include, exclude = include or set(), exclude or set()
    report = BulkReport(business, on)
    chosen = []
    for c in candidates:
        if c.employee_id in exclude:
            report.skipped.append(
                BulkEntry(c.employee_id, c.name, c.id_masked, None, (text("bulk.not-chosen"),))
            )
        elif c.eligible or c.employee_id in include:
            chosen.append(c)
        else:
            report.skipped.append(BulkEntry(c.employee_id, c.name, c.id_masked, None, c.reasons))
    cache: dict[tuple[Path, str], ScanVerdict] = {}  # unit materials are shared: scan each vault file once
    used: set[str] = set()
    for i, c in enumerate(chosen):
        if progress(i, len(chosen)) is False:
            report.cancelled = True
            return report
        employee = desk.employees.employee(c.employee_id)
        name = bulk_folder_name(employee.name, employee.id_number, c.business, on)
        if name in used:  # same name and same last four digits: never overwrite the other's pack
            name = f"{name}-{sum(1 for u in used if u.startswith(name)) + 1}"
        used.add(name)

        def inner(_done: int, _total: int, i: int = i) -> bool:
            return progress(i, len(chosen)) is not False

        try:
            build_pack_for_stored(
                desk,
                c.employee_id,
                c.business,
                folder / name,
                force,
                inner,
                on=on,
                scan_cache=cache,
                lang=lang,
            )
        except Cancelled:
            report.cancelled = True
            return report
        except (PackRefused, SourceError) as exc:
            problems = exc.problems if isinstance(exc, PackRefused) else [exc.message(lang)]
            report.refused.append(BulkEntry(c.employee_id, c.name, c.id_masked, None, tuple(problems)))
            continue
        report.built.append(BulkEntry(c.employee_id, c.name, c.id_masked, name))
    progress(len(chosen), len(chosen))
    return report


__all__ = [
    "BulkCandidate",
    "BulkReport",
    "Cancelled",
    "FileDefect",
    "PackRefused",
    "PackResult",
    "build_bulk",
    "build_pack",
    "build_pack_for_stored",
    "bulk_candidates",
    "open_source",
]
