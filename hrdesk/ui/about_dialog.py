"""About hrdesk: version, licence (AGPL-3.0-or-later), data folder, and a 第三方许可 page that lists every
third-party component the installation ships with its licence texts.

The list is `resources/licenses/index.toml`, written by `packaging/collect_licenses.py` from the installed
distributions; the dialog only reads it, so what the user sees is what the bundle carries.
"""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..resources import resources_dir
from ..version import __version__
from .screen_fit import fit


@dataclass(frozen=True)
class Component:
    """One shipped component and where its licence texts are (relative to resources/licenses)."""

    name: str
    version: str
    licence: str
    files: tuple[str, ...]
    source: str = ""
    note: str = ""


def licences_dir() -> Path:
    return resources_dir() / "licenses"


def load_components(folder: Path | None = None) -> list[Component]:
    folder = folder or licences_dir()
    data = tomllib.loads((folder / "index.toml").read_text(encoding="utf-8"))
    return [
        Component(
            name=c["name"],
            version=c.get("version", ""),
            licence=c["licence"],
            files=tuple(c.get("files", [])),
            source=c.get("source", ""),
            note=c.get("note", ""),
        )
        for c in data.get("component", [])
    ]


def licence_text(component: Component, folder: Path | None = None) -> str:
    """Every licence file of the component, one after another, headed by its file name."""
    folder = folder or licences_dir()
    parts = []
    for name in component.files:
        text = (folder / name).read_text(encoding="utf-8", errors="replace")
        parts.append(f"==== {Path(name).name} ====\n\n{text.strip()}\n")
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about-dialog")
        self.setWindowTitle(self.tr("关于 hrdesk"))
        fit(self, 760, 560)
        self.components = load_components()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_page(data_dir), self.tr("关于"))
        self.tabs.addTab(self._licences_page(), self.tr("第三方许可"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _about_page(self, data_dir: Path) -> QWidget:
        self.data_dir = data_dir
        label = QLabel(self._about_html())
        label.setObjectName("about-text")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.about_text = label
        return label

    def _about_html(self) -> str:
        summary = self.tr(
            "北京市工作居住证办理助手：员工档案、资格检查、材料清单、期限提醒、表格打印和材料包。"
        )
        licence = self.tr(
            "hrdesk 是自由软件，按 GNU Affero 通用公共许可证第 3 版或（由您选择）任何更新版本发布；"
        )
        warranty = self.tr(
            "不提供任何担保。您可以按该许可证再发布和修改它。许可证全文和源代码见“第三方许可”页的 hrdesk 一项。"
        )
        bundled = self.tr(
            "本软件包含第三方组件（Qt、PySide6、PyMuPDF、ReportLab、Droid Sans Fallback 字体等），"
        )
        bundled_licences = self.tr("各自按其许可证提供，见“第三方许可”。")
        folder = self.tr("数据文件夹")
        local = self.tr("所有数据仅保存在本机。")
        return (
            f"<h3>hrdesk {html.escape(__version__)}</h3><p>{summary}</p><p>{licence}{warranty}</p>"
            f"<p>{bundled}{bundled_licences}</p>"
            f"<p>{folder}: <code>{html.escape(str(self.data_dir))}</code></p><p>{local}</p>"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802  the composed texts follow the language
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "licence_view"):
            self.about_text.setText(self._about_html())
            self._show_licence(self.licence_list.currentItem())
        super().changeEvent(event)

    def _licences_page(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal)
        self.licence_list = QListWidget(page)
        self.licence_list.setObjectName("licence-list")
        for component in self.components:
            version = f" {component.version}" if component.version else ""
            item = QListWidgetItem(f"{component.name}{version} — {component.licence}")
            item.setData(Qt.ItemDataRole.UserRole, component)
            self.licence_list.addItem(item)
        self.licence_view = QPlainTextEdit(page)
        self.licence_view.setObjectName("licence-text")
        self.licence_view.setReadOnly(True)
        self.licence_list.currentItemChanged.connect(self._show_licence)
        page.setStretchFactor(1, 2)
        if self.components:
            self.licence_list.setCurrentRow(0)
        return page

    def _show_licence(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        component: Component = item.data(Qt.ItemDataRole.UserRole)
        licence, source = self.tr("许可证"), self.tr("源代码")
        head = [f"{component.name} {component.version}".strip(), f"{licence}: {component.licence}"]
        if component.source:
            head.append(f"{source}: {component.source}")
        if component.note:
            head.append(component.note)
        self.licence_view.setPlainText("\n".join(head) + "\n\n" + licence_text(component))


def show_about(parent: QWidget | None, data_dir: Path) -> None:
    AboutDialog(data_dir, parent).exec()
