"""Why the records cannot be opened, as exceptions whose text is for the HR user. A module of its own so
the command line can catch them without importing SQLAlchemy and Alembic at start-up."""

from __future__ import annotations

ENV_DATABASE_URL = "HRDESK_DATABASE_URL"


class StoreUnavailable(RuntimeError):
    """The records cannot be opened; the text says why and what to do."""


class StoreLocked(StoreUnavailable):
    """Another hrdesk is writing to this data folder; the text follows the user's language."""

    def __init__(self, folder: object) -> None:
        super().__init__(str(folder))
        self.folder = folder

    def message(self, lang: str | None = None) -> str:
        from ..catalogue import default_lang, text

        return text("store.locked", lang or default_lang(), folder=str(self.folder))

    def __str__(self) -> str:
        return self.message()


class SchemaTooNew(StoreUnavailable):
    """The database was migrated by a newer hrdesk than this one."""


class DatabaseUnreachable(StoreUnavailable):
    """The database server cannot be reached or refuses the login."""


class NeedsOwnerRole(StoreUnavailable):
    """The operation needs the database owner account (first start, upgrade, restore); the desk
    account for daily work may read and write rows but not create, change or drop tables."""
