"""A save another desk got in before: the question the window asks for records without a field-by-field
merge (a unit, a material's dates, an agent). The employee form has its own merge dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

RELOAD, OVERWRITE = "reload", "overwrite"


def ask_reload_or_overwrite(parent: QWidget, what: str) -> str | None:
    """RELOAD (show the other desk's record, this edit dropped), OVERWRITE (this edit over theirs), or
    None (cancel: keep this edit on screen, nothing saved)."""

    # Each text spelled out with its context, so lupdate files it under "Conflicts" as it is looked up.
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Conflicts", "另一台电脑已修改"))
    box.setText(
        QCoreApplication.translate("Conflicts", "您打开{what}之后，另一台电脑保存了修改。").format(what=what)
        + "\n"
        + QCoreApplication.translate(
            "Conflicts", "重新载入：显示对方保存的内容，放弃您这次的修改。覆盖：用您的修改替换对方的。"
        )
    )
    reload = box.addButton(
        QCoreApplication.translate("Conflicts", "重新载入"), QMessageBox.ButtonRole.DestructiveRole
    )
    overwrite = box.addButton(
        QCoreApplication.translate("Conflicts", "覆盖"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("Conflicts", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return RELOAD if clicked is reload else OVERWRITE if clicked is overwrite else None
