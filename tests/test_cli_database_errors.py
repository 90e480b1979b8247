"""A database that fails under a command (a damaged or altered file here; a lost server is the same path)
gives HR one line in their language, never a traceback or the driver's text (it quotes SQL and people's
names), and leaves the records as they were."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hrdesk", *args], capture_output=True, text=True, encoding="utf-8"
    )


def rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select id, name, status, status_on, version from employee order by id"
        ).fetchall()


@pytest.fixture
def broken_desk(tmp_path: Path, examples_dir: Path) -> tuple[Path, Path]:
    """A desk with the example person stored, then a table taken away behind hrdesk's back."""
    data = tmp_path / "data"
    profile = examples_dir / "changping-new-ready.json"
    stored = run_cli("--data-dir", str(data), "import", str(profile))
    assert stored.returncode == 0, stored.stderr
    with sqlite3.connect(data / "hrdesk.sqlite") as conn:
        conn.execute("alter table permit rename to permit_elsewhere")
    return data, profile


def assert_one_clean_line(proc: subprocess.CompletedProcess[str], profile: Path, words: str) -> None:
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    person = json.loads(profile.read_text(encoding="utf-8"))["employee"]
    line = lines[0]
    assert words in line
    for leak in ("Traceback", "SELECT", "permit", person["name"], person["id_number"]):
        assert leak not in line


@pytest.mark.parametrize(("lang", "words"), [("zh", "读写数据库时出错"), ("en", "the database failed")])
def test_import_preview_on_a_failing_database(broken_desk, lang, words):
    data, profile = broken_desk
    before = rows(data / "hrdesk.sqlite")
    for extra in (["--dry-run"], []):
        proc = run_cli("--lang", lang, "--data-dir", str(data), "import", str(profile), *extra)
        assert_one_clean_line(proc, profile, words)
    assert rows(data / "hrdesk.sqlite") == before


def test_status_refresh_on_a_failing_database(broken_desk):
    data, profile = broken_desk
    before = rows(data / "hrdesk.sqlite")
    # A day far enough ahead that the stored statuses are out of date: `deadlines` refreshes them first.
    proc = run_cli("--lang", "en", "--data-dir", str(data), "deadlines", "--on", "2027-09-01")
    assert_one_clean_line(proc, profile, "the database failed")
    assert rows(data / "hrdesk.sqlite") == before
