"""Chinese fonts for printed forms: a primary TrueType font plus a per-glyph fallback.

The printout must look the same on every printer, so fonts are embedded (subset), never referenced.
PyMuPDF's built-in CJK font covers common characters; rare name characters (䶮, CJK Extension A) come
from the bundled Droid Sans Fallback Full. A user-chosen system font (e.g. SimSun) may be primary.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resources_dir

PRIMARY = "HrdeskCJK"
FALLBACK = "HrdeskCJKFallback"


class FontError(RuntimeError):
    pass


@dataclass(frozen=True)
class FontSet:
    """Names of registered ReportLab fonts, tried in order for each character."""

    names: tuple[str, ...]

    def font_for(self, char: str) -> str:
        code = ord(char)
        for name in self.names:
            if code in _glyphs(name):
                return name
        return self.names[0]

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split text into (font name, substring) runs so each glyph comes from a font that has it."""
        out: list[tuple[str, str]] = []
        for char in text:
            name = self.font_for(char) if ord(char) > 0x7F else self.names[0]
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + char)
            else:
                out.append((name, char))
        return out

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(s, name, size) for name, s in self.runs(text))

    def missing(self, text: str) -> set[str]:
        """Characters no font has: they would print as empty boxes."""
        return {c for c in text if not c.isspace() and all(ord(c) not in _glyphs(n) for n in self.names)}


def _glyphs(name: str) -> dict[int, int]:
    return pdfmetrics.getFont(name).face.charToGlyph


@cache
def font_set(system_font: str | None = None) -> FontSet:
    """Register the fonts once per process. `system_font` is a path to a TrueType .ttf/.ttc file."""
    names = []
    if system_font:
        path = Path(system_font)
        try:
            pdfmetrics.registerFont(TTFont("HrdeskSystem", str(path), subfontIndex=0))
            names.append("HrdeskSystem")
        except Exception as exc:  # a CFF/PostScript font or an unreadable file: fall back, say why
            raise FontError(f"{path.name}: cannot be embedded ({exc})") from exc
    import pymupdf  # imported lazily: only printing needs it here

    pdfmetrics.registerFont(TTFont(PRIMARY, io.BytesIO(pymupdf.Font("cjk").buffer)))
    names.append(PRIMARY)
    fallback = resources_dir() / "fonts" / "DroidSansFallbackFull.ttf"
    if fallback.exists():
        pdfmetrics.registerFont(TTFont(FALLBACK, str(fallback)))
        names.append(FALLBACK)
    return FontSet(tuple(names))
