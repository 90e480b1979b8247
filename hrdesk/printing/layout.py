"""A small A4 layout engine over the ReportLab canvas for Chinese forms.

Chinese text wraps between any two characters, Latin words and numbers only between words; a date
never splits, closing punctuation never starts a line (it hangs on the previous one) and opening
punctuation never ends one (the rules of Chinese typesetting, GB/T 15834 and W3C clreq). Pre-filled
values are underlined like the blanks they fill, so the printed form reads as the guide's form with
the HR officer's typing in it. Only what the templates need: headings, paragraphs with inline fields,
signature lines, seal notes, date blanks, tables.
"""

from __future__ import annotations

import re
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
NO_LINE_START = set("，。、；：？！）》」』”’】〕〉,.;:?!)]%")
NO_LINE_END = set("（《「『“‘【〔〈([")
LEADING = 1.9
# What may not be split: dates (2026-11-23, 2026年11月23日, 2026-11, 2026年11月), then Latin words and
# numbers with their inner punctuation (ID numbers, amounts, codes like changping-2026), then one
# character at a time.
_UNBREAKABLE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{1,2}|[A-Za-z0-9][A-Za-z0-9_.,:/+\-]*[A-Za-z0-9]|.",
    re.S,
)


def break_units(text: str) -> list[str]:
    """`text` cut into the pieces a line may break between: closing punctuation is glued to the piece
    before it, opening punctuation to the piece after it."""
    pieces = _UNBREAKABLE.findall(text)
    units: list[str] = []
    pending = ""  # opening punctuation waiting for what it opens
    for piece in pieces:
        if piece in NO_LINE_END:
            pending += piece
            continue
        if units and piece in NO_LINE_START and not pending:
            units[-1] += piece
            continue
        units.append(pending + piece)
        pending = ""
    if pending:
        units.append(pending)
    return units


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
                units.extend([[(c, span.underline) for c in u] for u in break_units(span.text)])
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
            hangs = all(c in NO_LINE_START for c, _ in unit)
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

    def wrap(self, text: str, width: float, size: float, hang_room: float = 0.0) -> list[str]:
        """Lines of `text` no wider than `width` (points), broken only between `break_units`; a unit
        wider than a whole line (a very long code) is the one thing cut by character. Closing
        punctuation never starts a line: it hangs past the edge when it fits in `hang_room` (a table
        cell's padding), otherwise the character before it moves down with it — a full-width 。
        hung into a 2 mm padding is drawn across the cell's rule. Spaces at a break are dropped."""
        lines: list[str] = []
        cur = ""
        last = ""  # the last unit on the line, which a closing mark may take down with it
        for unit in break_units(text):
            if unit == "\n":
                lines.append(cur)
                cur = last = ""
                continue
            if not cur and unit == " ":
                continue
            fits = self.fonts.width(cur + unit, size) <= width
            body = unit.rstrip("".join(NO_LINE_START))
            hang = self.fonts.width(cur + body, size) <= width
            if hang and not fits and self.fonts.width(cur + unit, size) > width + hang_room:
                hang = False
                if not body and last.strip() and cur.endswith(last) and cur != last:
                    # Push out: the unit before the mark goes down with it.
                    lines.append(cur[: -len(last)].rstrip(" "))
                    cur, last = last + unit, last + unit
                    continue
            last = unit if unit != " " else last
            if fits or hang or not cur:
                cur += unit
            else:
                lines.append(cur.rstrip(" "))
                cur = "" if unit == " " else unit
            while self.fonts.width(cur, size) > width and len(cur) > 1 and not hang:
                cut = len(cur) - 1
                while cut > 1 and self.fonts.width(cur[:cut], size) > width:
                    cut -= 1
                if cur[cut] in NO_LINE_START:
                    cut += 1  # hang it rather than start the next line with it
                lines.append(cur[:cut])
                cur = cur[cut:]
            hang = False
        lines.append(cur.rstrip(" "))
        return lines

    def table(
        self, headers: list[str], rows: list[list[str]], widths: list[float], size: float = 10.5
    ) -> None:
        """A ruled table; cells wrap; the header repeats on a new page."""
        pad = 2 * mm
        line_h = size * 1.45

        def wrap(text: str, width: float) -> list[str]:
            return self.wrap(text, width - 2 * pad, size, hang_room=pad * 0.75)

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
