"""The first-run guide: on an empty database, three steps instead of a dashboard of zeros —
create the unit → import a roster or add a person → attach the scans.

The widget only asks; the window that places it connects the signals to its own actions and calls
`set_progress` after each change, so a step done elsewhere (the Units dialog, a drag and drop) is
ticked here too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunGuide(QWidget):
    createUnitRequested = Signal()
    importRosterRequested = Signal()
    addEmployeeRequested = Signal()
    attachScansRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunGuide")
        self.units = self.employees = self.materials = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.title)
        outer.addWidget(self.intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        self.marks: list[QLabel] = []
        self.headings: list[QLabel] = []
        self.texts: list[QLabel] = []
        self.create_unit_button = QPushButton()
        self.import_button = QPushButton()
        self.add_employee_button = QPushButton()
        self.attach_button = QPushButton()
        step_buttons = [
            [self.create_unit_button],
            [self.import_button, self.add_employee_button],
            [self.attach_button],
        ]
        for row, buttons in enumerate(step_buttons):
            mark = QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setFixedWidth(32)
            bold = QFont(mark.font())
            bold.setBold(True)
            bold.setPointSizeF(bold.pointSizeF() * 1.3)
            mark.setFont(bold)
            heading = QLabel()
            heading.setFont(bold)
            text = QLabel()
            text.setWordWrap(True)
            cell = QVBoxLayout()
            cell.addWidget(heading)
            cell.addWidget(text)
            line = QHBoxLayout()
            for button in buttons:
                line.addWidget(button)
            line.addStretch(1)
            cell.addLayout(line)
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame.setLayout(cell)
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(frame, row, 1)
            self.marks.append(mark)
            self.headings.append(heading)
            self.texts.append(text)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.create_unit_button.clicked.connect(self.createUnitRequested)
        self.import_button.clicked.connect(self.importRosterRequested)
        self.add_employee_button.clicked.connect(self.addEmployeeRequested)
        self.attach_button.clicked.connect(self.attachScansRequested)
        self.retranslate()
        self.set_progress(0, 0, 0)

    def retranslate(self) -> None:
        self.title.setText(self.tr("开始使用"))
        self.intro.setText(self.tr("还没有任何员工记录。按下面三步开始：资料只保存在本机，不会上传。"))
        for heading, text in zip(
            self.headings,
            (self.tr("创建用人单位"), self.tr("导入名单或添加员工"), self.tr("添加材料扫描件")),
            strict=True,
        ):
            heading.setText(text)
        for label, text in zip(
            self.texts,
            (
                self.tr("填写单位名称、所在区、纳税情况和业务经办人：办理条件按所在区的指南检查。"),
                self.tr("从 Excel 或 CSV 名单一次导入多名员工（先用模板），或逐个添加。"),
                self.tr("把身份证、劳动合同等扫描件拖到“材料”页：程序检查彩色、方向和页序。"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.create_unit_button.setText(self.tr("创建单位…"))
        self.import_button.setText(self.tr("导入名单…"))
        self.add_employee_button.setText(self.tr("添加员工"))
        self.attach_button.setText(self.tr("添加材料"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_progress(self, units: int, employees: int, materials: int) -> None:
        """Tick the steps done; a step opens once the one before it is done."""
        self.units, self.employees, self.materials = units, employees, materials
        done = [units > 0, employees > 0, materials > 0]
        for i, (mark, finished) in enumerate(zip(self.marks, done, strict=True)):
            mark.setText("✓" if finished else str(i + 1))
            mark.setStyleSheet("color:#2e7d32" if finished else "")
        self.import_button.setEnabled(done[0])
        self.add_employee_button.setEnabled(done[0])
        self.attach_button.setEnabled(done[1])

    def current_step(self) -> int:
        """1, 2 or 3: the first step not done yet (4 when all are)."""
        for i, count in enumerate((self.units, self.employees, self.materials)):
            if count == 0:
                return i + 1
        return 4
