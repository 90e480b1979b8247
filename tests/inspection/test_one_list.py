"""One findings list per file, the same wherever it is shown: `hrdesk inspect --json` and the materials
panel (`inspect_employee`) give the same list for the same file; the list holds the image checks and the
reading together; a phone photo is read like a PDF; the status counts the list's blockers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pymupdf

from hrdesk.catalogue import said
from hrdesk.cli import main
from hrdesk.desks.desk import Desk
from hrdesk.materials.inspection.inspect import inspect_employee

from .conftest import KINDS, ON, write_profile


def _phone_photo(source: Path, target: Path) -> Path:
    """A page photographed: a JPEG whose header says 72 dpi whatever its pixels (as phones write them)."""
    with pymupdf.open(source) as doc:
        pix = doc[0].get_pixmap(dpi=200)
    pix.set_dpi(72, 72)
    target.write_bytes(pix.tobytes("jpeg", jpg_quality=80))
    return target


def _inspect_json(*args: str, capsys) -> dict:
    assert main(["inspect", *args, "--json", "--on", ON.isoformat()]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_and_panel_show_the_same_list_and_the_status_counts_its_blockers(
    corpus: Path, ocr_pool, tmp_path: Path, capsys
):
    folder = tmp_path / "case"
    folder.mkdir()
    for name in ("contract-other.pdf", "iit-sealed.pdf"):
        shutil.copy(corpus / name, folder / name)
    profile = write_profile(folder, "profile.json", ["contract-other.pdf", "iit-sealed.pdf"])
    data = tmp_path / "data"
    assert main(["import", str(profile), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    with Desk.open(data, lock=False) as desk:
        employee_id = desk.employees.employee_ids()[0]
    cli = _inspect_json("--employee", str(employee_id), "--data-dir", str(data), capsys=capsys)

    with Desk.open(data) as desk:
        panel = inspect_employee(desk, employee_id, on=ON, pool=ocr_pool, record=True)
        assert [r.kind for r in panel] == [m["kind"] for m in cli["materials"]]
        for shown, printed in zip(panel, cli["materials"], strict=True):
            assert [f.to_dict() for f in shown.findings] == printed["findings"]
        contract = next(r for r in panel if r.kind == "labour-contract")
        mismatch = [f for f in contract.findings if f.code == "SCAN_ID_MISMATCH"]
        assert mismatch and mismatch[0].severity == "blocker" and mismatch[0].fix  # how to put it right
        printed = next(m for m in cli["materials"] if m["kind"] == "labour-contract")
        assert set(printed["findings"][0]) >= {"code", "severity", "page", "message", "evidence", "fix"}
        # Another person's contract is a blocker in the list, so the employee is not 可申报.
        row = next(m for m in desk.materials.materials(employee_id) if m.kind == "labour-contract")
        assert row.defects and any("不是本人的" in said(d) for d in row.defects)  # kept coded, said in zh
        assert any("is not the applicant's" in said(d, "en") for d in row.defects)  # and in English
        status = desk.employees.summaries([employee_id])[0].status
        assert status != "ready"


def test_a_phone_photo_is_read_like_a_pdf_and_judged_on_its_pixels(corpus: Path, tmp_path: Path, capsys):
    folder = tmp_path / "case"
    folder.mkdir()
    _phone_photo(corpus / "contract.pdf", folder / "contract.jpg")
    materials = [{"kind": KINDS["contract.pdf"], "file": "contract.jpg"}]
    profile = write_profile(folder, "profile.json", [])
    data = json.loads(profile.read_text(encoding="utf-8"))
    data["materials"] = materials
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = _inspect_json(str(profile), "--data-dir", str(tmp_path / "data"), capsys=capsys)
    (material,) = out["materials"]
    codes = {f["code"] for f in material["findings"]}
    assert material["detected_kind"] == "labour-contract" and material["pages"][0]["text"]
    # 72 dpi in the header, about 1650 px over an A4 width: neither low resolution nor a metre-wide page.
    assert not codes & {"SCAN_UNREADABLE", "SCAN_LOW_DPI", "SCAN_NOT_A4"}, material["findings"]
