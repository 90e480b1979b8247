"""Settings: language, the data folder, reference wage figures, holiday data for years the calendar
does not know, and reminder lead times."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock
from ...labels import cite
from ..employees.date_field import DateField
from ..i18n import LANGUAGES, current_lang, set_language
from ..screen_fit import fit

DEFAULT_LEADS = "30,14,7,3,1,0"


def district_name(code: str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "changping": QCoreApplication.translate("SettingsDialog", "昌平区"),
        "yanqing": QCoreApplication.translate("SettingsDialog", "延庆区"),
    }
    return names.get(code, code)


class SettingsDialog(QDialog):
    def __init__(
        self, desk: Any, data_dir: Path, parent: Any = None, today: date | None = None, tray: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.today = today or (desk.clock.today() if desk is not None else Clock().today())
        # Wage figures entered here are kept until OK (the window writes them then); Cancel drops them.
        self.pending_wages: dict[int, tuple[int, date | None]] = {}
        self.settings = QSettings()
        self.setWindowTitle(self.tr("设置"))
        # The sections scroll; OK and Cancel stay under them, on screen at 1280×720 too.
        outer = QVBoxLayout(self)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.scroll.setWidget(inner)
        outer.addWidget(self.scroll, 1)

        general = QGroupBox(self.tr("常规"))
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_lang()))
        form.addRow(self.tr("界面语言"), self.language)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(str(data_dir)))
        open_button = QPushButton(self.tr("打开"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))))
        folder_row.addWidget(open_button)
        form.addRow(self.tr("数据文件夹"), folder_row)
        # A shared database (several HR desks): the address here, the password in the system keyring.
        self.database_url = QLineEdit(str(self.settings.value("database/url", "") or ""))
        self.database_password = QLineEdit()
        self.database_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.database_password.setPlaceholderText(self.tr("保存在系统钥匙串中，不写入文件"))
        form.addRow(self.tr("共享数据库（留空则用本机数据库）"), self.database_url)
        form.addRow(self.tr("数据库密码"), self.database_password)
        self.leads = QLineEdit(str(self.settings.value("reminders/leads", DEFAULT_LEADS)))
        form.addRow(self.tr("提前提醒天数（逗号分隔）"), self.leads)
        from PySide6.QtWidgets import QCheckBox

        self.close_to_tray = QCheckBox(self.tr("关闭窗口时留在托盘区（提醒照常）"))
        self.close_to_tray.setChecked(self.settings.value("tray/close_to_tray", True, type=bool))
        self.close_to_tray.setEnabled(tray)
        form.addRow(self.close_to_tray)  # the whole row: its English text is longer than any field
        layout.addWidget(general)

        scans = QGroupBox(self.tr("扫描件检查"))
        sf = QFormLayout(scans)
        self.min_dpi = QSpinBox()
        self.min_dpi.setRange(72, 600)
        self.min_dpi.setValue(int(self.settings.value("scan/min_dpi", 150)))
        self.max_mb = QSpinBox()
        self.max_mb.setRange(1, 200)
        self.max_mb.setValue(int(self.settings.value("scan/max_file_mb", 10)))
        self.recheck_button = QPushButton(self.tr("按新设置重新检查全部材料"))
        self.recheck_button.clicked.connect(self.recheck)
        sf.addRow(self.tr("最低扫描分辨率（dpi）"), self.min_dpi)
        sf.addRow(self.tr("单个文件上传上限（MB）"), self.max_mb)
        sf.addRow("", self.recheck_button)
        layout.addWidget(scans)

        wages = QGroupBox(self.tr("本市全口径城镇单位就业人员月平均工资"))
        wl = QVBoxLayout(wages)
        self.wage_table = QTableWidget(0, 4)
        self.wage_table.setHorizontalHeaderLabels(
            [self.tr("年度"), self.tr("月平均工资"), self.tr("生效日期"), self.tr("来源")]
        )
        self.wage_table.verticalHeader().setVisible(False)
        # Inside the scrolling page the table keeps room for five years and shows the source in full.
        self.wage_table.horizontalHeader().setStretchLastSection(True)
        for column in range(3):  # year, amount, date: as wide as their headings ("Monthly average wage")
            self.wage_table.horizontalHeader().setSectionResizeMode(
                column, self.wage_table.horizontalHeader().ResizeMode.ResizeToContents
            )
        self.wage_table.setMinimumHeight(6 * 30)
        wl.addWidget(self.wage_table)
        add = QHBoxLayout()
        self.wage_year = QSpinBox()
        self.wage_year.setRange(2020, 2100)
        self.wage_year.setValue(self.today.year - 1)
        self.wage_amount = QLineEdit()
        self.wage_amount.setPlaceholderText(self.tr("元/月"))
        self.wage_effective = DateField()
        add_button = QPushButton(self.tr("添加或更新"))
        for w in (
            QLabel(self.tr("年度")),
            self.wage_year,
            self.wage_amount,
            QLabel(self.tr("生效日期")),
            self.wage_effective,
            add_button,
        ):
            add.addWidget(w)
        wl.addLayout(add)
        self.wage_preview = QLabel()
        self.wage_preview.setWordWrap(True)
        self.wage_preview.setStyleSheet("color:#e65100")
        wl.addWidget(self.wage_preview)
        add_button.clicked.connect(self.add_wage)
        layout.addWidget(wages)

        holidays = QGroupBox(self.tr("节假日安排（内置日历未包含的年份）"))
        hl = QFormLayout(holidays)
        self.holiday_year = QSpinBox()
        self.holiday_year.setRange(2027, 2100)
        self.holiday_days = QPlainTextEdit()
        self.holiday_days.setPlaceholderText("2027-01-01, 2027-02-08 …")
        self.workdays = QPlainTextEdit()
        self.workdays.setPlaceholderText("2027-02-06 …")
        self.holiday_days.setMaximumHeight(70)
        self.workdays.setMaximumHeight(50)
        save_holidays = QPushButton(self.tr("保存该年节假日"))
        save_holidays.clicked.connect(self.save_holidays)
        # The State Council's 放假安排 notice, pasted whole: fills the two fields below for review.
        self.notice_text = QPlainTextEdit()
        self.notice_text.setPlaceholderText(
            self.tr("粘贴国务院办公厅《关于××年部分节假日安排的通知》全文，然后点击“识别通知”")
        )
        self.notice_text.setMaximumHeight(70)
        read_notice = QPushButton(self.tr("识别通知"))
        read_notice.clicked.connect(self.read_notice)
        hl.addRow(self.tr("粘贴国务院放假通知"), self.notice_text)
        hl.addRow("", read_notice)
        hl.addRow(self.tr("年份"), self.holiday_year)
        hl.addRow(self.tr("放假日期"), self.holiday_days)
        hl.addRow(self.tr("调休上班日期"), self.workdays)
        hl.addRow("", save_holidays)
        layout.addWidget(holidays)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.buttons = buttons
        fit(self, 760, inner.sizeHint().height() + buttons.sizeHint().height() + 40)
        self.holiday_year.valueChanged.connect(self._load_holidays)
        self._load_wages()
        self._load_holidays()

    def _load_wages(self) -> None:
        from ...checks.check import policies

        figures = {f.year: (f.monthly, f.effective_on, f.source) for f in policies(self.desk.data_dir).wages}
        for year, (monthly, effective) in self.pending_wages.items():
            figures[year] = (monthly, effective or self.today, self.tr("用户录入（点击“确定”后生效）"))
        self.wage_table.setRowCount(0)
        for year in sorted(figures):
            monthly, effective, source = figures[year]
            row = self.wage_table.rowCount()
            self.wage_table.insertRow(row)
            for col, text in enumerate(
                (
                    str(year),
                    str(monthly),
                    effective.isoformat() if effective else "—",
                    cite(source, current_lang()),
                )
            ):
                self.wage_table.setItem(row, col, QTableWidgetItem(text))

    def changeEvent(self, event: Any) -> None:  # noqa: N802  the wage figures' sources follow the language
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self._load_wages()
        super().changeEvent(event)

    def add_wage(self) -> None:
        """Keep the figure until OK and say, worked out on a worker, whose income threshold it moves."""
        try:
            amount = int(self.wage_amount.text().strip())
            if amount <= 0:
                raise ValueError
            if self.wage_effective.error():
                raise ValueError(self.wage_effective.error())
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("工资标准"), str(exc) or self.tr("请输入正整数金额（元/月）"))
            return
        year, effective = self.wage_year.value(), self.wage_effective.value()
        self.pending_wages[year] = (amount, effective)
        self._load_wages()
        self.wage_preview.setText(self.tr("正在计算影响…"))
        from ...checks.wage_preview import wage_figure_preview
        from ..workers import run_task

        desk, today = self.desk, self.today
        self.preview_task = run_task(
            lambda _t: wage_figure_preview(desk, year, amount, effective, today),
            self._show_preview,
            lambda m: self.wage_preview.setText(m),
        )

    def _show_preview(self, changes: Any) -> None:
        if not changes:
            self.wage_preview.setText(self.tr("此工资标准不改变任何员工当前的收入门槛。点击“确定”后保存。"))
            return
        lines = [
            self.tr(
                "此工资标准将使 {n} 名员工的收入门槛从 {before:,} 变为 {after:,}（{district}，自 {on} 起）。"
            ).format(
                n=c.employees,
                before=c.before,
                after=c.after,
                district=district_name(c.district),
                on=c.on.isoformat(),
            )
            for c in changes
        ]
        self.wage_preview.setText(
            "\n".join(lines) + "\n" + self.tr("点击“确定”后保存，“取消”则不作任何更改。")
        )

    def _load_holidays(self) -> None:
        year = self.holiday_year.value()
        rows = [r for r in self.desk.rule_data.holiday_days() if r.day.year == year]
        self.holiday_days.setPlainText(", ".join(r.day.isoformat() for r in rows if r.kind == "holiday"))
        self.workdays.setPlainText(", ".join(r.day.isoformat() for r in rows if r.kind == "workday"))

    @staticmethod
    def _dates(text: str) -> list[date]:
        parts = [p.strip() for p in text.replace("，", ",").replace("\n", ",").split(",") if p.strip()]
        return [date.fromisoformat(p) for p in parts]

    def read_notice(self) -> None:
        """Fill the year, days off and make-up workdays from the pasted notice; HR reviews, then saves."""
        from ...rules.holiday_notice import HolidayNoticeError, parse_holiday_notice

        try:
            notice = parse_holiday_notice(self.notice_text.toPlainText(), self.holiday_year.value())
        except HolidayNoticeError as exc:
            QMessageBox.warning(self, self.tr("节假日"), str(exc))
            return
        if not self.holiday_year.minimum() <= notice.year <= self.holiday_year.maximum():
            QMessageBox.warning(
                self, self.tr("节假日"), self.tr("{year} 年已由内置日历提供。").format(year=notice.year)
            )
            return
        self.holiday_year.setValue(notice.year)  # loads what is stored for the year; then overwrite
        schedule = notice.schedule()
        self.holiday_days.setPlainText(", ".join(d.isoformat() for d in sorted(schedule.holidays)))
        self.workdays.setPlainText(", ".join(d.isoformat() for d in sorted(schedule.workdays)))
        text = self.tr(
            "已识别 {year} 年：放假 {h} 天，调休上班 {w} 天。请核对后点击“保存该年节假日”。"
        ).format(year=notice.year, h=len(schedule.holidays), w=len(schedule.workdays))
        others = notice.other_years()
        if others:
            text += self.tr(
                "通知中还有 {years} 年的日期（元旦假期跨年），如该年不在内置日历中，请另行录入。"
            ).format(years="、".join(str(y) for y in others))
        QMessageBox.information(self, self.tr("节假日"), text)

    def save_holidays(self) -> None:
        try:
            self.desk.rule_data.set_holiday_year(
                self.holiday_year.value(),
                self._dates(self.holiday_days.toPlainText()),
                self._dates(self.workdays.toPlainText()),
            )
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("节假日"), self.tr("日期有误：") + str(exc))
            return
        QMessageBox.information(self, self.tr("节假日"), self.tr("已保存。"))

    def recheck(self) -> None:
        """Re-check every stored scan with these settings on a worker thread, with progress and cancel."""
        from PySide6.QtWidgets import QProgressDialog

        from ...materials.service import recheck_all, scan_settings_from
        from ..workers import run_task

        self.settings.setValue("scan/min_dpi", self.min_dpi.value())
        self.settings.setValue("scan/max_file_mb", self.max_mb.value())
        settings = scan_settings_from({"min_dpi": self.min_dpi.value(), "max_file_mb": self.max_mb.value()})
        progress = QProgressDialog(self.tr("正在重新检查材料…"), self.tr("取消"), 0, 100, self)
        desk = self.desk
        task = run_task(
            lambda t: recheck_all(desk, settings, t.report),
            lambda n: (
                progress.close(),
                QMessageBox.information(
                    self, self.tr("扫描件检查"), self.tr("检查完成，{n} 份材料的结果有变化。").format(n=n)
                ),
            ),
            lambda m: (progress.close(), m and QMessageBox.warning(self, self.tr("扫描件检查"), m)),
        )
        task.signals.progress.connect(lambda d, t: progress.setValue(int(100 * d / max(t, 1))))
        progress.canceled.connect(task.cancel)
        self.recheck_task = task

    def _save_database(self) -> bool:
        """Keep the shared database's address (takes effect at the next start) and its password in
        the system keyring. False, with a message, when either cannot be kept."""
        from ...desks.database_settings import (
            StoreUnavailable,
            check_database_url,
            save_database_password,
        )

        url = self.database_url.text().strip()
        try:
            if url:
                check_database_url(url)  # the address is readable (no connection yet)
            if url and self.database_password.text():
                save_database_password(url, self.database_password.text())
        except StoreUnavailable as exc:
            QMessageBox.warning(self, self.tr("设置"), str(exc))
            return False
        except Exception as exc:  # no keyring on this system
            QMessageBox.warning(
                self, self.tr("设置"), self.tr("无法把密码保存到系统钥匙串：{e}").format(e=type(exc).__name__)
            )
            return False
        if url != str(self.settings.value("database/url", "") or ""):
            self.settings.setValue("database/url", url)
            QMessageBox.information(self, self.tr("设置"), self.tr("数据库设置将在重新启动 hrdesk 后生效。"))
        return True

    def accept(self) -> None:
        leads = [p.strip() for p in self.leads.text().split(",") if p.strip()]
        if not all(p.isdigit() for p in leads):
            QMessageBox.warning(self, self.tr("设置"), self.tr("提前提醒天数应为以逗号分隔的整数"))
            return
        if not self._save_database():
            return
        self.settings.setValue("reminders/leads", ",".join(leads))
        self.settings.setValue("scan/min_dpi", self.min_dpi.value())
        self.settings.setValue("scan/max_file_mb", self.max_mb.value())
        if self.close_to_tray.isEnabled():
            self.settings.setValue("tray/close_to_tray", self.close_to_tray.isChecked())
        lang = self.language.currentData()
        if lang != current_lang():
            set_language(lang)
            self.settings.setValue("language", lang)
        super().accept()
