"""The checklist as a tree: groups (身份, 学历与资格 …), under each the material slots with their status
and reason, under each slot its files with their findings. `ChecklistTree.show` draws a case: when the
slots and files are the ones already shown (a date set, a page turned, a file verified) it changes only
the texts and colours that differ, so the selection, the scroll position and the preview stay; only a
file added or removed draws the tree again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from ...labels import cite, join_notes
from .reason_pane import readable

STATUS_COLOURS = {
    "ok": "#2e7d32",
    "missing": "#c62828",
    "expires-too-soon": "#ef6c00",
    "expired": "#c62828",
    "too-old": "#ef6c00",
    "defective": "#8e24aa",
}
OPTIONAL_COLOUR = "#9e9e9e"
WARNING_COLOUR = "#ef6c00"
GROUP_ORDER = ["identity", "education", "employment", "residence", "family", "qualification", "unit"]
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
MATERIAL_ROLE = Qt.ItemDataRole.UserRole + 2
REASON_ROLE = Qt.ItemDataRole.UserRole + 3
FILE_ROLE = Qt.ItemDataRole.UserRole + 4  # the file in the vault as a path (None: only recorded)


def group_label(group: str) -> str:
    return {
        "identity": QCoreApplication.translate("Materials", "身份"),
        "education": QCoreApplication.translate("Materials", "学历与资格"),
        "employment": QCoreApplication.translate("Materials", "就业与收入"),
        "residence": QCoreApplication.translate("Materials", "住所"),
        "family": QCoreApplication.translate("Materials", "家庭"),
        "qualification": QCoreApplication.translate("Materials", "申请条件材料"),
        "unit": QCoreApplication.translate("Materials", "单位材料"),
    }.get(group, group)


def status_text(status: str) -> str:
    return {
        "ok": QCoreApplication.translate("Materials", "齐全"),
        "missing": QCoreApplication.translate("Materials", "缺失"),
        "expires-too-soon": QCoreApplication.translate("Materials", "有效期不足"),
        "expired": QCoreApplication.translate("Materials", "已过期"),
        "too-old": QCoreApplication.translate("Materials", "已超期"),
        "defective": QCoreApplication.translate("Materials", "有缺陷"),
    }.get(status, status)


class Row:
    """What one line of the tree shows: its texts, the colour of its status or findings, its reason
    in full (for the pane below and the tooltip), and what it stands for."""

    def __init__(
        self,
        texts: Sequence[str],
        kind: str | None = None,
        material_id: int | None = None,
        reason: str | None = None,
        colour: tuple[int, str] | None = None,
        tooltip: tuple[int, ...] = (),
        file: Any = None,
    ) -> None:
        self.texts, self.kind, self.material_id, self.reason = list(texts), kind, material_id, reason
        self.colour, self.tooltip, self.file = colour, tooltip, file
        self.children: list[Row] = []


class ChecklistTree(QTreeWidget):
    """Accepts files dropped on a file (replace it), on a slot (replace the slot) or anywhere (the
    current slot). The Delete key belongs to the tree while it has focus: it asks to trash the file
    with focus and never reaches the window's "delete employee" shortcut."""

    filesDropped = Signal(str, list)
    filesDroppedOn = Signal(str, object, list)  # kind, material id or None (the slot), paths
    deleteRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setColumnCount(3)
        # Narrow enough for a 1366-pixel screen beside the list: the name takes what is left, the
        # status fits its words, a finding is cut in the column and read in full in the pane below.
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    # --- drawing -------------------------------------------------------------------------------------

    def show_rows(self, groups: Iterable[Row]) -> bool:
        """Draw `groups`; returns True when the tree was drawn again (slots or files changed), False
        when the lines in place were updated."""
        groups = list(groups)
        if self._shape(groups) == self._shape_shown():
            for i, group in enumerate(groups):
                self._update(self.topLevelItem(i), group)
            return False
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self.addTopLevelItems([self._item(g) for g in groups])
            self.expandAll()
            self.setColumnWidth(0, 200)
        finally:
            self.setUpdatesEnabled(True)
        return True

    @staticmethod
    def _shape(groups: list[Row]) -> list[Any]:
        return [
            (g.texts[0], [(s.kind, [f.material_id for f in s.children]) for s in g.children]) for g in groups
        ]

    def _shape_shown(self) -> list[Any]:
        shape = []
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            slots = []
            for j in range(group.childCount()):
                slot = group.child(j)
                files = [slot.child(k).data(0, MATERIAL_ROLE) for k in range(slot.childCount())]
                slots.append((slot.data(0, KIND_ROLE), files))
            shape.append((group.text(0), slots))
        return shape

    def _item(self, row: Row) -> QTreeWidgetItem:
        item = QTreeWidgetItem(row.texts)
        self._update(item, row, fresh=True)
        item.addChildren([self._item(c) for c in row.children])
        return item

    def _update(self, item: QTreeWidgetItem, row: Row, fresh: bool = False) -> None:
        """Set what differs (each setter repaints; a tree of 60 lines set again on every save showed)."""
        for column, text in enumerate(row.texts):
            if fresh or item.text(column) != text:
                item.setText(column, text)
        for role, value in (
            (KIND_ROLE, row.kind),
            (MATERIAL_ROLE, row.material_id),
            (REASON_ROLE, row.reason),
            (FILE_ROLE, row.file),
        ):
            if fresh and value is None:
                continue
            if item.data(0, role) != value:
                item.setData(0, role, value)
        for column in range(len(row.texts)):
            colour = row.colour[1] if row.colour is not None and row.colour[0] == column else None
            if colour is not None:
                if fresh or item.foreground(column).color().name() != colour:
                    item.setForeground(column, QBrush(QColor(colour)))
            elif not fresh and item.foreground(column).style() != Qt.BrushStyle.NoBrush:
                item.setForeground(column, QBrush())  # a finding put right: the default colour again
            tip = (row.reason or "") if column in row.tooltip else ""
            if (fresh and tip) or (not fresh and item.toolTip(column) != tip):
                item.setToolTip(column, tip)
        if not fresh:
            for i in range(min(item.childCount(), len(row.children))):
                self._update(item.child(i), row.children[i])

    # --- finding things ------------------------------------------------------------------------------

    def slots(self) -> list[QTreeWidgetItem]:
        return [
            self.topLevelItem(i).child(j)
            for i in range(self.topLevelItemCount())
            for j in range(self.topLevelItem(i).childCount())
        ]

    def find(self, kind: str, material_id: int | None = None) -> QTreeWidgetItem | None:
        """The file `material_id` of slot `kind` if it is listed, else the slot."""
        for slot in self.slots():
            if slot.data(0, KIND_ROLE) != kind:
                continue
            for k in range(slot.childCount()):
                if material_id is not None and slot.child(k).data(0, MATERIAL_ROLE) == material_id:
                    return slot.child(k)
            return slot
        return None

    def find_file(self, material_id: int) -> QTreeWidgetItem | None:
        """The line of file `material_id`, in whichever slot it is listed (an alternative's file sits
        under the slot it stands for)."""
        for slot in self.slots():
            for k in range(slot.childCount()):
                if slot.child(k).data(0, MATERIAL_ROLE) == material_id:
                    return slot.child(k)
        return None

    # --- drops and the Delete key --------------------------------------------------------------------

    def event(self, event: Any) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Delete,
            Qt.Key.Key_Backspace,
        ):
            event.accept()  # the key press comes to keyPressEvent, not to a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        item = self.itemAt(event.position().toPoint())
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if kind:
            self.filesDroppedOn.emit(kind, item.data(0, MATERIAL_ROLE), paths)
        else:
            self.filesDropped.emit("", paths)
        event.acceptProposedAction()


def checklist_rows(
    result: Any,
    files: Sequence[Any],
    lang: str,
    file_path: Callable[[Any], Any],
    findings: Callable[[Any], tuple[str, str, str] | None] = lambda _row: None,
) -> list[Row]:
    """The lines of the tree for a check `result` and the stored `files`: groups in the guide's order,
    the optional materials last. `findings(file)` gives what reading a scan found, as (column text,
    reason, severity), or None. Citations read as a person reads them (codes stay in JSON and logs)."""
    stored: dict[str, list[Any]] = {}
    for f in files:
        stored.setdefault(f.kind, []).append(f)
    groups: dict[str, Row] = {}
    optional = Row([QCoreApplication.translate("MaterialsPanel", "可选材料")])
    source_line = QCoreApplication.translate("MaterialsPanel", "依据：{source}")
    pages_label = QCoreApplication.translate("MaterialsPanel", "页")
    for m in result.materials:
        if m.required and m.group not in groups:
            groups[m.group] = Row([group_label(m.group)])
        parent = groups[m.group] if m.required else optional
        optional_missing = not m.required and m.status == "missing"
        reason = readable(m.reason, lang)
        tip = f"{reason}\n{source_line.format(source=cite(m.source, lang))}" if m.source else reason
        slot = Row(
            [
                m.name,
                QCoreApplication.translate("MaterialsPanel", "未提供")
                if optional_missing
                else status_text(m.status),
                reason,
            ],
            kind=m.kind,
            reason=tip,
            colour=(1, OPTIONAL_COLOUR if optional_missing else STATUS_COLOURS.get(m.status, "#000000")),
            tooltip=(0, 1, 2),
        )
        for f in stored.get(m.provided_kind or m.kind, []):
            defects = [readable(d, lang) for d in f.defects or ()]
            note = join_notes(defects, lang)
            name = f.original_name or QCoreApplication.translate("MaterialsPanel", "（未附文件）")
            # The reason pane under the list names the file: a slot of several files, which one to scan again.
            named = QCoreApplication.translate("MaterialsPanel", "{file}：").format(file=name) + "\n"
            reason_text: str | None = named + "\n".join(defects) if defects else None
            colour = (2, STATUS_COLOURS["defective"]) if defects else None
            found = findings(f)
            if found is not None:  # the reading's list is the file's one list (image checks included)
                note, found_reason, severity = found
                if severity != "none":
                    reason_text = named + found_reason
                    colour = (2, STATUS_COLOURS["defective"] if severity == "blocker" else WARNING_COLOUR)
            slot.children.append(
                Row(
                    [
                        name,
                        f"{f.pages or '?'} {pages_label}",
                        note,
                    ],
                    kind=m.kind,
                    material_id=f.id,
                    reason=reason_text,
                    colour=colour,
                    tooltip=(2,) if reason_text else (),
                    file=file_path(f),
                )
            )
        parent.children.append(slot)
    ordered = [groups[k] for k in GROUP_ORDER if k in groups]
    ordered += [g for k, g in groups.items() if k not in GROUP_ORDER]
    if optional.children:
        ordered.append(optional)
    return ordered
