"""The 留服 certificate (国外学历学位认证书) and the house deeds (不动产权证书, 房屋所有权证) are read from
the data in `resources/field_readers.toml` like every other kind: scans drawn by `certificates.py`
(Pillow and system fonts, not the scan corpus's layouts) in both layouts, two fonts, two resolutions and a
phone photo; each field comes back exactly, the kind is told from the title, and the values the record
takes carry their page and box."""

from __future__ import annotations

import pytest

from hrdesk.materials.inspection.fields import read_document

from . import certificates
from .conftest import ON

# (name, kind, seed, layout, capture, dpi, font)
CERTIFICATES = [
    ("cscse-table-300-serif", "foreign-degree-verification", 21, "table", "flatbed", 300, "serif"),
    ("cscse-letter-200-kai", "foreign-degree-verification", 22, "letter", "flatbed", 200, "kai"),
    ("cscse-table-phone", "foreign-degree-verification", 23, "table", "phone", 200, "sans"),
    ("cscse-letter-phone", "foreign-degree-verification", 24, "letter", "phone", 200, "serif"),
    ("deed-table-300-serif", "property-certificate", 25, "table", "flatbed", 300, "serif"),
    ("deed-old-200-kai", "property-certificate", 26, "letter", "flatbed", 200, "kai"),
    ("deed-table-phone", "property-certificate", 27, "table", "phone", 200, "sans"),
    ("deed-old-150-sans", "property-certificate", 28, "letter", "flatbed", 150, "sans"),
]


@pytest.fixture(scope="module")
def certificate_scans(tmp_path_factory, read_dir):
    if certificates.font_path("serif") is None and certificates.font_path("sans") is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    folder = tmp_path_factory.mktemp("certificates")
    out = {}
    for name, kind, seed, layout, capture, dpi, look in CERTIFICATES:
        data, suffix, holder = certificates.scan(
            kind, seed, style=layout, dpi=dpi, look=look, capture=capture
        )
        path = folder / f"{name}{suffix}"
        path.write_bytes(data)
        out[name] = (path, kind, certificates.truth(kind, holder, layout))
    return out


@pytest.mark.parametrize("name", [c[0] for c in CERTIFICATES])
def test_certificate_fields_come_back_exactly(certificate_scans, read_dir, name):
    path, kind, truth = certificate_scans[name]
    reading = read_document(path, None, data_dir=read_dir, on=ON)  # the kind from the title
    assert reading.kind == kind
    got = {f.field: f.value for f in reading.fields}
    assert {k: got.get(k) for k in truth} == truth
    for f in reading.fields:
        x0, y0, x1, y1 = f.box
        assert f.page == 1 and 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1


def test_what_the_record_takes_from_them(certificate_scans, read_dir):
    """The owner and address of a deed fill the housing; the 留服 award date the graduation date."""
    path, _kind, truth = certificate_scans["deed-table-300-serif"]
    deed = read_document(path, "property-certificate", data_dir=read_dir, on=ON)
    assert deed.get("owner").record == "employee.housing.owner_name"
    assert deed.get("address").record == "employee.housing.address"
    assert deed.get("area").record == ""  # shown, never written
    path, _kind, truth = certificate_scans["cscse-table-300-serif"]
    cscse = read_document(path, "foreign-degree-verification", data_dir=read_dir, on=ON)
    assert cscse.get("awarded_on").record == "employee.education.graduated_on"
    assert cscse.get("document_number").record == ""  # a passport number is not the ID number


def test_bracketed_numbers_keep_their_year_in_brackets():
    from hrdesk.materials.inspection.field_readers import _typed

    for read in ("教留服认英[2023]012345号", "教留服认英【2023】012345号", "教留服认英2023012345号"):
        assert _typed("bracketed", read, ON) == "教留服认英[2023]012345号"
