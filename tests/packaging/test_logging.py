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
