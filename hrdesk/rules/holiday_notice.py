"""Read the State Council's yearly 放假安排 notice (《国务院办公厅关于YYYY年部分节假日安排的通知》) as pasted
by HR: the days off and the make-up working days (调休上班) of that year.

The notice is published each November for the next year, long before `chinesecalendar` knows the year.
Its items read like "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
2月14日（周六）、2月28日（周六）上班。" A sentence that ends in 上班 lists working days; one with 放假
lists days (or ranges) off. Dates without a year belong to the notice's year, except a 元旦 break that
starts in December (that is the year before). Pure text in, dates out: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .workdays import YearSchedule

_YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年\s*(?:部分)?\s*节假日(?:放假)?安排")
_ITEM = re.compile(r"(?:^|(?<=[\s。；;]))[一二三四五六七八九十]+\s*、")
# 2018年12月30日（星期日）至2019年1月1日 · 2月15日（…）至23日（…） · 9月30日至10月7日 · 1月1日
_PAREN = r"(?:\s*[（(][^）)]*[）)])?"
_DAY = r"(?:(?P<{p}y>\d{{4}})\s*年\s*)?(?:(?P<{p}m>\d{{1,2}})\s*月\s*)?(?P<{p}d>\d{{1,2}})\s*日" + _PAREN
_RANGE = re.compile(_DAY.format(p="a") + r"(?:\s*(?:至|到|—|-|~)\s*" + _DAY.format(p="b") + ")?")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class HolidayNoticeError(ValueError):
    """The text cannot be read as a notice; the message says what to fix (Chinese, shown to HR)."""


@dataclass
class HolidayNotice:
    year: int
    holidays: dict[int, set[date]] = field(default_factory=dict)
    workdays: dict[int, set[date]] = field(default_factory=dict)

    def schedule(self, year: int | None = None) -> YearSchedule:
        y = self.year if year is None else year
        return YearSchedule(frozenset(self.holidays.get(y, ())), frozenset(self.workdays.get(y, ())))

    def other_years(self) -> list[int]:
        """Years other than the notice's own that some date falls in (a 元旦 break from late December)."""
        return sorted((set(self.holidays) | set(self.workdays)) - {self.year})


def notice_year(text: str) -> int | None:
    match = _YEAR_IN_TITLE.search(text)
    return int(match.group(1)) if match else None


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """The days off and make-up working days in `text`. The year comes from the notice's title
    ("关于2027年部分节假日安排的通知"), else from `year`."""
    text = text.replace("\r\n", "\n").replace("\u3000", " ").translate(_FULL_WIDTH_DIGITS)
    found = notice_year(text) or year
    if found is None:
        raise HolidayNoticeError(
            "未能确定年份：请粘贴包含标题（关于某年部分节假日安排的通知）的全文，或先选择年份。"
        )
    notice = HolidayNotice(found)
    starts = [m.start() for m in _ITEM.finditer(text)] or [0]
    items = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    for item in items:
        new_year_item = "元旦" in item
        for sentence in re.split(r"[。；;\n]", item):
            if not any(word in sentence for word in ("上班", "放假", "休息")):
                continue  # the date the notice was signed, the paragraph on duty rosters …
            # "1月1日至3日放假调休，共3天，1月4日（周日）上班": each clause's dates go with the next 放假 or
            # 上班 that follows them in the sentence.
            pending: list[date] = []
            for clause in re.split(r"[，,]", sentence):
                for match in _RANGE.finditer(clause):
                    pending += _days(match, found, new_year_item, sentence)
                if "上班" in clause:
                    target = notice.workdays
                elif "放假" in clause or "休息" in clause:
                    target = notice.holidays
                else:
                    continue
                for d in pending:
                    target.setdefault(d.year, set()).add(d)
                pending = []
    if not notice.holidays:
        raise HolidayNoticeError("未在文本中找到放假日期（如“2月15日至23日放假调休”）。请粘贴通知的正文。")
    clash = notice.schedule().holidays & notice.schedule().workdays
    if clash:
        days = "、".join(d.isoformat() for d in sorted(clash))
        raise HolidayNoticeError(f"以下日期既是放假日又是上班日，请核对通知原文：{days}")
    return notice


def _days(match: re.Match[str], year: int, new_year_item: bool, sentence: str) -> list[date]:
    a_month = match.group("am")
    if a_month is None:
        # A bare "23日" only makes sense as the end of a range; alone it is not a date we can place.
        raise HolidayNoticeError(f"无法识别日期“{match.group(0)}”（缺少月份），请核对：{sentence.strip()}")
    start = _date(match.group("ay"), a_month, match.group("ad"), year, new_year_item, sentence)
    if match.group("bd") is None:
        return [start]
    b_month = match.group("bm") or str(start.month)
    b_year = match.group("by")
    end = _date(b_year, b_month, match.group("bd"), year, False, sentence)
    if b_year is None and end < start:  # 12月30日至1月1日 without years: the range runs into January
        end = date(start.year + 1, end.month, end.day)
    if (end - start).days > 31:
        raise HolidayNoticeError(f"日期范围过长，请核对：{sentence.strip()}")
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _date(y: str | None, m: str, d: str, year: int, new_year_item: bool, sentence: str) -> date:
    month = int(m)
    if y is not None:
        the_year = int(y)
    elif new_year_item and month == 12:
        the_year = year - 1  # 元旦 break starting in December of the year before
    else:
        the_year = year
    try:
        return date(the_year, month, int(d))
    except ValueError:
        raise HolidayNoticeError(f"日期 {the_year}年{m}月{d}日 不存在，请核对：{sentence.strip()}") from None
