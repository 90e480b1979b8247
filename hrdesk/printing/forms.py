"""Render the form templates in `forms/` to PDF bytes.

One renderer for every form: a template is a list of blocks (heading, paragraph with inline fields,
signature blanks, seal note, date blanks). Fields the records know are printed underlined; unknown ones
become blank lines to fill by hand. Signatures, seals and dates are always blanks — hrdesk never prints a
signature or a seal.
"""

from __future__ import annotations

import io
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from ..clock import Clock
from ..resources import forms_dir
from ..rules.profile import Profile
from .fonts import FontSet, font_set
from .layout import A4, Page, Span

FORM_IDS = ("integrity-unit", "integrity-individual", "housing-borrowing", "checklist")
_FIELD = re.compile(r"\{([a-z_.]+)(?::(\d+))?\}")


class FormError(ValueError):
    pass


@cache
def template(form_id: str) -> dict[str, Any]:
    if form_id not in FORM_IDS:
        raise FormError(f"unknown form '{form_id}'; expected one of {', '.join(FORM_IDS)}")
    with open(forms_dir() / f"{form_id}.toml", "rb") as fh:
        return tomllib.load(fh)


@dataclass
class FormContext:
    """The values a form can show, flattened to dotted names (`employee.name`)."""

    district: str
    values: dict[str, str] = field(default_factory=dict)
    accompanying_children: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_profile(cls, profile: Profile, on: date | None = None) -> FormContext:
        on = on or Clock().today()
        e, u = profile.employee, profile.employer
        values = {
            "employee.name": e.name,
            "employee.id_number": e.id_number,
            "employer.name": u.name,
            "employer.credit_code": u.credit_code,
        }
        if e.housing is not None:
            h = e.housing
            values.update(
                {
                    "housing.address": h.address,
                    "housing.owner_name": h.owner_name,
                    "housing.owner_id_number": h.owner_id_number,
                    "housing.relationship": h.relationship,
                }
            )
            if h.since is not None:
                values.update(
                    {
                        "since.year": str(h.since.year),
                        "since.month": str(h.since.month),
                        "since.day": str(h.since.day),
                    }
                )
        children = [
            {"child.name": c.name}
            for c in e.children
            if c.accompany and (c.birth_date is None or _age(c.birth_date, on) < 18)
        ]
        return cls(u.district, {k: v for k, v in values.items() if v}, children)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def spans(text: str, values: dict[str, str]) -> list[Span]:
    """Split template text into plain and field spans; unknown fields become blanks of their width."""
    out: list[Span] = []
    pos = 0
    for m in _FIELD.finditer(text):
        if m.start() > pos:
            out.append(Span(text[pos : m.start()]))
        value = values.get(m.group(1), "")
        width = int(m.group(2) or 6)
        # A blank is as wide as the value it stands for would be (full-width spaces print as gaps).
        out.append(Span(f" {value} " if value else "\u3000" * max(2, width // 2 + 1), underline=True))
        pos = m.end()
    if pos < len(text):
        out.append(Span(text[pos:]))
    return out


def _applies(block: dict[str, Any], ctx: FormContext) -> bool:
    when = block.get("when", {})
    return "district" not in when or ctx.district in when["district"]


def new_canvas(buffer: io.BytesIO, title: str, fonts: FontSet) -> Canvas:
    # The initial font is ours too: ReportLab's default Helvetica would be a non-embedded font reference.
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1, initialFontName=fonts.names[0])
    canvas.setTitle(title)
    canvas.setCreator("hrdesk")
    canvas.setProducer("hrdesk")
    canvas.setAuthor("")
    canvas.setSubject("")
    return canvas


def render_blocks(page: Page, blocks: list[dict[str, Any]], ctx: FormContext) -> None:
    for block in blocks:
        if not _applies(block, ctx):
            continue
        repeats = ctx.accompanying_children if block.get("repeat") == "accompanying_children" else [{}]
        for extra in repeats:
            values = {**ctx.values, **extra}
            _render_block(page, block, values)


def _render_block(page: Page, block: dict[str, Any], values: dict[str, str]) -> None:
    kind = block["type"]
    if kind == "heading":
        page.space(10)
        page.centred(block["text"], 18, bold_gap=6)
    elif kind == "subheading":
        page.centred(block["text"], 14, bold_gap=4)
    elif kind == "paragraph":
        page.paragraph(spans(block["text"], values))
    elif kind == "line":
        page.paragraph(spans(block["text"], values), indent_chars=0)
    elif kind == "signature":
        label = "".join(s.text for s in spans(block["label"], values)).replace("  ", " ")
        page.signature_line(label, x_offset=page.width * 0.35)
    elif kind == "pair":
        page.pair(block["left"], block["right"])
    elif kind == "seal":
        page.right_note(block["text"])
    elif kind == "date":
        page.date_blank()
    elif kind == "space":
        page.space(float(block.get("points", 12)))
    else:
        raise FormError(f"unknown block type '{kind}'")


def render_form(
    form_id: str, profile: Profile, on: date | None = None, fonts: FontSet | None = None
) -> bytes:
    """A form as PDF bytes. The checklist needs a rules result: use `render_checklist` for it."""
    if form_id == "checklist":
        raise FormError("the checklist is rendered from a check result (render_checklist)")
    tpl = template(form_id)
    fonts = fonts or font_set()
    ctx = FormContext.from_profile(profile, on)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, tpl["title"], fonts)
    page = Page(canvas, fonts)
    render_blocks(page, tpl["block"], ctx)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
