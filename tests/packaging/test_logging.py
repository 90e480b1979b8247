"""The log never holds an ID number, a name or an income, even after a session with the demo data."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from hrdesk.desks.desk import Desk
from hrdesk.logging_setup import scrub, setup_logging


def test_scrub_masks_id_numbers_phones_and_credit_codes():
    text = scrub("id 130102199001011237, x 11010519491231002X, phone 13912345678, code 91110114MA01ABCD1X")
    assert "130102199001011237" not in text and "11010519491231002X" not in text
    assert "13912345678" not in text and "91110114MA01ABCD1X" not in text


def test_log_after_a_demo_session_has_no_personal_data(qtbot, tmp_path: Path, settings_dir):
    from hrdesk.desks.demo import create_demo
    from hrdesk.ui.main_window import MainWindow

    folder = tmp_path / "demo"
    log_path = setup_logging(folder)
    create_demo(folder, today=date(2026, 11, 24))
    with Desk.open(folder) as desk:
        profiles = desk.employees.profiles()
        window = MainWindow(desk, folder, demo=True)
        qtbot.addWidget(window)
        window.show()
        for _ in range(5):
            window.move_selection(1)
        window.detail.setCurrentIndex(1)
        window.detail.eligibility.set_business("renewal")
        logging.getLogger("hrdesk.test").error("failed on %s", "130102199001011237")  # a careless caller
        try:
            raise ValueError("bad row 410105199003116936")
        except ValueError:
            logging.getLogger("hrdesk.test").exception("import failed")
        qtbot.wait(50)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "import failed" in text  # the log is written …
    for p in profiles.values():  # … and holds no name, ID number or income of any demo employee
        assert p.employee.id_number not in text
        assert p.employee.name not in text
        for amount in list(p.employee.monthly_income_cny.values())[:3]:
            assert f"{amount:.0f}" not in text
    assert "410105199003116936" not in text and "130102199001011237" not in text


def test_the_log_starts_afresh_at_its_size_keeping_five_owner_only_files(tmp_path: Path):
    """A long-running desk's log never grows past a megabyte, keeps five older files, and every file —
    the new ones a rollover opens included — is readable by its owner only."""
    import os
    import stat

    path = setup_logging(tmp_path)
    log = logging.getLogger("hrdesk.test-rotation")
    line = "x" * 1000
    for n in range(8_000):  # about 8 MB: seven rollovers
        log.info("%s %d", line, n)
    files = sorted(path.parent.glob("hrdesk.log*"))
    assert [f.name for f in files] == ["hrdesk.log", *(f"hrdesk.log.{n}" for n in range(1, 6))]
    assert all(f.stat().st_size <= 1_000_000 for f in files)
    assert "7999" in path.read_text(encoding="utf-8").splitlines()[-1]  # the newest line is in the file
    if os.name == "posix":
        assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_hrdesk", False):
            logging.getLogger().removeHandler(handler)
            handler.close()
