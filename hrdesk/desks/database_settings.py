"""The shared-database settings a desk edits in Settings: the address (checked for form, not connected)
and the password, kept in the system keyring and never in a file. The window goes through here, not
through the store."""

from __future__ import annotations

from ..store.db import engine_url, set_keyring_password
from ..store.errors import StoreUnavailable

__all__ = ["StoreUnavailable", "check_database_url", "save_database_password"]


def check_database_url(url: str) -> None:
    """StoreUnavailable, with the reason in words, for an address hrdesk cannot use."""
    engine_url(url)


def save_database_password(url: str, password: str) -> None:
    """Raises whatever the keyring raises when this system has none (the caller says so)."""
    set_keyring_password(url, password)
