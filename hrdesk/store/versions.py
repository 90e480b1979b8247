"""Optimistic concurrency for desks sharing a database: every save of an employee, unit or material
names the version it was based on; the stored version moves on by one in the same transaction.

A compare-and-set (`UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`) needs no lock
held while a user types, works the same on SQLite and PostgreSQL, and cannot lose an update: two desks
that both loaded version 3 race for one row, one gets 4, the other StaleVersion with 4 in it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlmodel import Session

from ..catalogue import default_lang, has, text


class StaleVersion(RuntimeError):
    """Another desk saved this record after this desk loaded it. `current` is the stored version, so
    the window can load the other desk's record and offer reload / overwrite / merge fields. Its text
    (`str()`) is in the person's language (`store.stale-version`)."""

    def __init__(self, entity: str, entity_id: int, expected: int, current: int) -> None:
        super().__init__(f"{entity} {entity_id}: version {expected}, now {current}")
        self.entity, self.entity_id, self.expected, self.current = entity, entity_id, expected, current

    def message(self, lang: str = "zh") -> str:
        params = {"entity": self.entity, "id": str(self.entity_id), "expected": self.expected}
        return text("store.stale-version", lang, **params, current=self.current)

    def __str__(self) -> str:
        return self.message(default_lang())


class RecordGone(KeyError):
    """The record was deleted (by another desk, or by this one in another window) since it was
    loaded. A KeyError, so callers that treat "not found" alike still do; the message says where
    the person went, not 'employee 38 not found', in their language (`store.gone.*`)."""

    def __init__(self, entity: str, entity_id: int) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity, self.entity_id = entity, entity_id

    def message(self, lang: str = "zh") -> str:
        key = f"store.gone.{self.entity}"
        return text(key if has(key) else "store.gone.other", lang)

    def __str__(self) -> str:
        return self.message(default_lang())


def claim_version(session: Session, model: type[Any], entity_id: int, expected: int | None) -> int:
    """Move `model` row `entity_id` to its next version, or raise StaleVersion when it is no longer at
    `expected`. `expected=None` overwrites whatever is stored (the user chose "overwrite", or a
    caller with no notion of versions) but still moves the version on, so other desks notice.
    Returns the new version. RecordGone (a KeyError) when the row is gone."""
    table = model.__table__
    conn = session.connection()
    stmt = update(table).where(table.c.id == entity_id).values(version=table.c.version + 1)
    if expected is not None:
        stmt = stmt.where(table.c.version == expected)
    if conn.execute(stmt).rowcount == 1:
        new = conn.execute(select(table.c.version).where(table.c.id == entity_id)).scalar_one()
        # The ORM may hold this row in the session: let it read the new version, not write the old back.
        for obj in list(session.identity_map.values()):
            if isinstance(obj, model) and obj.id == entity_id:
                session.expire(obj, ["version"])
        return int(new)
    current = conn.execute(select(table.c.version).where(table.c.id == entity_id)).scalar()
    if current is None:
        raise RecordGone(table.name, entity_id)
    raise StaleVersion(table.name, entity_id, expected or 0, int(current))


def current_versions(session: Session, model: type[Any], ids: list[int]) -> dict[int, int]:
    table = model.__table__
    rows = session.connection().execute(select(table.c.id, table.c.version).where(table.c.id.in_(ids)))
    return {int(i): int(v) for i, v in rows}
