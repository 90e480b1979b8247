"""A full command-line session (import a roster and a profile, check, pack, form, export, deadlines, and
the failures a session meets) leaves logs that hold none of the names, ID numbers, incomes or file names
it used; exceptions are logged by type and code, never by their text."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pymupdf
import pytest

from hrdesk.logging_setup import exception_summary, scrub, setup_logging
from hrdesk.rules.idnumber import check_char

ROOT = Path(__file__).resolve().parents[2]


def make_id(first17: str) -> str:
    return first17 + check_char(first17)


PROFILE_NAME, ROSTER_NAMES = "欧阳䶮", ["李思远", "王晓峰"]
PROFILE_ID = make_id("11010819880312457")
ROSTER_IDS = [make_id("13010219900101123"), make_id("11010519850722301")]
OLD_ID = "110105850722301"  # a first-generation 15-digit ID, refused by the import
INCOME = 27183  # distinctive, so a hit in the log is this income and nothing else
ATTACHED = f"{PROFILE_NAME}-身份证.pdf"


@pytest.fixture
def session_files(tmp_path: Path) -> dict[str, Path]:
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["employee"].update(name=PROFILE_NAME, id_number=PROFILE_ID)
    data["employee"]["monthly_income_cny"] = {k: INCOME for k in data["employee"]["monthly_income_cny"]}
    for m in data["materials"]:
        m["file"] = ATTACHED if m["kind"] == "id-card" else m["file"]
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), m["kind"])
        doc.save(tmp_path / m["file"])
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    header = "姓名,身份证号,单位名称,所在区\n"
    roster = tmp_path / "roster.csv"
    roster.write_text(
        header
        + "".join(
            f"{n},{i},北京示例科技有限公司,昌平区\n" for n, i in zip(ROSTER_NAMES, ROSTER_IDS, strict=True)
        ),
        encoding="utf-8",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(header + f"赵六,{OLD_ID},北京示例科技有限公司,昌平区\n", encoding="utf-8")
    return {"profile": profile, "roster": roster, "bad": bad}


@pytest.fixture
def log_cleanup():
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hrdesk", False):
            root.removeHandler(handler)
            handler.close()


def test_a_full_cli_session_logs_no_personal_data(session_files, tmp_path, data_dir, capsys, log_cleanup):
    from hrdesk.cli import main

    def run(*args: str) -> int:
        return main([*args, "--data-dir", str(data_dir)])

    data_dir.mkdir(parents=True)
    profile = str(session_files["profile"])
    assert run("import", str(session_files["roster"])) == 0
    assert run("import", profile) == 0
    assert run("import", str(session_files["bad"])) == 1  # refused row: a name and an old ID in the message
    assert run("check", profile, "--business", "new", "--on", "2026-11-23", "--json") == 0
    assert run("check", profile, "--business", "renewal", "--on", "2026-11-23") == 0
    assert (
        run("pack", "--employee", "3", "--business", "new", "-o", str(tmp_path / "pack"), "--zip", "--force")
        == 0
    )
    assert run("pack", profile, "--business", "new", "-o", str(tmp_path / "p2"), "--on", "2026-11-23") == 0
    assert run("form", "integrity-individual", "--employee", "3", "-o", str(tmp_path / "f.pdf")) == 0
    assert run("form", "housing-borrowing", profile, "-o", str(tmp_path / "h.pdf")) == 0
    assert run("form", "integrity-individual", "--employee", "99", "-o", str(tmp_path / "x.pdf")) == 2
    assert run("export", "-o", str(tmp_path / "e.json")) == 0
    assert run("export", "-o", str(tmp_path / "e.xlsx")) == 0
    assert run("deadlines", "--days", "4000") == 0
    assert run("deadlines", "--ics", str(tmp_path / "d.ics")) == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / f"{PROFILE_NAME}.txt").write_text("x", encoding="utf-8")
    assert run("pack", profile, "--business", "new", "-o", str(tmp_path / "mine"), "--on", "2026-11-23") != 0
    out = capsys.readouterr()
    assert PROFILE_NAME in out.out + out.err  # the session did show the data to the user …

    # … and failures deep inside, as the GUI's workers meet them, reach the log as well:
    log = logging.getLogger("hrdesk.test")
    db = sqlite3.connect(":memory:")
    db.execute("create table e (id_number text unique, name text)")
    db.execute("insert into e values (?, ?)", (PROFILE_ID, PROFILE_NAME))
    try:
        db.execute("insert into e values (?, ?)", (PROFILE_ID, PROFILE_NAME))
    except sqlite3.IntegrityError:
        log.exception("saving failed")
    try:
        open(tmp_path / "gone" / ATTACHED, "rb")  # noqa: SIM115
    except OSError as exc:
        log.error("attach failed: %s", exc)
        try:
            raise ValueError(f"{PROFILE_NAME} {ROSTER_IDS[0]} income {INCOME}") from exc
        except ValueError:
            log.exception("import failed")
    for handler in logging.getLogger().handlers:
        handler.flush()

    logs = sorted((data_dir / "logs").glob("hrdesk.log*"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in logs)
    assert "command import" in text and "command pack: exit 0" in text and "command deadlines" in text
    assert "sqlite3.IntegrityError [sqlite SQLITE_CONSTRAINT_UNIQUE]" in text
    assert "FileNotFoundError [errno ENOENT]" in text and "ValueError" in text
    assert "Traceback (most recent call last)" in text and "test_privacy_session.py" in text  # frames kept
    secrets = [PROFILE_NAME, *ROSTER_NAMES, "赵六", PROFILE_ID, *ROSTER_IDS, OLD_ID, str(INCOME), ATTACHED]
    for secret in secrets:
        assert secret not in text, secret


@pytest.mark.parametrize(
    "raw",
    [
        "130102199001011237",
        "11010519491231002X",
        "110105 19491231 002X",
        "1101-0519-4912-3100-2X",
        "110105850722301",
        "１３０１０２１９９００１０１１２３７",
        "110105 850722 301",
        "13912345678",
        "139 1234 5678",
        "91110114MA01ABCD1X",
    ],
)
def test_scrub_masks_ids_in_every_shape(raw):
    text = scrub(f"row 3: {raw}, ok")
    digits = [c for c in raw if c.isdigit()]
    assert raw not in text and "".join(digits[:10]) not in text.replace(" ", "").replace("-", "")
    assert text.startswith("row 3: <") and text.endswith(", ok")


def test_scrub_leaves_dates_counts_and_times_alone():
    text = "2026-11-25 18:55:21,123 INFO packed 12 files, 340 pages in 1.25 s (exit 0)"
    assert scrub(text) == text


def test_exception_summary_has_type_and_code_never_text(tmp_path):
    try:
        open(tmp_path / f"{PROFILE_NAME}.pdf", "rb")  # noqa: SIM115
    except OSError as exc:
        assert exception_summary(exc) == "FileNotFoundError [errno ENOENT]"
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import IntegrityError

    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        conn.execute(text("create table e (n text unique)"))
        conn.execute(text("insert into e values (:n)"), {"n": PROFILE_NAME})
    with pytest.raises(IntegrityError) as err, engine.begin() as conn:
        conn.execute(text("insert into e values (:n)"), {"n": PROFILE_NAME})
    summary = exception_summary(err.value)
    assert PROFILE_NAME not in summary and PROFILE_NAME in str(err.value)
    assert summary.startswith("sqlalchemy.exc.IntegrityError [") and "SQLITE_CONSTRAINT_UNIQUE" in summary


def test_log_files_are_owner_only(data_dir, log_cleanup):
    import os
    import stat

    path = setup_logging(data_dir)
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
