"""A background task that fails tells the person why (the window shows the message) but the log keeps
only the kind of failure and where: a database error's text quotes the statement's values, and names and
ID numbers must never reach a log file."""

from __future__ import annotations

import logging

from hrdesk.ui.workers import run_task

from .conftest import wait_pool

SECRET = "张三 11010519491231002X"


def test_a_failed_task_logs_its_kind_never_its_text(qtbot, caplog):
    shown: list[str] = []

    def fails(_task):
        raise ValueError(f"INSERT INTO employee VALUES ('{SECRET}')")

    with caplog.at_level(logging.DEBUG):
        run_task(fails, None, shown.append)
        wait_pool(qtbot)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert SECRET in shown[0]  # the person is told what happened
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "ValueError" in logged and "fails" in logged
    assert "张三" not in logged and "11010519491231002X" not in logged
