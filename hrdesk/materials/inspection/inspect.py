"""Scan inspection use cases: read each material's scan offline and compare it with the record.
The CLI (`hrdesk inspect`) and the GUI call these; results are plain dataclasses.

API for the window (call from a worker thread; OCR itself runs on a process pool):

- `inspect_material(profile, kind, path, *, valid_until=None, on=None, data_dir=None, pool=None,
  on_progress=None) -> MaterialInspection` — one file. `on_progress(done, total, partial)` is called
  after the first lines of page 1 are read (about a second after the drop on an idle machine) and after
  each further piece, with a `MaterialInspection` of what was read so far whose findings are the
  page-level ones no unread line could overturn (seal, orientation, ID, kind, end date): show them at
  once and replace them with the final result. `done` counts complete pages of `total`.
- `inspect_employee(records, employee_id, *, on=None, pool=None, on_progress=None)
  -> list[MaterialInspection]` — every attached material of a stored employee (`material_id` set), plus
  the cross-material check of tax periods (纳税记录 vs 申报收入).
- `inspect_profile(profile, base_dir, ...)` — the same for a profile JSON's files (the CLI).
- `detect_kinds(paths, *, data_dir=None, pool=None) -> list[KindGuess]` — which material each file looks
  like, from the first lines of its first page (a folder of scans dropped at once, a file on the wrong
  slot); uses the full reading from the cache when there is one.
- `reading.warm_up(pool=None, wait=True)` — start the OCR workers ahead of the first reading (the window
  does it when a file is being attached, `wait=False`): a cold pool adds the workers' start and model
  loading (~1–2 s idle) to the first drop.
- `reading.inspection_available()` — False in a build without the OCR engine; the calls then raise
  `InspectionUnavailable` with a message for the user.
- Cancelling: `OcrPool.close()` (`inspection.pool.default_pool()`) ends the workers; pages not read yet
  come back as unreadable and nothing is cached for them.

`MaterialInspection.findings` are `ScanFinding(code, severity, page, message, source, read, box)`; `box`
is where on the page (fractions 0..1) the text it rests on was read, for highlighting in the preview;
`pages[i].lines` hold every line read with its box. Readings are cached by the file's SHA-256 in
`<data folder>/cache/inspection/` (`reading.py`), so a file is read once however often it is inspected;
findings are recomputed from the cached readings (they depend on the record and the date, which change).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ...catalogue import coded, said
from ...clock import Clock
from ...pdf.scan import ScanSettings
from ...rules.dates import months_before
from ...rules.profile import Profile
from ..paths import MaterialPathError, material_file_in  # one path rule: import, pack, inspect
from .assess import (
    Assessment,
    Found,
    ScanFinding,
    Subject,
    assess,
    compare_periods,
    handwriting,
)
from .catalogue import scan_catalogue
from .pages import PageReading
from .reading import (
    HEAD_LINES,
    PendingFile,
    cache_dir,
    cached_readings,
    ocr_pool,
    page_count,
    page_result,
    refusal_reason_of,
    require_ocr,
)

if TYPE_CHECKING:
    from ..model import StoredMaterial
    from .pool import OcrPool

PERIOD_KINDS = ("iit-tax-record", "declared-income-record")

Progress = Callable[[int, int, "MaterialInspection"], None]


class _Profiles(Protocol):
    def profile(self, employee_id: int) -> Profile: ...


class _MaterialFiles(Protocol):
    scan_settings: ScanSettings

    def materials(self, employee_id: int) -> list[StoredMaterial]: ...

    def material_path(self, material: Any) -> Path | None: ...

    def record_findings(self, findings: dict[int, list[ScanFinding]]) -> int: ...


class StoredScans(Protocol):
    """What reading a stored employee's scans asks of a desk (`desks.Desk` is one): its data folder, the
    employees' profiles and the materials service. Named here, not imported: the desk imports the
    materials, so naming it would close a circle desks → materials → inspection → desks."""

    data_dir: Path
    employees: _Profiles
    materials: _MaterialFiles


@dataclass
class MaterialInspection:
    kind: str
    file: str
    detected_kind: str | None
    pages: list[PageReading]
    found: Found
    findings: list[ScanFinding] = field(default_factory=list)
    material_id: int | None = None
    complete: bool = True

    def to_dict(self) -> dict[str, Any]:
        """SPEC §6 `hrdesk inspect --json` shape."""
        return {
            "kind": self.kind,
            "file": self.file,
            "detected_kind": self.detected_kind,
            "pages": [
                {
                    "page": p.page,
                    "text": [line.text for line in p.lines],
                    "upside_down": any(
                        f.code == "SCAN_UPSIDE_DOWN" and f.page == p.page for f in self.findings
                    ),
                    "seals": len(p.seals),
                    "handwriting": bool(handwriting(p)),
                }
                for p in self.pages
            ],
            "found": self.found.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }


# --- the record's side ---------------------------------------------------------------------------------


def business_of(profile: Profile) -> str:
    """The business a stored case is heading for, as the demo and the status view assume: no permit → new,
    a suspended permit → employer change, otherwise renewal."""
    permit = profile.employee.permit
    if permit is None or permit.status == "expired":
        return "new"
    return "employer-change" if permit.status == "suspended" else "renewal"


def subject_for(
    profile: Profile,
    kind: str,
    valid_until: date | None,
    on: date,
    business: str | None = None,
    data_dir: Path | None = None,
) -> Subject:
    from ...checks.check import policies

    employee = profile.employee
    district = profile.employer.district
    policy = policies(data_dir).for_district(district)
    business = business or business_of(profile)
    count = policy.applicant["income_months"]
    if business == "renewal" and "renewal_record_months" in policy.timing:
        count = policy.timing["renewal_record_months"]
    source = scan_catalogue().period_sources.get(district, policy.applicant["income_source"])
    expected_end, open_ended = valid_until, False
    if kind == "labour-contract" and valid_until is None:
        expected_end = employee.contract_ends_on
        open_ended = employee.contract_ends_on is None
    elif kind == "lease-contract" and valid_until is None and employee.housing is not None:
        expected_end = employee.housing.valid_until
    return Subject(
        name=employee.name,
        id_number=employee.id_number,
        district=district,
        expected_end=expected_end,
        open_ended=open_ended,
        required_months=tuple(months_before(on, count)),
        months_source=source,
        on=on,
    )


def _kind_names(data_dir: Path | None) -> dict[str, tuple[str, str]]:
    from ...checks.check import policies

    return {code: (info.zh, info.en) for code, info in policies(data_dir).materials.items()}


def _inspection(
    kind: str, label: str, readings: list[PageReading], subject: Subject, names: dict, lang: str
) -> MaterialInspection:
    result: Assessment = assess(kind, readings, subject, scan_catalogue(), names, lang)
    return MaterialInspection(kind, label, result.detected_kind, readings, result.found, result.findings)


# --- use cases -----------------------------------------------------------------------------------------


@dataclass
class _Job:
    kind: str
    label: str
    pending: PendingFile
    subject: Subject
    material_id: int | None = None
    source: Path | None = None  # the file as given (a photo before its conversion), for the image checks


def _run(
    jobs: list[_Job],
    data_dir: Path | None,
    lang: str,
    on_progress: Progress | None,
    settings: ScanSettings | None = None,
) -> list[MaterialInspection]:
    names = _kind_names(data_dir)
    owner = {f: job for job in jobs for f in job.pending.futures}
    try:
        while owner:
            done, _ = wait(list(owner), return_when=FIRST_COMPLETED)
            for future in done:
                job = owner.pop(future)
                for rest in job.pending.take(future):
                    owner[rest] = job
                if on_progress is not None:
                    on_progress(job.pending.pages_done, job.pending.total, _partial(job, names, lang))
    except BaseException:
        for job in jobs:
            job.pending.abandon()
        raise
    results = []
    catalogue = scan_catalogue()
    for job in jobs:
        inspection = _inspection(job.kind, job.label, job.pending.finish(), job.subject, names, lang)
        inspection.material_id = job.material_id
        if job.pending.page_count > job.pending.total:  # never a silent pass over pages not read
            kept = coded("reading.SCAN_PAGES_NOT_READ", count=job.pending.page_count, read=job.pending.total)
            inspection.findings.append(
                ScanFinding(
                    "SCAN_UNREADABLE",
                    "warning",
                    None,
                    said(kept, lang),
                    catalogue.source("SCAN_PAGES_NOT_READ"),
                    said=kept,
                )
            )
        results.append(inspection)
    _cross_check(results, lang)
    from .image_checks import image_findings, merge

    for job, inspection in zip(jobs, results, strict=True):
        if job.source is not None:
            image = image_findings(
                job.source,
                job.kind,
                district=job.subject.district,
                settings=settings,
                data_dir=data_dir,
                lang=lang,
            )
            read = inspection.findings
            if not image.packable:  # the image checks' refusal says why; the reading's echo of it goes
                read = [f for f in read if f.code != "SCAN_UNREADABLE"]
            inspection.findings = merge(image.findings, read)
    return results


# Findings that need a whole page (the annotation is at its foot, the name may be further down).
_WHOLE_PAGE_CODES = ("SCAN_ANNOTATION_MISSING", "SCAN_NAME_MISMATCH")


def _partial(job: _Job, names: dict, lang: str) -> MaterialInspection:
    """What the pages read so far already show: page-level findings only, none that a page's unread lines
    could still overturn."""
    readings = job.pending.ordered()
    partial = _inspection(job.kind, job.label, readings, job.subject, names, lang)
    incomplete = {r.page for r in readings if not r.complete}
    partial.findings = [
        f
        for f in partial.findings
        if f.page is not None and not (f.page in incomplete and f.code in _WHOLE_PAGE_CODES)
    ]
    partial.complete, partial.material_id = False, job.material_id
    return partial


@dataclass(frozen=True)
class KindGuess:
    path: Path
    kind: str | None  # None: no material's keywords were read
    keyword: str  # the printed words it rests on (e.g. 房屋租赁合同)


def detect_kinds(
    paths: list[Path], *, data_dir: Path | None = None, pool: OcrPool | None = None
) -> list[KindGuess]:
    """Sort scans into slots: the title of a document is in its first lines, so only the head of page 1
    is read (well under a second of CPU a file), all files at once on the pool."""
    from .assess import detect_kind

    catalogue = scan_catalogue()
    texts: dict[Path, str] = {}
    futures: dict[Future[PageReading], Path] = {}
    for path in paths:
        cached = cached_readings(path, data_dir)
        if cached:
            texts[path] = cached[0].text
        elif refusal_reason_of(path) is None and page_count(path):
            if pool is None:
                require_ocr()
            futures[ocr_pool(pool).read_pages(path, [0], head_lines=HEAD_LINES)[0]] = path
        else:
            texts[path] = ""
    for future, path in futures.items():
        texts[path] = page_result(future, 1).text
    guesses = []
    for path in paths:
        kind, keyword = detect_kind(texts[path], "", catalogue)
        guesses.append(KindGuess(path, kind, keyword))
    return guesses


def _cross_check(results: list[MaterialInspection], lang: str) -> None:
    """changping-2026 四(二)1(5) 注意②: both tax records cover the same periods."""
    by_kind = {r.kind: r for r in results if r.kind in PERIOD_KINDS and r.found.periods}
    if len(by_kind) == len(PERIOD_KINDS):
        finding = compare_periods(
            by_kind["iit-tax-record"].found.periods,
            by_kind["declared-income-record"].found.periods,
            scan_catalogue(),
            lang,
        )
        if finding is not None:
            for kind in PERIOD_KINDS:
                by_kind[kind].findings.append(finding)


def inspect_material(
    profile: Profile,
    kind: str,
    path: Path,
    *,
    valid_until: date | None = None,
    on: date | None = None,
    business: str | None = None,
    data_dir: Path | None = None,
    pool: OcrPool | None = None,
    lang: str = "zh",
    on_progress: Progress | None = None,
    material_id: int | None = None,
    settings: ScanSettings | None = None,
) -> MaterialInspection:
    on = on or Clock().today()
    subject = subject_for(profile, kind, valid_until, on, business, data_dir)
    cache = cache_dir(data_dir) if data_dir else None
    job = _Job(kind, path.name, PendingFile(path, cache, pool), subject, material_id, path)
    return _run([job], data_dir, lang, on_progress, settings)[0]


def inspect_profile(
    profile: Profile,
    base_dir: Path,
    *,
    on: date | None = None,
    business: str | None = None,
    data_dir: Path | None = None,
    pool: OcrPool | None = None,
    lang: str = "zh",
    on_progress: Progress | None = None,
    settings: ScanSettings | None = None,
) -> list[MaterialInspection]:
    """Every material of a profile JSON that names a file; files resolve inside the profile's folder only
    (SPEC §6): one outside it is reported unreadable, never opened."""
    on = on or Clock().today()
    cache = cache_dir(data_dir) if data_dir else None
    jobs = []
    for material in profile.materials:
        if not material.file:
            continue
        subject = subject_for(profile, material.kind, material.valid_until, on, business, data_dir)
        source: Path | None = None
        try:
            source = material_file_in(base_dir, material.file)
            pending = PendingFile(source, cache, pool)
        except MaterialPathError as refused:
            pending = PendingFile.unreadable(base_dir / material.file, str(refused))
        jobs.append(_Job(material.kind, material.file, pending, subject, None, source))
    return _run(jobs, data_dir, lang, on_progress, settings)


def inspect_employee(
    desk: StoredScans,
    employee_id: int,
    *,
    on: date | None = None,
    business: str | None = None,
    pool: OcrPool | None = None,
    lang: str = "zh",
    on_progress: Progress | None = None,
    record: bool = False,
) -> list[MaterialInspection]:
    """Every attached material of a stored employee (files from the vault). `record`: make each
    material's defects its findings' blockers (a writer; the window does it on its writer thread with
    `desk.materials.record_findings`)."""
    on = on or Clock().today()
    profile = desk.employees.profile(employee_id)
    cache = cache_dir(desk.data_dir)
    jobs = []
    for row in desk.materials.materials(employee_id):
        path = desk.materials.material_path(row)
        if path is None:
            continue
        subject = subject_for(profile, row.kind, row.valid_until, on, business, desk.data_dir)
        jobs.append(
            _Job(
                row.kind,
                row.original_name or path.name,
                PendingFile(path, cache, pool),
                subject,
                row.id,
                path,
            )
        )
    results = _run(jobs, desk.data_dir, lang, on_progress, desk.materials.scan_settings)
    if record:  # the status counts what the panel shows: a blocker found by reading is a defect too
        desk.materials.record_findings(
            {r.material_id: r.findings for r in results if r.material_id is not None}
        )
    return results


def known_findings(
    profile: Profile,
    files: list[tuple[str, Path, date | None]],
    *,
    on: date | None = None,
    business: str | None = None,
    data_dir: Path | None = None,
    settings: ScanSettings | None = None,
    lang: str = "zh",
) -> list[list[ScanFinding]]:
    """Each file's findings list as far as it is known without reading anything new: the image checks
    (from the findings cache) and, for a file whose scan was read before (`hrdesk inspect`, the panel),
    what the reading says — the same list those show. No OCR runs here: a pack never waits for it."""
    from .image_checks import image_findings

    on = on or Clock().today()
    cache = cache_dir(data_dir) if data_dir else None
    jobs: list[_Job] = []
    where: dict[int, int] = {}
    for i, (kind, path, valid_until) in enumerate(files):
        if cache is not None and cached_readings(path, data_dir):
            subject = subject_for(profile, kind, valid_until, on, business, data_dir)
            where[i] = len(jobs)
            jobs.append(_Job(kind, path.name, PendingFile(path, cache, None), subject, None, path))
    read = _run(jobs, data_dir, lang, None, settings) if jobs else []
    district = profile.employer.district
    out = []
    for i, (kind, path, _valid_until) in enumerate(files):
        if i in where:
            out.append(read[where[i]].findings)
        else:
            image = image_findings(
                path, kind, district=district, settings=settings, data_dir=data_dir, lang=lang
            )
            out.append(list(image.findings))
    return out
