"""The image half of a file's findings list (`materials/findings.py` is the whole list), cached by content.

The image checks (`pdf/scan.py`: resolution, colour, skew, borders, blank pages, the photo's background)
and the reading of the scan (`inspection/`: whose document, which kind, seals, annotation, dates, tax
periods, page order) used to be two systems with two answers. Here they meet: every screen and command —
attaching, the materials panel, the employee's status, `hrdesk inspect`, `hrdesk pack` — takes the same
list of `ScanFinding(code, severity, page, message, source, read, box, fix)` for the same file, and a
file is blocked from a pack exactly when its list holds a blocker.

The image part depends only on the file's content, its material kind, the district (the white photo
background is Yanqing's rule) and the scan settings, so it is computed once and kept by the file's
SHA-256 in `<data folder>/cache/findings/` (readings of the text are kept the same way by `inspection`):
a pack of files already inspected re-scans nothing.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...catalogue import said_value
from ...fileio import sha256_of
from ...pdf.images import IMAGE_SUFFIXES
from ...pdf.scan import ScanSettings, check_file
from ...pdf.scan_flags import REFUSED, WARNING, Flag, fix_for
from .assess import ScanFinding

__all__ = [
    "CHECK_VERSION",
    "FileFindings",
    "from_flag",
    "image_findings",
    "merge",
]

CHECK_VERSION = 3  # bump when a check or a threshold changes: cached findings are then computed again

_MEMORY: dict[str, FileFindings] = {}  # the same content in this process (the demo attaches one file often)


@dataclass
class FileFindings:
    """The image checks' findings for one file's content, and whether it can be packed at all (a file
    hrdesk cannot read safely is never packed, not even when forced)."""

    sha256: str
    findings: list[ScanFinding] = field(default_factory=list)
    packable: bool = True
    pages: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "packable": self.packable,
            "pages": self.pages,
            "findings": [_finding_json(f) for f in self.findings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileFindings:
        return cls(
            data["sha256"],
            [ScanFinding(**f) for f in data["findings"]],
            bool(data["packable"]),
            int(data.get("pages", 0)),
        )


def _finding_json(f: ScanFinding) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "page": f.page,
        "message": f.message,
        "source": f.source,
        "read": f.read,
        "fix": f.fix,
        "said": f.said,
    }


def from_flag(flag: Flag, lang: str = "zh") -> ScanFinding:
    """An image check's flag as a finding: refusals and defects block, an uncertain measurement warns
    and its message carries what was measured."""
    severity = "warning" if flag.severity == WARNING else "blocker"
    evidence = "，".join(f"{k}={said_value(v, lang)}" for k, v in flag.values if k != "page")
    return ScanFinding(
        flag.code,
        severity,
        flag.page,
        flag.text(lang),
        flag.source,
        evidence,
        None,
        fix_for(flag.code, lang),
        flag.coded(),
    )


def _key(digest: str, kind: str, district: str | None, settings: ScanSettings, lang: str) -> str:
    """The content, what it is checked as, and the check's version: the code's `CHECK_VERSION` and the
    thresholds' data file, so a tuned threshold never serves a stale verdict."""
    shape = (
        f"{kind}|{district or ''}|{settings.min_dpi}|{settings.max_file_mb:g}|{lang}|v{CHECK_VERSION}"
        f"|{_thresholds_digest()}"
    )
    return f"{digest}-{hashlib.sha256(shape.encode()).hexdigest()[:16]}"


@cache
def _thresholds_digest() -> str:
    from ...resources import resources_dir

    return hashlib.sha256((resources_dir() / "scan_checks.toml").read_bytes()).hexdigest()[:12]


def cache_dir(data_dir: Path) -> Path:
    return data_dir / "cache" / "findings"


def image_findings(
    path: Path,
    kind: str,
    *,
    district: str | None = None,
    settings: ScanSettings | None = None,
    data_dir: Path | None = None,
    lang: str = "zh",
) -> FileFindings:
    """The image checks of one file, once per content: from the cache when this content was checked
    before with the same kind, district and settings. A JPG/PNG is checked as the PDF it becomes when
    attached or packed."""
    settings = settings or ScanSettings()
    try:
        digest = sha256_of(path)
    except OSError:
        report = check_file(path, settings, kind=kind, district=district)
        return FileFindings("", [from_flag(f, lang) for f in report.flags], not report.refused)
    key = _key(digest, kind, district, settings, lang)
    if key in _MEMORY:
        return _MEMORY[key]
    stored = cache_dir(data_dir) / f"{key}.json" if data_dir is not None else None
    if stored is not None:
        try:
            found = FileFindings.from_json(json.loads(stored.read_text(encoding="utf-8")))
            _MEMORY[key] = found
            return found
        except (OSError, ValueError, KeyError, TypeError):
            pass
    found = _check(path, digest, kind, district, settings, lang)
    _MEMORY[key] = found
    if stored is not None:
        _save(stored, found)
    return found


def _check(
    path: Path, digest: str, kind: str, district: str | None, settings: ScanSettings, lang: str
) -> FileFindings:
    if path.suffix.lower() in IMAGE_SUFFIXES:
        # The conversion only when an image is checked: the window's start imports this module with the
        # store and checks no file.
        from ...pdf.images import ImageRefused, image_to_pdf

        try:
            data = image_to_pdf(path)
        except ImageRefused as exc:
            finding = ScanFinding(
                "SCAN_UNREADABLE",
                "blocker",
                None,
                exc.message(lang),
                "hrdesk",
                "",
                None,
                fix_for("SCAN_UNREADABLE", lang),
                exc.coded(),
            )
            return FileFindings(digest, [finding], False)
        with tempfile.TemporaryDirectory(prefix="hrdesk-findings-") as tmp:
            converted = Path(tmp) / "image.pdf"
            converted.write_bytes(data)
            report = check_file(converted, settings, kind=kind, district=district)
    else:
        report = check_file(path, settings, kind=kind, district=district)
    refused = any(f.severity == REFUSED for f in report.flags)
    return FileFindings(digest, [from_flag(f, lang) for f in report.flags], not refused, report.pages)


def _save(path: Path, found: FileFindings) -> None:
    """Findings quote what was read (never a whole ID number): owner-only all the same, like readings."""
    from ...fileio import atomic_write_bytes, private_dir

    try:
        private_dir(path.parent.parent)
        private_dir(path.parent)
        data = json.dumps(found.to_json(), ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(path, data, mode=0o600)
    except OSError:
        pass  # a cache that cannot be written costs time, never a result


# Codes both systems can report for the same fault: the reading's version wins only when it is surer.
_SEVERITY_RANK = {"blocker": 0, "warning": 1, "info": 2}


def merge(image: list[ScanFinding], read: list[ScanFinding]) -> list[ScanFinding]:
    """One list: the image checks, then what the reading found, one finding per code and page (the more
    severe kept), ordered by page so the panel and the CLI read the same way."""
    by_key: dict[tuple[str, int | None], ScanFinding] = {}
    order: list[tuple[str, int | None]] = []
    for f in [*image, *read]:
        key = (f.code, f.page)
        kept = by_key.get(key)
        if kept is None:
            by_key[key] = f
            order.append(key)
        elif _SEVERITY_RANK.get(f.severity, 3) < _SEVERITY_RANK.get(kept.severity, 3):
            by_key[key] = f
    out = [by_key[k] for k in order]
    return sorted(out, key=lambda f: (f.page or 0, _SEVERITY_RANK.get(f.severity, 3)))
