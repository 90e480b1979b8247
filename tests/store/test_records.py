"""The records store: round trips, vault, trash, migrations, import errors, backups, locking."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import inspect

from hrdesk.checks.check import load_profile_file
from hrdesk.desks.backup import BackupError, create_backup, restore_backup, rotate_daily, verify_backup
from hrdesk.desks.desk import Desk
from hrdesk.rosters.api import ImportRejected, import_file, template_headers, write_template
from hrdesk.rules.profile import Employer
from hrdesk.store.db import StoreLocked, current_revision, head_revision, make_engine, migrate

ROOT = Path(__file__).resolve().parents[2]


def scan(path: Path, text: str = "scan") -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    doc.save(path)
    return path


def test_profile_round_trip_through_the_database(desk: Desk):
    original = load_profile_file(ROOT / "examples" / "changping-business-change-borrowed.json")
    employee_id = desk.employees.add_profile(original)
    stored = desk.employees.profile(employee_id)
    assert stored.employee == original.employee
    assert stored.employer.name == original.employer.name
    assert [m.kind for m in stored.materials] == sorted(m.kind for m in original.materials)
    # The same rules verdict from the file and from the database (one conversion, one rule set).
    from hrdesk.checks.check import run_check

    from_db = desk.employees.check(employee_id, "business-change", date(2026, 11, 23)).to_dict()
    from_file = run_check(original, "business-change", date(2026, 11, 23)).to_dict()
    assert from_db == from_file


def test_every_table_exists_and_summaries(desk: Desk):
    names = set(inspect(desk.uow.engine).get_table_names())
    assert {
        "employer",
        "agent",
        "employee",
        "child",
        "permit",
        "incomerecord",
        "application",
        "applicationevent",
        "material",
        "wage_figure",
        "holiday_day",
        "reminder_state",
        "audit_log",
    } <= names
    p = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    eid = desk.employees.add_profile(p)
    summary = desk.employees.summaries()[0]
    assert summary.id == eid and summary.permit_expires == date(2026, 12, 20)
    assert "130102199001011237" not in summary.id_masked
    desk.units.save_agent(summary.employer_id, "经办人甲", phone="1")
    assert desk.units.agents(summary.employer_id)[0].name == "经办人甲"
    aid = desk.applications.open_application(eid, "renewal", date(2026, 11, 1))
    desk.applications.set_application_status(aid, "returned", date(2026, 11, 5), note="请补充租赁合同")
    assert [e.status for e in desk.applications.application_events(aid)] == ["draft", "returned"]
    desk.reminders.set_reminder_state("k1", "dismissed")
    assert desk.reminders.reminder_states()["k1"].state == "dismissed"
    audit = desk.audit.audit_entries()
    assert audit and all("130102" not in (a.fields or "") for a in audit)


def test_vault_dedupes_and_trash_keeps_files_until_emptied(desk: Desk, tmp_path: Path):
    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    f = scan(tmp_path / "hukou.pdf")
    a = desk.materials.attach(eid, "hukou-pages", f)
    b = desk.materials.attach(eid, "hukou-pages", f)
    assert a.sha256 == b.sha256 and len(desk.uow.vault.hashes()) == 1
    desk.materials.remove_material(a.id)
    desk.materials.remove_material(b.id)
    assert desk.uow.vault.path(a.sha256).exists()
    desk.materials.restore_material(a.id)
    assert desk.trash.empty_trash() == 0 and desk.uow.vault.path(a.sha256).exists()
    desk.materials.remove_material(a.id)
    assert desk.trash.empty_trash() == 1 and not desk.uow.vault.path(a.sha256).exists()


def test_images_become_pdf_in_the_vault(desk: Desk, tmp_path: Path):
    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.save(tmp_path / "photo.jpg")
    m = desk.materials.attach(eid, "photo", tmp_path / "photo.jpg")
    assert desk.materials.material_path(m).read_bytes().startswith(b"%PDF") and m.pages == 1


def test_second_writer_is_refused(data_dir: Path):
    with Desk.open(data_dir), pytest.raises(StoreLocked) as refused:
        Desk.open(data_dir)
    assert "已在这个数据文件夹上打开" in refused.value.message("zh")
    assert "already open on this data folder" in refused.value.message("en")
    with Desk.open(data_dir):  # released on close
        pass


def test_the_locked_folder_is_said_in_the_users_language(data_dir: Path, capsys):
    from hrdesk.cli import main

    example = str(ROOT / "examples" / "changping-new-ready.json")
    with Desk.open(data_dir):
        assert main(["--data-dir", str(data_dir), "import", example]) != 0
        assert "已在这个数据文件夹上打开" in capsys.readouterr().err
        assert main(["--data-dir", str(data_dir), "--lang", "en", "import", example]) != 0
        err = capsys.readouterr().err
        assert "already open on this data folder" in err and "Traceback" not in err


def test_migrations_upgrade_from_every_revision(tmp_path: Path):
    for start in ("0001", "0002", "0003", "0004"):
        engine = make_engine(f"sqlite:///{tmp_path / f'old-{start}.sqlite'}")
        migrate(engine, target=start)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO employer (name, credit_code, district, entity_type, restricted_industry,"
                " good_standing, permission_granted) VALUES ('单位', '', 'changping', 'enterprise', 0, 1, 1)"
            )
        migrate(engine, data_dir=tmp_path)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT name FROM employer").scalar() == "单位"
            cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(employee)")}
            assert {"notes", "status_until", "urgency"} <= cols
            assert conn.exec_driver_sql("SELECT count(*) FROM deadline_item").scalar() == 0
        engine.dispose()
    assert list((tmp_path / "backups").glob("before-migration-0001-*.sqlite"))


def _roster(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="", encoding="gb18030") as fh:
        writer = csv.writer(fh)
        writer.writerow(template_headers())
        writer.writerows(rows)
    return path


GOOD = [
    "王五",
    "130102199001011237",
    "北京示例科技有限公司",
    "",
    "昌平区",
    "外省市",
    "2024-03-01",
    "2018-07-01",
    "学士",
    "无",
    "已婚",
    "租赁",
    "2027-06-30",
    "2028-12-31",
    "",
    "",
    "",
    "",
]


def test_import_is_all_or_nothing_with_every_error_reported(desk: Desk, tmp_path: Path):
    bad = list(GOOD)
    bad[1] = "130102199001011238"
    bad[6] = "2024-02-30"
    bad[4] = "海淀区"
    path = _roster(tmp_path / "r.csv", [GOOD, bad])
    with pytest.raises(ImportRejected) as rejected:
        import_file(desk, path)
    text = "\n".join(map(str, rejected.value.errors))
    assert "第 3 行「身份证号」" in text and "校验" in text
    assert "第 3 行「入职日期」" in text and "第 3 行「所在区」" in text
    assert desk.employees.summaries() == []
    ids = import_file(desk, _roster(tmp_path / "ok.csv", [GOOD])).new_ids
    assert len(ids) == 1 and desk.employees.summaries()[0].name == "王五"


def test_xlsx_template_has_no_importable_sample_row(desk: Desk, tmp_path: Path):
    write_template(tmp_path / "t.xlsx")
    with pytest.raises(ImportRejected):
        import_file(desk, tmp_path / "t.xlsx")
    assert desk.employees.summaries() == []


def test_backup_restore_round_trip(desk: Desk, data_dir: Path, tmp_path: Path):
    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    desk.materials.attach(eid, "hukou-pages", scan(tmp_path / "h.pdf", "户口"))
    before = [(s.name, s.status) for s in desk.employees.summaries()]
    hashes = desk.uow.vault.hashes()
    backup = create_backup(data_dir, tmp_path / "b.zip")
    assert verify_backup(backup).tables["employee"] == 1
    target = tmp_path / "restored"
    restore_backup(backup, target)
    with Desk.open(target) as restored:  # a backup of either engine restores into SQLite
        assert [(s.name, s.status) for s in restored.employees.summaries()] == before
        assert restored.uow.vault.hashes() == hashes
    broken = tmp_path / "broken.zip"
    broken.write_bytes(backup.read_bytes()[:-200])
    with pytest.raises(BackupError):
        restore_backup(broken, tmp_path / "never")
    assert not (tmp_path / "never" / "hrdesk.sqlite").exists()
    assert rotate_daily(data_dir, keep=2) is not None and rotate_daily(data_dir) is None


def test_database_files_are_owner_only(data_dir: Path):
    import os
    import stat

    if os.name != "posix":
        pytest.skip("POSIX permissions")
    Desk.open(data_dir).close()  # SQLite only: a PostgreSQL database has no file here
    db = data_dir / "hrdesk.sqlite"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_unknown_district_unit_is_refused(desk: Desk):
    with pytest.raises(ValueError) as caught:
        desk.units.save_employer(Employer(name="x", district="haidian"))
    assert "haidian" in caught.value.message("en") and "district" in caught.value.message("en")


def test_recheck_after_a_settings_change(desk: Desk, tmp_path: Path):
    from hrdesk.materials.service import recheck_all
    from hrdesk.pdf.scan import ScanSettings

    eid = desk.employees.add_profile(load_profile_file(ROOT / "examples" / "changping-new-ready.json"))
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(page.rect, color=None, fill=(0.9, 0.3, 0.3))
    pix = page.get_pixmap(dpi=160)
    out = pymupdf.open()
    out.new_page().insert_image(out[0].rect, stream=pix.tobytes("jpeg"))
    out.save(tmp_path / "scan.pdf")
    m = desk.materials.attach(eid, "hukou-pages", tmp_path / "scan.pdf")
    assert not m.defects
    seen = []
    assert recheck_all(desk, ScanSettings(min_dpi=300), lambda d, t: seen.append((d, t))) == 1
    assert any("dpi" in d for d in desk.materials.material(m.id).defects)
    assert seen[-1] == (1, 1)
    assert recheck_all(desk, ScanSettings()) == 1 and not desk.materials.material(m.id).defects
