"""Generators for hostile PDFs: each case built from raw PDF syntax in well under a second, so the tests
can hold a corpus of attacks without storing binary files. Nothing here decompresses what it builds."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF file from numbered object bodies (object i+1 = objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<</Size {len(objects) + 1}/Root {root} 0 R".encode() + trailer_extra
    out += f">>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    """A stream object body: `dictionary` is the opening of its dictionary without `>>`."""
    return dictionary + f"/Length {len(data)}>>stream\n".encode() + data + b"\nendstream"


def zero_bomb(inflated_bytes: int) -> bytes:
    """A zlib stream that inflates to `inflated_bytes` zero bytes (a multiple of 1 MiB), about 1,000:1.

    Built by repeating one fully flushed 1 MiB block (its output does not depend on what came before),
    so 2 GiB takes milliseconds, not the seconds compressing it would.
    """
    chunk = b"\0" * (1 << 20)
    count = inflated_bytes // len(chunk)
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = ((count * len(chunk)) % 65521) << 16 | 1  # Adler-32 of zeros: a stays 1, b = length mod 65521
    return first + repeated * (count - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


CATALOG = b"<</Type/Catalog/Pages 2 0 R>>"
A4 = b"/MediaBox[0 0 595 842]"


def one_page(page_extra: bytes, *more: bytes) -> bytes:
    return raw_pdf(
        [
            CATALOG,
            b"<</Type/Pages/Count 1/Kids[3 0 R]>>",
            b"<</Type/Page/Parent 2 0 R" + A4 + page_extra + b">>",
            *more,
        ]
    )


def content_bomb() -> bytes:
    """A page whose content stream inflates to 2 GiB."""
    return one_page(b"/Contents 4 0 R", stream(b"<</Filter/FlateDecode", zero_bomb(2 << 30)))


def double_flate_bomb() -> bytes:
    """2 GiB behind two Flate filters: a file of a few kilobytes."""
    inner = zero_bomb(2 << 30)
    return one_page(
        b"/Contents 4 0 R", stream(b"<</Filter[/FlateDecode/FlateDecode]", zlib.compress(inner, 9))
    )


def image_bomb() -> bytes:
    """An image that declares 60,000 × 60,000 RGB pixels (10.8 GB decoded) in a small file."""
    return one_page(
        b"/Contents 4 0 R/Resources<</XObject<</Im0 5 0 R>>>>",
        stream(b"<<", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(
            b"<</Type/XObject/Subtype/Image/Width 60000/Height 60000/ColorSpace/DeviceRGB"
            b"/BitsPerComponent 8/Filter/FlateDecode",
            zero_bomb(64 << 20),
        ),
    )


def many_pages(count: int = 100_000) -> bytes:
    """A real page tree of `count` distinct (empty) pages."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(count)).encode()
    pages = [b"<</Type/Page/Parent 2 0 R" + A4 + b">>"] * count
    return raw_pdf([CATALOG, b"<</Type/Pages/Count %d/Kids[" % count + kids + b"]>>", *pages])


def lying_count() -> bytes:
    """The page tree claims 50 pages and holds 2."""
    page = b"<</Type/Page/Parent 2 0 R" + A4 + b">>"
    return raw_pdf([CATALOG, b"<</Type/Pages/Count 50/Kids[3 0 R 4 0 R]>>", page, page])


def page_tree_cycle() -> bytes:
    """A page-tree node that lists itself among its kids."""
    return raw_pdf(
        [CATALOG, b"<</Type/Pages/Count 2/Kids[3 0 R 2 0 R]>>", b"<</Type/Page/Parent 2 0 R" + A4 + b">>"]
    )


def kids_not_pages() -> bytes:
    """Kids that are not pages at all (a number and a font)."""
    return raw_pdf(
        [
            CATALOG,
            b"<</Type/Pages/Count 2/Kids[3 0 R 4 0 R]>>",
            b"42",
            b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        ]
    )


def giant_page() -> bytes:
    """One page of 200 × 200 inches (the PDF maximum is 200 in): a preview at 110 dpi would be 484 MP."""
    return raw_pdf(
        [
            CATALOG,
            b"<</Type/Pages/Count 1/Kids[3 0 R]>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]>>",
        ]
    )


@dataclass(frozen=True)
class HostileCase:
    name: str
    build: Callable[[], bytes]
    code: str  # the flag check_file must give
    says: str  # a phrase its Chinese message must contain


def write(case: HostileCase, folder: Path) -> Path:
    path = folder / f"{case.name}.pdf"
    path.write_bytes(case.build())
    return path


def hex_wrapped_bomb() -> bytes:
    """The 2 GiB content bomb behind an ASCIIHex filter the structural pre-check does not decode: only the
    watchdog's time budget can stop it."""
    data = zero_bomb(2 << 30).hex().encode() + b">"
    return one_page(b"/Contents 4 0 R", stream(b"<</Filter[/ASCIIHexDecode/FlateDecode]", data))


def owner_password() -> bytes:
    """A one-page colour page encrypted with an owner (permissions) password only: it opens without one."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.draw_rect((40, 40, 555, 400), color=None, fill=(0.8, 0.2, 0.2))
    return doc.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=pymupdf.PDF_PERM_PRINT
    )


def truncated() -> bytes:
    """A three-page scan cut at 60 %: MuPDF repairs it and shows the last page blank."""
    import pymupdf

    doc = pymupdf.open()
    for i in range(3):
        page = doc.new_page(width=595, height=842)
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 600, 800), False)
        pix.set_rect(pix.irect, (200, 60 + 40 * i, 60))
        page.insert_image(page.rect, stream=pix.tobytes("jpeg"))
    data = doc.tobytes()
    return data[: int(len(data) * 0.6)]


def image_stream_bomb() -> bytes:
    """An image that declares a modest 1000 × 1000 RGB (3 MB) but whose Flate data inflates to 2 GiB: the
    declared size passes, the data does not (a forced pack used to copy it byte for byte)."""
    return one_page(
        b"/Contents 4 0 R/Resources<</XObject<</Im0 5 0 R>>>>",
        stream(b"<<", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(
            b"<</Type/XObject/Subtype/Image/Width 1000/Height 1000/ColorSpace/DeviceRGB"
            b"/BitsPerComponent 8/Filter/FlateDecode",
            zero_bomb(2 << 30),
        ),
    )


JBIG2_CLAIM = b"/Type/XObject/Subtype/Image/Width 2147483648/Height 2147483648/ColorSpace/DeviceGray"
JBIG2_CLAIM += b"/BitsPerComponent 1/Filter/JBIG2Decode"


def jbig2_page() -> bytes:
    """A page drawing a JBIG2 image that claims 2^31 × 2^31 pixels (a few hundred bytes on disk)."""
    return one_page(
        b"/Contents 4 0 R/Resources<</XObject<</Im0 5 0 R>>>>",
        stream(b"<<", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        stream(b"<<" + JBIG2_CLAIM, b"\x00" * 64),
    )


def jbig2_in_annotation() -> bytes:
    """The same claim inside an annotation's appearance stream: the page's own image list does not name
    it, the render draws it, and a pack copies it with the annotation."""
    return one_page(
        b"/Contents 4 0 R/Annots[5 0 R]",
        stream(b"<<", b"q 0.9 0.2 0.2 rg 40 40 500 300 re f Q"),
        b"<</Type/Annot/Subtype/Stamp/Rect[0 0 595 842]/AP<</N 6 0 R>>>>",
        stream(
            b"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</XObject<</Im0 7 0 R>>>>",
            b"q 595 0 0 842 0 0 cm /Im0 Do Q",
        ),
        stream(b"<<" + JBIG2_CLAIM, b"\x00" * 64),
    )


def _zeros_zlib(count: int) -> bytes:
    """A zlib stream of `count` zero bytes, built from repeated fully flushed blocks (milliseconds)."""
    block = 1 << 20
    whole, rest = divmod(count, block)
    compressor = zlib.compressobj(9)
    out = bytearray()
    if whole:
        out += compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
        repeated = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
        out += repeated * (whole - 1)
    out += compressor.compress(b"\0" * rest) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = (count % 65521) << 16 | 1
    return bytes(out) + b"\x03\x00" + adler.to_bytes(4, "big")


def giant_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A greyscale PNG of `width` × `height` pixels (900 MP: decoding it took 21 s and 1.8 GB in the
    window's process) in under a megabyte: every row is filter 0 and zero pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    idat = _zeros_zlib(height * (width + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


CASES = [
    HostileCase("content-bomb-2gib", content_bomb, "SCAN_DECOMPRESSION_BOMB", "解压"),
    HostileCase("double-flate-bomb", double_flate_bomb, "SCAN_DECOMPRESSION_BOMB", "解压"),
    HostileCase("image-60000px", image_bomb, "SCAN_IMAGE_TOO_LARGE", "百万像素"),
    HostileCase("100000-pages", many_pages, "SCAN_TOO_MANY_PAGES", "100000 页"),
    HostileCase("lying-page-count", lying_count, "SCAN_PAGE_TREE_INVALID", "页面目录"),
    HostileCase("page-tree-cycle", page_tree_cycle, "SCAN_PAGE_TREE_INVALID", "页面目录"),
    HostileCase("kids-not-pages", kids_not_pages, "SCAN_PAGE_TREE_INVALID", "不是页面对象"),
    HostileCase("owner-password", owner_password, "SCAN_OWNER_PASSWORD", "权限密码"),
    HostileCase("truncated", truncated, "SCAN_TRUNCATED", "不完整"),
    HostileCase("image-stream-bomb", image_stream_bomb, "SCAN_DECOMPRESSION_BOMB", "解压"),
    HostileCase("jbig2-2^31-page", jbig2_page, "SCAN_IMAGE_TOO_LARGE", "百万像素"),
    HostileCase("jbig2-2^31-annotation", jbig2_in_annotation, "SCAN_IMAGE_DECLARED_TOO_LARGE", "百万像素"),
]
