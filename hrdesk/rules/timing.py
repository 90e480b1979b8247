"""Permits and timing: renewal windows, last safe submission days, unlink duties, renewal records."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .context import Context, money, month_list, period_text
from .dates import add_years, months_before
from .profile import PermitUnit
from .workdays import WorkCalendar

# --- permits and timing ----------------------------------------------------------------------------


def submit_by(calendar: WorkCalendar, expires_on: date, working_days: int) -> date:
    """Last safe submission day: the `working_days`-th working day counted back from expiry, the expiry
    day not counted."""
    return calendar.add_working_days(expires_on, -working_days)


def window_opens(expires_on: date, timing: dict[str, Any]) -> date:
    """Renewals open `renewal_window_days` calendar days before expiry (到期前 60 日内)."""
    return expires_on - timedelta(days=timing["renewal_window_days"])


def unlink_due(calendar: WorkCalendar, departed_on: date, count: int, unit: str) -> date:
    if unit == "working-days":
        return calendar.add_working_days(departed_on, count)
    return calendar.period_end(departed_on, count)


def check_permit_and_timing(ctx: Context) -> None:
    business = ctx.business
    if business == "new":
        return
    employee = ctx.profile.employee
    timing = ctx.policy.timing
    permit = employee.permit
    if permit is None:
        ctx.add("NO_PERMIT", "blocker", timing["permit_source"])
        return
    expires = permit.expires_on
    if permit.status == "expired" or (expires is not None and expires < ctx.on):
        ctx.add(
            "PERMIT_EXPIRED", "blocker", timing["permit_source"], date=expires.isoformat() if expires else "—"
        )
        return
    if expires is None:
        ctx.add("PERMIT_EXPIRY_UNKNOWN", "warning", timing["permit_source"])
    else:
        ctx.deadline("PERMIT_EXPIRES", expires)
    if permit.status == "suspended" and business != "employer-change":
        ctx.add("PERMIT_SUSPENDED", "blocker", timing["unlink_source"])
    if business in ("basic-change", "business-change"):
        check_one_unit(ctx)

    if business == "renewal":
        if expires is not None:
            opens = window_opens(expires, timing)
            last_day = submit_by(ctx.calendar, expires, timing["review_working_days"])
            ctx.deadline("RENEWAL_WINDOW_OPENS", opens, days=timing["renewal_window_days"])
            ctx.deadline("RENEWAL_SUBMIT_BY", last_day, days=timing["review_working_days"])
            if ctx.on < opens:
                ctx.add(
                    "RENEWAL_WINDOW_NOT_OPEN",
                    "blocker",
                    timing["renewal_window_source"],
                    opens=opens.isoformat(),
                    days=timing["renewal_window_days"],
                )
            elif ctx.on > last_day:
                ctx.add(
                    "RENEWAL_TOO_LATE",
                    "warning",
                    timing["review_source"],
                    last=last_day.isoformat(),
                    expires=expires.isoformat(),
                    days=timing["review_working_days"],
                )
        if "renewal_record_months" in timing:
            check_renewal_record(ctx)
    elif business == "employer-change":
        # The old unit unlinks first (解除关联, the permit 挂起) and gives a 离职证明; only then can the new
        # unit apply (changping-2026 四(二)5(1), 注意①; yanqing-2024 三(二)(二)).
        if permit.status == "active":
            ctx.add("PERMIT_NOT_SUSPENDED", "blocker", timing["unlink_source"])
        departed = employee.left_previous_employer_on
        if departed is not None:
            due = unlink_due(ctx.calendar, departed, timing["unlink_count"], timing["unlink_unit"])
            ctx.deadline("UNLINK_DUE", due, departed=departed.isoformat())
            if permit.status == "active" and ctx.on > due:
                ctx.add(
                    "UNLINK_OVERDUE",
                    "warning",
                    timing["unlink_source"],
                    departed=departed.isoformat(),
                    due=due.isoformat(),
                )
        if expires is not None:
            last_day = submit_by(ctx.calendar, expires, timing["review_working_days"])
            ctx.deadline("EMPLOYER_CHANGE_SUBMIT_BY", last_day, days=timing["review_working_days"])
            if ctx.on > last_day:
                ctx.add(
                    "EMPLOYER_CHANGE_TOO_LATE",
                    "warning",
                    timing["employer_change_source"],
                    last=last_day.isoformat(),
                    expires=expires.isoformat(),
                    days=timing["review_working_days"],
                )


def check_renewal_record(ctx: Context) -> None:
    """Changping: 36 months of tax records, each month's declared income at least the IIT threshold."""
    timing = ctx.policy.timing
    months = months_before(ctx.on, timing["renewal_record_months"])
    income = ctx.profile.employee.monthly_income_cny
    missing = [m for m in months if m not in income]
    low = [m for m in months if m in income and income[m] < timing["renewal_min_monthly_income_cny"]]
    if missing:
        ctx.add(
            "RENEWAL_RECORD_INCOMPLETE",
            "blocker",
            timing["renewal_record_source"],
            months=month_list(missing),
            count=len(missing),
            first=months[0],
            last=months[-1],
        )
    if low:
        ctx.add(
            "RENEWAL_INCOME_MONTH_BELOW_IIT_THRESHOLD",
            "blocker",
            timing["renewal_record_source"],
            months=month_list(low),
            minimum=money(timing["renewal_min_monthly_income_cny"]),
        )


def check_permit_unit_history(ctx: Context) -> None:
    """Changping renewals: "申请人近 3 年的持证单位，应与实际工作单位…须保持一致" (四(二)4 注意②). hrdesk
    knows the actual employer only from `hired_on` on (the applying unit); before that it can only say
    which unit held the permit, and asks HR to confirm. Periods not recorded are said too."""
    timing = ctx.policy.timing
    source = timing["renewal_unit_history_source"]
    employee = ctx.profile.employee
    permit = employee.permit
    if permit is None or permit.status == "expired" or (permit.expires_on and permit.expires_on < ctx.on):
        return
    years = timing["renewal_unit_history_years"]
    start = add_years(ctx.on, -years)
    if permit.issued_on is not None and permit.issued_on > start:
        start = permit.issued_on
    if not permit.unit_history:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.none",
            since=start.isoformat(),
            years=years,
        )
        return
    hired = employee.hired_on
    day = timedelta(days=1)
    mismatched: list[str] = []
    unconfirmed: list[str] = []
    gaps: list[str] = []
    cursor = start
    for unit in permit.unit_history:
        end = unit.held_until or ctx.on
        if end < unit.held_from:  # a reversed period says nothing reliable
            gaps.append(period_text(unit.held_from, end))
            continue
        lo, hi = max(unit.held_from, start), min(end, ctx.on)
        if lo > hi:
            continue
        if lo > cursor:
            gaps.append(period_text(cursor, lo - day))
        cursor = max(cursor, hi + day)
        if unit.suspended:  # 挂起 between two units: no holder, nothing to compare
            continue
        label = unit.name or unit.credit_code
        here = is_applying_unit(ctx, unit.credit_code, unit.name)
        if hired is None:
            if not here:
                unconfirmed.append(f"{period_text(lo, hi)} {label}")
            continue
        if not here and hi >= hired:
            mismatched.append(f"{period_text(max(lo, hired), hi)} {label}")
        if lo < hired:
            if here:  # held by the applying unit before the applicant worked there
                mismatched.append(f"{period_text(lo, min(hi, hired - day))} {label}")
            else:
                unconfirmed.append(f"{period_text(lo, min(hi, hired - day))} {label}")
    if cursor <= ctx.on:
        gaps.append(period_text(cursor, ctx.on))
    if mismatched:
        ctx.add(
            "PERMIT_UNIT_MISMATCH",
            "blocker",
            source,
            periods="；".join(mismatched),
            hired=hired.isoformat() if hired else "—",
            years=years,
        )
    if gaps:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.gaps",
            periods="、".join(gaps),
            years=years,
        )
    if unconfirmed:
        ctx.add(
            "PERMIT_UNIT_HISTORY_UNKNOWN",
            "warning",
            source,
            key="PERMIT_UNIT_HISTORY_UNKNOWN.confirm",
            periods="；".join(unconfirmed),
            years=years,
        )


def is_applying_unit(ctx: Context, credit_code: str, name: str) -> bool:
    employer = ctx.profile.employer
    if credit_code and employer.credit_code:
        return credit_code.strip().upper() == employer.credit_code.strip().upper()
    return bool(name) and name.strip() == employer.name.strip()


def current_permit_unit(ctx: Context) -> PermitUnit | None:
    """The unit the permit is linked to today, from its recorded history (None: not recorded, or 挂起)."""
    permit = ctx.profile.employee.permit
    if permit is None:
        return None
    for unit in reversed(permit.unit_history):
        if unit.held_from <= ctx.on and (unit.held_until is None or unit.held_until >= ctx.on):
            return None if unit.suspended else unit
    return None


def check_one_unit(ctx: Context) -> bool:
    """One permit, one unit: "申请人不可以同时关联多家单位" (changping-2026 四(二)2 注意). A person linked to
    another unit is not filed as new, and an information change cannot move the permit to this unit:
    that is the employer change, after the old unit unlinks. True when a blocker was added."""
    permit = ctx.profile.employee.permit
    if permit is None or permit.status != "active" or (permit.expires_on and permit.expires_on < ctx.on):
        return False
    unit = current_permit_unit(ctx)
    if unit is None or is_applying_unit(ctx, unit.credit_code, unit.name):
        return False
    ctx.add(
        "PERMIT_LINKED_TO_OTHER_UNIT",
        "blocker",
        ctx.policy.timing["one_unit_source"],
        key="PERMIT_LINKED_TO_OTHER_UNIT" if ctx.business == "new" else "PERMIT_LINKED_TO_OTHER_UNIT.change",
        unit=unit.name or unit.credit_code,
    )
    return True


def check_filing_deadline(ctx: Context) -> None:
    """Yanqing: after the online request for permission, the unit files on paper within 20 working days
    of the talent centre's phone call (yanqing-2024 三(一)第二步)."""
    timing = ctx.policy.timing
    employer = ctx.profile.employer
    days = timing.get("paper_filing_working_days")
    if not days or employer.permission_granted or employer.filing_notice_on is None:
        return
    due = ctx.calendar.add_working_days(employer.filing_notice_on, days)
    ctx.deadline("UNIT_FILING_DUE", due, days=days, called=employer.filing_notice_on.isoformat())
    if ctx.on > due:
        ctx.add(
            "UNIT_FILING_OVERDUE",
            "warning",
            timing["paper_filing_source"],
            due=due.isoformat(),
            called=employer.filing_notice_on.isoformat(),
            days=days,
        )
