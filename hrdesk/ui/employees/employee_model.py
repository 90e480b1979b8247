"""The employee list: a table model over cached summaries and a proxy that shows the rows a search and
the filters leave (the filtering itself is `employees.list_filter.ListFilter`, one pass over the rows).

Thousands of rows stay fast because the model holds only the summary tuples the store returns in
one query; nothing here runs the rules.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...employees.list_filter import ListFilter
from ...employees.views import EmployeeSummary, urgency_rank

Index = QModelIndex | QPersistentModelIndex

# Status and the next deadline come first: they are what HR scans the list for.
COL_NAME, COL_STATUS, COL_DEADLINE, COL_EMPLOYER, COL_ID, COL_EXPIRES = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_COLOURS = {
    "ready": "#2e7d32",
    "missing-materials": "#ef6c00",
    "not-eligible": "#c62828",
    "renewal-due": "#1565c0",
    "valid": "#607d8b",
    "expired": "#6d4c41",
    "suspended": "#8e24aa",
    "unknown": "#9e9e9e",
}


URGENCY_COLOURS = {"overdue": "#c62828", "this-week": "#e65100"}

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
SERVED_ROLES = frozenset({_DISPLAY, _FOREGROUND, _TOOLTIP, int(SORT_ROLE), int(ROW_ROLE)})
_BRUSHES: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour))
    return brush


_SORT_KEYS = {
    COL_NAME: lambda r: r.name_key or r.name,
    COL_ID: lambda r: r.id_masked,
    COL_EMPLOYER: lambda r: r.employer_name,
    COL_EXPIRES: lambda r: r.permit_expires or date.max,
    COL_DEADLINE: lambda r: r.next_deadline or date.max,
    COL_STATUS: lambda r: r.status,
}


def sort_rows(rows: list[EmployeeSummary], column: int, order: Qt.SortOrder) -> list[EmployeeSummary]:
    """Sort in place (and return) the way the list shows them: by the column, then overdue and due this
    week always on top (a stable second sort). Pure data: a worker sorts 50,000 rows before the window
    sees them."""
    rows.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
    rows.sort(key=lambda r: urgency_rank(r.urgency))
    return rows


def urgency_label(urgency: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "overdue": QCoreApplication.translate("Status", "已逾期"),
        "this-week": QCoreApplication.translate("Status", "本周到期"),
    }.get(urgency or "", "")


_LABELS: dict[str, dict[str, str]] = {}  # by the language's word for "ready": one dict per language


def status_label(status: str) -> str:
    """The status in the window's language (asked for each status cell at every paint of the list:
    the translations are looked up once per language, not eight at each call)."""
    from PySide6.QtCore import QCoreApplication

    ready = QCoreApplication.translate("Status", "可申报")
    labels = _LABELS.get(ready)
    if labels is None:
        labels = _LABELS[ready] = _status_labels()
    return labels.get(status, status)


def _status_labels() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        "ready": QCoreApplication.translate("Status", "可申报"),
        "missing-materials": QCoreApplication.translate("Status", "缺材料"),
        "not-eligible": QCoreApplication.translate("Status", "不符合条件"),
        "renewal-due": QCoreApplication.translate("Status", "待续签"),
        "valid": QCoreApplication.translate("Status", "持证有效"),
        "expired": QCoreApplication.translate("Status", "已失效"),
        "suspended": QCoreApplication.translate("Status", "挂起"),
        "unknown": QCoreApplication.translate("Status", "未检查"),
    }


class EmployeeTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EmployeeSummary] = []
        self._position: dict[int, int] = {}  # employee id → row

    def headers(self) -> list[str]:
        headers = {
            COL_NAME: self.tr("姓名"),
            COL_STATUS: self.tr("状态"),
            COL_DEADLINE: self.tr("下一期限"),
            COL_EXPIRES: self.tr("证件有效期至"),
            COL_EMPLOYER: self.tr("单位"),
            COL_ID: self.tr("身份证号"),
        }
        return [headers[i] for i in range(6)]

    def set_rows(self, rows: list[EmployeeSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._position = {r.id: n for n, r in enumerate(self._rows)}

    def update_rows(self, ids: list[int], summaries: list[EmployeeSummary]) -> None:
        """After a write: replace the rows of `ids` in place (dataChanged), add new ones, remove the
        ones that are gone. The rest of the list is not touched (no reset, selection kept)."""
        fresh = {s.id: s for s in summaries}
        for employee_id in ids:
            row = self._position.get(employee_id)
            summary = fresh.get(employee_id)
            if row is not None and summary is not None:
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            elif row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._reindex()
                self.endRemoveRows()
            elif summary is not None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(summary)
                self._position[summary.id] = end
                self.endInsertRows()

    def row_at(self, row: int) -> EmployeeSummary:
        return self._rows[row]

    def rows(self) -> list[EmployeeSummary]:
        return self._rows

    def row_of(self, employee_id: int) -> int | None:
        return self._position.get(employee_id)

    def sort_key(self, column: int) -> Any:
        return _SORT_KEYS[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves (one C-level list.sort) instead of letting the proxy compare
        through data() 300,000 times for 10,000 rows; selections survive via persistent indexes."""
        if not 0 <= column < 6:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        sort_rows(self._rows, column, order)
        self._reindex()
        position = self._position
        self.changePersistentIndexList(
            old, [self.index(position[i], idx.column()) for i, idx in zip(old_ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in SERVED_ROLES or not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, col: int, role: int) -> Any:
        """What the list shows in one cell. The view asks for about ten roles of each visible cell at
        every paint, each a call into Python; the roles the list does not use are refused before any
        work (`SERVED_ROLES`), and nothing is built that the cell does not show."""
        r = self._rows[row]
        if role == _DISPLAY:
            if col == COL_NAME:
                return r.name
            if col == COL_STATUS:
                return status_label(r.status) + (f" · {urgency_label(r.urgency)}" if r.urgency else "")
            if col == COL_DEADLINE:
                return r.next_deadline.isoformat() if r.next_deadline else "—"
            if col == COL_EMPLOYER:
                return r.employer_name
            if col == COL_ID:
                return r.id_masked
            return r.permit_expires.isoformat() if r.permit_expires else "—"
        if role == ROW_ROLE:
            return r
        if role == _FOREGROUND:
            if r.urgency and col in (COL_NAME, COL_STATUS, COL_DEADLINE):
                return _brush(URGENCY_COLOURS[r.urgency])
            if col == COL_STATUS:
                return _brush(STATUS_COLOURS.get(r.status, "#000000"))
            return None
        if role == SORT_ROLE:
            return {
                COL_NAME: r.name,
                COL_ID: r.id_masked,
                COL_EMPLOYER: r.employer_name,
                COL_EXPIRES: (r.permit_expires or date.max).toordinal(),
                COL_DEADLINE: (r.next_deadline or date.max).toordinal(),
                COL_STATUS: r.status,
            }[col]
        if role == _TOOLTIP and col in (COL_NAME, COL_EMPLOYER, COL_STATUS):
            return (
                self.cell(row, col, _DISPLAY)
                if col == COL_STATUS
                else r.name
                if col == COL_NAME
                else r.employer_name
            )
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_STATUS), self.index(len(self._rows) - 1, COL_STATUS))


class EmployeeFilterProxy(QAbstractProxyModel):
    """Search as you type over name, full ID number and unit; filters by unit, district, status and
    permit-expiry month (from the dashboard chart) and the dashboard's urgency cards.

    The filter runs in the model (`ListFilter.positions`: one pass over the compact rows) and the view
    learns of a change in one layout change, with the selection carried by employee id. Qt's
    QSortFilterProxyModel asked Python about each of 50,000 rows per keystroke and then told the view
    of every removed and inserted range (most of a second); this proxy only maps the rows shown."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sorted_by: tuple[int, Qt.SortOrder] = (COL_NAME, Qt.SortOrder.AscendingOrder)
        self._filter = ListFilter()
        self._shown: list[int] | None = None  # source rows shown, ascending; None: every row
        self._kept: list[tuple[QModelIndex, int | None]] = []  # persistent indexes and their employees

    # --- what narrows the list ---------------------------------------------------------------------

    @property
    def urgency(self) -> Any:
        """A predicate over a row (the dashboard's 逾期 / 本周 / 本月 cards), or None."""
        return self._filter.urgency

    @urgency.setter
    def urgency(self, predicate: Any) -> None:
        self._narrow(replace(self._filter, urgency=predicate))

    @property
    def employer_id(self) -> int | None:
        return self._filter.employer_id

    @property
    def district(self) -> str | None:
        return self._filter.district

    @property
    def status(self) -> str | None:
        return self._filter.status

    @property
    def expiry_month(self) -> tuple[int, int] | None:
        return self._filter.expiry_month

    def set_search(self, text: str) -> None:
        """Name (also as pinyin: "zhang", "zs"), ID number or unit; every word must match."""
        from ...text.pinyin import search_text

        self._narrow(replace(self._filter, terms=tuple(search_text(word) for word in text.split())))

    def set_filters(
        self,
        employer_id: int | None = None,
        district: str | None = None,
        status: str | None = None,
        expiry_month: tuple[int, int] | None = None,
    ) -> None:
        self._narrow(
            replace(
                self._filter,
                employer_id=employer_id,
                district=district,
                status=status,
                expiry_month=expiry_month,
            )
        )

    def _narrow(self, wanted: ListFilter) -> None:
        if wanted == self._filter:
            return
        self._filter = wanted
        self._begin_layout()
        self._refilter()
        self._end_layout()

    def _refilter(self) -> None:
        model = self.sourceModel()
        self._shown = self._filter.positions(model.rows()) if model is not None else None

    # --- the view's side: a layout change that keeps the selection by employee id -------------------

    def _begin_layout(self) -> None:
        self.layoutAboutToBeChanged.emit()
        model = self.sourceModel()
        self._kept = []
        for index in self.persistentIndexList():
            source = self._source_row(index.row()) if index.isValid() else None
            ok = source is not None and 0 <= source < model.rowCount()
            self._kept.append((QModelIndex(index), model.row_at(source).id if ok else None))

    def _end_layout(self) -> None:
        model = self.sourceModel()
        old, new = [], []
        for index, employee_id in self._kept:
            source = model.row_of(employee_id) if employee_id is not None else None
            row = self._proxy_row(source) if source is not None else None
            old.append(index)
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self._kept = []
        self.layoutChanged.emit()

    def _source_row(self, row: int) -> int:
        return row if self._shown is None else self._shown[row]

    def _proxy_row(self, source_row: int) -> int | None:
        if self._shown is None:
            return source_row
        at = bisect_left(self._shown, source_row)
        return at if at < len(self._shown) and self._shown[at] == source_row else None

    # --- following the source model ----------------------------------------------------------------

    def setSourceModel(self, model: EmployeeTableModel) -> None:  # noqa: N802
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(self._begin_layout)
        model.layoutChanged.connect(self._source_moved)
        model.rowsAboutToBeInserted.connect(self._begin_layout)
        model.rowsInserted.connect(self._source_moved)
        model.rowsAboutToBeRemoved.connect(self._begin_layout)
        model.rowsRemoved.connect(self._source_moved)
        model.dataChanged.connect(self._source_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._refilter()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._refilter()
        self.endResetModel()

    def _source_moved(self, *_args: Any) -> None:
        self._refilter()
        self._end_layout()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """A saved row may now pass the filter or not (a status changed): then the rows shown change;
        otherwise only the changed cells are repainted."""
        if self._shown is None:
            self.dataChanged.emit(
                self.index(top.row(), top.column()), self.index(bottom.row(), bottom.column())
            )
            return
        before = self._shown
        self._refilter()
        if self._shown != before:
            self._shown = before
            self._begin_layout()
            self._refilter()
            self._end_layout()
            return
        rows = [r for r in (self._proxy_row(n) for n in range(top.row(), bottom.row() + 1)) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows), top.column()), self.index(max(rows), bottom.column()))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source model sorts its rows (one list.sort); the filter then runs again over the new order.
        self.sorted_by = (column, order)
        self.sourceModel().sort(column, order)

    # --- the proxy's map ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < self.rowCount() and 0 <= column < 6):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, _index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        if self._shown is not None:
            return len(self._shown)
        model = self.sourceModel()
        return model.rowCount() if model is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.rowCount() > 0

    def mapToSource(self, proxy_index: Index) -> QModelIndex:  # noqa: N802
        if not proxy_index.isValid() or not 0 <= proxy_index.row() < self.rowCount():
            return QModelIndex()
        return self.sourceModel().index(self._source_row(proxy_index.row()), proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:  # noqa: N802
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return self.index(row, source_index.column()) if row is not None else QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Straight to the source row's cell: no source index made for each of the view's calls.
        if role not in SERVED_ROLES or not index.isValid():
            return None
        row, shown = index.row(), self._shown
        model = self.sourceModel()
        if shown is None:
            return model.cell(row, index.column(), role) if row < model.rowCount() else None
        return model.cell(shown[row], index.column(), role) if row < len(shown) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        # Straight from the source: the base class maps through row 0, which a filter may have emptied.
        return self.sourceModel().headerData(section, orientation, role)
