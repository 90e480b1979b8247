"""An open dialog follows a language switch at once: a person who switches to English with Settings or
the units dialog open reads English in it, not the language it opened in until it is closed.

The dialogs build their texts once, from `self.tr("…")`. On a switch every text shown in a dialog that is
a catalogue entry (in either language) is looked up back to its Chinese source and translated again:
labels, buttons, group titles, tab and header texts, combo entries, placeholders, tooltips and the
window title. Texts made at run time (a name, a count) are not catalogue entries and stay; a dialog
with such texts renews them in its own `changeEvent`, which runs after this one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from ..resources import resources_dir
from .i18n import current_lang

LANG_PROPERTY = "hrdesk_lang"  # the language a dialog's texts were last put in
SOURCES_PROPERTY = "hrdesk_sources"  # per widget: the catalogue entry each of its texts was put from


@cache
def catalogue() -> tuple[dict[str, list[str]], dict[str, list[tuple[str, str]]]]:
    """(Chinese source → its contexts, English text → (context, Chinese source)), from the English
    catalogue's source file, read once at the first switch."""
    sources: dict[str, list[str]] = {}
    english: dict[str, list[tuple[str, str]]] = {}
    path = resources_dir() / "translations" / "hrdesk_en.ts"
    if not path.is_file():
        return sources, english
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            sources.setdefault(source, []).append(name)
            if translation:
                english.setdefault(translation, []).append((name, source))
    return sources, english


def _contexts(widget: QWidget) -> list[str]:
    """The class names from the widget up to its window: the contexts its texts most likely came from."""
    names = []
    while widget is not None:
        names.extend(k.__name__ for k in type(widget).__mro__[:3])
        if widget.isWindow():
            break
        widget = widget.parentWidget()
    return names


def source_of(text: str, near: list[str]) -> tuple[str, str] | None:
    """(context, Chinese source) of `text`, a catalogue entry in either language; None if it is not one.
    An English text two sources share ("Year": 年度, 年份) is taken at its first sight, in Chinese, and
    remembered (see `retranslate_dialog`)."""
    if not text:
        return None
    sources, english = catalogue()
    if text in sources:
        contexts = sources[text]
        return next((c for c in near if c in contexts), contexts[0]), text
    if text in english:
        pairs = english[text]
        return next(((c, s) for c, s in pairs if c in near), pairs[0])
    return None


def _texts(widget: QWidget) -> Iterator[tuple[str, Callable[[str], None]]]:
    """(text shown, how to set it) for each text of this one widget a person reads."""
    if widget.isWindow():
        yield widget.windowTitle(), widget.setWindowTitle
    if widget.toolTip():
        yield widget.toolTip(), widget.setToolTip
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text(), widget.setText
    elif isinstance(widget, QGroupBox):
        yield widget.title(), widget.setTitle
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText(), widget.setSpecialValueText
    elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
        yield widget.placeholderText(), widget.setPlaceholderText
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i), lambda t, i=i, w=widget: w.setItemText(i, t)
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i), lambda t, i=i, w=widget: w.setTabText(i, t)
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(i)
            if item is not None:
                yield item.text(), item.setText
    elif isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for i in range(header.columnCount()):
            yield header.text(i), lambda t, i=i, h=header: h.setText(i, t)


def retranslate_dialog(dialog: QDialog) -> None:
    """Put every catalogue text of `dialog` in the language now installed (once per switch)."""
    lang = current_lang()
    if dialog.property(LANG_PROPERTY) == lang or isinstance(dialog, QFileDialog):
        return  # a switch sends several LanguageChange events; Qt's file dialog translates itself
    dialog.setProperty(LANG_PROPERTY, lang)
    for widget in (dialog, *dialog.findChildren(QWidget)):
        near = _contexts(widget)
        # What each text was put from, so the way back is exact: {slot: [text put, context, source]}.
        remembered = dict(widget.property(SOURCES_PROPERTY) or {})
        for slot, (text, put) in enumerate(_texts(widget)):
            kept = remembered.get(str(slot))
            found = (kept[1], kept[2]) if kept and kept[0] == text else source_of(text, near)
            if found is None:
                continue
            context, source = found
            new = QCoreApplication.translate(context, source)
            remembered[str(slot)] = [new, context, source]
            if new != text:
                put(new)
        if remembered:
            widget.setProperty(SOURCES_PROPERTY, remembered)
