"""Line breaks in every printed form and the checklist: closing punctuation never starts a line, opening
punctuation never ends one, a date never splits, Latin words and numbers stay whole.

Checked on the PDF as printed: glyphs are grouped into visual line pieces (same baseline, touching),
so a table cell's lines are told apart from its neighbours'."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.forms.documents import make_form
from hrdesk.printing.fonts import font_set
from hrdesk.printing.layout import NO_LINE_END, NO_LINE_START, Page, break_units

from ..timeless import EXAMPLES_WRITTEN_FOR

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))
FORMS = ["integrity-unit", "integrity-individual", "housing-borrowing", "checklist"]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日")


def line_pieces(pdf: bytes) -> list[str]:
    """Runs of glyphs on one baseline, each touching the next: what a reader sees as one line."""
    pieces = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            chars = []
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for ch in span["chars"]:
                            chars.append((round(ch["origin"][1], 1), ch["bbox"][0], ch["bbox"][2], ch["c"]))
            chars.sort()
            current, last = "", None
            for y, x0, x1, c in chars:
                if last is not None and last[0] == y and abs(x0 - last[1]) < 1.5:
                    current += c
                else:
                    if current.strip():
                        pieces.append(current)
                    current = c
                last = (y, x1)
            if current.strip():
                pieces.append(current)
    return pieces


@pytest.mark.parametrize("form_id", FORMS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_breaks_in_every_form(example: str, form_id: str):
    profile = load_profile_file(ROOT / "examples" / f"{example}.json")
    business = "renewal" if "renewal" in example else "new"
    pieces = [
        p.strip() for p in line_pieces(make_form(form_id, profile, business, today=EXAMPLES_WRITTEN_FOR))
    ]
    assert pieces
    assert not [p for p in pieces if p[0] in NO_LINE_START], [p for p in pieces if p[0] in NO_LINE_START]
    assert not [p for p in pieces if p[-1] in NO_LINE_END], [p for p in pieces if p[-1] in NO_LINE_END]
    joined = "".join(pieces)
    for date in set(DATE.findall(joined)):
        assert any(date in p for p in pieces), f"{date} is split across lines"


def test_a_long_checklist_reason_wraps_at_boundaries():
    """The issue's case: "至 2029-02-25。" in a narrow cell must not become "至 2 / 029-02-25" or "。…"."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    page = Page(Canvas(io.BytesIO()), font_set())
    text = "房屋租赁合同有效期至 2029-02-25，距截止日期不足三个月（changping-2026 三(四)）。"
    widest = max(page.fonts.width(u, 10.5) for u in break_units(text))
    for width in range(int(widest) + 1, 200, 3):  # every width where the longest piece fits a line
        lines = page.wrap(text, width, 10.5)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(line and line[0] not in NO_LINE_START for line in lines), lines
        assert any("2029-02-25" in line for line in lines), lines
        assert any("changping-2026" in line for line in lines), lines


def test_break_units_glue_punctuation():
    assert break_units("至 2029-02-25。") == ["至", " ", "2029-02-25。"]
    assert break_units("《声明》，") == ["《声", "明》，"]
    assert break_units("2026年11月23日") == ["2026年11月23日"]


def test_a_closing_mark_stays_inside_a_table_cell():
    """A full-width 。 or ， hung past a cell's text edge is drawn across the cell's rule when the
    padding is narrower than the mark: within `hang_room` it hangs, beyond it the unit before it
    goes down with it, so no line is wider than the text edge plus the room."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    page = Page(Canvas(io.BytesIO()), font_set())
    text = "学历证书（毕业证书）已提供，学位证书（学士）已提供。房屋租赁合同有效期至 2029-02-25。"
    room = 4.0
    widest = max(page.fonts.width(u, 10.5) for u in break_units(text))
    for width in range(int(widest) + 12, 220):
        lines = page.wrap(text, width, 10.5, hang_room=room)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(page.fonts.width(line, 10.5) <= width + room for line in lines), (width, lines)
        assert all(line and line[0] not in NO_LINE_START for line in lines), lines
        assert any("2029-02-25" in line for line in lines), lines


def test_checklist_text_stays_inside_its_table():
    """On the printed checklist no glyph crosses the table's right rule."""
    profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    pdf = make_form("checklist", profile, "new", today=EXAMPLES_WRITTEN_FOR)
    seen = 0
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            drawings = page.get_drawings()
            if not drawings:
                continue
            right = max(d["rect"].x1 for d in drawings)
            top = min(d["rect"].y0 for d in drawings)
            bottom = max(d["rect"].y1 for d in drawings)
            chars = [
                ch
                for block in page.get_text("rawdict")["blocks"]
                for line in block.get("lines", [])
                for span in line["spans"]
                for ch in span["chars"]
                if ch["c"].strip() and top <= ch["origin"][1] <= bottom
            ]
            seen += len(chars)
            inside = [ch for ch in chars if ch["bbox"][2] <= right + 0.5]
            assert len(inside) == len(chars), [ch["c"] for ch in chars if ch not in inside]
    assert seen > 100
