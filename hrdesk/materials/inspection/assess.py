"""Findings from what was read: compare the scan with the record and with the guides' requirements.

Pure: readings + the record's facts (`Subject`) + the catalogue → findings. Every finding names its page
(None = the whole file), says what was read and what to do, and cites the guide. Where a check cannot be
sure (no ID number read, ink that OCR cannot read) it says so as a warning — never a silent pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ...catalogue import coded, has, said
from ...pdf.scan_flags import fix_for, flag_from_reason
from . import text as t
from .catalogue import KindRule, ScanCatalogue
from .pages import Box, PageReading

UPSIDE_DOWN_SHARE = 0.6  # share of classified lines turned by 180° that makes a page upside down
UPSIDE_DOWN_MIN_LINES = 3
KIND_MIN_SCORE = 4
PRINT_SCORE = 0.9  # OCR confidence of clean print  # keyword characters another kind must match before a scan is called that kind


@dataclass(frozen=True)
class Subject:
    """What the record says about the person and this material (from the profile)."""

    name: str
    id_number: str
    district: str
    expected_end: date | None = None  # the material's recorded end date (contract, lease)
    open_ended: bool = False  # 无固定期限 labour contract
    required_months: tuple[str, ...] = ()  # tax periods the rules need (6 or 36 before the application month)
    months_source: str = ""
    on: date | None = None  # the application day (an ID card must still be valid then)


@dataclass(frozen=True)
class ScanFinding:
    code: str
    severity: str  # blocker | warning | info (SPEC §5)
    page: int | None  # 1-based; None = the whole file
    message: str
    source: str
    read: str = ""  # the text the finding rests on
    box: Box | None = None  # where on the page, for the preview
    fix: str = ""  # how to put it right (rescan in colour, turn the page, ask the unit for its seal)
    said: str = ""  # the message as its catalogue key and parameters (`catalogue.coded`), in no language

    def text(self, lang: str = "zh") -> str:
        """The message in `lang`, whichever language the finding was made in."""
        return said(self.said, lang) if self.said else self.message

    def kept(self) -> str:
        """What a record keeps of it (a material's defects): the coded message, said in the reader's
        language when shown; the words only for a finding made without one."""
        return self.said or self.message

    def to_dict(self) -> dict[str, object]:
        """The one shape of a finding for every reader: `{code, severity, page, message, evidence, fix}`
        (`read` and `source` kept for the readers that already use them)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "page": self.page,
            "message": self.message,
            "evidence": self.read,
            "fix": self.fix,
            "source": self.source,
            "read": self.read,
        }


@dataclass
class Found:
    names: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    page_numbers: list[t.PageNumber | None] = field(default_factory=list)

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "names": self.names,
            "id_numbers": self.id_numbers,
            "dates": [d.isoformat() for d in self.dates],
        }


@dataclass
class Assessment:
    detected_kind: str | None
    found: Found
    findings: list[ScanFinding]


def mask_id(number: str) -> str:
    """Messages show enough of an ID number to recognise it, not the whole number."""
    return number[:6] + "*" * 8 + number[-4:] if len(number) == 18 else number


def detect_kind(text: str, own: str, catalogue: ScanCatalogue) -> tuple[str | None, str]:
    """The kind the text looks like, and the keyword that decided it. The slot's own kind wins whenever one
    of its keywords is on the scan (documents mention each other: a lease names 身份证)."""
    flat = t.normalise(text)
    best, best_score, best_word = None, 0, ""
    for kind, rule in catalogue.kinds.items():
        matched = [word for word in rule.keywords if t.normalise(word) in flat]
        if not matched:
            continue
        if kind == own:
            return own, matched[0]
        score = sum(len(word) for word in matched)
        if score > best_score:
            best, best_score, best_word = kind, score, max(matched, key=len)
    if best_score >= KIND_MIN_SCORE:
        return best, best_word
    return None, ""


def assess(
    kind: str,
    readings: list[PageReading],
    subject: Subject,
    catalogue: ScanCatalogue,
    kind_names: dict[str, tuple[str, str]],
    lang: str = "zh",
) -> Assessment:
    """All findings for one material. `kind_names` maps a code to its (zh, en) display name."""
    rule = catalogue.rule(kind)
    out: list[ScanFinding] = []
    text = "\n".join(r.text for r in readings)
    found = Found(
        names=t.names(text),
        id_numbers=t.id_numbers(text),
        dates=t.dates(text),
        periods=t.tax_periods(text) if rule.periods else [],
        page_numbers=[t.page_number([line.text for line in r.reading_lines]) for r in readings],
    )

    def add(
        code: str,
        severity: str,
        page: int | None,
        key: str,
        read: str = "",
        box: Box | None = None,
        source: str | None = None,
        **values: object,
    ) -> None:
        cited = source if source is not None else catalogue.source(key)
        kept = coded(f"reading.{key}", page=page, source=cited, **values)
        message = said(kept, lang)
        out.append(ScanFinding(code, severity, page, message, cited, read, box, fix_for(code, lang), kept))

    def name_of(code: str) -> str:
        """A material's name, kept coded: said in the reader's language (an unknown code as itself)."""
        return coded(f"material-name.{code}") if has(f"material-name.{code}") else code

    for r in readings:
        refused = flag_from_reason(r.error or "")
        if refused is not None:  # the scan's own refusal (a bomb, 100,000 pages): not opened page by page
            add(
                "SCAN_UNREADABLE",
                "blocker",
                r.page,
                "SCAN_REFUSED",
                read=r.error or "",
                reason=refused.coded(),
            )
        elif r.error or (rule.text and not r.lines):
            add("SCAN_UNREADABLE", "warning", r.page, "SCAN_UNREADABLE", read=r.error or "")
        if r.flipped_lines >= UPSIDE_DOWN_MIN_LINES and r.flipped_share >= UPSIDE_DOWN_SHARE:
            add("SCAN_UPSIDE_DOWN", "blocker", r.page, "SCAN_UPSIDE_DOWN", share=round(100 * r.flipped_share))

    detected, keyword = detect_kind(text, kind, catalogue) if rule.text else (None, "")
    if detected is not None and detected != kind:
        page, box = _where(readings, keyword)
        add(
            "SCAN_KIND_MISMATCH",
            "blocker",
            page,
            "SCAN_KIND_MISMATCH",
            read=keyword,
            box=box,
            detected=name_of(detected),
            expected=name_of(kind),
            text=keyword,
        )
        # Another document: comparing it with this slot's requirements would only add noise.
        return Assessment(detected, found, out)

    _seals(kind, rule, readings, subject, add, name_of, catalogue.not_unit_seal_words)
    _annotations(rule, readings, subject, catalogue, add)
    contact_source = rule.contact.get(subject.district)
    if contact_source and any(r.lines for r in readings) and not t.has_phone_number(text):
        add("SCAN_CONTACT_MISSING", "warning", None, "SCAN_CONTACT_MISSING", source=contact_source)
    if rule.subject == "employee" and any(r.lines for r in readings):
        _identity(rule, readings, subject, found, add)
    if rule.end_date and subject.expected_end is not None and not (subject.open_ended and t.open_ended(text)):
        _end_date(readings, subject, add)
    if kind in ID_CARD_KINDS and subject.on is not None:
        _id_validity(readings, subject, add)
    _page_order(readings, found, add)
    if rule.periods and any(r.lines for r in readings):
        _periods(found, subject, add)
    if rule.lease and any(r.lines for r in readings):
        particulars = t.lease_particulars(text)
        missing = [coded(f"lease-field.{k}") for k, ok in particulars.items() if not ok]
        if missing:
            source = (
                catalogue.lease_fields[f"source_{subject.district}"]
                if (f"source_{subject.district}" in catalogue.lease_fields)
                else catalogue.lease_fields["source_changping"]
            )
            add(
                "SCAN_LEASE_INCOMPLETE",
                "warning",
                None,
                "SCAN_LEASE_INCOMPLETE",
                source=source,
                missing=missing,
            )
    return Assessment(detected, found, out)


def _seals(
    kind: str,
    rule: KindRule,
    readings: list[PageReading],
    subject: Subject,
    add: Callable[..., None],
    name_of: Callable[[str], str],
    not_unit_words: tuple[str, ...] = (),
) -> None:
    seal_rule = rule.seal.get(subject.district)
    if seal_rule is None:
        return

    def unit_seals(r: PageReading) -> list[Box]:
        """The page's seals less the tax bureau's printed e-seal (its words read inside the ring)."""
        return [
            box
            for box in r.seals
            if not any(
                _overlap(line.box, box) >= 0.6 and any(w in t.normalise(line.text) for w in not_unit_words)
                for line in r.lines
            )
        ]

    values = {
        "what": name_of(kind),
        "seal": "单位财务章" if seal_rule.finance else "单位公章",
        "seal_en": "unit's finance seal (财务章)" if seal_rule.finance else "unit's official seal (公章)",
        "source": seal_rule.source,
    }
    readable = [r for r in readings if not r.error]
    if seal_rule.every_page:
        for r in readable:
            if not unit_seals(r):
                where = {"where": f"第 {r.page} 页", "where_en": f"Page {r.page}"}
                add("SCAN_SEAL_MISSING", "blocker", r.page, "SCAN_SEAL_MISSING", **where, **values)
    elif readable and not any(unit_seals(r) for r in readable):
        where = {"where": "整份材料", "where_en": "The whole file"}
        add("SCAN_SEAL_MISSING", "blocker", None, "SCAN_SEAL_MISSING", **where, **values)


def _annotations(
    rule: KindRule,
    readings: list[PageReading],
    subject: Subject,
    catalogue: ScanCatalogue,
    add: Callable[..., None],
) -> None:
    source = rule.annotation.get(subject.district)
    if source is None:
        return
    for r in readings:
        if r.error:
            continue
        if t.contains_phrase(r.text, catalogue.annotation_phrase):
            continue
        hand = handwriting(r)
        if hand:
            add(
                "SCAN_ANNOTATION_MISSING",
                "warning",
                r.page,
                "SCAN_ANNOTATION_UNCERTAIN",
                source=source,
                box=hand[0],
            )
        else:
            add("SCAN_ANNOTATION_MISSING", "blocker", r.page, "SCAN_ANNOTATION_MISSING", source=source)


def handwriting(reading: PageReading) -> list[Box]:
    """Pen ink that is not confidently read print: blue printed headings read as clean text lines, a hand
    does not (unless it reads as the annotation, which is checked first)."""
    printed = [line.box for line in reading.lines if line.score >= PRINT_SCORE]
    return [box for box in reading.ink if max((_overlap(box, p) for p in printed), default=0.0) < 0.5]


def _overlap(a: Box, b: Box) -> float:
    """Share of box a covered by box b."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = (a[2] - a[0]) * (a[3] - a[1])
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def _identity(
    rule: KindRule, readings: list[PageReading], subject: Subject, found: Found, add: Callable[..., None]
) -> None:
    own_id = subject.id_number.upper()
    if own_id:
        if found.id_numbers and own_id not in found.id_numbers:
            other = found.id_numbers[0]
            page, box = _where(readings, other)
            add(
                "SCAN_ID_MISMATCH",
                "blocker",
                page,
                "SCAN_ID_MISMATCH",
                read=mask_id(other),
                box=box,
                found=mask_id(other),
            )
        elif not found.id_numbers and rule.shows_id:
            add("SCAN_ID_UNREAD", "warning", None, "SCAN_ID_MISSING")
    name = t.normalise(subject.name)
    if name and found.names and not any(name in t.normalise(r.text) for r in readings):
        other = found.names[0]
        page, box = _where(readings, other)
        add(
            "SCAN_NAME_MISMATCH",
            "warning",
            page,
            "SCAN_NAME_MISMATCH",
            read=other,
            box=box,
            found=other,
            expected=subject.name,
        )


def _end_date(readings: list[PageReading], subject: Subject, add: Callable[..., None]) -> None:
    for r in readings:
        scanned = t.end_date(r.text)
        if scanned is None:
            continue
        if scanned != subject.expected_end:
            page, box = _where(readings, "至")
            add(
                "SCAN_DATE_MISMATCH",
                "warning",
                r.page,
                "SCAN_DATE_MISMATCH",
                read=scanned.isoformat(),
                box=box if page == r.page else None,
                found=scanned.isoformat(),
                expected=subject.expected_end.isoformat(),
            )
        return  # the first term printed is the contract's


ID_CARD_KINDS = ("id-card",)


def _id_validity(readings: list[PageReading], subject: Subject, add: Callable[..., None]) -> None:
    """The card's 有效期限 (back side: 2016.05.10-2026.05.10, or 长期): a card that ended before the
    application day is returned. The date is read, so a misread digit is possible: a blocker only when
    the end date is read whole and the start date ten or twenty years before it agrees."""
    for r in readings:
        term = t.validity_term(r.text)
        if term is None:
            continue
        start, end = term
        if end is None or subject.on is None or end >= subject.on:
            return
        sure = (
            start is not None
            and end.year - start.year in (5, 10, 20)
            and (end.month, end.day)
            == (
                start.month,
                start.day,
            )
        )
        page, box = _where(readings, "有效期")
        add(
            "SCAN_ID_EXPIRED",
            "blocker" if sure else "warning",
            r.page,
            "SCAN_ID_EXPIRED",
            read=end.isoformat(),
            box=box if page == r.page else None,
            found=end.isoformat(),
            on=subject.on.isoformat(),
        )
        return


def _page_order(readings: list[PageReading], found: Found, add: Callable[..., None]) -> None:
    """Pages in the order of their printed numbers. A printed number beyond both the file's page count
    and the printed total is a misreading (第55页 for 第5页) and is not used."""
    limit = max([len(readings)] + [n.total for n in found.page_numbers if n is not None and n.total])
    numbered = [
        (r.page, n)
        for r, n in zip(readings, found.page_numbers, strict=True)
        if n is not None and 0 < n.number <= limit
    ]
    if len(numbered) >= 2:
        printed = [n.number for _, n in numbered]
        if any(b <= a for a, b in zip(printed, printed[1:], strict=False)):
            add(
                "SCAN_PAGE_ORDER",
                "warning",
                None,
                "SCAN_PAGE_ORDER",
                read="、".join(n.text for _, n in numbered),
                printed="、".join(str(p) for p in printed),
            )
            return
    totals = {n.total for _, n in numbered if n.total}
    if len(totals) == 1 and numbered:
        total = totals.pop()
        if total != len(readings):
            add(
                "SCAN_PAGES_MISSING",
                "warning",
                None,
                "SCAN_PAGES_MISSING" if total > len(readings) else "SCAN_PAGES_EXTRA",
                read=numbered[0][1].text,
                total=total,
                count=len(readings),
            )


def _periods(found: Found, subject: Subject, add: Callable[..., None]) -> None:
    if not found.periods:
        add("SCAN_PERIOD_UNREAD", "warning", None, "SCAN_PERIOD_UNREAD", source=subject.months_source)
        return
    missing = [m for m in subject.required_months if m not in found.periods]
    if missing:
        add(
            "SCAN_PERIOD_MISMATCH",
            "blocker",
            None,
            "SCAN_PERIOD_SHORT",
            source=subject.months_source,
            read=t.describe_months(found.periods),
            found=t.describe_months(found.periods),
            missing=t.describe_months(missing),
            months=len(subject.required_months),
        )


def compare_periods(
    tax_periods: list[str], income_periods: list[str], catalogue: ScanCatalogue, lang: str = "zh"
) -> ScanFinding | None:
    """changping-2026 四(二)1(5) 注意②: the 纳税记录 and the 申报收入查询 cover the same tax periods."""
    if not tax_periods or not income_periods or tax_periods == income_periods:
        return None
    first, second = t.describe_months(tax_periods), t.describe_months(income_periods)
    kept = coded("reading.SCAN_PERIOD_MISMATCH", first=first, second=second)
    return ScanFinding(
        "SCAN_PERIOD_MISMATCH",
        "blocker",
        None,
        said(kept, lang),
        catalogue.source("SCAN_PERIOD_MISMATCH"),
        f"{first} / {second}",
        said=kept,
    )


def _where(readings: list[PageReading], needle: str) -> tuple[int | None, Box | None]:
    """The first page and line box where `needle` was read."""
    flat = t.normalise(needle)
    for r in readings:
        for line in r.lines:
            if flat in t.normalise(line.text):
                return r.page, line.box
    return None, None
