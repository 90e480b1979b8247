"""An application (业务) and one event of its history, as the services hand them out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ApplicationRecord:
    id: int
    employee_id: int
    business: str
    status: str  # draft → unit-review → submitted → returned / approved / rejected
    created_on: date
    updated_at: datetime
    version: int = 1


@dataclass(frozen=True)
class ApplicationEventRecord:
    id: int
    application_id: int
    status: str
    on: date
    note: str  # 退回意见 for returns
