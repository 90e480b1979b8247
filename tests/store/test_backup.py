"""Restore hardening: a backup is read against its manifest only, replaced in one step,
safety copies rotate, half-written vault files from a crash are cleaned; on both engines."""

from __future__ import annotations

import json
import os
import time
import zipfile
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.desks.backup import BackupError, create_backup, restore_backup, rotate_daily, verify_backup
from hrdesk.desks.desk import Desk
from hrdesk.store.dump import MANIFEST

ROOT = Path(__file__).resolve().parents[2]


def _scan(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), label)
    doc.save(path)
    return path


@pytest.fixture
def sqlite_records(data_dir: Path):
    """For what does not depend on the engine (reading a zip, rotating files): SQLite only, to keep
    the suite fast."""
    with Desk.open(data_dir) as r:
        yield r


@pytest.fixture
def backup(sqlite_records: Desk, data_dir: Path, tmp_path: Path) -> Path:
    desk = sqlite_records
    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    desk.materials.attach(eid, "hukou-pages", _scan(tmp_path / "h.pdf", "户口"), scan=False)
    return create_backup(data_dir, tmp_path / "backup.zip")


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a backup, letting `change(entries, manifest)` alter entries and the manifest."""
    with zipfile.ZipFile(source) as zf:
        entries = {n: zf.read(n) for n in zf.namelist() if n != MANIFEST}
        manifest = json.loads(zf.read(MANIFEST))
    change(entries, manifest)
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        zf.writestr(MANIFEST, json.dumps(manifest))
    return target


def test_entries_outside_the_manifest_are_refused(backup: Path, tmp_path: Path):
    bad = _rewrite(backup, tmp_path / "extra.zip", lambda e, m: e.update({"../../evil.sh": b"rm -rf ~"}))
    with pytest.raises(BackupError, match="清单以外"):
        verify_backup(bad)


def test_sizes_beyond_the_manifest_or_the_limit_are_refused(backup: Path, tmp_path: Path):
    def grow(entries: dict, manifest: dict) -> None:
        name = next(n for n in entries if n.startswith("files/"))
        entries[name] = entries[name] + b"\0" * 1000  # size no longer the manifest's

    with pytest.raises(BackupError, match="大小"):
        verify_backup(_rewrite(backup, tmp_path / "grown.zip", grow))

    def huge(entries: dict, manifest: dict) -> None:
        name = next(n for n in entries if n.startswith("files/"))
        manifest["entries"][name]["size"] = 10**12

    with pytest.raises(BackupError, match="大小"):
        verify_backup(_rewrite(backup, tmp_path / "huge.zip", huge))


def test_a_failing_restore_leaves_the_database_as_it_was(
    desk: Desk, database_url: str | None, data_dir: Path, tmp_path: Path
):
    """Rows that cannot go in (a row naming a unit that does not exist) fail half-way through the
    load: everything rolls back, the employees and files stay."""

    def orphan(entries: dict, manifest: dict) -> None:
        name = "rows/employee.jsonl"
        rows = [json.loads(line) for line in entries[name].splitlines()]
        rows[0]["employer_id"] = 999
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
        entries[name] = data
        import hashlib

        manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    desk.materials.attach(eid, "hukou-pages", _scan(tmp_path / "h.pdf", "户口"), scan=False)
    backup = create_backup(data_dir, tmp_path / "backup.zip")
    bad = _rewrite(backup, tmp_path / "orphan.zip", orphan)
    verify_backup(bad)  # well-formed: the failure comes during the load
    desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    before = [(s.id, s.name) for s in desk.employees.summaries()]
    hashes = desk.uow.vault.hashes()
    with pytest.raises(BackupError, match="数据库保持原样"):
        restore_backup(bad, data_dir, database_url)
    assert [(s.id, s.name) for s in desk.employees.summaries()] == before
    assert desk.uow.vault.hashes() == hashes


def test_safety_copies_before_restore_are_rotated(sqlite_records: Desk, data_dir: Path, backup: Path):
    desk = sqlite_records
    for i in range(4):
        restore_backup(backup, data_dir)
        # names carry the second; keep them apart without sleeping
        for f in (data_dir / "backups").glob("before-restore-*.zip"):
            if "-x" not in f.name:
                f.rename(f.with_name(f.stem + f"-x{i}.zip"))
    assert len(list((data_dir / "backups").glob("before-restore-*.zip"))) == 3
    assert [s.name for s in desk.employees.summaries()] == ["张三"]


def test_daily_backup_that_cannot_run_says_so(sqlite_records: Desk, data_dir: Path):
    """A daily backup that cannot be written (here: its scratch file's name is taken by a folder, as
    a full or read-only disk would refuse it) raises with the reason instead of passing silently."""
    blocker = data_dir / "backups" / ".daily-2026-11-25.zip.partial"
    blocker.mkdir(parents=True)
    with pytest.raises(BackupError, match="备份没有完成"):
        rotate_daily(data_dir, clock=FixedClock.on(date(2026, 11, 25)))
    blocker.rmdir()
    assert rotate_daily(data_dir, clock=FixedClock.on(date(2026, 11, 25))) is not None


def test_temporary_vault_files_left_by_a_crash_are_cleaned(data_dir: Path):
    folder = data_dir / "vault" / "ab"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".abc.pdf.x1y2", folder / ".abd.pdf.z3"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    now = time.time()  # the clock the cleaner reads (faked in the date-shift runs; file times are not)
    os.utime(stale, (now - 7200, now - 7200))
    os.utime(fresh, (now, now))
    Desk.open(data_dir, lock=False).close()
    assert not stale.exists() and fresh.exists()


def test_old_sqlite_vault_and_settings_files_move_into_the_database(tmp_path: Path):
    """A data folder from before migration 0006: vault files become database rows, the TOML copies
    of wage figures and holidays are read in and renamed."""
    from hrdesk.store.db import make_engine, migrate

    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(f"sqlite:///{folder / 'hrdesk.sqlite'}")
    migrate(engine, target="0003")
    engine.dispose()
    import hashlib

    data = _scan(tmp_path / "x.pdf", "旧").read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    (folder / "vault" / digest[:2]).mkdir(parents=True)
    (folder / "vault" / digest[:2] / f"{digest}.pdf").write_bytes(data)
    (folder / "wages.toml").write_text("[[figure]]\nyear = 2025\nmonthly = 12500\n", encoding="utf-8")
    (folder / "holidays.toml").write_text('[2027]\nholidays = ["2027-01-01"]\n', encoding="utf-8")
    with Desk.open(folder) as desk:
        assert digest in desk.uow.vault.hashes()
        assert [w.year for w in desk.rule_data.wage_figures()] == [2025]
        assert [h.day for h in desk.rule_data.holiday_days()] == [date(2027, 1, 1)]
    assert not (folder / "wages.toml").exists() and (folder / "wages.toml.imported").exists()


def test_a_backup_from_before_the_shared_database_still_restores(tmp_path: Path):
    """Format 1 (an SQLite snapshot and the vault folder): converted on the way in. Made here by
    taking a database back to 0003 (migration 0006's downgrade) and zipping it as hrdesk did then."""
    import hashlib

    from alembic import command
    from sqlalchemy import create_engine

    from hrdesk.store.db import alembic_config, snapshot

    old = tmp_path / "old"
    with Desk.open(old) as desk:
        eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
        material = desk.materials.attach(eid, "hukou-pages", _scan(tmp_path / "h.pdf", "户口"), scan=False)
    # SQLite rebuilds a table to drop a column, which foreign keys forbid: downgrade without them.
    plain = create_engine(f"sqlite:///{old / 'hrdesk.sqlite'}")
    cfg = alembic_config()
    with plain.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    plain.dispose()
    snap = snapshot(old / "hrdesk.sqlite", tmp_path / "snap.sqlite")
    vault_file = old / "vault" / material.sha256[:2] / f"{material.sha256}.pdf"
    files = {"hrdesk.sqlite": hashlib.sha256(snap.read_bytes()).hexdigest()}
    legacy = tmp_path / "legacy.zip"
    with zipfile.ZipFile(legacy, "w") as zf:
        zf.write(snap, "hrdesk.sqlite")
        arc = f"vault/{material.sha256[:2]}/{material.sha256}.pdf"
        zf.write(vault_file, arc)
        files[arc] = material.sha256
        zf.writestr(MANIFEST, json.dumps({"format": "hrdesk-backup/1", "files": files}))
    assert verify_backup(legacy).tables["employee"] == 1
    target = tmp_path / "new"
    restore_backup(legacy, target)
    with Desk.open(target) as restored:
        assert [s.name for s in restored.employees.summaries()] == ["张三"]
        assert restored.uow.vault.read(material.sha256) == vault_file.read_bytes()
    with zipfile.ZipFile(legacy, "a") as zf:
        zf.writestr("../evil.txt", b"x")
    with pytest.raises(BackupError, match="清单以外"):
        restore_backup(legacy, tmp_path / "never")
