"""Years the holiday calendar does not know: statutory holidays from the law, a lean-
early estimate of the State Council's 调休, and the notice HR pastes into Settings.

Guide text this rests on — changping-2026 四(二)4 注意①: "需预留 20 日用于上级主管部门审核。未按时申报续签业务
或核准未通过，证件逾期后即时失效。" A last safe day that comes too late lapses the permit; one that comes a
little early costs nothing. Law: 《全国年节及纪念日放假办法》 (国务院令第795号修订) 第二条: "春节，放假4天（农历
除夕、正月初一至初三）…劳动节，放假2天（5月1日、2日）…国庆节，放假3天（10月1日至3日）".
"""

from __future__ import annotations

import bisect
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdesk.rules.engine import submit_by
from hrdesk.rules.holiday_notice import HolidayNoticeError, parse_holiday_notice
from hrdesk.rules.statutory_holidays import estimate_year, statutory_holidays
from hrdesk.rules.workdays import WorkCalendar

from .helpers import codes, run
from .test_timing import deadline, with_permit

TRUTH = WorkCalendar()
GROUND_TRUTH_YEARS = range(2020, 2027)
# 2015-09-03 (抗战胜利70周年) was a one-off holiday no law foretells; the ground truth here is 2020–2026.


class PretendUnknown(WorkCalendar):
    """The library calendar with some of its years hidden, to compare the estimate with the truth."""

    def __init__(self, hidden: set[int]) -> None:
        super().__init__()
        self.hidden = hidden

    def knows(self, year: int) -> bool:
        return year not in self.hidden and super().knows(year)


PRETEND = PretendUnknown(set(GROUND_TRUTH_YEARS))
LAW_2025_YEARS = {2025, 2026}  # years under the 2025 revision: 除夕 and 5月2日 are statutory


def test_statutory_holidays_2027_follow_the_2025_law():
    days = statutory_holidays(2027)
    # 2027: 正月初一 is 2027-02-06, so 除夕 is 02-05; 端午 06-09; 中秋 09-15; 清明 04-05.
    assert days == [
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 2, 6),
        date(2027, 2, 7),
        date(2027, 2, 8),
        date(2027, 4, 5),
        date(2027, 5, 1),
        date(2027, 5, 2),
        date(2027, 6, 9),
        date(2027, 9, 15),
        date(2027, 10, 1),
        date(2027, 10, 2),
        date(2027, 10, 3),
    ]


@pytest.mark.parametrize("year", sorted(LAW_2025_YEARS))
def test_statutory_days_are_off_in_the_known_years_of_the_2025_law(year):
    for d in statutory_holidays(year):
        assert not chinese_calendar.is_workday(d), d


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2020, 2, 1), max_value=date(2026, 12, 31)),
    st.integers(1, 30),
)
def test_a_deadline_counted_back_in_an_unknown_year_is_never_later(expiry, n):
    """The last safe day (20 working days back from expiry) computed with the year unknown is never
    later than the one computed once the year's holidays are known."""
    assert submit_by(PRETEND, expiry, n) <= submit_by(TRUTH, expiry, n)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 1)), st.integers(0, 20))
def test_a_duty_counted_forward_in_an_unknown_year_is_never_later(event, n):
    """Unlink within 5 working days (yanqing-2024 三(二)(二)) or 5 days (changping-2026 四(二)5 注意①):
    forward counts lean early too. Only the years of the 2025 law: before it 除夕 and 5月2日 were
    sometimes worked (2024-02-09), which the current law no longer allows."""
    if n:
        assert PRETEND.add_working_days(event, n) <= TRUTH.add_working_days(event, n)
    assert PRETEND.period_end(event, n) <= TRUTH.period_end(event, n)


def test_every_day_of_the_ground_truth_years_leans_early_for_the_renewal_review():
    """The hypothesis test samples; this walks every expiry 2020–2026 for the 20-day review. Same answer as
    `submit_by` (checked on a sample), computed from one pass of working-day flags to stay fast."""
    first, last = date(2019, 11, 1), date(2026, 12, 31)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    truth = [i for i, d in enumerate(days) if TRUTH.is_workday(d)]
    guess = [i for i, d in enumerate(days) if PRETEND._counts(d, False)]

    def nth_back(working: list[int], index: int, n: int) -> int:
        # the n-th working day strictly before days[index]
        return working[bisect.bisect_left(working, index) - n]

    late = []
    for index, day in enumerate(days):
        if day < date(2020, 2, 1):
            continue
        if nth_back(guess, index, 20) > nth_back(truth, index, 20):
            late.append(day)
        if index % 97 == 0:  # the shortcut agrees with the real function
            assert days[nth_back(guess, index, 20)] == submit_by(PRETEND, day, 20)
    assert late == []


def test_the_estimate_is_not_just_weekdays():
    # Across Spring Festival 2027 counting Monday–Friday gave 2027-02-01 for a 2027-03-01 expiry, later
    # than any real schedule (五 statutory days of 除夕–初三 fall on weekdays Fri–Mon).
    result = run(with_permit("changping", "2027-03-01"), "renewal", on=date(2026, 11, 23))
    assert "CALENDAR_YEAR_UNKNOWN" in codes(result, "warning")
    last = deadline(result, "RENEWAL_SUBMIT_BY")
    assert last < date(2027, 2, 1)
    estimate = estimate_year(2027)
    assert date(2027, 2, 5) in estimate.statutory and date(2027, 2, 9) in estimate.maybe_off


def test_calendar_year_unknown_message_no_longer_claims_monday_to_friday():
    result = run(with_permit("changping", "2027-03-01"), "renewal", on=date(2026, 11, 23))
    message = next(f.message for f in result.findings if f.code == "CALENDAR_YEAR_UNKNOWN")
    assert "周一至周五" not in message and "2027" in message


NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2025年11月4日
（此件公开发布）第4日"""

NOTICE_2025_ONE_LINE = (
    "国务院办公厅关于2025年部分节假日安排的通知 一、元旦：1月1日（周三）放假1天，不调休。"
    "二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。"
    "三、清明节：4月4日（周五）至6日（周日）放假，共3天。"
    "四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。"
    "五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。"
    "六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。"
)


@pytest.mark.parametrize("text,year", [(NOTICE_2026, 2026), (NOTICE_2025_ONE_LINE, 2025)])
def test_a_pasted_notice_gives_the_same_calendar_as_the_library(text, year):
    notice = parse_holiday_notice(text)
    assert notice.year == year and notice.other_years() == []
    calendar = WorkCalendar(user_schedules={year: notice.schedule()})
    day = date(year, 1, 1)
    while day.year == year:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_a_notice_with_a_december_new_year_break_and_old_wording():
    text = (
        "国务院办公厅关于2019年部分节假日安排的通知\n"
        "一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。\n"
        "二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。\n"
        "三、清明节：4月5日放假，与周末连休。\n"
    )
    notice = parse_holiday_notice(text)
    assert notice.year == 2019 and notice.other_years() == [2018]
    assert notice.holidays[2018] == {date(2018, 12, 30), date(2018, 12, 31)}
    assert notice.workdays[2018] == {date(2018, 12, 29)}
    assert date(2019, 2, 10) in notice.holidays[2019] and date(2019, 4, 5) in notice.holidays[2019]
    assert notice.workdays[2019] == {date(2019, 2, 2), date(2019, 2, 3)}


def test_a_notice_without_a_title_takes_the_chosen_year_and_december_without_year():
    notice = parse_holiday_notice(
        "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（周六）上班。", year=2029
    )
    assert notice.holidays[2028] == {date(2028, 12, 30), date(2028, 12, 31)}
    assert notice.holidays[2029] == {date(2029, 1, 1)}
    assert notice.workdays[2028] == {date(2028, 12, 29)}


@pytest.mark.parametrize(
    "text,needle",
    [
        ("今天天气很好", "年份"),
        ("关于2027年部分节假日安排的通知。节日期间注意安全。", "放假日期"),
        ("关于2027年部分节假日安排的通知 一、春节：2月30日至3月2日放假。", "不存在"),
        ("关于2027年部分节假日安排的通知 一、春节：2月5日至11日放假。2月6日上班。", "既是放假日又是上班日"),
    ],
)
def test_unreadable_notices_say_how_to_fix_them(text, needle):
    with pytest.raises(HolidayNoticeError, match=needle):
        parse_holiday_notice(text)


def test_one_sentence_with_days_off_and_make_up_days_and_full_width_digits():
    notice = parse_holiday_notice(
        "关于２０２８年部分节假日安排的通知\n一、元旦：1月1日至2日放假调休，共2天，1月8日（周六）上班。"
    )
    assert notice.year == 2028
    assert notice.holidays[2028] == {date(2028, 1, 1), date(2028, 1, 2)}
    assert notice.workdays[2028] == {date(2028, 1, 8)}


def _weekdays_back(expiry: date, n: int) -> date:
    d = expiry
    while n:
        d -= timedelta(days=1)
        n -= d.weekday() < 5
    return d


@pytest.mark.parametrize("expiry", [date(2027, 1, 15), date(2027, 2, 26), date(2027, 10, 20)])
def test_new_year_spring_festival_and_national_day_2027_are_no_longer_counted(expiry):
    """The issue's cases: Monday–Friday counting put the last safe day one day (元旦 2027 is a Friday)
    or several days (春节, 国庆) too late."""
    calendar = PretendUnknown({2027})  # unknown today; stays unknown here when the library learns it
    estimate = submit_by(calendar, expiry, 20)
    assert estimate < _weekdays_back(expiry, 20)
    assert 2027 in calendar.unknown_years
