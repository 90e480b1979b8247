"""Renewal windows, last safe days, unlink duties and the holiday calendar (SPEC §3.5)."""

from __future__ import annotations

from datetime import date

from hrdesk.rules.workdays import WorkCalendar, schedules_from_mapping

from .helpers import baseline, codes, run

FULL_36 = {f"{y}-{m:02d}": 20000 for y in range(2023, 2027) for m in range(1, 13)}


def with_permit(district: str, expires: str, status: str = "active", **employee) -> dict:
    data = baseline(district)
    data["employee"]["permit"] = {
        "number": "GZ123",
        "issued_on": "2023-12-01",
        "expires_on": expires,
        "status": status,
    }
    data["employee"]["monthly_income_cny"] = dict(FULL_36)
    data["employee"].update(employee)
    return data


def deadline(result, code):
    return next(d.date for d in result.deadlines if d.code == code)


def test_spec_example_dates():
    result = run(with_permit("changping", "2026-12-01"), "renewal", on=date(2026, 10, 20))
    assert deadline(result, "RENEWAL_WINDOW_OPENS") == date(2026, 10, 2)
    assert deadline(result, "RENEWAL_SUBMIT_BY") == date(2026, 11, 3)
    assert deadline(result, "PERMIT_EXPIRES") == date(2026, 12, 1)
    assert codes(result, "blocker") == set()


def test_window_not_open_then_open_then_too_late_then_expired():
    data = with_permit("changping", "2026-12-01")
    assert "RENEWAL_WINDOW_NOT_OPEN" in codes(run(data, "renewal", on=date(2026, 10, 1)), "blocker")
    assert (
        codes(run(data, "renewal", on=date(2026, 10, 2))) & {"RENEWAL_WINDOW_NOT_OPEN", "RENEWAL_TOO_LATE"}
        == set()
    )
    assert "RENEWAL_TOO_LATE" not in codes(run(data, "renewal", on=date(2026, 11, 3)))
    late = run(data, "renewal", on=date(2026, 11, 4))
    assert "RENEWAL_TOO_LATE" in codes(late, "warning") and late.eligible
    assert "PERMIT_EXPIRED" not in codes(run(data, "renewal", on=date(2026, 12, 1)))
    assert "PERMIT_EXPIRED" in codes(run(data, "renewal", on=date(2026, 12, 2)), "blocker")


def test_submit_by_skips_national_day_holidays():
    result = run(with_permit("yanqing", "2026-10-15"), "renewal", on=date(2026, 8, 20))
    assert deadline(result, "RENEWAL_SUBMIT_BY") == date(2026, 9, 11)


def test_unknown_calendar_year_is_flagged_and_user_data_fixes_it():
    data = with_permit("changping", "2027-03-01")
    result = run(data, "renewal", on=date(2026, 11, 23))
    assert "CALENDAR_YEAR_UNKNOWN" in codes(result, "warning")
    weekdays_only = deadline(result, "RENEWAL_SUBMIT_BY")
    # Estimated from the law, leaning early (test_unknown_years.py); never later than the real schedule.
    assert weekdays_only < date(2027, 1, 28)
    schedule = schedules_from_mapping(
        {"2027": {"holidays": ["2027-02-08", "2027-02-09", "2027-02-10"], "workdays": ["2027-02-06"]}}
    )
    result = run(data, "renewal", on=date(2026, 11, 23), calendar=WorkCalendar(user_schedules=schedule))
    assert "CALENDAR_YEAR_UNKNOWN" not in codes(result)
    assert deadline(result, "RENEWAL_SUBMIT_BY") == date(2027, 1, 28)


def test_renewal_36_months_every_month_above_iit_threshold():
    data = with_permit("changping", "2026-12-01")
    data["employee"]["monthly_income_cny"]["2024-02"] = 4999
    del data["employee"]["monthly_income_cny"]["2025-07"]
    result = run(data, "renewal", on=date(2026, 10, 20))
    assert {"RENEWAL_INCOME_MONTH_BELOW_IIT_THRESHOLD", "RENEWAL_RECORD_INCOMPLETE"} <= codes(
        result, "blocker"
    )


def test_yanqing_renewal_does_not_need_36_months():
    data = with_permit("yanqing", "2026-12-01", monthly_income_cny={"2026-09": 3000})
    result = run(data, "renewal", on=date(2026, 10, 20))
    assert codes(result) & {"RENEWAL_RECORD_INCOMPLETE", "RENEWAL_INCOME_MONTH_BELOW_IIT_THRESHOLD"} == set()


def test_renewal_without_permit_and_suspended():
    data = baseline("changping")
    assert "NO_PERMIT" in codes(run(data, "renewal"), "blocker")
    suspended = with_permit("changping", "2026-12-20", status="suspended")
    assert "PERMIT_SUSPENDED" in codes(run(suspended, "renewal"), "blocker")


def test_unlink_spec_examples():
    for district, due in (("changping", date(2026, 11, 23)), ("yanqing", date(2026, 11, 23))):
        data = with_permit(district, "2027-12-01", left_previous_employer_on="2026-11-16")
        result = run(data, "employer-change", on=date(2026, 11, 20))
        assert deadline(result, "UNLINK_DUE") == due
        assert "UNLINK_OVERDUE" not in codes(result)
        assert "UNLINK_OVERDUE" in codes(run(data, "employer-change", on=date(2026, 11, 24)))


def test_unlink_changping_calendar_days_vs_yanqing_working_days():
    # Departure Wednesday 2026-09-30: Changping 5 days → 10-05 (holiday to 10-07) → first working day
    # 10-08; Yanqing 5 working days: 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    cp = run(
        with_permit("changping", "2027-12-01", left_previous_employer_on="2026-09-30"),
        "employer-change",
        on=date(2026, 9, 30),
    )
    yq = run(
        with_permit("yanqing", "2027-12-01", left_previous_employer_on="2026-09-30"),
        "employer-change",
        on=date(2026, 9, 30),
    )
    assert deadline(cp, "UNLINK_DUE") == date(2026, 10, 8)
    assert deadline(yq, "UNLINK_DUE") == date(2026, 10, 13)


def test_suspended_permit_is_fine_for_employer_change():
    data = with_permit("changping", "2027-06-01", status="suspended", left_previous_employer_on="2026-10-01")
    data["materials"].append({"kind": "departure-certificate"})
    result = run(data, "employer-change")
    assert result.eligible and result.ready
    assert "UNLINK_OVERDUE" not in codes(result)


def test_employer_change_too_late():
    data = with_permit("changping", "2026-12-10", status="suspended", left_previous_employer_on="2026-10-01")
    assert "EMPLOYER_CHANGE_TOO_LATE" in codes(run(data, "employer-change"), "warning")


def test_calendar_period_end_rolls_over_rest_days():
    cal = WorkCalendar()
    assert cal.period_end(date(2026, 11, 16), 5) == date(2026, 11, 23)
    assert cal.add_working_days(date(2026, 11, 16), 5) == date(2026, 11, 23)
    assert cal.is_workday(date(2026, 9, 20))  # a make-up Sunday
    assert not cal.is_workday(date(2026, 10, 1))
