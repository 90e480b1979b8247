"""What the text on a scan says: ID numbers, names, dates, end dates, tax periods, printed page numbers,
lease particulars. Pure functions over OCR text (no images), tolerant of the usual OCR slips: full-width
digits and colons, spaces inside numbers, O for 0.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ...rules.idnumber import IdNumberError, parse_id_number


def normalise(text: str) -> str:
    """NFKC (full-width digits, ：→:), no spaces: printed layouts space characters out."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# --- ID numbers ---------------------------------------------------------------------------------

_ID_CANDIDATE = re.compile(r"(?<![0-9])[0-9Oo]{17}[0-9Xx×Oo](?![0-9])")


def id_numbers(text: str) -> list[str]:
    """Valid resident ID numbers (check digit verified), in the order they appear, without repeats. Line
    by line: a number at a line's end must not run into the digits that start the next line."""
    found: list[str] = []
    matches = [m for line in text.splitlines() or [text] for m in _ID_CANDIDATE.finditer(normalise(line))]
    for match in matches:
        raw = match.group().replace("O", "0").replace("o", "0").replace("×", "X").upper()
        try:
            number = parse_id_number(raw).number
        except IdNumberError:
            continue
        if number not in found:
            found.append(number)
    return found


# --- names --------------------------------------------------------------------------------------

# Labels after which the document prints a person's name (the applicant's or another party's).
_NAME_LABELS = (
    "姓名",
    "纳税人姓名",
    "纳税人名称",
    "乙方（劳动者）",
    "乙方(劳动者)",
    "劳动者",
    "承租方",
    "承租人",
    "出租方",
    "出租人",
    "持证人",
    "权利人",
)
_NAME_AFTER_LABEL = re.compile(
    "(?:"
    + "|".join(re.escape(normalise(label)) for label in _NAME_LABELS)
    + r")(?:[（(][^）)]{0,6}[）)])?[:：]?"
    r"([\u3400-\u9fff·]{2,5})"
)
_STOP = re.compile("身份|证件|证照|联系|电话|性别|住址|地址|签字|签名|盖章")
_NOT_NAMES = ("身份证", "联系", "电话", "地址", "签字", "签名", "盖章", "姓名", "名称", "甲方", "乙方")


_LABEL_ONLY = re.compile(
    "^(?:"
    + "|".join(re.escape(normalise(label)) for label in _NAME_LABELS)
    + r")(?:[（(][^）)]{0,6}[）)])?[:：]?$"
)
_LEADING_NAME = re.compile(r"^([\u3400-\u9fff·]{2,5})")


def names(text: str) -> list[str]:
    """Person names printed after a name label (姓名：张三, 承租方：李四). OCR often reads the label and
    the name as two lines (an ID card's 姓名 column, a form's cells): a line that is only a label takes
    the name from the next line."""
    found: list[str] = []
    lines = [normalise(line) for line in text.splitlines()]
    for i, line in enumerate(lines):
        candidates = [m.group(1) for m in _NAME_AFTER_LABEL.finditer(line)]
        if _LABEL_ONLY.match(line) and i + 1 < len(lines):
            following = _LEADING_NAME.match(lines[i + 1])
            if following:
                candidates.append(following.group(1))
        for candidate in candidates:
            name = _STOP.split(candidate)[0]  # 王五身份证号 → 王五
            if len(name) < 2 or any(word in name for word in _NOT_NAMES):
                continue
            if name not in found:
                found.append(name)
    return found


# --- dates ----------------------------------------------------------------------------------------

_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")


def dates(text: str) -> list[date]:
    found: list[date] = []
    for match in _DATE.finditer(normalise(text)):
        try:
            value = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        if value not in found:
            found.append(value)
    return found


_TERM = re.compile(r"(?:至|到|止于|截止)" + _DATE.pattern)


def end_date(text: str) -> date | None:
    """The end of a contract or lease term: the date after 至 (自…起至…止), else none."""
    for line in normalise(text).splitlines() or [normalise(text)]:
        match = _TERM.search(line)
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


def open_ended(text: str) -> bool:
    return "无固定期限" in normalise(text)


# --- tax periods (税款所属期) ---------------------------------------------------------------------

# A month not followed by a day (2026.08.20 is a date); a year after it is the next month of a list whose
# separator OCR read as a dot (2026-08.2026-09).
_MONTH = re.compile(r"(20\d{2})\s*[年./-]\s*(\d{1,2})(?!\d)(?:\s*月)?(?!\s*[./-]?\s*\d{1,2}(?!\d))")
_MONTH_RANGE = re.compile(
    r"(20\d{2})[年./-](\d{1,2})月?(?:[./-]?\d{1,2}日?)?(?:至|到|-|~)(20\d{2})[年./-](\d{1,2})月?(?:[./-]?\d{1,2}日?)?"
)
_NOT_PERIOD_LINES = ("开具", "打印", "查询日期", "入库日期", "生成时间", "日期:")


def tax_periods(text: str) -> list[str]:
    """Months ("YYYY-MM") the record lists as tax periods; lines that carry issue or payment dates
    (开具日期, 入库日期) are not periods. A range over several months (2026-06至2026-11) is the heading's
    query range, not a row: it counts only when the table lists no month of its own, or a missing row
    would hide behind the heading. A range within one month (2026-06-01至2026-06-30) is a row."""
    rows: set[str] = set()
    spans: set[str] = set()
    for raw in text.splitlines():
        line = normalise(raw)
        if any(word in line for word in _NOT_PERIOD_LINES):
            continue
        for match in _MONTH_RANGE.finditer(line):
            start = int(match.group(1)) * 12 + int(match.group(2)) - 1
            stop = int(match.group(3)) * 12 + int(match.group(4)) - 1
            if stop - start in (0, 1):  # one month's row, or two rows whose separator OCR read as "-"
                rows.update(_key(index) for index in range(start, stop + 1))
            elif 0 < stop - start <= 120:
                spans.update(_key(index) for index in range(start, stop + 1))
        line = _MONTH_RANGE.sub(" ", line)
        for match in _MONTH.finditer(line):
            month = int(match.group(2))
            if 1 <= month <= 12:
                rows.add(f"{match.group(1)}-{month:02d}")
    return sorted(rows or spans)


def _key(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year}-{month + 1:02d}"


def describe_months(months: list[str]) -> str:
    """ "2026-01–2026-06" for a run, else the list (shortened)."""
    if not months:
        return "—"
    indices = [int(m[:4]) * 12 + int(m[5:]) - 1 for m in months]
    if indices == list(range(indices[0], indices[0] + len(indices))):
        return months[0] if len(months) == 1 else f"{months[0]}–{months[-1]}"
    shown = "、".join(months[:6])
    return shown + (f" 等 {len(months)} 个月" if len(months) > 6 else "")


# --- printed page numbers -------------------------------------------------------------------------

_PAGE_CN = re.compile(r"第(\d{1,3})页(?:[,，/]?共(\d{1,3})页)?")
_PAGE_OF = re.compile(r"^(?:[-—–]?)(\d{1,3})/(\d{1,3})(?:[-—–]?)$")
_PAGE_DASH = re.compile(r"^[-—–~一](\d{1,3})[-—–~一]$")
_PAGE_EN = re.compile(r"^Page(\d{1,3})(?:of(\d{1,3}))?$", re.IGNORECASE)


@dataclass(frozen=True)
class PageNumber:
    number: int
    total: int | None
    text: str


def page_number(lines: list[str]) -> PageNumber | None:
    """The page's printed number (第 N 页 / 第 N 页 共 M 页 / N/M / - N -), looked for from the last line up:
    footers are at the bottom."""
    for raw in reversed(lines):
        line = normalise(raw)
        match = _PAGE_CN.search(line)
        if match:
            total = int(match.group(2)) if match.group(2) else None
            return PageNumber(int(match.group(1)), total, raw)
        match = _PAGE_OF.match(line)
        if match and 0 < int(match.group(1)) <= int(match.group(2)):
            return PageNumber(int(match.group(1)), int(match.group(2)), raw)
        match = _PAGE_DASH.match(line)
        if match:
            return PageNumber(int(match.group(1)), None, raw)
        match = _PAGE_EN.match(line)
        if match:
            total = int(match.group(2)) if match.group(2) else None
            if total is None or 0 < int(match.group(1)) <= total:
                return PageNumber(int(match.group(1)), total, raw)
    return None


_VALID_TERM = re.compile(
    r"(?:有效期限?|有效期至)?:?(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?[-—–~至到]+(?:(\d{4})[./年-](\d{1,2})[./月-](\d{1,2})日?|(长期))"
)


def validity_term(text: str) -> tuple[date | None, date | None] | None:
    """An ID card's 有效期限 (2016.05.10-2026.05.10; 2016.05.10-长期 → no end): (start, end), or None
    when no term is printed. Only lines that name 有效期 or hold nothing but the term count (a contract's
    自…起至…止 is not a card's term)."""
    for raw in text.splitlines():
        line = normalise(raw)
        match = _VALID_TERM.search(line)
        if not match or ("有效期" not in line and len(line) > len(match.group(0)) + 2):
            continue
        try:
            start = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            start = None
        if match.group(7):
            return start, None
        try:
            end = date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        except ValueError:
            continue
        return start, end
    return None


# --- lease particulars (changping-2026 四(二)1(8)④, yanqing-2024 三(二)1(4)B) -------------------

_PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")


def lease_particulars(text: str) -> dict[str, bool]:
    """Which of the particulars a lease must record were read."""
    flat = normalise(text)
    lessor = any(word in flat for word in ("出租方", "出租人", "甲方"))
    lessee = any(word in flat for word in ("承租方", "承租人", "乙方"))
    return {
        "parties": lessor and lessee and len(names(text)) >= 2,
        "id_numbers": len(id_numbers(text)) >= 2,
        "contact": bool(_PHONE.search(flat)),
        "address": any(word in flat for word in ("地址", "坐落", "房屋位于", "位于")),
        "term": any(word in flat for word in ("租赁期限", "租期", "租赁期")) or end_date(text) is not None,
    }


def has_phone_number(text: str) -> bool:
    return bool(_PHONE.search(normalise(text)))


# --- fuzzy phrase ----------------------------------------------------------------------------------


def contains_phrase(text: str, phrase: str, min_share: float = 0.7) -> bool:
    """True when a line holds most of `phrase` in order (longest common subsequence): handwriting reads
    with a character or two wrong."""
    target = normalise(phrase)
    need = max(1, round(len(target) * min_share))
    for raw in text.splitlines():
        line = normalise(raw)
        if len(line) >= need and _lcs(line, target) >= need:
            return True
    return False


def _lcs(a: str, b: str) -> int:
    previous = [0] * (len(b) + 1)
    for ca in a:
        current = [0]
        for j, cb in enumerate(b):
            current.append(previous[j] + 1 if ca == cb else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]
