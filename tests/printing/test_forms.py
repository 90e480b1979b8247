"""Every form for both districts: pre-filled text extracts back, fonts are embedded, glyphs are real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.forms.documents import make_form
from hrdesk.printing.fonts import font_set
from hrdesk.printing.forms import render_form

from ..timeless import EXAMPLES_WRITTEN_FOR

ROOT = Path(__file__).resolve().parents[2]
RARE = "䶮喆堃犇淼燚垚赟珺玥璟翀彧"


def profile(name: str = "changping-business-change-borrowed"):
    return load_profile_file(ROOT / "examples" / f"{name}.json")


def text_of(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return "".join(page.get_text() for page in doc)


def fonts_of(pdf: bytes) -> list[tuple]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [f for page in doc for f in page.get_fonts(full=True)]


def ink_ratio(pdf: bytes) -> float:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=40, colorspace=pymupdf.csGRAY)
    samples = pix.samples
    return sum(1 for b in samples if b < 128) / len(samples)


@pytest.mark.parametrize("example", ["changping-business-change-borrowed", "yanqing-new-ready"])
@pytest.mark.parametrize(
    "form_id", ["integrity-unit", "integrity-individual", "housing-borrowing", "checklist"]
)
def test_every_form_for_both_districts(example, form_id):
    p = profile(example)
    pdf = make_form(form_id, p, "new", today=EXAMPLES_WRITTEN_FOR)
    text = text_of(pdf)
    assert p.employee.name in text or form_id == "integrity-unit"
    if form_id == "integrity-unit":
        assert p.employer.name in text
        assert "单位法人手写签字" in text
    if form_id in ("integrity-individual", "housing-borrowing"):
        assert p.employee.id_number in text
    if form_id == "housing-borrowing" and p.employee.housing.address:
        assert p.employee.housing.address in text
    fonts = fonts_of(pdf)
    assert fonts and all(f[1] == "ttf" for f in fonts), fonts  # TrueType, embedded as a file stream
    assert all(f[0] > 0 for f in fonts)
    assert ink_ratio(pdf) > 0.003


def test_yanqing_individual_adds_legal_rep_and_a_line_per_child():
    cp = text_of(render_form("integrity-individual", profile("changping-new-ready") if False else profile()))
    yq_profile = profile("yanqing-new-ready")
    yq = text_of(render_form("integrity-individual", yq_profile))
    assert "单位法人或负责人" in yq and "单位法人或负责人" not in cp
    assert "随往子女张小三" in yq.replace(" ", "")
    assert "单位财务负责人" in yq and "单位人事负责人" in cp


def test_housing_borrowing_blanks_when_unknown():
    p = profile("changping-new-ready")
    text = text_of(render_form("housing-borrowing", p))
    assert "详细住址精确至门牌" in text and "房主签字" in text and "借住人签字" in text


def test_rare_name_characters_render_as_glyphs():
    p = profile()
    p.employee.name = "王" + RARE
    assert font_set().missing(RARE) == set()
    pdf = render_form("integrity-individual", p)
    assert RARE in text_of(pdf).replace("\n", "")
    # Each rare glyph draws ink: render one character alone and compare with an empty box's outline.
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        page = doc[0]
        hits = page.search_for("䶮")
        assert hits
        clip = hits[0]
        pix = page.get_pixmap(dpi=300, clip=clip, colorspace=pymupdf.csGRAY)
        dark = sum(1 for b in pix.samples if b < 128)
        assert dark > 40


def test_no_signature_or_seal_is_drawn():
    pdf = render_form("integrity-unit", profile())
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert not doc[0].get_images()


def test_cli_form(tmp_path):
    out = tmp_path / "f.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "form",
            "housing-borrowing",
            str(ROOT / "examples" / "changping-business-change-borrowed.json"),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdesk",
            "form",
            "passport",
            str(ROOT / "examples" / "changping-new-ready.json"),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_example_profiles_stay_parseable():
    for path in (ROOT / "examples").glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
        load_profile_file(path)


@pytest.mark.parametrize("form_id", ["integrity-unit", "integrity-individual", "housing-borrowing"])
def test_no_line_starts_with_closing_punctuation(form_id):
    for name in ("changping-business-change-borrowed", "yanqing-new-ready"):
        lines = [
            line.strip() for line in text_of(render_form(form_id, profile(name))).splitlines() if line.strip()
        ]
        assert not [line for line in lines if line[0] in "，。、；：）》"], lines


def test_the_checklist_is_for_the_business_the_permit_calls_for(tmp_path):
    """Without --business the printed checklist follows the permit, as the list's status does: a
    suspended permit is an employer change, never 新办 (a checklist for the wrong business sends HR
    to gather the wrong papers)."""
    from hrdesk.cli import main
    from hrdesk.labels import label

    out = tmp_path / "checklist.pdf"
    example = ROOT / "examples" / "yanqing-employer-change.json"
    assert main(["form", "checklist", str(example), "-o", str(out), "--on", "2026-12-01"]) == 0
    text = text_of(out.read_bytes())
    assert "业务：" + label("business", "employer-change", "zh") in text.replace(" ", "")
    assert main(["form", "checklist", str(example), "-o", str(out), "--business", "new"]) == 0
    assert "业务：" + label("business", "new", "zh") in text_of(out.read_bytes()).replace(" ", "")
