"""Assemble upload slots: several source files of one material merged into one PDF, with a bookmark
per source file and metadata that names no local path and no internals. Upload PDFs carry no active
content (see `active.py`): it is stripped page by page and the written file is checked for it.
No rules knowledge here."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError, PdfReadError

from ..catalogue import CodedError
from .active import active_content_in, strip_page
from .images import IMAGE_SUFFIXES

MAX_INPUT_BYTES = 200 * 1024 * 1024


class SourceError(CodedError, ValueError):
    """A source file that cannot go into a pack, said by key (`pack.source-*`, `image.*`): the pack's
    refusal shows it in the person's language (`message(lang)`), the checklist in Chinese."""


@dataclass
class Source:
    path: Path
    label: str  # bookmark title, e.g. "劳动合同 (1/2)"


@dataclass
class Slot:
    number: int
    title: str
    filename: str
    sources: list[Source] = field(default_factory=list)


def image_to_pdf(path: Path) -> bytes:
    """A JPG/PNG photo of a document as a one-page PDF of the image's own size: its declared pixels are
    checked before it is decoded, and it is decoded in the watchdog process (`images.py`)."""
    from .images import ImageRefused
    from .images import image_to_pdf as convert

    try:
        return convert(path)
    except ImageRefused as exc:
        raise SourceError(exc.key, **exc.params) from None


def open_source(path: Path) -> PdfReader:
    if not path.exists():
        raise SourceError("pack.source-missing", name=path.name)
    size = path.stat().st_size
    if size == 0:
        raise SourceError("pack.source-empty", name=path.name)
    if size > MAX_INPUT_BYTES:
        raise SourceError("pack.source-too-large", name=path.name, mb=str(size // (1024 * 1024)))
    if path.suffix.lower() in IMAGE_SUFFIXES:
        data = image_to_pdf(path)
    else:
        data = path.read_bytes()
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise SourceError("pack.source-not-pdf", name=path.name)
    encrypted = SourceError("pack.source-encrypted", name=path.name)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise encrypted
        if len(reader.pages) == 0:
            raise SourceError("pack.source-no-pages", name=path.name)
    except SourceError:
        raise
    except DependencyError:  # AES encryption: pypdf needs a crypto library even to look inside
        raise encrypted from None
    except Exception as exc:  # a damaged file can raise almost anything from deep inside the parser
        raise SourceError("pack.source-damaged", name=path.name, error=exc.__class__.__name__) from None
    return reader


def write_slot(slot: Slot, out_dir: Path) -> int:
    """Merge the slot's sources into `out_dir/slot.filename`; returns the page count.

    Only pages are copied (never the catalog's OpenAction, JavaScript names or embedded files); each
    page loses its actions and payload annotations before it is copied (so they are never cloned into
    the writer), and what is about to be written is checked again: active content left is refused."""
    writer = PdfWriter()
    for source in slot.sources:
        reader = open_source(source.path)
        start = len(writer.pages)
        try:
            for page in reader.pages:
                strip_page(page)  # on the reader's copy, so the stripped parts are never cloned
                writer.add_page(page, excluded_keys=("/AA",))
        except (PdfReadError, ValueError, KeyError, TypeError) as exc:
            error = exc.__class__.__name__
            raise SourceError("pack.source-page-damaged", name=source.path.name, error=error) from None
        writer.add_outline_item(title=source.label, page_number=start)
    writer.add_metadata({"/Title": slot.title, "/Producer": "hrdesk", "/Creator": "hrdesk"})
    left = active_content_in(writer._root_object)  # in memory: no second read of the images
    if left:
        raise SourceError("active.left", material=slot.title, found=left)
    target = out_dir / slot.filename
    with open(target, "wb") as fh:
        writer.write(fh)
    return len(writer.pages)


def page_count(path: Path) -> int:
    return len(open_source(path).pages)
