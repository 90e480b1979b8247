"""One findings list per file: what a reviewer would return a material for, said once.

The image checks (`pdf/scan.py`: resolution, colour, skew, borders, blank pages, the photo's background)
and the reading of the scan (`inspection/`: whose document, which kind, seals, annotation, dates, tax
periods, page order) used to be two systems with two answers. Here they meet: attaching, the materials
panel, the employee's status, `hrdesk inspect` and `hrdesk pack` take the same list of
`ScanFinding(code, severity, page, message, source, read, box, fix, said)` — `to_dict()` gives
`{code, severity, page, message, evidence, fix}` — for the same file, and a file is kept out of a pack
exactly when its list holds a blocker. `said` is the message as its catalogue key and parameters: a
material's defects keep it (`kept()`), so they read in whichever language the person chose (`text(lang)`).

Computed once per content: the image part is kept by the file's SHA-256, kind, district and settings in
`<data folder>/cache/findings/`, the reading by SHA-256 in `<data folder>/cache/inspection/`; the
comparison with the record (which changes) is recomputed from them in milliseconds.

- `image_findings(path, kind, district=, settings=, data_dir=)` — the image checks alone (attaching).
- `known_findings(profile, [(kind, path, valid_until)], on=, data_dir=)` — each file's whole list from
  what is known without new OCR (the pack, the status).
- `inspection.inspect.inspect_material / inspect_profile / inspect_employee` — the whole list, reading
  what was not read yet (`hrdesk inspect`, the panel); `inspect_employee` records each material's
  blockers as its defects, so the status counts them.
"""

from __future__ import annotations

from .inspection.assess import ScanFinding
from .inspection.image_checks import CHECK_VERSION, FileFindings, image_findings, merge
from .inspection.inspect import known_findings

__all__ = [
    "CHECK_VERSION",
    "FileFindings",
    "ScanFinding",
    "blockers",
    "image_findings",
    "known_findings",
    "merge",
    "warnings",
]


def blockers(findings: list[ScanFinding]) -> list[ScanFinding]:
    """What stops a pack (unless forced) and keeps the employee from 可申报."""
    return [f for f in findings if f.severity == "blocker"]


def warnings(findings: list[ScanFinding]) -> list[ScanFinding]:
    """What the pack mentions and a person should look at; it stops nothing."""
    return [f for f in findings if f.severity == "warning"]
