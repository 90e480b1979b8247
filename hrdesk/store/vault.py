"""The document vault: attached files copied into the data folder, named by their SHA-256.

The user's original path is never needed again; the same scan attached twice is stored once. Images
(JPG/PNG) become PDFs on the way in, because the platform takes PDFs only. Files leave the vault only
when nothing references them any more (see Records.empty_trash), never on a simple remove.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..fileio import atomic_write_bytes, private_dir

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png"}
MAX_BYTES = 200 * 1024 * 1024


class VaultError(ValueError):
    """A file that cannot be stored; the text is for the HR user."""


@dataclass(frozen=True)
class Stored:
    sha256: str
    pages: int | None
    size_bytes: int


class Vault:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.pdf"

    def add_file(self, source: Path) -> Stored:
        try:
            size = source.stat().st_size
        except OSError:
            raise VaultError(f"{source.name}: 文件不存在或无法读取") from None
        if size == 0:
            raise VaultError(f"{source.name}: 文件为空")
        if size > MAX_BYTES:
            raise VaultError(f"{source.name}: 文件过大（{size // (1024 * 1024)} MB），请压缩后再添加")
        data = image_to_pdf(source) if source.suffix.lower() in IMAGE_SUFFIXES else source.read_bytes()
        return self.add_bytes(data)

    def add_bytes(self, data: bytes) -> Stored:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if not target.exists():
            private_dir(self.root)  # vault/ and its fan-out folders are owner-only (0700)
            private_dir(target.parent)
            atomic_write_bytes(target, data, mode=0o600)
        return Stored(digest, count_pages(data), len(data))

    def remove(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def hashes(self) -> set[str]:
        if not self.root.exists():
            return set()
        return {p.stem for p in self.root.glob("??/*.pdf")}


def image_to_pdf(source: Path) -> bytes:
    import pymupdf

    try:
        with pymupdf.open(source) as img:
            return img.convert_to_pdf()
    except Exception:
        raise VaultError(f"{source.name}: 不是可读取的 JPG/PNG 图片") from None


def count_pages(data: bytes) -> int | None:
    """Pages of a PDF, or None when it cannot be read (the scan checks say why)."""
    import pymupdf

    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                return None
            return doc.page_count
    except Exception:
        return None
