"""The applications tab (业务记录): each business opened for the employee, its statuses and the
return reasons (退回意见) kept with them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QWidget,
)

from .eligibility_panel import BUSINESSES, business_label
from .record_table import RecordTable

APPLICATION_STATUSES = ("draft", "unit-review", "submitted", "returned", "approved", "rejected")


def application_status_label(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "draft": QCoreApplication.translate("Application", "草稿"),
        "unit-review": QCoreApplication.translate("Application", "单位审核中"),
        "submitted": QCoreApplication.translate("Application", "已提交主管部门"),
        "returned": QCoreApplication.translate("Application", "被退回"),
        "approved": QCoreApplication.translate("Application", "已核准"),
        "rejected": QCoreApplication.translate("Application", "审核不通过"),
    }[code]


class ApplicationsPanel(RecordTable):
    """业务 history: open a business, move it through its statuses, keep the return reasons (退回意见)."""

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        self._app_ids: list[int] = []
        super().__init__(desk, 4, parent)
        self.new_button = self.add_button(self.open_application)
        self.status_button = self.add_button(self.change_status)
        self.buttons.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "new_button"):
            self.new_button.setText(self.tr("新建业务…"))
            self.status_button.setText(self.tr("更新状态…"))

    def headers(self) -> list[str]:
        return [self.tr("业务"), self.tr("状态"), self.tr("日期"), self.tr("退回意见 / 备注")]

    def open_application(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.employee_id is None:
            return
        labels = [business_label(b) for b in BUSINESSES]
        choice, ok = QInputDialog.getItem(self, self.tr("新建业务"), self.tr("业务类型："), labels, 0, False)
        if ok:
            employee_id, business = self.employee_id, BUSINESSES[labels.index(choice)]
            self.write(lambda r: r.applications.open_application(employee_id, business))

    def change_status(self, status: str | None = None, note: str | None = None) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.employee_id is None:
            return
        apps = (
            self.case.applications
            if self.case is not None
            else self.desk.applications.applications(self.employee_id)
        )
        if not apps:
            return
        app = apps[0]  # the newest business
        if status is None:
            labels = [application_status_label(c) for c in APPLICATION_STATUSES]
            choice, ok = QInputDialog.getItem(
                self, self.tr("更新状态"), self.tr("新状态："), labels, 0, False
            )
            if not ok:
                return
            status = APPLICATION_STATUSES[labels.index(choice)]
            if status in ("returned", "rejected"):
                note, ok = QInputDialog.getMultiLineText(self, self.tr("更新状态"), self.tr("退回意见："))
                if not ok:
                    return
        app_id, note, employee_id = app.id, note or "", self.employee_id
        version = app.version or None  # the status shown: another desk's change since is refused
        if self.run_op is None or self.push_undo is None:
            self.write(
                lambda r: r.applications.set_application_status(
                    app_id, status, note=note, expected_version=version
                )
            )
            return
        from ...employees.undo import set_status_with_snapshot, undo_status

        label = self.tr("状态改为“{status}”").format(status=application_status_label(status))

        def changed(snapshot: Any) -> None:
            self.push_undo(label, lambda r: [undo_status(r, snapshot)])

        self.run_op(
            lambda r: set_status_with_snapshot(r, employee_id, app_id, status, note, version),
            [employee_id],
            changed,
        )

    push_undo: Any = None  # the window's undo stack (set by EmployeeDetail)

    def rows(self, employee_id: int) -> list[tuple[str, ...]]:
        return [
            (
                business_label(app.business),
                application_status_label(event.status),
                event.on.isoformat(),
                event.note,
            )
            for app in self.desk.applications.applications(employee_id)
            for event in self.desk.applications.application_events(app.id)
        ]

    def case_rows(self, case: Any) -> list[tuple[str, ...]]:
        return [
            (
                business_label(app.business),
                application_status_label(event.status),
                event.on.isoformat(),
                event.note,
            )
            for app in case.applications
            for event in app.events
        ]
