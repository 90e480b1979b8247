"""A profile JSON whose material file cannot be stored (outside its folder, missing, empty, an image too
large to decode) is refused with one line in the preview and in `--dry-run`, before anything is written —
never a traceback half-way through the import."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from hrdesk.cli import main
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parents[2]


def _giant_png_header() -> bytes:
    """A PNG whose header claims 30,000 × 30,000 pixels (the data is never decoded)."""
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


@pytest.mark.parametrize(
    ("file", "content", "zh", "en"),
    [
        ("../outside.pdf", None, "文件夹之外", "outside the JSON file's folder"),
        ("empty.png", b"", "空文件", "is empty"),
        ("giant.png", _giant_png_header(), "像素", "pixels"),
    ],
)
def test_a_material_file_that_cannot_be_stored_refuses_its_profile(
    tmp_path: Path, capsys, file: str, content: bytes | None, zh: str, en: str
):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (tmp_path / "outside.pdf").write_bytes(b"%PDF-1.4\n")
    if content is not None:
        (folder / file).write_bytes(content)
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["materials"] = [{"kind": "id-card", "file": file}]
    profile = folder / "p.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data_dir = tmp_path / "data"

    assert main(["--data-dir", str(data_dir), "import", "--dry-run", str(profile)]) != 0
    out = capsys.readouterr()
    assert zh in out.out + out.err and "Traceback" not in out.out + out.err
    assert main(["--data-dir", str(data_dir), "--lang", "en", "import", str(profile)]) != 0
    out = capsys.readouterr()
    assert en in out.out + out.err and "Traceback" not in out.out + out.err
    with Desk.open(data_dir) as desk:
        assert desk.employees.summaries() == []
