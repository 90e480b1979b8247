"""How a connection's transactions begin: a mark for reads that must not take SQLite's write lock.

A module of its own so that both the engine set-up (`db.py`, which honours the mark when a transaction
begins) and the backup writer (`dump.py`, which sets it) can use it without importing each other.
"""

from __future__ import annotations

from sqlalchemy import Connection

READ_ONLY = "hrdesk_read_only"


def read_only(conn: Connection, on: bool = True) -> Connection:
    """Mark a connection's next transactions as reads (SQLite: a deferred BEGIN without the write lock)."""
    return conn.execution_options(**{READ_ONLY: on})
