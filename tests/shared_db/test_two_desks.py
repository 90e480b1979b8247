"""Several HR desks on one database: two data folders, one PostgreSQL database (or one SQLite file for
the engine-independent parts), through the real command line and the records service."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import text

from hrdesk.checks.check import policies
from hrdesk.cli import main
from hrdesk.desks.changes import changes_since, current_counter
from hrdesk.desks.desk import Desk
from hrdesk.employees.profile_merge import merge_profiles, save_conflict
from hrdesk.store.db import SchemaTooNew
from hrdesk.store.versions import StaleVersion
from tests.conftest import drop_postgres_schema, fresh_postgres_schema

ROOT = Path(__file__).resolve().parents[2]
OTHER_ID = "130102199001011536"  # a second valid ID number (one employee per ID number)


@pytest.fixture
def pg_url(postgres_server: str):
    schema, url = fresh_postgres_schema(postgres_server)
    yield url
    drop_postgres_schema(postgres_server, schema)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request: pytest.FixtureRequest, tmp_path: Path):
    """One database two desks point at: a SQLite file outside both data folders, or PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.sqlite'}"
    return request.getfixturevalue("pg_url")


def scanned(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(page.rect, color=None, fill=(0.95, 0.9, 0.8))
    page.insert_text((72, 72), label)
    doc.save(path)
    return path


def profile_with_scans(folder: Path) -> Path:
    """An example profile whose materials are real PDFs beside it (the import copies them in)."""
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(data["materials"]):
        scanned(folder / item["file"], f"{item['kind']} {i}")
    path = folder / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_desk_b_lists_exports_and_packs_what_desk_a_imported_and_its_backup_restores_elsewhere(
    tmp_path: Path, pg_url: str, postgres_server: str
):
    desk_a, desk_b, desk_c = tmp_path / "desk-a", tmp_path / "desk-b", tmp_path / "desk-c"
    profile = profile_with_scans(tmp_path / "incoming")
    assert main(["--data-dir", str(desk_a), "--database-url", pg_url, "import", str(profile)]) == 0

    with Desk.open(desk_b, pg_url) as b:
        [summary] = b.employees.summaries()
        assert summary.name == "张三"
        hashes = b.uow.vault.hashes()
        assert len(hashes) == 13
        assert not (desk_b / "vault").exists() or not any((desk_b / "vault").rglob("*.pdf"))
        employee_id = summary.id
    out = tmp_path / "export" / "all.json"
    assert main(["--data-dir", str(desk_b), "--database-url", pg_url, "export", "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))["profiles"][0]
    files = [out.parent / item["file"] for item in exported["materials"]]
    assert len(files) == 13 and all(f.read_bytes().startswith(b"%PDF") for f in files)
    pack = tmp_path / "pack"
    argv = ["--data-dir", str(desk_b), "--database-url", pg_url, "pack", "--employee", str(employee_id)]
    assert main([*argv, "--business", "new", "-o", str(pack), "--force", "--on", "2026-11-23"]) == 0
    assert len(list(pack.glob("*.pdf"))) >= 5

    backup = tmp_path / "desk-b.zip"
    assert main(["--data-dir", str(desk_b), "--database-url", pg_url, "backup", "-o", str(backup)]) == 0
    schema, fresh = fresh_postgres_schema(postgres_server)
    try:
        assert main(["--data-dir", str(desk_c), "--database-url", fresh, "restore", str(backup)]) == 0
        with Desk.open(desk_c, fresh) as c, Desk.open(desk_b, pg_url) as b:
            assert [(s.name, s.id_masked, s.status) for s in c.employees.summaries()] == [
                (s.name, s.id_masked, s.status) for s in b.employees.summaries()
            ]
            assert c.employees.profiles() == b.employees.profiles()
            assert c.uow.vault.hashes() == hashes
            for digest in hashes:
                assert c.uow.vault.path(digest).read_bytes() == b.uow.vault.path(digest).read_bytes()
            # The restored database takes new rows after the restored ids (sequences moved on).
            again = c.employees.profile(employee_id)
            again = replace(again, employee=replace(again.employee, id_number=OTHER_ID))
            assert c.employees.add_profile(again) > employee_id
        # …and the same backup restores into SQLite.
        sqlite_desk = tmp_path / "desk-sqlite"
        # (HRDESK_DATABASE_URL still names `fresh`, which now holds one more person: --yes, not a question)
        assert main(["--data-dir", str(sqlite_desk), "restore", str(backup), "--yes"]) == 0
        with Desk.open(sqlite_desk) as s:
            assert [x.name for x in s.employees.summaries()] == ["张三"] and s.uow.vault.hashes() == hashes
    finally:
        drop_postgres_schema(postgres_server, schema)


def test_second_save_against_a_stale_version_is_refused_then_merged(tmp_path: Path, shared_url: str):
    with Desk.open(tmp_path / "a", shared_url) as a, Desk.open(tmp_path / "b", shared_url) as b:
        employee_id = a.employees.add_profile(_example_profile())
        loaded_a, version_a = a.employees.profile(employee_id), a.employees.employee(employee_id).version
        loaded_b, version_b = b.employees.profile(employee_id), b.employees.employee(employee_id).version
        assert version_a == version_b

        # Desk A records a new income month and saves first.
        mine_a = replace(
            loaded_a,
            employee=replace(
                loaded_a.employee,
                monthly_income_cny={**loaded_a.employee.monthly_income_cny, "2026-10": 23456.0},
            ),
        )
        new_version = a.employees.update_profile(
            employee_id, mine_a, expected_version=version_a, base=loaded_a
        )
        assert new_version == version_a + 1

        # Desk B changes the name against the version it loaded: refused, nothing written.
        mine_b = replace(loaded_b, employee=replace(loaded_b.employee, name="张三丰"))
        with pytest.raises(StaleVersion) as refused:
            b.employees.update_profile(employee_id, mine_b, expected_version=version_b, base=loaded_b)
        assert refused.value.current == new_version and refused.value.expected == version_b
        assert "另一台电脑" in str(refused.value)
        assert b.employees.profile(employee_id).employee.name == "张三"

        # The window offers the other desk's version beside this one; the user merges fields.
        conflict = save_conflict(b, employee_id, loaded_b, mine_b)
        assert conflict.theirs_version == refused.value.current
        assert conflict.theirs.employee.monthly_income_cny["2026-10"] == 23456.0
        merged = conflict.merge
        assert merged.conflicts == () and merged.changed == ("name",)
        b.employees.update_profile(
            employee_id, merged.profile, expected_version=conflict.theirs_version, base=conflict.theirs
        )

        stored = a.employees.profile(employee_id).employee
        assert stored.name == "张三丰" and stored.monthly_income_cny["2026-10"] == 23456.0
        assert a.employees.employee(employee_id).version == new_version + 1


def test_a_save_with_its_base_writes_only_what_changed(tmp_path: Path, shared_url: str):
    """No version named (an older caller, or the user chose "overwrite"), but the loaded profile given:
    desk B's change of name does not wipe desk A's new income month."""
    with Desk.open(tmp_path / "a", shared_url) as a, Desk.open(tmp_path / "b", shared_url) as b:
        employee_id = a.employees.add_profile(_example_profile())
        loaded_b = b.employees.profile(employee_id)
        loaded_a = a.employees.profile(employee_id)
        incomes = {**loaded_a.employee.monthly_income_cny, "2026-10": 30000.0}
        a.employees.update_profile(
            employee_id, replace(loaded_a, employee=replace(loaded_a.employee, monthly_income_cny=incomes))
        )
        b.employees.update_profile(
            employee_id, replace(loaded_b, employee=replace(loaded_b.employee, name="李四")), base=loaded_b
        )
        stored = a.employees.profile(employee_id).employee
        assert stored.name == "李四" and stored.monthly_income_cny["2026-10"] == 30000.0


def test_conflicting_fields_are_listed(tmp_path: Path):
    base = _example_profile()
    mine = replace(base, employee=replace(base.employee, name="甲", title="senior"))
    theirs = replace(base, employee=replace(base.employee, name="乙"))
    merged = merge_profiles(base, mine, theirs, prefer="theirs")
    assert merged.conflicts == ("name",)
    assert merged.profile.employee.name == "乙" and merged.profile.employee.title == "senior"


def test_another_desks_writes_and_settings_appear_without_a_restart(
    tmp_path: Path, shared_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("hrdesk.checks.rule_data.SETTINGS_TTL", 0.0)  # no waiting in a test
    with Desk.open(tmp_path / "a", shared_url) as a, Desk.open(tmp_path / "b", shared_url) as b:
        counter = current_counter(b)
        employee_id = a.employees.add_profile(_example_profile())
        other = _example_profile()
        other_id = a.employees.add_profile(
            replace(other, employee=replace(other.employee, name="王五", id_number=OTHER_ID))
        )
        counter, changed = changes_since(b, counter)
        assert changed == sorted([employee_id, other_id])
        assert changes_since(b, counter) == (counter, [])
        a.employees.refresh_statuses(on=date(2026, 12, 1))  # a cached status is not a change for other desks
        assert changes_since(b, counter) == (counter, [])
        a.materials.attach(employee_id, "hukou-pages", scanned(tmp_path / "h.pdf", "户口"), scan=False)
        counter, changed = changes_since(b, counter)
        assert changed == [employee_id]
        # A new wage figure entered at desk A is used by desk B's rules at once.
        assert 2025 not in {f.year for f in policies(b.data_dir).wages}
        a.rule_data.save_wage_figure(2025, 12345, date(2026, 7, 1), "测试")
        assert {f.year: f.monthly for f in policies(b.data_dir).wages}[2025] == 12345
        counter, changed = changes_since(b, counter)
        assert changed == sorted([employee_id, other_id])  # settings touch every verdict
        a.rule_data.set_holiday_year(2027, [date(2027, 1, 1)], [])
        from hrdesk.checks.check import work_calendar

        assert not work_calendar(b.data_dir).is_workday(date(2027, 1, 1))
        assert not (tmp_path / "a" / "wages.toml").exists()  # the database is the one source


def test_reminder_state_is_per_desk_user(tmp_path: Path, shared_url: str):
    with Desk.open(tmp_path / "a", shared_url) as a, Desk.open(tmp_path / "b", shared_url) as b:
        b.uow.actor = "另一位HR"
        a.reminders.set_reminder_state("k1", "dismissed")
        assert "k1" in a.reminders.reminder_states() and "k1" not in b.reminders.reminder_states()
        with a.uow.engine.begin() as conn:  # a row from before migration 0006 (no user): everyone's
            conn.execute(
                text(
                    "INSERT INTO reminder_state (desk_user, key, state, updated_at) VALUES ('', 'k0', 'shown', :t)"
                ),
                {"t": date(2026, 11, 1)},
            )
        assert b.reminders.reminder_states()["k0"].state == "shown"
        b.reminders.set_reminder_state("k0", "dismissed")
        assert (
            b.reminders.reminder_states()["k0"].state == "dismissed"
            and a.reminders.reminder_states()["k0"].state == "shown"
        )


def test_a_desk_older_than_the_schema_stops_in_words_without_writing(
    tmp_path: Path, shared_url: str, capsys: pytest.CaptureFixture[str]
):
    with Desk.open(tmp_path / "a", shared_url) as a, a.uow.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(SchemaTooNew, match="这台电脑上的 hrdesk 版本比数据库旧，请先升级"):
        Desk.open(tmp_path / "b", shared_url)
    assert not (tmp_path / "b" / "backups").exists()
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "c"),
                "--database-url",
                shared_url,
                "export",
                "-o",
                str(tmp_path / "x.json"),
            ]
        )
        == 1
    )
    assert "请先升级" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_two_desks_migrating_at_once_both_open(tmp_path: Path, pg_url: str):
    """The advisory lock: the second desk waits, then finds the schema already at head."""
    errors: list[BaseException] = []

    def desk(name: str) -> None:
        try:
            Desk.open(tmp_path / name, pg_url).close()
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in ("a", "b", "c")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []


def test_an_unreachable_server_is_said_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    url = "postgresql://hr@127.0.0.1:1/hrdesk"
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "d"),
                "--database-url",
                url,
                "export",
                "-o",
                str(tmp_path / "x.json"),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "无法连接数据库 hr@127.0.0.1:1/hrdesk" in err and "Traceback" not in err


def _example_profile():
    from hrdesk.checks.check import load_profile_file

    return load_profile_file(ROOT / "examples" / "changping-new-ready.json")


def test_a_postgresql_migration_is_backed_up_first(tmp_path: Path, pg_url: str):
    from hrdesk.desks.backup import verify_backup
    from hrdesk.store.db import make_engine, migrate

    engine = make_engine(pg_url)
    migrate(engine, target="0003")
    engine.dispose()
    Desk.open(tmp_path / "desk", pg_url).close()
    [copy] = (tmp_path / "desk" / "backups").glob("before-migration-0003-*.zip")
    assert verify_backup(copy).revision == "0003"
