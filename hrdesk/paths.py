"""Every folder hrdesk writes to, in one place.

The user data folder comes from platformdirs, so it is %LOCALAPPDATA%\\hrdesk on Windows and
~/Library/Application Support/hrdesk on macOS; `--data-dir` or HRDESK_DATA_DIR moves all of it (tests,
demos, a second desk). It holds the desk's own things: the SQLite database when no shared database is
configured (`--database-url` / HRDESK_DATABASE_URL, store/db.py), the file cache `vault/`, `logs/`,
`backups/`. Everything shared — records, file contents, wage figures, holidays, policy settings — is in
the database.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hrdesk"
ENV_DATA_DIR = "HRDESK_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir(base: Path) -> Path:
    """Logs sit inside the data folder so a `--data-dir` run never writes elsewhere."""
    return base / "logs"


# Before migration 0006 these TOML files in the data folder held the user's wage figures, holiday data
# and policy settings; store/legacy.py reads them into the database once and renames them.


def user_wages_file(base: Path) -> Path:
    return base / "wages.toml"


def user_holidays_file(base: Path) -> Path:
    return base / "holidays.toml"


def policy_overrides_file(base: Path) -> Path:
    return base / "policy-settings.toml"
