"""What hrdesk writes is personal data: pack PDFs, pack zips, exports, forms and calendars are 0600, and
the data folder's logs/, vault/ and backups/ are 0700 (POSIX; Windows relies on the profile's ACLs)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from ..packs.hostile import colour_scan

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _lenient_umask():
    """The usual desktop umask (022): what the user would otherwise get is world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        colour_scan(tmp_path / m["file"], label=m["kind"])  # packs scan what they pack
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_pack_files_folder_and_zip_are_owner_only(case: Path, tmp_path: Path):
    from hrdesk.checks.check import load_profile_file
    from hrdesk.packs.upload_pack import build_pack

    result = build_pack(load_profile_file(case), "new", tmp_path / "out", case.parent, ON, make_zip=True)
    assert mode(tmp_path / "out") == 0o700
    assert len(result.files) > 5
    for name in result.files:
        assert mode(tmp_path / "out" / name) == 0o600, name
    assert mode(result.zip_path) == 0o600


def test_exports_forms_and_calendars_are_owner_only(case: Path, tmp_path: Path, data_dir: Path, capsys):
    from hrdesk.cli import main

    assert main(["form", "integrity-individual", str(case), "-o", str(tmp_path / "form.pdf")]) == 0
    assert mode(tmp_path / "form.pdf") == 0o600
    assert main(["import", str(case)]) == 0
    for out in ("export.json", "export.xlsx"):
        assert main(["export", "-o", str(tmp_path / out)]) == 0
        assert mode(tmp_path / out) == 0o600, out
    copies = tmp_path / "export-files"
    assert mode(copies) == 0o700 and all(mode(p) == 0o600 for p in copies.iterdir())
    assert main(["deadlines", "--ics", str(tmp_path / "d.ics")]) == 0
    assert mode(tmp_path / "d.ics") == 0o600


def test_logs_vault_and_backups_folders_are_owner_only(case: Path, data_dir: Path):
    from hrdesk.clock import FixedClock
    from hrdesk.desks.backup import rotate_daily
    from hrdesk.desks.desk import Desk
    from hrdesk.logging_setup import setup_logging
    from hrdesk.rosters.api import import_file

    setup_logging(data_dir)
    with Desk.open(data_dir) as desk:
        import_file(desk, case)
    assert rotate_daily(data_dir, clock=FixedClock.on(ON)) is not None
    for folder in ("logs", "vault", "backups"):
        assert mode(data_dir / folder) == 0o700, folder
    fan_out = [p for p in (data_dir / "vault").iterdir() if p.is_dir()]
    assert fan_out and all(mode(p) == 0o700 for p in fan_out)


def test_settings_and_the_lock_are_owner_only(data_dir: Path):
    """The window's settings file holds the shared database's address: like everything else in the
    data folder it is the user's alone, and so is the lock file beside it."""
    from PySide6.QtCore import QSettings

    from hrdesk.store.db import InstanceLock
    from hrdesk.ui.app import keep_settings_in, make_application

    make_application()
    keep_settings_in(data_dir)
    settings = QSettings()
    settings.setValue("database/url", "postgresql://hr@db.example/hrdesk")
    settings.sync()
    ini = Path(settings.fileName())
    assert ini.is_file() and data_dir in ini.parents
    assert mode(ini) == 0o600
    for folder in (data_dir / "settings", ini.parent):
        assert mode(folder) == 0o700, folder
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        assert mode(data_dir / "hrdesk.lock") == 0o600
    finally:
        lock.release()
