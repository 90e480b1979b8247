"""The selected line's reason in full, under the checklist: a defect list or a reading's findings do not
fit a column, and a tooltip is not a place to read. Stored texts carry the guides' codes
(`changping-2026 三(一)`, kept in JSON and logs); what a person reads here names the guide
(昌平区指南 三（一） / Changping guide 3(1)) through the one citation formatter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...catalogue import said
from ...labels import cite_in


def readable(text: str | None, lang: str) -> str:
    """A stored finding or reason as a person reads it: in their language (a defect is kept coded,
    `catalogue.said`; one stored in Chinese words by an older hrdesk is recognised), guide codes cited by
    name."""
    return cite_in(said(text or "", lang), lang)


class ReasonPane(QLabel):
    """Word-wrapped and selectable (a finding can be copied into a note to the employee)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
