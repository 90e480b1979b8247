"""An upgrade from a data folder at revision 0003 cannot half-finish: a real child process is killed
(SIGKILL) at several points of the upgrade — inside the schema change, while the vault files go in,
after the commit, between the renames and the marker — and the next start has every material's file
and the user's wage figure (issue "Nothing lost, nothing wrong")."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from alembic import command
from sqlalchemy import create_engine, select

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.desk import Desk
from hrdesk.store import models as m
from hrdesk.store.db import alembic_config, current_revision, head_revision, make_engine, open_database
from hrdesk.store.integrity import check_material_files
from hrdesk.store.legacy import pending_marker

ROOT = Path(__file__).resolve().parents[2]
FILES = 4

CHILD = r"""
import os, signal, sys
from pathlib import Path

folder, point = Path(sys.argv[1]), sys.argv[2]


def die(*_a, **_k):
    sys.stdout.write("killing\n")
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


from hrdesk.store import legacy

kind, _, arg = point.partition(":")
if kind == "sql":  # the first statement containing `arg` (a step of the schema change)
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "before_cursor_execute")
    def _watch(conn, cursor, statement, *rest):
        if arg in statement:
            die()
elif kind == "file":  # the arg-th vault file going into the database
    original = legacy.insert_blob
    seen = []

    def counted(*a, **k):
        seen.append(1)
        if len(seen) == int(arg):
            die()
        return original(*a, **k)

    legacy.insert_blob = counted
elif kind == "before-commit":
    original_import = legacy.import_data_folder

    def then_die(*a, **k):
        original_import(*a, **k)
        die()

    legacy.import_data_folder = then_die
elif kind == "after-commit":
    legacy.finish_data_folder_import = die
elif kind == "after-rename":
    legacy._sync_folder = die

from hrdesk.store.db import open_database

engine, lock = open_database(folder)
print("finished", flush=True)
"""

POINTS = [
    "sql:CREATE TABLE blob",
    "sql:CREATE TRIGGER",
    "file:1",
    f"file:{FILES}",
    "before-commit",
    "after-commit",
    "after-rename",
]


def _scan(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), label)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def old_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A data folder as hrdesk left it at revision 0003: the database without `blob`, the scans in
    vault/, the user's wage figure and holidays in TOML files beside it."""
    base = tmp_path_factory.mktemp("old")
    folder = base / "data"
    with Desk.open(folder) as desk:
        eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
        hashes = {
            desk.materials.attach(
                eid, "hukou-pages", _scan(base / f"s{i}.pdf", f"户口 {i}"), scan=False
            ).sha256
            for i in range(FILES)
        }
    plain = create_engine(f"sqlite:///{folder / 'hrdesk.sqlite'}")  # SQLite drops columns without FKs
    cfg = alembic_config()
    with plain.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    plain.dispose()
    (folder / "wages.toml").write_text("[[figure]]\nyear = 2025\nmonthly = 12500\n", encoding="utf-8")
    (folder / "holidays.toml").write_text('[2027]\nholidays = ["2027-01-01"]\n', encoding="utf-8")
    for stale in folder.glob("backups"):
        shutil.rmtree(stale)
    return folder, hashes


def _assert_whole(folder: Path, hashes: set[str]) -> None:
    engine, lock = open_database(folder)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            stored = set(conn.execute(select(m.Blob.sha256)).scalars())
            wages = {y: v for y, v in conn.execute(select(m.WageFigureRow.year, m.WageFigureRow.monthly))}
            days = set(conn.execute(select(m.HolidayDay.day)).scalars())
        assert hashes <= stored
        assert wages.get(2025) == 12500
        assert date(2027, 1, 1) in days
        assert check_material_files(engine, folder / "vault").ok
        assert not pending_marker(folder).exists()
        assert not (folder / "wages.toml").exists() and (folder / "wages.toml.imported").exists()
    finally:
        engine.dispose()
        if lock:
            lock.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("point", POINTS)
def test_killed_upgrade_loses_nothing(old_folder: tuple[Path, set[str]], tmp_path: Path, point: str):
    template, hashes = old_folder
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    # The scans only exist in vault/ (the old layout): the database must end up holding them all.
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), point], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, proc.stdout, proc.stderr[-2000:])
    assert "killing" in proc.stdout
    # The cache may even be gone on this desk after the kill: the database alone must hold the scans
    # once the upgrade committed; before that, the folder still has them and the next start moves them.
    _assert_whole(folder, hashes)


def test_a_missing_file_is_repaired_from_the_cache_or_named(tmp_path: Path):
    folder = tmp_path / "data"
    with Desk.open(folder) as desk:
        eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
        kept = desk.materials.attach(eid, "hukou-pages", _scan(tmp_path / "a.pdf", "甲"), scan=False)
        lost = desk.materials.attach(eid, "id-card", _scan(tmp_path / "b.pdf", "乙"), scan=False)
    engine = make_engine(f"sqlite:///{folder / 'hrdesk.sqlite'}")
    with engine.begin() as conn:
        conn.execute(m.Blob.__table__.delete())
    engine.dispose()
    (folder / "vault" / lost.sha256[:2] / f"{lost.sha256}.pdf").unlink()
    from hrdesk.store.db import material_file_check

    with Desk.open(folder) as desk:
        found = material_file_check(folder)
        assert found is not None and not found.ok
        assert found.repaired == (kept.sha256,)
        assert [f.sha256 for f in found.missing] == [lost.sha256]
        [line] = [x for x in found.messages() if "丢失" in x]
        assert "id-card" in line and "\n" not in line
        assert "missing" in found.messages("en")[-1]
        assert desk.uow.vault.read(kept.sha256) is not None
