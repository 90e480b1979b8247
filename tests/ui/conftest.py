"""GUI fixtures: real widgets offscreen, a fresh data folder and fresh QSettings per test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from hrdesk.desks.desk import Desk
from hrdesk.rules.profile import Employer


@pytest.fixture(autouse=True)
def _app_events(qapp) -> None:
    """The application-wide filter the real start installs (wheel guard, dialogs' language)."""
    from hrdesk.ui.wheel_guard import install

    install(qapp)


@pytest.fixture
def desk(data_dir: Path):
    with Desk.open(data_dir) as r:
        yield r


@pytest.fixture
def unit_id(desk: Desk) -> int:
    return desk.units.save_employer(
        Employer(
            name="北京测试科技有限公司",
            credit_code="91110114TEST0001X",
            district="changping",
            tax_paid_cny={"2025": 300000, "2026": 300000},
            new_quota_remaining=2,
        )
    )


@pytest.fixture
def window(qtbot, desk: Desk, data_dir: Path, settings_dir: Path):
    from hrdesk.ui.i18n import set_language
    from hrdesk.ui.main_window import MainWindow

    set_language("zh")
    w = MainWindow(desk, data_dir)

    # Closing with unsaved edits would ask (the guard): tests that leave edits behind drop them.
    def before_close(win) -> None:
        wait_pool(qtbot)  # results still on their way must not reach a deleted window
        win.detail.profile.discard()

    qtbot.addWidget(w, before_close_func=before_close)
    w.show()
    wait_pool(qtbot)
    yield w
    wait_pool(qtbot)
    set_language("zh")


def wait_pool(qtbot) -> None:
    """Until every background task (reads, the writer, case builds) has delivered its result."""
    from hrdesk.ui import workers

    def idle() -> bool:
        pools = [QThreadPool.globalInstance(), *workers.extra_pools()]
        return not workers.busy() and all(p.activeThreadCount() == 0 for p in pools)

    qtbot.waitUntil(idle, timeout=60000)
    qtbot.wait(20)
    qtbot.waitUntil(idle, timeout=60000)
