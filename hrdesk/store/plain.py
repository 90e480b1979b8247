"""Plain copies of stored rows for callers above the services: frozen dataclasses that carry no session,
load nothing lazily and cannot be written back by accident."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


def plain(cls: type[T], row: Any) -> T:
    """`cls` (a dataclass whose fields are a subset of the row's columns) filled from `row`."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})  # type: ignore[arg-type]
