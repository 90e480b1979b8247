"""The first start after a big import (or the first of a month): every status is recomputed in the
background. A person the user saves meanwhile is saved at once — not after the whole refresh — and
keeps the status of what they saved, not the one the refresh computed before the save."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from hrdesk.checks.check import load_profile_file
from hrdesk.clock import FixedClock
from hrdesk.desks.desk import Desk
from hrdesk.rosters.batch_store import insert_profiles

from ..calendar.test_deadline_paths import ON, ROOT
from .conftest import wait_pool

PEOPLE = 600  # three batches of the refresh


def _person(n: int):
    """The example renewal case, one person each (the ID number is unique: its sequence number)."""
    from hrdesk.rules.idnumber import check_char

    profile = load_profile_file(ROOT / "examples" / "changping-renewal-window-open.json")
    old = profile.employee.id_number
    first17 = f"{int(old[:6]) + n // 1000:06d}{old[6:14]}{n % 1000:03d}"
    profile.employee.id_number = first17 + check_char(first17)
    return profile


def test_a_save_made_while_the_statuses_refresh_is_stored_and_kept(qtbot, data_dir: Path, settings_dir: Path):
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.main_window import MainWindow

    with Desk.open(data_dir, clock=FixedClock.on(ON)) as desk:
        profiles = [_person(n) for n in range(PEOPLE)]
        unit = desk.units.save_employer(profiles[0].employer)
        with desk.uow.session() as s:  # stored without their statuses, as an import by older code left them
            ids = insert_profiles(desk, s, profiles, [unit] * PEOPLE)
        target = ids[PEOPLE // 2]
        assert len(desk.employees.stale_status_ids(ON)) == PEOPLE
        # The refresh has read the target's batch when the user saves; it stores that batch only after.
        read, saved = threading.Event(), threading.Event()
        compute = desk.employees.compute_batch

        def compute_then_wait(batch: list[int], on):
            computed = compute(batch, on)
            if target in batch:
                read.set()
                saved.wait(30)
            return computed

        desk.employees.compute_batch = compute_then_wait
        set_language("zh")
        window = MainWindow(desk, data_dir, clock=FixedClock.on(ON))
        qtbot.addWidget(window, before_close_func=lambda _w: (saved.set(), wait_pool(qtbot)))
        window.show()
        qtbot.waitUntil(read.is_set, timeout=60000)
        stale_status = compute([target], ON).statuses[target].status
        assert stale_status != "suspended"

        window.select_employee(target)  # the user opens the person …
        qtbot.waitUntil(lambda: window.detail.employee_id == target, timeout=30000)
        form = window.detail.profile
        qtbot.waitUntil(
            lambda: form.name.text() == desk.employees.profile(target).employee.name, timeout=30000
        )
        form.permit_status.setCurrentIndex(form.permit_status.findText("挂起"))  # … the permit is suspended
        assert form.save_button.isEnabled()
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        # Saved while the refresh still waits with its batch: the writer was not held by the refresh.
        qtbot.waitUntil(
            lambda: desk.employees.profile(target).employee.permit.status == "suspended", timeout=20000
        )
        assert not saved.is_set()
        saved.set()  # the refresh goes on and stores the batch it computed before the save
        wait_pool(qtbot)
        (row,) = desk.employees.summaries([target], searchable=False)
        assert row.status == "suspended"
        assert desk.employees.stale_status_ids(ON) == []
        shown = {r.id: r.status for r in window.model.rows()}
        assert shown[target] == "suspended" and len(shown) == PEOPLE
