"""The right-hand side of the main window: one employee's tabs (profile, eligibility, materials,
applications, children)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ..materials.materials_panel import MaterialsPanel
from .applications_panel import ApplicationsPanel
from .children_panel import ChildrenPanel
from .eligibility_panel import EligibilityPanel
from .profile_form import ProfileForm


def panel_makers(desk: Any, data_dir: Path) -> list[tuple[str, Callable[[], QWidget]]]:
    """The tabs, in their order, each with what makes it."""
    return [
        ("profile", lambda: ProfileForm(desk)),
        ("eligibility", lambda: EligibilityPanel(desk)),
        ("materials", lambda: MaterialsPanel(desk, data_dir)),
        ("applications", lambda: ApplicationsPanel(desk)),
        ("children", lambda: ChildrenPanel(desk)),
    ]


class EmployeeDetail(QTabWidget):
    """Tabs for one employee; `saved` re-emits the profile form's save so the list refreshes."""

    saved = Signal(int)
    openEmployee = Signal(int)  # noqa: N815  (the existing record of a duplicate ID number)

    def __init__(
        self,
        desk: Any,
        data_dir: Path,
        parent: QWidget | None = None,
        panels: dict[str, QWidget] | None = None,
    ) -> None:
        """`panels`: tabs already made, by name (`panel_makers`); the window makes each in a step of its
        own after its first frame, so that no step holds the window for long."""
        super().__init__(parent)
        self.desk = desk
        made = dict(panels or {})
        for name, make in panel_makers(desk, data_dir):
            setattr(self, name, made.pop(name, None) or make())
        self.profile: ProfileForm
        self.eligibility: EligibilityPanel
        self.materials: MaterialsPanel
        self.applications: ApplicationsPanel
        self.children: ChildrenPanel
        # The materials panel needs about 1,000 pixels; on a laptop it scrolls sideways inside its tab
        # rather than pushing the whole window past the screen's edge.
        self._wrappers: dict[QWidget, QWidget] = {}
        for w in (self.profile, self.eligibility, self.materials, self.applications, self.children):
            self.addTab(self._wrap(w) if w is self.materials else w, "")
        self.profile.saved.connect(self._saved)
        self.eligibility.businessChanged.connect(self._business_changed)
        self.materials.countsChanged.connect(lambda text: self.setTabText(2, text))
        self.materials.changed.connect(self._materials_changed)
        self.children.changed.connect(self._materials_changed)
        self.applications.changed.connect(self._materials_changed)
        self.employee_id: int | None = None
        self.case: Any = None
        self.retranslate()

    def _wrap(self, page: QWidget) -> QWidget:
        from PySide6.QtWidgets import QScrollArea

        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(page)
        self._wrappers[page] = area
        return area

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802  (a page, wrapped or not)
        super().setCurrentWidget(self._wrappers.get(widget, widget))

    def currentWidget(self) -> QWidget:  # noqa: N802
        shown = super().currentWidget()
        return next((page for page, area in self._wrappers.items() if area is shown), shown)

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        return super().indexOf(self._wrappers.get(widget, widget))

    def retranslate(self) -> None:
        for i, text in enumerate(
            (self.tr("档案"), self.tr("资格检查"), self.tr("材料"), self.tr("业务记录"), self.tr("随往子女"))
        ):
            if i != 2 or self.employee_id is None:
                self.setTabText(i, text)
        self.profile.retranslate()
        self.eligibility.retranslate()
        self.materials.retranslate()
        self.applications.retranslate()
        self.children.retranslate()

    request_case: Any = None  # the window's case builder (set by MainWindow)

    def set_desk(self, desk: Any) -> None:
        self.desk = desk
        for panel in (self.profile, self.eligibility, self.materials, self.applications, self.children):
            panel.desk = desk

    def set_run_op(self, run_op: Any) -> None:
        self.run_op = run_op
        # In the window the form's 保存 goes through the writer thread too (and says why it cannot save).
        self.profile.save_button.clicked.disconnect()
        self.profile.save_button.clicked.connect(
            lambda: self.save_profile(lambda _id: None, self.show_save_error)
        )
        self.applications.run_op = run_op
        self.children.run_op = run_op
        self.applications.push_undo = getattr(self, "push_undo", None)

    run_op: Any = None

    def save_profile(self, done: Any, failed: Any) -> None:
        """Save the profile form on the writer (the guard's 保存); `done(employee_id)` once written.
        Invalid input is refused before anything is written, and the form keeps the edits."""
        form = self.profile
        if not form.check_all():
            failed(self.tr("档案中有错误（见红字），请改正后再保存。"))
            return
        profile, employer_id, employee_id = form.to_profile(), form.employer.currentData(), form.employee_id

        from ...employees.profile_merge import StaleVersion
        from ...employees.service import DuplicateIdNumber

        version, base = form._version, form._base

        def write(r: Any) -> Any:
            try:
                if employee_id is None:
                    profile.materials = []
                    new_id = r.employees.add_profile(profile)
                    return [new_id, r.employees.update_profile(new_id, profile, employer_id=employer_id)]
                saved = r.employees.update_profile(
                    employee_id, profile, employer_id=employer_id, expected_version=version, base=base
                )
                return [employee_id, saved]
            except (DuplicateIdNumber, StaleVersion) as exc:
                return exc  # not errors: the user decides (open the other record; merge / overwrite / reload)

        def written(ids: Any) -> None:
            if isinstance(ids, DuplicateIdNumber):
                self.duplicate_found(ids)
                return
            if isinstance(ids, StaleVersion):
                # Another desk saved meanwhile: the form's own save asks merge / overwrite / reload.
                saved_id = form.save()
                if saved_id is not None:
                    done(saved_id)
                return
            form.employee_id = ids[0]
            form.saved_as(profile, ids[1])  # a second save of this edit is not another desk's change
            form.saved.emit(ids[0])  # marks the form clean; the window says 已保存 and adds a new row
            done(ids[0])

        self.run_op(write, None, written, failed)

    def duplicate_found(self, exc: Any) -> None:
        """Refused: the ID number is someone else's. Offer that record; the edits stay unless it is opened."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("身份证号重复"),
            self.tr("身份证号 {id} 已属于员工 {name}。同一人只能有一条记录，未保存。").format(
                id=self.profile.id_number.text().strip(), name=exc.name
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        open_button = box.addButton(
            self.tr("打开 {name} 的记录").format(name=exc.name), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("返回修改"), QMessageBox.ButtonRole.RejectRole)
        self.last_duplicate = box
        box.exec()
        if box.clickedButton() is open_button:
            self.profile.discard()
            self.openEmployee.emit(exc.existing_id)

    def show_save_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("未能保存"), message)

    def mark_modified(self, modified: bool) -> None:
        """The profile tab says when it holds edits not yet saved."""
        self.setTabText(0, self.tr("档案") + (" ●" if modified else ""))

    def show_loading(self, employee_id: int, name: str) -> None:
        """The employee was chosen; their case is being built on a worker."""
        self.employee_id = employee_id
        self.setEnabled(False)

    def set_case(self, case: Any) -> None:
        """Render one employee's case; the panels only draw what it holds."""
        same = self.profile.employee_id == case.employee_id  # the form shows this person already
        self.employee_id = case.employee_id
        self.case = case
        if not (same and self.profile.is_modified()):  # a refreshed case never overwrites edits
            self.profile.load_case(case)
        self.eligibility.set_case(case)
        self.materials.set_case(case)
        self.applications.set_case(case)
        self.children.set_case(case)
        self.setEnabled(True)

    def set_employee(self, employee_id: int | None, business: str = "new") -> None:
        """Load without a case (tests and stand-alone use); the window uses `set_case`."""
        if employee_id is not None and self.request_case is not None:
            self.request_case(employee_id, business)
            return
        self.employee_id = employee_id
        self.profile.load(employee_id)
        self.eligibility.set_employee(employee_id)
        self.eligibility.set_business(business)
        self.materials.set_employee(employee_id, business)
        self.applications.set_employee(employee_id)
        self.children.set_employee(employee_id)

    def new_employee(self, employer_id: int | None = None) -> None:
        self.employee_id = None
        self.case = None
        self.setEnabled(True)
        self.setCurrentIndex(0)
        self.profile.new(employer_id)
        self.eligibility.set_employee(None)
        self.materials.set_employee(None)
        self.applications.set_employee(None)
        self.children.set_employee(None)

    def _business_changed(self, business: str) -> None:
        if self.employee_id is not None and self.request_case is not None:
            self.request_case(self.employee_id, business)

    def _saved(self, employee_id: int) -> None:
        self.employee_id = employee_id
        self.saved.emit(employee_id)  # the window updates the row and rebuilds the case

    def _materials_changed(self) -> None:
        if self.employee_id is not None:
            self.saved.emit(self.employee_id)
