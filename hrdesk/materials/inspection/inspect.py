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
- `warm_up(pool=None, wait=True)` — start the OCR workers ahead of the first reading (the window does it
  when a file is being attached, `wait=False`): a cold pool adds the workers' start and model loading
  (~1–2 s idle) to the first drop.
- `inspection_available()` — False in a build without the OCR engine; the calls then raise
  `InspectionUnavailable` with a message for the user.
- Cancelling: `OcrPool.close()` (`inspection.pool.default_pool()`) ends the workers; pages not read yet
  come back as unreadable and nothing is cached for them.

`MaterialInspection.findings` are `ScanFinding(code, severity, page, message, source, read, box)`; `box`
is where on the page (fractions 0..1) the text it rests on was read, for highlighting in the preview;
`pages[i].lines` hold every line read with its box. Readings are cached by the file's SHA-256 in
`<data folder>/cache/inspection/`, so a file is read once however often it is inspected; findings are
recomputed from the cached readings (they depend on the record and the date, which change).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...catalogue import coded, said
from ...clock import Clock
from ...mupdf_lock import MUPDF
from ...pdf.images import IMAGE_SUFFIXES
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

if TYPE_CHECKING:
    from ...desks.desk import Desk
    from .pool import OcrPool

READER_VERSION = 3  # bump when what a reading holds changes: cached readings are then read again
# (2: lines under a seal read again without its red, `PageReading.unsealed`; 3: lines recognised one at a time)
MAX_PAGES_READ = 60
HEAD_LINES = 6  # lines of page 1 read first, for findings within seconds of the drop
PERIOD_KINDS = ("iit-tax-record", "declared-income-record")

Progress = Callable[[int, int, "MaterialInspection"], None]


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


class InspectionUnavailable(RuntimeError):
    """This installation carries no OCR engine (a build that left it out); the message is for the user."""


def inspection_available() -> bool:
    """Whether the OCR engine is installed (checked without importing it)."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None and find_spec("onnxruntime") is not None


def _require_ocr() -> None:
    if not inspection_available():
        raise InspectionUnavailable(
            "此安装未包含文字识别组件（rapidocr-onnxruntime），无法读取扫描件内容；请安装完整版本。"
        )


def cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "inspection"


def warm_up(pool: OcrPool | None = None, wait: bool = True) -> None:
    _pool(pool).warm_up(wait)


# --- reading (OCR, cached) ---------------------------------------------------------------------------


class _ReadingNow:
    """One file content on its way through the OCR workers. A second reader of the same content meanwhile
    (the findings started at attach, the confirmation view opened a second later) waits for these pages
    instead of reading them again on the same workers, which would double the wait of both."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.readings: list[PageReading] | None = None  # None once done: the first reader gave up
        self.page_count = 0

    def publish(self, readings: list[PageReading] | None, page_count: int) -> None:
        if not self.done.is_set():
            self.readings, self.page_count = readings, page_count
            self.done.set()


_reading_now: dict[str, _ReadingNow] = {}
_reading_now_lock = threading.Lock()


class _PendingFile:
    """One file's pages on their way through the pool (or straight from the cache, or from another
    reader of the same content: `follows`)."""

    def __init__(self, path: Path, cache: Path | None, pool: OcrPool | None) -> None:
        self.path = path
        self.cache_file: Path | None = None
        self.readings: dict[int, PageReading] = {}
        self.futures: dict[Future[PageReading], int] = {}
        self.total = 0
        self.page_count = 0
        self.read_now = False  # read by OCR in this run (not from the cache)
        self.scratch: Path | None = None
        self.pool_given = pool
        self.digest = ""
        self.owns: _ReadingNow | None = None  # this reader reads the content; others may wait for it
        self.rest_parts: dict[int, list[PageReading | None]] = {}  # a page's rest, read in parts
        self.part_of: dict[Future[PageReading], int] = {}
        self.follows: _ReadingNow | None = None  # another reader reads it; this one waits for its pages
        try:
            digest = _sha256(path)
        except OSError as exc:
            self.total = 1
            self.readings[1] = PageReading(page=1, error=f"open: {exc.__class__.__name__}")
            return
        if cache is not None:
            self.cache_file = cache / f"{digest}-v{READER_VERSION}.json"
            cached = _load_cache(self.cache_file)
            if cached is not None:
                self.readings = {r.page: r for r in cached}
                self.total = len(cached)
                self.page_count = _page_count(path) or self.total
                return
        if path.suffix.lower() in IMAGE_SUFFIXES:  # a photo is read as the PDF it becomes when attached
            converted = self._as_pdf(path)
            if isinstance(converted, str):
                self.total = 1
                self.readings[1] = PageReading(page=1, error=converted)
                return
            path = self.path = converted
        refused = _refused(path)
        if refused is not None:  # what the scan refuses is not opened page by page either
            self.total = 1
            self.readings[1] = PageReading(page=1, error=refused)
            return
        count = _page_count(path)
        if count is None:
            self.total = 1
            self.readings[1] = PageReading(page=1, error="open: not a readable PDF")
            return
        self.total = min(count, MAX_PAGES_READ)
        self.page_count = count
        if pool is None:
            _require_ocr()
        with _reading_now_lock:
            self.digest = digest
            self.follows = _reading_now.get(digest)
            if self.follows is None:
                self.owns = _reading_now[digest] = _ReadingNow()
        if self.follows is not None:
            return  # its pages are being read: `finish` takes them
        try:
            self.pool = _pool(pool)
            # Page 1's head first: its findings (who, what kind, seal, orientation) show within seconds.
            futures = self.pool.read_pages(path, list(range(self.total)), head_lines=HEAD_LINES)
        except BaseException:
            self.abandon()
            raise
        self.futures = {f: i + 1 for i, f in enumerate(futures)}

    def _as_pdf(self, path: Path) -> Path | str:
        """The photo converted as attaching converts it (page size from its pixels), in a private scratch
        folder removed when the reading is done; a refusal's reason when it cannot be converted."""
        import tempfile

        from ...pdf.pack import SourceError, image_to_pdf

        try:
            data = image_to_pdf(path)
        except SourceError as exc:
            return f"open: {exc}"
        self.scratch = Path(tempfile.mkdtemp(prefix="hrdesk-read-"))
        converted = self.scratch / "image.pdf"
        converted.write_bytes(data)
        return converted

    @classmethod
    def unreadable(cls, path: Path, reason: str) -> _PendingFile:
        pending = cls.__new__(cls)
        pending.scratch = None
        pending.path, pending.cache_file, pending.futures, pending.total = path, None, {}, 1
        pending.read_now, pending.page_count = False, 1
        pending.readings = {1: PageReading(page=1, error=reason)}
        pending.pool_given, pending.digest, pending.owns, pending.follows = None, "", None, None
        pending.rest_parts, pending.part_of = {}, {}
        return pending

    def ordered(self) -> list[PageReading]:
        return [self.readings[p] for p in sorted(self.readings)]

    def take(self, future: Future[PageReading]) -> list[Future[PageReading]]:
        """Record a finished page, head of a page or part of a page's rest; returns the futures of the
        rest of that page, if any. The rest of a page is cut into as many parts as there are workers
        (each part renders the page again, ~0.1 s): the workers free at that moment share it instead of
        one reading it while the other waits, so the page that holds most fields is whole sooner."""
        page = self.futures.pop(future)
        reading = _result(future, page)
        self.read_now = True
        part = self.part_of.pop(future, None)
        if part is not None:
            parts = self.rest_parts[page]
            parts[part] = reading
            if all(p is not None for p in parts):
                whole = self.readings[page]
                for p in parts:
                    whole = whole.merged(p)
                self.readings[page] = whole
                del self.rest_parts[page]
        else:
            self.readings[page] = reading
            if reading.pending and not reading.error:
                rest = [
                    self.pool.read_rest(self.path, page - 1, boxes)
                    for boxes in _parts(reading.pending, getattr(self.pool, "workers", 1))
                ]
                self.rest_parts[page] = [None] * len(rest)
                for k, f in enumerate(rest):
                    self.futures[f], self.part_of[f] = page, k
                return rest
        if not self.futures:
            self._release(self.ordered())  # every page read: a reader waiting for them goes on now
        return []

    def _release(self, readings: list[PageReading] | None) -> None:
        """Hand the pages to whoever waits for this content (None: read it yourself) and let the next
        reader of it start afresh."""
        owned, self.owns = self.owns, None
        if owned is None:
            return
        with _reading_now_lock:
            if _reading_now.get(self.digest) is owned:
                del _reading_now[self.digest]
        owned.publish(readings, self.page_count)

    def abandon(self) -> None:
        """The run stopped before every page was read (an error, a cancel): a reader waiting for this
        content reads it itself."""
        self._release(None)

    def _followed(self) -> list[PageReading]:
        """The pages another reader of this content read (or, when it gave up, read here)."""
        assert self.follows is not None
        self.follows.done.wait()
        if self.follows.readings is not None:
            self.page_count = self.follows.page_count or self.page_count
            return self.follows.readings
        alone = _PendingFile(self.path, self.cache_file.parent if self.cache_file else None, self.pool_given)
        return _read_through(alone)

    @property
    def pages_done(self) -> int:
        return sum(1 for r in self.readings.values() if r.complete)

    def finish(self) -> list[PageReading]:
        if self.follows is not None:
            readings = self._followed()
            self._drop_scratch()
            return readings
        readings = self.ordered()
        self._release(readings)
        if self.cache_file is not None and self.read_now and all(not r.error for r in readings):
            _save_cache(self.cache_file, readings)
        self._drop_scratch()
        return readings

    def _drop_scratch(self) -> None:
        if self.scratch is not None:
            import shutil

            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None


MIN_PART_LINES = 6  # a page's rest is cut in parts of at least this many lines


def _parts(boxes: list[Any], workers: int) -> list[list[Any]]:
    """The line boxes of a page's rest in `workers` runs of neighbouring lines (reading order kept)."""
    count = max(1, min(workers, len(boxes) // MIN_PART_LINES))
    size = -(-len(boxes) // count)
    return [boxes[i : i + size] for i in range(0, len(boxes), size)]


def _result(future: Future[PageReading], page: int) -> PageReading:
    try:
        return future.result()
    except Exception as exc:  # a worker that died on a hostile page: that page is unreadable, not the run
        return PageReading(page=page, error=f"worker: {exc.__class__.__name__}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refused(path: Path) -> str | None:
    """The scan's structural refusal (too many pages, bombs, giant images), checked in seconds in its
    watchdog process before any OCR worker opens the file."""
    from ...pdf.scan import refusal
    from ...pdf.scan_flags import refusal_reason

    flag = refusal(path)
    return None if flag is None else refusal_reason(flag)


def _page_count(path: Path) -> int | None:
    import pymupdf

    try:
        with MUPDF, pymupdf.open(path) as doc:
            if doc.needs_pass or not doc.is_pdf:
                return None
            return doc.page_count or None
    except Exception:
        return None


def _load_cache(path: Path) -> list[PageReading] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [PageReading.from_dict(page) for page in data["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save_cache(path: Path, readings: list[PageReading]) -> None:
    """Readings hold names and ID numbers in clear: owner-only (folders 0700, the file 0600 from its
    first byte); they go when the last material with this content does (store/vault.py)."""
    from ...fileio import atomic_write_bytes, private_dir

    try:
        private_dir(path.parent.parent)
        private_dir(path.parent)
        data = json.dumps({"pages": [r.to_dict() for r in readings]}, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(path, data, mode=0o600)
    except OSError:
        pass  # a cache that cannot be written costs time, never a result


def _pool(pool: OcrPool | None) -> OcrPool:
    if pool is not None:
        return pool
    from .pool import default_pool

    return default_pool()


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
    pending: _PendingFile
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
        cached = _cached_readings(path, data_dir)
        if cached:
            texts[path] = cached[0].text
        elif _refused(path) is None and _page_count(path):
            if pool is None:
                _require_ocr()
            futures[_pool(pool).read_pages(path, [0], head_lines=HEAD_LINES)[0]] = path
        else:
            texts[path] = ""
    for future, path in futures.items():
        texts[path] = _result(future, 1).text
    guesses = []
    for path in paths:
        kind, keyword = detect_kind(texts[path], "", catalogue)
        guesses.append(KindGuess(path, kind, keyword))
    return guesses


def _cached_readings(path: Path, data_dir: Path | None) -> list[PageReading] | None:
    if data_dir is None:
        return None
    try:
        digest = _sha256(path)
    except OSError:
        return None
    return _load_cache(cache_dir(data_dir) / f"{digest}-v{READER_VERSION}.json")


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
    job = _Job(kind, path.name, _PendingFile(path, cache, pool), subject, material_id, path)
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
            pending = _PendingFile(source, cache, pool)
        except MaterialPathError as refused:
            pending = _PendingFile.unreadable(base_dir / material.file, str(refused))
        jobs.append(_Job(material.kind, material.file, pending, subject, None, source))
    return _run(jobs, data_dir, lang, on_progress, settings)


def inspect_employee(
    desk: Desk,
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
                _PendingFile(path, cache, pool),
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
        if cache is not None and _cached_readings(path, data_dir):
            subject = subject_for(profile, kind, valid_until, on, business, data_dir)
            where[i] = len(jobs)
            jobs.append(_Job(kind, path.name, _PendingFile(path, cache, None), subject, None, path))
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


def read_file(
    path: Path,
    *,
    data_dir: Path | None = None,
    pool: OcrPool | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[PageReading]:
    """One file's page readings, from the cache when this content was read before, else read once and
    cached: filling the record from a scan and checking it rest on the same reading of each page."""
    return _read_through(_PendingFile(path, cache_dir(data_dir) if data_dir else None, pool), on_progress)


def _read_through(
    pending: _PendingFile, on_progress: Callable[[int, int], None] | None = None
) -> list[PageReading]:
    futures = set(pending.futures)
    try:
        while futures:
            done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
            for future in done:
                futures.discard(future)
                futures.update(pending.take(future))
                if on_progress is not None:
                    on_progress(pending.pages_done, pending.total)
    except BaseException:
        pending.abandon()
        raise
    return pending.finish()
