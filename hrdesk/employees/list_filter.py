"""What narrows the employee list, applied to the list's compact rows in the model (not through Qt).

Apart from `views` so that `hrdesk list`, which imports the rows' type, does not build this class too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .views import EmployeeSummary


@dataclass(frozen=True)
class ListFilter:
    """What narrows the employee list: the search words (already normalised by `text.pinyin.search_text`),
    the unit, district and status boxes, a dashboard card (a predicate over a row) and a chart month.

    Applied to the whole list in one pass per condition over the compact rows, not once per row through
    Qt: a keystroke at 50,000 employees is a few list comprehensions (milliseconds), where a proxy asking
    Python about each row took most of a second."""

    terms: tuple[str, ...] = ()
    employer_id: int | None = None
    district: str | None = None
    status: str | None = None
    expiry_month: tuple[int, int] | None = None
    urgency: Callable[[EmployeeSummary], bool] | None = None

    @property
    def everyone(self) -> bool:
        """Nothing narrows the list: every row shows, without looking at any."""
        return not (
            self.terms
            or self.employer_id is not None
            or self.district
            or self.status
            or self.urgency is not None
            or self.expiry_month
        )

    def positions(self, rows: Sequence[EmployeeSummary]) -> list[int] | None:
        """The positions in `rows` of the rows that pass, in their order; None when nothing narrows."""
        if self.everyone:
            return None
        keep: list[int] | None = None

        def narrow(test: Callable[[EmployeeSummary], bool]) -> list[int]:
            if keep is None:
                return [n for n, r in enumerate(rows) if test(r)]
            return [n for n in keep if test(rows[n])]

        if self.employer_id is not None:
            keep = narrow(lambda r, e=self.employer_id: r.employer_id == e)
        if self.district:
            keep = narrow(lambda r, d=self.district: r.district == d)
        if self.status:
            keep = narrow(lambda r, s=self.status: r.status == s)
        if self.expiry_month:
            year, month = self.expiry_month
            keep = narrow(
                lambda r: (
                    r.permit_expires is not None
                    and r.permit_expires.year == year
                    and r.permit_expires.month == month
                )
            )
        if self.urgency is not None:
            keep = narrow(self.urgency)
        for term in self.terms:  # the keystroke's path: a substring test, inlined
            if keep is None:
                keep = [n for n, r in enumerate(rows) if term in r.search_text]
            else:
                keep = [n for n in keep if term in rows[n].search_text]
        return keep if keep is not None else list(range(len(rows)))

    def accepts(self, row: EmployeeSummary) -> bool:
        """The same answer for one row (a row that was just saved)."""
        return self.everyone or self.positions([row]) == [0]
