"""The unit of work every domain service writes through: the engines, the document vault, the clock and
the desk user, with a transaction per call and the audit entry that names what changed.

A desk opens one (`hrdesk.desks.desk.Desk`) and hands it to each service; the services never open a
database themselves, so a test, the CLI and the window all run the same code on the same connection."""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from ..clock import Clock
from . import models as m
from .db import READ_ONLY, InstanceLock
from .vault import Vault


class UnitOfWork:
    """One database (engine), its vault, the clock and who is writing."""

    def __init__(
        self, data_dir: Path, engine: Engine, lock: InstanceLock | None = None, clock: Clock | None = None
    ) -> None:
        self.data_dir = data_dir
        self.clock = clock or Clock()  # "today" for writes that date themselves (status, events)
        self.engine = engine
        # Reads take no write lock (SQLite: a deferred BEGIN on a WAL snapshot), so the list, a case or
        # the calendar never wait for the writer; writes go through `engine` (BEGIN IMMEDIATE).
        self.read_engine = engine.execution_options(**{READ_ONLY: True})
        self.vault = Vault(data_dir / "vault", engine)
        self._lock = lock
        self.actor = _actor()

    def now_utc(self) -> datetime:
        """The desk's clock as the moment rows store (UTC): when a material went to the trash, an audit
        entry, a save. A naive clock time is local time."""
        return self.clock.now().astimezone(UTC)

    def close(self) -> None:
        self.engine.dispose()
        if self._lock:
            self._lock.release()
            self._lock = None

    @contextmanager
    def session(self, readonly: bool = False) -> Iterator[Session]:
        """A transaction; `readonly=True` for reads (no write lock, never waits for the writer)."""
        with Session(self.read_engine if readonly else self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def audit(
        self, session: Session, action: str, entity: str, entity_id: int | None, fields: Iterable[str] = ()
    ) -> None:
        """Who changed what (field names only: never a value, so no name or ID number reaches the log)."""
        session.add(
            m.AuditEntry(
                at=self.now_utc(),
                actor=self.actor,
                action=action,
                entity=entity,
                entity_id=entity_id,
                fields=",".join(sorted(fields)),
            )
        )


class Service:
    """A domain service over one unit of work: the transaction, the vault, the clock and the data folder
    are the unit's, so services opened on one desk see one database."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    @property
    def data_dir(self) -> Path:
        return self.uow.data_dir

    @property
    def clock(self) -> Clock:
        return self.uow.clock

    @property
    def engine(self) -> Engine:
        return self.uow.engine

    @property
    def read_engine(self) -> Engine:
        return self.uow.read_engine

    @property
    def vault(self) -> Vault:
        return self.uow.vault

    @property
    def actor(self) -> str:
        return self.uow.actor

    def session(self, readonly: bool = False) -> AbstractContextManager[Session]:
        return self.uow.session(readonly)

    def _audit(
        self, session: Session, action: str, entity: str, entity_id: int | None, fields: Iterable[str] = ()
    ) -> None:
        self.uow.audit(session, action, entity, entity_id, fields)


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""
