"""Scan-quality checks for attached files (no Qt). The guides require original documents scanned in
colour, edges clean and square, legible, upright, consistent orientation (changping-2026 三(一),
yanqing-2024 三(五)) and a white-background ID photo (changping-2026 四(二)1, yanqing-2024 三(二)).
Each flag has a stable code, a severity, the page, the guide section and how to fix it; texts and
thresholds live in `resources/scan_checks.toml`.

A file is untrusted input: the PDF part of the check runs under a time and memory budget in a worker
process (`limits.py`), and a file that breaks the budget is refused as unreadable, never packed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogue import coded
from .images import PHOTO_PRODUCER
from .limits import Budget, BudgetExceeded, WorkerUnavailable, oversized_images, run_bounded, structure_flags
from .scan_flags import REFUSED, WARNING, Flag, districts_for, make_flag, materials_for, threshold

__all__ = ["A4_PT", "Flag", "ScanReport", "ScanSettings", "check_file", "refusal"]

log = logging.getLogger(__name__)

A4_PT = (595.0, 842.0)
MAX_CHECK_PIXELS = 4_000_000  # the check render of a page never exceeds this (a 200-inch page)


@dataclass(frozen=True)
class ScanSettings:
    min_dpi: int = 150
    max_file_mb: float = 10.0
    min_file_bytes: int = 2_000
    colour_tolerance: int = 24  # channel spread that still counts as grey (JPEG noise, paper tint)
    colour_min_share: float = 0.002  # share of clearly coloured pixels that makes a page "colour"
    budget: Budget = field(default_factory=Budget)
    isolate: bool = True  # run the PDF part in the bounded worker process (False: in this process)


@dataclass
class ScanReport:
    pages: int = 0
    checked_pages: int = 0
    flags: list[Flag] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No flag at all, warnings included (a warning still wants a human look)."""
        return not self.flags

    @property
    def refused(self) -> bool:
        """The file cannot be read safely or at all: never pack it, not even when forced."""
        return any(f.severity == REFUSED for f in self.flags)

    @property
    def blocking(self) -> list[Flag]:
        """Flags that stop a pack unless forced (refusals and defects), in order."""
        return [f for f in self.flags if f.blocks_pack]

    @property
    def warnings(self) -> list[Flag]:
        return [f for f in self.flags if f.severity == WARNING]

    def codes(self) -> list[str]:
        return [f.code for f in self.flags]

    def messages(self) -> list[str]:
        return [f.message for f in self.flags]


def check_file(
    path: Path, settings: ScanSettings | None = None, kind: str | None = None, district: str | None = None
) -> ScanReport:
    """Check one attached file. `kind` is the material code (resources/materials.toml); it selects the
    checks that only make sense for some materials (the photo's background). `district` selects the
    checks that are one district's rule (Yanqing's white photo background); None applies them all.
    Never raises for a bad file: every problem is a flag."""
    settings = settings or ScanSettings()
    report = ScanReport()
    try:
        size = path.stat().st_size
    except OSError:
        report.flags.append(make_flag("SCAN_FILE_MISSING"))
        return report
    if size == 0:
        report.flags.append(make_flag("SCAN_EMPTY"))
        return report
    if size < settings.min_file_bytes:
        report.flags.append(make_flag("SCAN_TOO_SMALL", size=size))
    if size > settings.max_file_mb * 1024 * 1024:
        report.flags.append(
            make_flag(
                "SCAN_FILE_TOO_LARGE", size_mb=f"{size / 1048576:.1f}", limit_mb=f"{settings.max_file_mb:g}"
            )
        )
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        report.flags.append(make_flag("SCAN_FILE_MISSING"))
        return report
    if b"%PDF" not in head:
        found = (
            "jpeg" if head.startswith(b"\xff\xd8") else "png" if head.startswith(b"\x89PNG") else "unknown"
        )
        report.flags.append(make_flag("SCAN_NOT_PDF", kind=coded(f"scan.format.{found}")))
        return report
    photo = kind in materials_for("photo_background")
    if photo and district is not None and district not in districts_for("photo_background"):
        kind = f"{kind}@no-background"  # the photo's other checks stay; its background is not judged
    pdf = _run_scan(path, settings, kind)
    report.pages, report.checked_pages = pdf.pages, pdf.checked_pages
    report.flags.extend(pdf.flags)
    return report


def _run_scan(path: Path, settings: ScanSettings, kind: str | None) -> ScanReport:
    if settings.isolate:
        try:
            return run_bounded(scan_pdf, path, settings, kind, budget=settings.budget)
        except BudgetExceeded as exc:
            return ScanReport(flags=[make_flag("SCAN_OVER_BUDGET", detail=exc.detail)])
        except WorkerUnavailable:
            pass  # degrade to the in-process scan: the structural pre-checks still bound the known attacks
        except RuntimeError as exc:
            # Only the exception's type: its text may quote the file name, which may hold a person's name.
            log.warning("scan failed in the worker: %s", str(exc).split(":", 1)[0])
            return ScanReport(flags=[make_flag("SCAN_DAMAGED")])
    try:
        return scan_pdf(path, settings, kind)
    except MemoryError:
        return ScanReport(flags=[make_flag("SCAN_OVER_BUDGET", detail=coded("budget.out-of-memory"))])


def scan_pdf(path: Path, settings: ScanSettings, kind: str | None = None, beat: Any = None) -> ScanReport:
    """The PDF part of the check (runs in the worker process). `beat()` after each page extends the
    time budget; it is absent in-process."""
    import pymupdf

    beat = beat or (lambda: None)
    report = ScanReport()
    try:
        doc = pymupdf.open(path)
    except Exception as exc:
        report.flags.append(_open_failure(str(exc)))
        return report
    with doc:
        opened = _document_flags(doc, path, active=False)
        report.flags.extend(opened)
        if any(f.severity == REFUSED for f in opened):
            return report
        report.pages = doc.page_count
        refusals = structure_flags(doc)
        if refusals:
            report.flags.extend(refusals)
            return report
        # Active content after the structural refusals: walking a 100,000-page file's objects is work
        # the refusal spares.
        found = _active_content(path)
        if found:
            report.flags.append(make_flag("SCAN_ACTIVE_CONTENT", warning=True, detail=found))
        beat()
        base_kind = (kind or "").split("@")[0] or None
        judge_background = kind is None or "@" not in kind
        kind = base_kind
        page_checks = kind not in materials_for("no_page_checks")
        # A phone photo of a sheet shows the desk round it and some perspective: its edges and tilt are
        # worth a look, never a verdict.
        report.__dict__["photo"] = (doc.metadata or {}).get("producer") == PHOTO_PRODUCER
        orientations = []
        grey_pages: list[int] = []
        for i in range(report.pages):
            number = i + 1
            try:
                page = doc[i]
                too_big = oversized_images(page, number)
                if too_big is not None:
                    report.flags.append(too_big)
                    return report
                if _check_page(page, number, settings, report, page_checks):
                    grey_pages.append(number)
                if number == 1 and judge_background and kind in materials_for("photo_background"):
                    _check_photo(page, report)
                rect = page.rect  # rotation applied: what the reader sees
                orientations.append("landscape" if rect.width > rect.height else "portrait")
            except Exception as exc:
                if _is_memory_error(str(exc)):
                    raise MemoryError(str(exc)) from None  # the budget's business, not a damaged page
                if _is_page_tree_error(str(exc)):
                    loop = coded("scan.page-tree.loop", page=number)
                    report.flags.append(make_flag("SCAN_PAGE_TREE_INVALID", detail=loop))
                    return report
                report.flags.append(make_flag("SCAN_PAGE_DAMAGED", number))
            report.checked_pages += 1
            beat()
        _judge_colour(grey_pages, report, kind)
        if len(set(orientations)) > 1:
            usual = max(set(orientations), key=orientations.count)
            odd = [i + 1 for i, o in enumerate(orientations) if o != usual]
            report.flags.append(make_flag("SCAN_MIXED_ORIENTATION", pages=odd))
    return report


def refusal(path: Path, settings: ScanSettings | None = None) -> Flag | None:
    """What the scan would refuse the file for, from its structure alone (no page is drawn): the limits
    every reader of untrusted PDFs applies first (inspection's OCR, previews), in the watchdog process.
    None when nothing refuses it (the full scan may still find defects)."""
    settings = settings or ScanSettings()
    try:
        with open(path, "rb") as fh:
            if b"%PDF" not in fh.read(1024):
                return None  # not a PDF: the reader says so in its own words
    except OSError:
        return make_flag("SCAN_FILE_MISSING")
    if settings.isolate:
        try:
            return run_bounded(structural_refusal, path, budget=settings.budget)
        except BudgetExceeded as exc:
            return make_flag("SCAN_OVER_BUDGET", detail=exc.detail)
        except WorkerUnavailable:
            pass
        except RuntimeError:
            return make_flag("SCAN_DAMAGED")
    return structural_refusal(path)


def structural_refusal(path: Path, beat: Any = None) -> Flag | None:
    import pymupdf

    try:
        doc = pymupdf.open(path)
    except Exception as exc:
        return _open_failure(str(exc))
    with doc:
        for flag in _document_flags(doc, path, active=False):
            if flag.severity == REFUSED:
                return flag
        refusals = structure_flags(doc)
        if refusals:
            return refusals[0]
        for i in range(doc.page_count):
            try:
                too_big = oversized_images(doc[i], i + 1)
            except Exception:
                continue  # a damaged page: the reader reports it as unreadable
            if too_big is not None:
                return too_big
    return None


def _open_failure(error: str) -> Flag:
    if _is_page_tree_error(error):
        return make_flag("SCAN_PAGE_TREE_INVALID", detail=coded("scan.page-tree.count"))
    return make_flag("SCAN_DAMAGED")


def _is_page_tree_error(error: str) -> bool:
    text = error.lower()
    return "page tree" in text or "number of pages" in text or "non-page object" in text


def _is_memory_error(error: str) -> bool:
    text = error.lower()
    return "malloc" in text or "out of memory" in text or "cannot allocate" in text


def _document_flags(doc: Any, path: Path, active: bool = True) -> list[Flag]:
    """Encryption, truncation, repairs, a page tree that lies, active content (unless `active=False`)."""
    if doc.needs_pass:
        return [make_flag("SCAN_ENCRYPTED")]
    encryption = (doc.metadata or {}).get("encryption")
    if encryption:  # opened without a password: an owner (permissions) password only
        return [make_flag("SCAN_OWNER_PASSWORD", encryption=encryption)]
    flags: list[Flag] = []
    if doc.is_repaired:
        if not _ends_with_eof(path):
            return [make_flag("SCAN_TRUNCATED")]
        flags.append(make_flag("SCAN_REPAIRED", warning=True))
    try:
        pages = doc.page_count
    except Exception:
        return [make_flag("SCAN_PAGE_TREE_INVALID", detail=coded("scan.page-tree.unreadable-count"))]
    if pages == 0:
        return [make_flag("SCAN_NO_PAGES")]
    if pages <= threshold("max_pages"):
        wrong = [i + 1 for i in range(pages) if not _is_page_object(doc, i)]
        if wrong:
            not_pages = coded("scan.page-tree.not-pages", pages=wrong[:5])
            return [make_flag("SCAN_PAGE_TREE_INVALID", detail=not_pages)]
    found = _active_content(path) if active else []
    if found:
        flags.append(make_flag("SCAN_ACTIVE_CONTENT", warning=True, detail=found))
    return flags


def _ends_with_eof(path: Path) -> bool:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - 2048))
        return b"%%EOF" in fh.read()


def _is_page_object(doc: Any, index: int) -> bool:
    try:
        xref = doc.page_xref(index)
        return doc.xref_get_key(xref, "Type") == ("name", "/Page")
    except Exception:
        return False


def _active_content(path: Path) -> list[str]:
    """Kinds of active content anywhere in the file: the one detector (`active.py`), which the pack's
    checks use too."""
    from .active import detect

    return detect(path).kinds()


def _judge_colour(grey_pages: list[int], report: ScanReport, kind: str | None) -> None:
    """Colour is judged per document, by the scan mode: a document scanned in greyscale loses its red seal
    (a defect, unless the kind has no colour to lose); one grey page in a colour document is a warning."""
    if kind in materials_for("grey_allowed"):
        return
    if not grey_pages:
        return  # a colour scan, whatever it shows (a missing seal is the reading's finding)
    if len(grey_pages) >= max(1, report.checked_pages):
        report.flags.append(make_flag("SCAN_NOT_COLOUR", grey_pages[0]))
        return
    for number in grey_pages:
        report.flags.append(make_flag("SCAN_NOT_COLOUR", number, warning=True))


def _check_page(
    page: Any, number: int, settings: ScanSettings, report: ScanReport, page_checks: bool
) -> bool:
    """The image checks of one page; returns whether the page was scanned in greyscale (judged per
    document by the caller)."""
    import numpy as np
    import pymupdf

    from . import quality

    if page.rotation % 360:
        report.flags.append(make_flag("SCAN_ROTATED", number, angle=page.rotation % 360))
    w, h = sorted((page.rect.width, page.rect.height))
    if (abs(w - A4_PT[0]) > A4_PT[0] * 0.2 or abs(h - A4_PT[1]) > A4_PT[1] * 0.2) and page_checks:
        report.flags.append(
            make_flag(
                "SCAN_NOT_A4", number, width_mm=f"{w / 72 * 25.4:.0f}", height_mm=f"{h / 72 * 25.4:.0f}"
            )
        )
    # Effective resolution of the largest image drawn on the page (image pixels per inch of page).
    # get_image_info without hashes/xrefs: no full decode and MD5 of a 300-dpi scan just to find it.
    # Scanners round: an A4 sheet at 150 dpi is 1240 px over 210 mm = 149.98 dpi. Below the minimum by
    # more than the rounding is a warning that says the figure; clearly below (90 %) is a defect.
    best, best_area, grey_image = 0.0, 0.0, False
    for info in page.get_image_info(hashes=False, xrefs=False):
        bbox = pymupdf.Rect(info["bbox"])
        if bbox.width > 0 and info.get("width"):
            best = max(best, info["width"] / (bbox.width / 72))
            if bbox.width * bbox.height > best_area:
                best_area = bbox.width * bbox.height
                grey_image = info.get("colorspace") == 1
    tolerance = threshold("dpi_tolerance")
    if 0 < best < settings.min_dpi * (1 - tolerance):
        sure = best < settings.min_dpi * threshold("dpi_defect_share")
        report.flags.append(
            make_flag("SCAN_LOW_DPI", number, warning=not sure, dpi=f"{best:.0f}", min_dpi=settings.min_dpi)
        )
    rgb = _render(page, threshold("check_dpi"))
    dpi = rgb.dpi
    pixels = np.frombuffer(rgb.samples, np.uint8).reshape(rgb.height, rgb.width, 3)
    block = max(1, round(dpi / 12))  # the colour/blank measure was made at 12 dpi: keep its scale
    coloured, ink = quality.colour_and_ink(pixels, block, settings.colour_tolerance)
    if ink < 0.004:
        report.flags.append(make_flag("SCAN_BLANK_PAGE", number))
        return False
    # The scan mode, not the content: a one-channel image is a greyscale scan. A colour scan of a
    # black-and-white page has no colour to show and is fine; a document without any colour at all is
    # judged by the caller.
    grey = grey_image
    if not page_checks:
        return False
    g = quality.grey(pixels)
    photo = report.__dict__.get("photo", False)
    _check_skew(quality.measure_skew(g), number, report, photo)
    _check_borders(quality.measure_borders(g, threshold("border_strip_share")), number, report, photo)
    _check_focus(quality.measure_focus(g), number, report)
    return grey


@dataclass
class _Rendered:
    width: int
    height: int
    samples: bytes
    dpi: float


def _render(page: Any, dpi: float, clip: Any = None) -> _Rendered:
    """RGB render at `dpi`, scaled down when the page is so large the render would pass MAX_CHECK_PIXELS."""
    import pymupdf

    rect = clip or page.rect
    pixels = rect.width * rect.height * (dpi / 72) ** 2
    if pixels > MAX_CHECK_PIXELS:
        dpi = dpi * (MAX_CHECK_PIXELS / pixels) ** 0.5
    pix = page.get_pixmap(dpi=max(1, int(dpi)), colorspace=pymupdf.csRGB, alpha=False, clip=clip)
    return _Rendered(pix.width, pix.height, pix.samples, pix.xres or dpi)


def _check_skew(skew: Any, number: int, report: ScanReport, photo: bool = False) -> None:
    if skew.degrees is None:
        return  # no lines of text to measure (the blank check covers empty pages)
    angle = abs(skew.degrees)
    if angle < threshold("skew_warning_degrees") or skew.peak_ratio < threshold("skew_min_peak_ratio"):
        return  # straight enough, or no clear line direction to measure (a sparse page): no verdict
    # A defect only when the line direction is unambiguous (a clear peak); otherwise say the angle.
    sure = skew.peak_ratio >= threshold("skew_sure_peak_ratio")
    defect = angle >= threshold("skew_defect_degrees") and sure and not photo
    report.flags.append(make_flag("SCAN_SKEWED", number, warning=not defect, angle=f"{angle:.1f}"))


def _check_borders(borders: Any, number: int, report: ScanReport, photo: bool = False) -> None:
    worst, sides = borders.worst()
    if worst < threshold("border_warning_share"):
        return
    dark = [
        coded(f"scan.side.{s}")
        for s, share in borders.dark_share.items()
        if share >= threshold("border_warning_share")
    ]
    report.flags.append(
        make_flag(
            "SCAN_CROPPED",
            number,
            warning=worst < threshold("border_dark_share") or photo,
            sides=dark or [coded(f"scan.side.{s}") for s in sides],
            share=f"{worst * 100:.0f}",
        )
    )


def _check_focus(focus: float | None, number: int, report: ScanReport) -> None:
    if focus is None or focus >= threshold("blur_warning"):
        return
    defect = focus < threshold("blur_defect")
    report.flags.append(
        make_flag(
            "SCAN_BLURRED",
            number,
            warning=not defect,
            focus=f"{focus:.2f}",
            limit=f"{threshold('blur_defect'):.2f}",
        )
    )


def _check_photo(page: Any, report: ScanReport) -> None:
    """The photo's background: the largest image on the page when it is a photo placed on a sheet, else
    the region of the render that is not white paper (a scanned sheet is one full-page image)."""
    import numpy as np
    import pymupdf

    from . import quality

    boxes = [pymupdf.Rect(i["bbox"]) & page.rect for i in page.get_image_info(hashes=False, xrefs=False)]
    boxes = [b for b in boxes if not b.is_empty]
    largest = max(boxes, key=lambda b: b.width * b.height) if boxes else None
    area = page.rect.width * page.rect.height
    placed = largest is not None and largest.width * largest.height < 0.5 * area
    rendered = _render(page, threshold("check_dpi"), clip=largest if placed else None)
    pixels = np.frombuffer(rendered.samples, np.uint8).reshape(rendered.height, rendered.width, 3)
    share = quality.white_background_share(pixels if placed else quality.photo_region(pixels))
    if share >= threshold("photo_white_share"):
        return
    warning = share >= threshold("photo_defect_share")
    report.flags.append(make_flag("SCAN_PHOTO_BACKGROUND", 1, warning=warning, share=f"{share * 100:.0f}"))
