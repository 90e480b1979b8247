"""`hrdesk read` through a real subprocess: the fields with page, box and confidence as JSON (exit 0),
one line and exit 2 for a file that is not a scan, and a folder of one person's scans sorted into slots
with the record its ID card proposes. The data folder is the session's reading cache, so no page is
read twice."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from hrdesk.pdf.scan_flags import make_flag


def hrdesk(data: Path, *args: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hrdesk", "--data-dir", str(data), "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_read_prints_each_field_with_page_box_and_confidence(scans, read_dir):
    scan = scans["contract-300-song"]
    done = hrdesk(read_dir, "read", str(scan.path), "--kind", "labour-contract", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    fields = {f["field"]: f for f in out["fields"]}
    assert fields["end"]["value"] == scan.truth["end"]
    assert fields["employee_id"]["value"] == scan.person.id_number
    assert fields["employee_id"]["page"] == 2  # the particulars page, after the cover
    assert len(fields["end"]["box"]) == 4 and 0 < fields["end"]["confidence"] <= 1


def test_a_file_that_is_not_a_scan_is_one_line_and_exit_2(read_dir, tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("not a pdf")
    done = hrdesk(read_dir, "read", str(bad))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "notes.pdf" in done.stderr


@pytest.mark.parametrize(("what", "lang"), [("encrypted", "zh"), ("damaged", "en")])
def test_an_encrypted_or_damaged_pdf_says_what_is_wrong_and_what_to_do(read_dir, tmp_path, what, lang):
    """The words attaching the same file gives (the scan's refusal), in the person's language."""
    path = tmp_path / ("合同.pdf" if what == "encrypted" else "户口.pdf")
    if what == "encrypted":
        doc = pymupdf.open()
        doc.new_page()
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    else:
        path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)  # damaged past repair
    done = hrdesk(read_dir, "read", str(path), lang=lang)
    assert done.returncode == 2
    said = done.stderr.strip()
    assert said.count("\n") == 0 and path.name in said
    code = "SCAN_ENCRYPTED" if what == "encrypted" else "SCAN_DAMAGED"
    assert make_flag(code).text(lang) in said, said


def test_a_folder_is_sorted_into_slots_and_the_id_card_proposes_the_record(scans, read_dir, tmp_path):
    folder = tmp_path / "one-person"
    folder.mkdir()
    for name in ("id-card-300-song", "lease-300-song", "degree-300-song"):
        shutil.copy(scans[name].path, folder / scans[name].path.name)
    done = hrdesk(read_dir, "read", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    kinds = {f["file"]: f["kind"] for f in out["files"]}
    assert kinds == {
        "id-card-300-song.pdf": "id-card",
        "lease-300-song.pdf": "lease-contract",
        "degree-300-song.pdf": "degree-certificate",
    }
    proposed = out["proposed_record"]
    assert proposed["from"] == "id-card-300-song.pdf"
    assert proposed["id_number"]["value"] == scans["id-card-300-song"].person.id_number
    assert proposed["name"]["value"] == scans["id-card-300-song"].person.name
