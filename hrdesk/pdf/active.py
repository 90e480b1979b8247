"""Active content in PDFs: find it (for the scan to flag when a file is attached) and strip it from
the pages that go into upload PDFs (no Qt, no rules).

A scanned certificate needs none of it, and the platform's reviewers open what we upload: JavaScript,
actions (OpenAction, additional actions /AA, Launch, SubmitForm …), embedded files and file-attachment
annotations are removed; what a page shows (content, images, appearance streams) is kept.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Walking a hostile file must end: at most this many objects are looked at (a scan of a few hundred
# pages has a few thousand); what lies beyond is not looked at, and the file is flagged for it.
MAX_OBJECTS = 200_000
# Annotations that exist to carry or play a file: removed whole.
PAYLOAD_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
# Keys whose value is an action (or a tree of them) wherever they appear.
ACTION_KEYS = ("/A", "/AA", "/PA", "/OpenAction", "/Next")


def find_active_content(path: Path) -> list[str]:
    """What active content the file holds, one message per kind (for HR, saying what happens to it).

    Empty for a clean file and for a file pypdf cannot read at all (the scan reports that itself)."""
    return detect(path).messages()


def detect(path: Path) -> ActiveContent:
    """The one detector of active content in a file: the scan (`scan.py`, flag SCAN_ACTIVE_CONTENT) and
    the pack's checks both ask it, so they cannot disagree about a file."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return ActiveContent()
        root = reader.trailer["/Root"].get_object()
    except Exception:  # unreadable: check_file says so in its own words
        return ActiveContent()
    return detect_in(root)


def detect_in(root: Any) -> ActiveContent:
    found = ActiveContent()
    with contextlib.suppress(Exception):  # a broken object deep inside: report what was found so far
        _walk(root, found)
    return found


def active_content_in(root: Any) -> list[str]:
    """The same messages for a catalog already in memory (a PdfWriter's, before it is written)."""
    return detect_in(root).messages()


class ActiveContent:
    """What one walk over a file found. `messages()` for the pack and the materials panel, `kinds()`
    (short labels) for the scan's flag."""

    def __init__(self) -> None:
        self.javascript = False
        self.launch = False
        self.actions: set[str] = set()
        self.embedded: list[str] = []
        self.attachment_annots = 0
        self.payload_annots: set[str] = set()
        self.truncated = False

    def messages(self) -> list[str]:
        from ..catalogue import text  # texts in resources/messages.toml ("active.*")

        out = []
        if self.javascript:
            out.append(text("active.javascript"))
        if self.launch:
            out.append(text("active.launch"))
        if self.actions:
            out.append(text("active.actions", actions="、".join(sorted(self.actions))))
        if self.embedded:
            names = "、".join(self.embedded[:5]) + ("等" if len(self.embedded) > 5 else "")
            out.append(text("active.embedded", names=names))
        if self.attachment_annots:
            out.append(text("active.attachments", n=self.attachment_annots))
        if self.payload_annots:
            out.append(text("active.media", kinds="、".join(sorted(self.payload_annots))))
        if self.truncated:
            out.append(text("active.too-many-objects"))
        return out

    def __bool__(self) -> bool:
        return bool(
            self.javascript
            or self.launch
            or self.actions
            or self.embedded
            or self.attachment_annots
            or self.payload_annots
            or self.truncated
        )

    def kinds(self) -> list[str]:
        """Short labels for the scan's flag (脚本, 启动程序, 自动动作, 嵌入文件, 附件注释 …), kept coded
        (`catalogue.coded`): the flag says them in the reader's language."""
        from ..catalogue import coded

        found = {
            "javascript": self.javascript,
            "launch": self.launch,
            "actions": self.actions,
            "embedded": self.embedded,
            "attachments": self.attachment_annots,
            "media": self.payload_annots,
            "too-many-objects": self.truncated,
        }
        return [coded(f"scan.active.{name}") for name, present in found.items() if present]


def _walk(root: Any, found: ActiveContent) -> None:
    """Depth-first over everything reachable from the catalog, each indirect object once."""
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [root]
    count = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            count += 1
            if count > MAX_OBJECTS:
                found.truncated = True
                return
            try:
                obj = obj.get_object()
            except Exception:
                continue
        if isinstance(obj, DictionaryObject):
            _look(obj, found)
            stack.extend(obj.values())  # /Parent too: a form field's actions sit above its widget
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _name(value: Any) -> str:
    try:
        return str(value.get_object()) if value is not None else ""
    except Exception:
        return ""


def _look(d: DictionaryObject, found: ActiveContent) -> None:
    kind = _name(d.get("/S"))
    if kind == "/JavaScript" or "/JS" in d:
        found.javascript = True
    elif kind == "/Launch":
        found.launch = True
    elif kind in ("/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition", "/Movie", "/Sound"):
        # Web links (/URI) and jumps inside the file (/GoTo) are common in downloaded records and do
        # nothing by themselves: not flagged, though the pack strips them with every other action.
        found.actions.add(kind[1:])
    if "/OpenAction" in d and _is_action(d.get("/OpenAction")):
        # A bare destination (open at page 1, fit width) is common in scanner output and does nothing
        # but scroll: only an action dictionary counts.
        found.actions.add("OpenAction")
    if "/AA" in d:
        found.actions.add("AA")
    if "/JavaScript" in d and _name(d.get("/Type")) != "/Action":  # the names tree /Names /JavaScript
        found.javascript = True
    subtype = _name(d.get("/Subtype"))
    if subtype == "/FileAttachment":
        found.attachment_annots += 1
    elif subtype in PAYLOAD_ANNOTATIONS:
        found.payload_annots.add(subtype[1:])
    if _name(d.get("/Type")) == "/Filespec" and ("/EF" in d):
        label = d.get("/UF") or d.get("/F") or "?"
        found.embedded.append(str(label.get_object() if hasattr(label, "get_object") else label))
    elif _name(d.get("/Type")) == "/EmbeddedFile" and not found.embedded:
        found.embedded.append("?")


def _is_action(value: Any) -> bool:
    try:
        return isinstance(value.get_object() if value is not None else None, DictionaryObject)
    except Exception:
        return False


def strip_page(page: DictionaryObject) -> int:
    """Remove actions and payload annotations from one page (a page of a PdfWriter); the page's look
    is kept (widget and markup annotations keep their appearance, only their actions go). Returns how
    many things were removed."""
    removed = 0
    for key in ("/AA",):
        if key in page:
            del page[NameObject(key)]
            removed += 1
    annots = page.get("/Annots")
    if annots is None:
        return removed
    try:
        items = list(annots.get_object())
    except Exception:
        del page[NameObject("/Annots")]
        return removed + 1
    kept = ArrayObject()
    for ref in items:
        try:
            annot = ref.get_object()
        except Exception:
            removed += 1
            continue
        if not isinstance(annot, DictionaryObject) or _name(annot.get("/Subtype")) in PAYLOAD_ANNOTATIONS:
            removed += 1
            continue
        for key in ACTION_KEYS:
            if key in annot:
                del annot[NameObject(key)]
                removed += 1
        removed += _strip_field_actions(annot)
        kept.append(ref)
    page[NameObject("/Annots")] = kept
    return removed


def _strip_field_actions(annot: DictionaryObject) -> int:
    """A widget's form field (and the fields above it) may carry keystroke, format or calculate
    scripts (/AA): removed, so the copied widget keeps its look and nothing runs."""
    removed = 0
    node = annot.get("/Parent")
    for _ in range(32):  # field trees are shallow; a loop in a hostile file must end
        if node is None:
            break
        try:
            field = node.get_object()
        except Exception:
            break
        if not isinstance(field, DictionaryObject):
            break
        for key in ACTION_KEYS:
            if key in field:
                del field[NameObject(key)]
                removed += 1
        node = field.get("/Parent")
    return removed
