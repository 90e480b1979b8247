"""Restore validates every field that becomes a path or a reference, refuses a backup without the
application's tables or missing a scan, reports counts before and after (and the command line asks
before removing people); a killed backup never leaves a readable partial file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.desks.backup import BackupError, create_backup, plan_restore, restore_backup
from hrdesk.desks.desk import Desk
from hrdesk.store.dump import MANIFEST
from hrdesk.store.vault import Vault, VaultError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "changping-new-ready.json"


def _scan(path: Path, label: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), label)
    doc.save(path)
    return path


@pytest.fixture
def backup(data_dir: Path, tmp_path: Path) -> Path:
    with Desk.open(data_dir) as desk:
        eid = desk.employees.add_profile(load_profile_file(EXAMPLE))
        desk.materials.attach(eid, "hukou-pages", _scan(tmp_path / "h.pdf", "户口"), scan=False)
    return create_backup(data_dir, tmp_path / "backup.zip")


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a backup, letting `change(entries, manifest)` alter entries and the manifest; the manifest's
    hashes and sizes are recomputed, as a careful forger would."""
    with zipfile.ZipFile(source) as zf:
        entries = {n: zf.read(n) for n in zf.namelist() if n != MANIFEST}
        manifest = json.loads(zf.read(MANIFEST))
    change(entries, manifest)
    for name, data in entries.items():
        if name.startswith("rows/"):
            manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            manifest["tables"][name[5:-6]] = data.count(b"\n")
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
        zf.writestr(MANIFEST, json.dumps(manifest))
    return target


def _material_sha(value: str):
    def change(entries: dict, manifest: dict) -> None:
        rows = [json.loads(x) for x in entries["rows/material.jsonl"].splitlines()]
        rows[0]["sha256"] = value
        entries["rows/material.jsonl"] = "".join(json.dumps(r) + "\n" for r in rows).encode()

    return change


@pytest.mark.parametrize(
    "value", ["../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "AB" * 32, "a" * 63 + "/"]
)
def test_a_material_hash_that_is_not_a_hash_is_refused(backup: Path, tmp_path: Path, value: str):
    crafted = _rewrite(backup, tmp_path / "crafted.zip", _material_sha(value))
    target = tmp_path / "target"
    with pytest.raises(BackupError) as refused:
        restore_backup(crafted, target)
    assert "SHA-256" in refused.value.message("zh") and "SHA-256" in refused.value.message("en")
    assert "\n" not in refused.value.message("zh")
    assert not (target / "hrdesk.sqlite").exists() or Desk.open(target).employees.summaries() == []


def test_a_material_whose_scan_is_not_in_the_backup_is_refused(backup: Path, tmp_path: Path):
    def drop_files(entries: dict, manifest: dict) -> None:
        for name in [n for n in entries if n.startswith("files/")]:
            del entries[name]
            del manifest["entries"][name]

    crafted = _rewrite(backup, tmp_path / "no-scan.zip", drop_files)
    with pytest.raises(BackupError) as refused:
        restore_backup(crafted, tmp_path / "target")
    assert "不在备份中" in refused.value.message("zh") and "not in the backup" in refused.value.message("en")


def test_a_backup_of_a_manifest_alone_is_refused(data_dir: Path, backup: Path, tmp_path: Path):
    def only_manifest(entries: dict, manifest: dict) -> None:
        entries.clear()
        manifest["entries"], manifest["tables"] = {}, {}

    crafted = _rewrite(backup, tmp_path / "empty.zip", only_manifest)
    with pytest.raises(BackupError) as refused:
        restore_backup(crafted, data_dir)
    assert "employer" in refused.value.message("zh") or "employee" in refused.value.message("zh")
    with Desk.open(data_dir) as desk:  # the database is as it was
        assert [s.name for s in desk.employees.summaries()] == ["张三"]


def test_a_file_entry_named_apart_from_its_content_is_refused(backup: Path, tmp_path: Path):
    def rename(entries: dict, manifest: dict) -> None:
        [name] = [n for n in entries if n.startswith("files/")]
        entries["files/../../evil.pdf"] = entries.pop(name)
        manifest["entries"]["files/../../evil.pdf"] = manifest["entries"].pop(name)

    crafted = _rewrite(backup, tmp_path / "renamed.zip", rename)
    with pytest.raises(BackupError):
        restore_backup(crafted, tmp_path / "target")


def test_the_vault_builds_no_path_from_a_name_that_is_not_a_hash(tmp_path: Path):
    vault = Vault(tmp_path / "vault")
    for bad in ("../../etc/passwd", "/etc/passwd", "", "A" * 64):
        with pytest.raises(VaultError):
            vault.path(bad)
    assert vault.path("a" * 64) == tmp_path / "vault" / "aa" / f"{'a' * 64}.pdf"


def test_plan_counts_before_and_after(data_dir: Path, backup: Path, tmp_path: Path):
    plan = plan_restore(backup, tmp_path / "empty-folder")
    assert plan.backup_employees == 1 and plan.backup_materials >= 1  # the profile's and the scan
    assert (plan.current_employees, plan.current_materials, plan.removes_people) == (0, 0, False)
    plan = plan_restore(backup, data_dir)  # the same people: nobody removed
    assert (plan.current_employees, plan.people_removed) == (1, 0)
    assert plan.current_materials == plan.backup_materials
    other = tmp_path / "other"
    with Desk.open(other) as desk:
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    plan = plan_restore(backup, other)
    assert plan.current_employees == 1 and plan.people_removed == 1 and plan.removes_people


def test_cli_asks_before_removing_people(backup: Path, tmp_path: Path, monkeypatch, capsys):
    other = tmp_path / "other"
    with Desk.open(other) as desk:
        desk.employees.add_profile(load_profile_file(ROOT / "examples" / "yanqing-new-ready.json"))
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert main(["--data-dir", str(other), "restore", str(backup)]) == 1
    out = capsys.readouterr()
    assert "备份 backup.zip：1 名员工" in out.out and "当前数据：1 名员工" in out.out and "未恢复" in out.err
    with Desk.open(other) as desk:
        assert [s.name for s in desk.employees.summaries()] != ["张三"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: no answer is no
    assert main(["--data-dir", str(other), "restore", str(backup), "--lang", "en"]) == 1
    assert "Not restored" in capsys.readouterr().err
    assert main(["--data-dir", str(other), "restore", str(backup), "--yes"]) == 0
    with Desk.open(other) as desk:
        assert [s.name for s in desk.employees.summaries()] == ["张三"]


def test_cli_refuses_a_crafted_backup_in_one_line_of_the_users_language(backup: Path, tmp_path: Path, capsys):
    crafted = _rewrite(backup, tmp_path / "crafted.zip", _material_sha("../../x"))
    for lang, needle in (("zh", "已拒绝恢复"), ("en", "refused")):
        code = main(["--data-dir", str(tmp_path / "t"), "restore", str(crafted), "--yes", "--lang", lang])
        err = capsys.readouterr().err
        assert code == 2 and needle in err and len(err.strip().splitlines()) == 1, err
        assert "Traceback" not in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_partial_backup_is_owner_only_from_the_first_byte(
    data_dir: Path, backup: Path, tmp_path: Path, monkeypatch
):
    target = tmp_path / "out" / "b.zip"
    partial = target.with_name(f".{target.name}.partial")
    target.parent.mkdir()
    partial.write_bytes(b"left by an older hrdesk")
    partial.chmod(0o644)
    modes: list[int] = []
    original = zipfile.ZipFile.open

    def watching(self, name, mode="r", **kw):
        if mode == "w" and partial.exists():
            modes.append(stat.S_IMODE(partial.stat().st_mode))
            raise KeyboardInterrupt  # stands in for the kill: the partial file is as a kill would leave it
        return original(self, name, mode, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", watching)
    with pytest.raises(KeyboardInterrupt):
        create_backup(data_dir, target)
    assert modes and modes[0] == 0o600
