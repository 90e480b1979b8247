"""A small A4 layout engine over the ReportLab canvas for Chinese forms.

Chinese text wraps between any two characters; pre-filled values are underlined like the blanks they
fill, so the printed form reads as the guide's form with the HR officer's typing in it. Only what the
templates need: headings, paragraphs with inline fields, signature lines, seal notes, date blanks, tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import FontSet

PAGE_W, PAGE_H = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 25 * mm
MARGIN_BOTTOM = 22 * mm
BODY = 12.5
NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")
LEADING = 1.9


@dataclass
class Span:
    text: str
    underline: bool = False


@dataclass
class Page:
    canvas: Canvas
    fonts: FontSet
    y: float = field(default=PAGE_H - MARGIN_TOP)

    @property
    def width(self) -> float:
        return PAGE_W - 2 * MARGIN_X

    def ensure(self, height: float) -> None:
        if self.y - height < MARGIN_BOTTOM:
            self.canvas.showPage()
            self.y = PAGE_H - MARGIN_TOP

    def space(self, points: float) -> None:
        self.y -= points

    def draw_text(self, x: float, y: float, text: str, size: float) -> float:
        """Draw text at (x, y) glyph by glyph from the font that has it; return the width used."""
        for name, run in self.fonts.runs(text):
            self.canvas.setFont(name, size)
            self.canvas.drawString(x, y, run)
            x_step = self.canvas.stringWidth(run, name, size)
            x += x_step
        return x

    def centred(self, text: str, size: float, bold_gap: float = 0.0) -> None:
        self.ensure(size * LEADING)
        self.y -= size * 1.2
        width = self.fonts.width(text, size)
        self.draw_text((PAGE_W - width) / 2, self.y, text, size)
        self.y -= size * (LEADING - 1.2) + bold_gap

    def paragraph(
        self, spans: list[Span], size: float = BODY, indent_chars: float = 2, align: str = "left"
    ) -> None:
        """Wrap spans into lines; the first line is indented by `indent_chars` full-width characters."""
        # Units that may not be split across lines: a short filled-in field stays whole.
        units: list[list[tuple[str, bool]]] = []
        for span in spans:
            if span.underline and len(span.text) <= 24:
                units.append([(c, True) for c in span.text])
            else:
                units.extend([[(c, span.underline)] for c in span.text])
        lines: list[list[tuple[str, bool]]] = []
        line: list[tuple[str, bool]] = []
        used = indent_chars * size
        for unit in units:
            if unit[0][0] == "\n":
                lines.append(line)
                line, used = [], 0.0
                continue
            w = sum(self.fonts.width(c, size) for c, _ in unit)
            # Chinese typesetting never starts a line with closing punctuation: let it hang instead.
            hangs = len(unit) == 1 and unit[0][0] in NO_LINE_START
            if used + w > self.width and line and not hangs:
                lines.append(line)
                line, used = [], 0.0
            line.extend(unit)
            used += w
        if line:
            lines.append(line)
        for i, line in enumerate(lines):
            self.ensure(size * LEADING)
            self.y -= size * LEADING
            x = MARGIN_X + (indent_chars * size if i == 0 else 0)
            if align == "right":
                x = PAGE_W - MARGIN_X - sum(self.fonts.width(c, size) for c, _ in line)
            self._draw_line(x, line, size)

    def _draw_line(self, x: float, line: list[tuple[str, bool]], size: float) -> None:
        groups: list[tuple[bool, str]] = []
        for char, underline in line:
            if groups and groups[-1][0] == underline:
                groups[-1] = (underline, groups[-1][1] + char)
            else:
                groups.append((underline, char))
        for underline, text in groups:
            end = self.draw_text(x, self.y, text, size)
            if underline:
                self.canvas.setLineWidth(0.6)
                self.canvas.line(x, self.y - 2.5, end, self.y - 2.5)
            x = end

    def signature_line(
        self, label: str, size: float = BODY, blank_mm: float = 55, x_offset: float = 0.0
    ) -> None:
        self.ensure(size * LEADING * 1.6)
        self.y -= size * LEADING * 1.6
        # Move long labels left so the blank keeps at least 40 mm inside the right margin.
        label_w = self.fonts.width(label, size)
        x = MARGIN_X + max(0.0, min(x_offset, self.width - label_w - 40 * mm))
        end = self.draw_text(x, self.y, label, size)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(end + 2, self.y - 2.5, min(end + 2 + blank_mm * mm, PAGE_W - MARGIN_X), self.y - 2.5)

    def pair(self, left: str, right: str, size: float = BODY, blank_mm: float = 45) -> None:
        """Two signature blanks side by side (owner / borrower)."""
        self.ensure(size * LEADING * 1.6)
        self.y -= size * LEADING * 1.6
        half = self.width / 2
        for i, label in enumerate((left, right)):
            x = MARGIN_X + i * half
            end = self.draw_text(x, self.y, label, size)
            self.canvas.setLineWidth(0.6)
            self.canvas.line(
                end + 2, self.y - 2.5, min(end + 2 + blank_mm * mm, x + half - 6 * mm), self.y - 2.5
            )

    def right_note(self, text: str, size: float = BODY) -> None:
        self.ensure(size * LEADING * 1.4)
        self.y -= size * LEADING * 1.4
        width = self.fonts.width(text, size)
        self.draw_text(PAGE_W - MARGIN_X - width - 10 * mm, self.y, text, size)

    def date_blank(self, size: float = BODY) -> None:
        """'    年    月    日' to be filled in by hand, right-aligned under the seal."""
        self.ensure(size * LEADING * 1.4)
        self.y -= size * LEADING * 1.4
        parts = [("", 16 * mm), ("年", 11 * mm), ("月", 11 * mm), ("日", 0.0)]
        total = sum(w for _, w in parts) + 3 * self.fonts.width("年", size)
        x = PAGE_W - MARGIN_X - total - 10 * mm
        for label, blank in parts:
            if label:
                x = self.draw_text(x, self.y, label, size)
            x += blank

    def table(
        self, headers: list[str], rows: list[list[str]], widths: list[float], size: float = 10.5
    ) -> None:
        """A ruled table; cells wrap; the header repeats on a new page."""
        pad = 2 * mm
        line_h = size * 1.45

        def wrap(text: str, width: float) -> list[str]:
            out, cur = [], ""
            for ch in text:
                if self.fonts.width(cur + ch, size) > width - 2 * pad and cur:
                    out.append(cur)
                    cur = ""
                cur += ch
            out.append(cur)
            return out

        def draw_row(cells: list[str], header: bool = False) -> None:
            wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
            height = max(len(w) for w in wrapped) * line_h + pad
            if self.y - height < MARGIN_BOTTOM:
                self.canvas.showPage()
                self.y = PAGE_H - MARGIN_TOP
                if not header:
                    draw_row(headers, header=True)
            x = MARGIN_X
            if header:
                self.canvas.setFillGray(0.9)
                self.canvas.rect(x, self.y - height, sum(widths), height, stroke=0, fill=1)
                self.canvas.setFillGray(0)
            for lines, w in zip(wrapped, widths, strict=True):
                self.canvas.setLineWidth(0.5)
                self.canvas.rect(x, self.y - height, w, height)
                ty = self.y - line_h + 2
                for text in lines:
                    self.draw_text(x + pad, ty, text, size)
                    ty -= line_h
                x += w
            self.y -= height

        draw_row(headers, header=True)
        for row in rows:
            draw_row(row)
