"""An import cut off part-way (the database taken away between two batches) says how many rows were
stored, quotes nobody, and the same file imported again finishes it."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from hrdesk.desks.desk import Desk
from hrdesk.rosters.importing import BATCH_ROWS, ImportInterrupted, apply, message_text, preview

from .corpus import make_id, xlsx

HEAD = ["姓名", "身份证号", "单位名称", "统一社会信用代码", "所在区", "入职日期", "最高学位"]


def test_an_interrupted_import_says_what_was_stored_and_finishes_when_run_again(data_dir, tmp_path, caplog):
    people = [
        [f"员工{i:04d}", make_id(birth="19900101", seq=f"{i % 1000:03d}", region=f"{110101 + i // 1000}")]
        for i in range(BATCH_ROWS + 20)
    ]
    rows = [
        [n, i, "北京示例科技有限公司", "91110114MA01ABCD1X", "昌平区", "2024-03-01", "学士"]
        for n, i in people
    ]
    file = xlsx(tmp_path / "roster.xlsx", [("员工名单", [HEAD, *rows])])
    held: list[sqlite3.Connection] = []

    def server_goes_away(done: int, total: int) -> None:
        if done >= BATCH_ROWS and not held:  # another program takes the database after the first batch
            other = sqlite3.connect(data_dir / "hrdesk.sqlite", timeout=0)
            other.execute("BEGIN EXCLUSIVE")
            held.append(other)

    caplog.set_level(logging.DEBUG)
    with Desk.open(data_dir) as desk:
        plan = preview(desk, file)
        with pytest.raises(ImportInterrupted) as info:
            apply(desk, plan, progress=server_goes_away)
        assert (info.value.stored, info.value.total) == (BATCH_ROWS, BATCH_ROWS + 20)
        text = message_text("roster.interrupted", {"stored": info.value.stored, "total": info.value.total})
        assert str(BATCH_ROWS) in text and "再次导入同一文件" in text
        assert not any(name in caplog.text for name, _ in people)  # nobody's name in the log
        held[0].rollback()
        held[0].close()
        again = preview(desk, file)
        assert (again.count("unchanged"), again.count("new")) == (BATCH_ROWS, 20)
        result = apply(desk, again)
        assert len(result.new_ids) == 20
        assert len(desk.employees.employee_ids()) == BATCH_ROWS + 20
