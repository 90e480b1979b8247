"""About hrdesk: version, data folder, and the licences of bundled fonts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..version import __version__


def about_text(data_dir: Path) -> str:
    tr = QCoreApplication.translate
    return (
        f"<h3>hrdesk {__version__}</h3>"
        f"<p>{tr('About', '北京市工作居住证办理助手：员工档案、资格检查、材料清单、期限提醒、表格打印和材料包。')}</p>"
        f"<p>{tr('About', '数据文件夹')}: <code>{data_dir}</code></p>"
        f"<p>{tr('About', '打印表格内嵌字体')}: Droid Sans Fallback (Apache License 2.0)</p>"
        f"<p>{tr('About', '所有数据仅保存在本机。')}</p>"
    )


def show_about(parent: Any, data_dir: Path) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("About", "关于 hrdesk"), about_text(data_dir))
