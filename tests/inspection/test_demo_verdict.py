"""The demo does not contradict itself: its scans are each person's own documents (name, ID number,
dates, the unit's seal, the agent's note where the guide asks), so reading them finds no blocker for an
employee shown as 可申报, and the few seeded faults show both in the status and in the findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hrdesk.clock import FixedClock
from hrdesk.desks.demo import create_demo
from hrdesk.desks.desk import Desk
from hrdesk.materials.inspection.inspect import inspect_employee

TODAY = date(2026, 11, 23)


def test_no_employee_shown_ready_has_an_open_blocker(tmp_path: Path, ocr_pool):
    data = create_demo(tmp_path / "demo", today=TODAY)
    with Desk.open(data, clock=FixedClock.on(TODAY)) as desk:
        summaries = desk.employees.summaries()
        ready = [s for s in summaries if s.status == "ready"]
        assert ready
        for s in ready:  # the image checks' blockers, recorded on attaching
            assert not any(m.defects for m in desk.materials.materials(s.id)), s.id
        # Reading the scans (the panel's 识别扫描件) of one 可申报 employee per district finds no blocker,
        # and the status stays what it was.
        for district in ("changping", "yanqing"):
            person = next(s for s in ready if s.district == district)
            found = inspect_employee(desk, person.id, on=TODAY, pool=ocr_pool, record=True)
            blockers = [
                (r.kind, f.code, f.message) for r in found for f in r.findings if f.severity == "blocker"
            ]
            assert blockers == [], (district, blockers)
            assert desk.employees.summaries([person.id])[0].status == "ready"
        # The seeded faults: an employee with a greyscale, rotated or blank scan is not 可申报, and the
        # reason is the file's blocker.
        faulty = [s for s in summaries if any(m.defects for m in desk.materials.materials(s.id))]
        assert faulty and all(s.status != "ready" for s in faulty)
