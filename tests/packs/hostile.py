"""Hostile PDFs for the pack tests, crafted with pypdf: a clean colour scan with JavaScript, actions,
a Launch link, an embedded .exe and a file-attachment annotation added."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

EXE = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00 not really a program"


_PAGES: dict[bool, bytes] = {}


def _scan_image(grey: bool) -> bytes:
    """One A4 page rendered at 150 dpi as a JPEG, as a scanner makes it (made once per test run)."""
    if grey not in _PAGES:
        src = pymupdf.open()
        page = src.new_page(width=595, height=842)
        page.draw_rect(page.rect, color=None, fill=(0.98, 0.96, 0.9))
        for i in range(20):
            page.draw_rect((40, 60 + i * 22, 540, 68 + i * 22), color=None, fill=(0.15, 0.15, 0.2))
        page.draw_rect((40, 600, 300, 720), color=None, fill=(0.85, 0.2, 0.2))
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY if grey else pymupdf.csRGB)
        _PAGES[grey] = pix.tobytes("jpeg", jpg_quality=70)
    return _PAGES[grey]


def colour_scan(path: Path, pages: int = 1, *, grey: bool = False, label: str = "scan") -> Path:
    """A scan that passes the scan checks (colour, A4, 150 dpi image); `grey` makes it fail them.
    `label` is written on each page as text, so files can be told apart in a pack."""
    out = pymupdf.open()
    for n in range(pages):
        target = out.new_page(width=595, height=842)
        target.insert_image(target.rect, stream=_scan_image(grey))
        target.insert_text((60, 800), f"{label} {n + 1}", fontsize=10)
    out.save(path, garbage=3, deflate=True)
    return path


def _js(code: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(code),
        }
    )


def hostile_pdf(path: Path, *, base: Path) -> Path:
    """`base` (a clean scan) with every kind of active content the pack must remove."""
    writer = PdfWriter(clone_from=PdfReader(base))
    writer.add_attachment("payload.exe", EXE)  # creates /Names /EmbeddedFiles
    names = writer._root_object["/Names"].get_object()
    names[NameObject("/JavaScript")] = DictionaryObject(
        {
            NameObject("/Names"): ArrayObject(
                [TextStringObject("hello"), writer._add_object(_js("app.alert(1)"))]
            )
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(_js("app.launchURL('x')"))
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(_js("this.print()"))})
    stream = DecodedStreamObject()
    stream.set_data(EXE)
    stream[NameObject("/Type")] = NameObject("/EmbeddedFile")
    filespec = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Filespec"),
            NameObject("/F"): TextStringObject("invoice.exe"),
            NameObject("/UF"): TextStringObject("invoice.exe"),
            NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(stream)}),
        }
    )
    rect = ArrayObject([FloatObject(50), FloatObject(50), FloatObject(70), FloatObject(70)])
    attachment = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): rect,
            NameObject("/FS"): writer._add_object(filespec),
        }
    )
    launch = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(100), FloatObject(100), FloatObject(200), FloatObject(120)]
            ),
            NameObject("/A"): DictionaryObject(
                {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
            ),
        }
    )
    field = DictionaryObject(
        {
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("amount"),
            NameObject("/AA"): DictionaryObject(
                {NameObject("/K"): writer._add_object(_js("event.rc = true;"))}
            ),
        }
    )
    field_ref = writer._add_object(field)
    widget = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(300), FloatObject(100), FloatObject(400), FloatObject(120)]
            ),
            NameObject("/Parent"): field_ref,
        }
    )
    widget_ref = writer._add_object(widget)
    field[NameObject("/Kids")] = ArrayObject([widget_ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([field_ref])}
    )
    page[NameObject("/Annots")] = ArrayObject(
        [writer._add_object(attachment), writer._add_object(launch), widget_ref]
    )
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def linked_scan(path: Path, *, base: Path) -> Path:
    """A clean scan with a web link, as downloaded records often have: not active content."""
    writer = PdfWriter(clone_from=PdfReader(base))
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(
                [FloatObject(100), FloatObject(100), FloatObject(200), FloatObject(120)]
            ),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/URI"),
                    NameObject("/URI"): TextStringObject("https://www.chsi.com.cn/"),
                }
            ),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    with open(path, "wb") as fh:
        writer.write(fh)
    return path
