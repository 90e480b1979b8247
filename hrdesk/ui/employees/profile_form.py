"""The employee profile form: every fact the rules read, grouped the way the guides group them
(each group shows the guide sections it answers to), validated as you type (ID check digit, dates,
amounts), errors shown beside the field, and nothing saved until the whole form is valid.

Choices use the shared labels table (`resources/labels.toml`), so a label copied from here into a
roster reads back as the same code."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...rules.profile import (
    Employee,
    Profile,
)
from .date_field import DateField
from .profile_changes import ProfileChanges
from .profile_checks import ProfileChecks
from .profile_fields import ProfileFields
from .profile_layout import ProfileLayout

__all__ = ["DateField", "ProfileForm"]


class ProfileForm(ProfileLayout, ProfileFields, ProfileChecks, ProfileChanges, QWidget):
    """One employee's profile: its layout, fields, checks and unsaved-edit tracking live in the
    modules beside this one; here the form loads, saves and settles a save another desk overtook."""

    saved = Signal(int)
    validityChanged = Signal(bool)
    modifiedChanged = Signal(bool)  # noqa: N815

    def __init__(
        self, desk: Any, parent: QWidget | None = None, today: date | None = None, staged: bool = False
    ) -> None:
        """`staged`: make only the first half of the fields now and the rest at `finish_building` (the
        window makes the form in two steps after its first frame, so that neither holds it long)."""
        super().__init__(parent)
        self.desk = desk
        self._today = today
        self.employee_id: int | None = None
        self._base: Profile | None = None
        self._version: int | None = None  # the employee's version this form is based on
        self._units: dict[int, Any] = {}  # the unit list shown, with the facts a save names
        self._building: Any = self._build_fields()
        next(self._building)
        if not staged:
            self.finish_building()

    def finish_building(self) -> None:
        """The rest of the fields, the buttons and what watches the fields (once; later calls do nothing)."""
        if self._building is None:
            return
        try:
            next(self._building)
        except StopIteration as built:
            outer = built.value
        self._building = None

        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        # Ctrl+S (⌘S) saves where the form has focus, like 保存.
        save_key = QShortcut(QKeySequence.StandardKey.Save, self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(lambda: self.save() if self.save_button.isEnabled() else None)
        self.revert_button.clicked.connect(lambda: self.load(self.employee_id))

        for w in self.findChildren(QLineEdit):
            w.textChanged.connect(self._edited)
        for w in self.findChildren(QCheckBox):
            w.toggled.connect(self._edited)
        for w in (self.awards, self.talent_programs):
            w.textChanged.connect(self._edited)
        for box in (self.employer, self.permit_status, self.housing_kind):
            box.currentIndexChanged.connect(self._edited)
        self.employer.currentIndexChanged.connect(self._show_guide_notes)
        self.income.itemChanged.connect(self._edited)
        for table in (self.annual_income, self.freelancer_tax):
            table.edited.connect(self._edited)
        self.retranslate()
        self._watch_changes()

    def today(self) -> date:
        return self._today or self.desk.clock.today()

    # --- loading ------------------------------------------------------------------------------------

    def _fill_employers(self, selected: int | None, units: Any = None) -> None:
        """`units`: the case's unit list (read on a worker); the form keeps it, so saving takes the
        unit's name, credit code and district from here, not from the database on the UI thread."""
        self.employer.blockSignals(True)
        self.employer.clear()
        self._units = {u.id: u for u in (units if units else self.desk.units.employers())}
        for unit in self._units.values():
            self.employer.addItem(unit.name, unit.id)
        if selected is not None:
            self.employer.setCurrentIndex(max(0, self.employer.findData(selected)))
        self.employer.blockSignals(False)
        self._show_guide_notes()

    def new(self, employer_id: int | None = None) -> None:
        self.employee_id = None
        self._base, self._version = None, None
        self._fill_employers(employer_id)
        self._show(Employee(), self.today())
        self._quiet = True
        self.validate()

    def load_case(self, case: Any) -> None:
        """Show an employee's case (built off the UI thread) without loading the profile again."""
        self.employee_id = case.employee_id
        self._base = case.profile
        self._version = case.version
        self._quiet = False
        self._fill_employers(case.employer_id, case.units)
        self._show(case.profile.employee, case.on)

    def load(self, employee_id: int | None) -> None:
        if employee_id is None:
            self.new()
            return
        self.employee_id = employee_id
        self._version = self.desk.employees.employee(employee_id).version  # before the profile: never newer
        self._base = self.desk.employees.profile(employee_id)
        self._quiet = False
        self._fill_employers(self.desk.employees.employee(employee_id).employer_id)
        self._show(self._base.employee, self.today())

    # --- saving -------------------------------------------------------------------------------------

    def _save_over(self, profile: Profile, employer_id: int) -> int | None:
        """Save an existing employee against the version this form loaded. When another desk saved in
        between, ask: merge field by field (both sides' changes kept; where both changed one field, this
        form's value), overwrite with this form, or reload theirs (this form's edits dropped).
        Returns the version saved (None: reloaded, nothing saved)."""
        from PySide6.QtWidgets import QMessageBox

        from ...employees.profile_merge import StaleVersion

        version = self._version
        try:
            return self.desk.employees.update_profile(
                self.employee_id, profile, employer_id=employer_id, expected_version=version, base=self._base
            )
        except StaleVersion:
            pass
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("另一台电脑已修改"))
        box.setText(self.tr("在您打开这份档案之后，另一位同事保存了修改。"))
        box.setInformativeText(
            self.tr(
                "合并：保留双方的修改（同一项都改过时以您的为准）。覆盖：以您的版本为准。重新载入：放弃您的修改。"
            )
        )
        merge = box.addButton(self.tr("合并"), QMessageBox.ButtonRole.AcceptRole)
        overwrite = box.addButton(self.tr("覆盖"), QMessageBox.ButtonRole.DestructiveRole)
        reload = box.addButton(self.tr("重新载入"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return self.desk.employees.update_profile(
                self.employee_id, profile, employer_id=employer_id, base=self._base
            )
        if clicked is overwrite:
            return self.desk.employees.update_profile(self.employee_id, profile, employer_id=employer_id)
        assert clicked is reload
        self.saved.emit(self.employee_id)  # the window reloads the case from the database
        return None

    def saved_as(self, profile: Profile, version: int) -> None:
        """After this form's own save: the next save is based on what the form shows at the version
        just written, so a quick second save is not taken for another desk's change, and only the
        edits made after it are written (a merge's other-desk fields are not written back)."""
        self._base, self._version = copy.deepcopy(profile), version

    def save(self) -> int | None:
        if not self.check_all():
            return None
        profile = self.to_profile()
        employer_id = self.employer.currentData()
        if self.employee_id is None:
            profile.materials = []
            self.employee_id = self.desk.employees.add_profile(profile)
            version = self.desk.employees.update_profile(self.employee_id, profile, employer_id=employer_id)
        else:
            version = self._save_over(profile, employer_id)
            if version is None:
                return None
        self.saved_as(profile, version)
        self.saved.emit(self.employee_id)
        return self.employee_id
