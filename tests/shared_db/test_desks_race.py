"""Several desks, separate processes, one PostgreSQL database: every write path interleaved (nothing
lost, each refusal reported), and the change feed under a long import (nothing skipped)."""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest

from hrdesk.desks.changes import FeedPosition, changes_since, current_counter
from hrdesk.desks.desk import Desk
from tests.conftest import drop_postgres_schema, fresh_postgres_schema
from tests.shared_db import desk_work


@pytest.fixture
def pg_url(postgres_server: str):
    schema, url = fresh_postgres_schema(postgres_server)
    yield url
    drop_postgres_schema(postgres_server, schema)


def _pool(n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(n, mp_context=get_context("spawn"))


def test_three_desks_racing_on_every_write_path_lose_nothing(tmp_path: Path, pg_url: str):
    with Desk.open(tmp_path / "setup", pg_url) as desk:
        ids = desk_work.setup_race(desk)
        start_position = desk.materials.material(ids["material"]).position
        start_capital = desk.units.employer(ids["unit"]).registered_capital_cny
    rounds, desks = 6, 3
    with _pool(desks) as pool:
        results = list(
            pool.map(
                desk_work.race,
                [pg_url] * desks,
                [str(tmp_path / f"desk-{i}") for i in range(desks)],
                range(desks),
                [rounds] * desks,
                [ids] * desks,
            )
        )
    done = {k: sum(r["done"][k] for r in results) for k in results[0]["done"]}
    assert all(v == rounds * desks for v in done.values()), done
    with Desk.open(tmp_path / "check", pg_url) as desk:
        # Each acknowledged read–change–save added one: the totals show every one of them.
        assert desk.units.employer(ids["unit"]).registered_capital_cny == start_capital + rounds * desks
        [agent] = desk.units.agents(ids["unit"])
        assert int(agent.phone) == rounds * desks
        assert desk.materials.material(ids["material"]).position == start_position + rounds * desks
        events = desk.applications.application_events(ids["application"])
        assert len(events) == 1 + rounds * desks
        income = desk.employees.profile(ids["employee"]).employee.monthly_income_cny
        assert [income[f"2030-{i + 1:02d}"] for i in range(desks)] == [float(rounds)] * desks
        # Children: each desk added two a round and removed the first by id; the rest are all there.
        names = sorted(c.child.name for c in desk.employees.children(ids["employee"]))
        kept = sorted(n for r in results for n in r["children"])
        example = desk_work.example_profile().employee.children
        assert names == sorted(kept + [c.name for c in example])
    # The race was a race: desks were refused and redid their change (each refusal reported).
    assert sum(sum(r["conflicts"].values()) for r in results) > 0


def test_change_feed_names_every_person_of_a_long_import_while_another_desk_saves(
    tmp_path: Path, pg_url: str
):
    """Desk A imports 10,000 people in transactions of 2,000 (each commits after desk B's small saves
    took later change-log ids); desk C polls every 50 ms from a position taken before anything."""
    with Desk.open(tmp_path / "c", pg_url) as c:
        saver_id = c.employees.add_profile(desk_work.person(999_999))
        position = current_counter(c)
        assert isinstance(position, FeedPosition) and position.horizon is not None
        seen: set[int] = set()
        with _pool(2) as pool:
            saver = pool.submit(desk_work.keep_saving, pg_url, str(tmp_path / "b"), saver_id, 8.0, 0.1)
            while saver_id not in seen:  # the import starts once desk B is saving
                position, ids = changes_since(c, position)
                seen |= set(ids)
                time.sleep(0.05)
            imported = pool.submit(desk_work.bulk_add, pg_url, str(tmp_path / "a"), 0, 10_000, 2_000)
            while not (imported.done() and saver.done()):
                position, ids = changes_since(c, position)
                seen |= set(ids)
                time.sleep(0.05)
            new_ids = set(imported.result())
            saves = saver.result()
        position, ids = changes_since(c, position)
        seen |= set(ids)
        assert len(new_ids) == 10_000
        assert new_ids - seen == set()  # 0 missed
        assert saver_id in seen and saves["latencies"]
        # Nothing new: the position stays, nothing is named twice.
        assert changes_since(c, position) == (position, [])
