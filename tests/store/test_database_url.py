"""Which database a desk opens, and how: URLs as users write them, the driver underneath, the password
from the system keyring (never in a file), and a clear refusal for what cannot be used."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from hrdesk.store.db import StoreUnavailable, engine_url, resolve_url, set_keyring_password


class MemoryKeyring(KeyringBackend):
    """A keyring held in memory: this machine has no OS keyring service (Windows and macOS desks use
    theirs through the same keyring API)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def test_urls_as_users_write_them_get_the_psycopg_driver():
    for url in ("postgresql://hr@db.local:5432/hrdesk", "postgres://hr@db.local:5432/hrdesk"):
        parsed = engine_url(url)
        assert parsed.drivername == "postgresql+psycopg"
        assert (parsed.username, parsed.host, parsed.port, parsed.database) == (
            "hr",
            "db.local",
            5432,
            "hrdesk",
        )
    assert engine_url("sqlite:////tmp/x.sqlite").drivername == "sqlite"


def test_the_password_comes_from_the_keyring_and_never_from_a_file(
    memory_keyring: MemoryKeyring, tmp_path: Path
):
    url = "postgresql://hr@db.local:5432/hrdesk"
    assert engine_url(url).password is None
    set_keyring_password(url, "s3cret")
    assert memory_keyring.saved == {("hrdesk", "hr@db.local:5432/hrdesk"): "s3cret"}
    assert engine_url(url).password == "s3cret"
    assert engine_url("postgresql://hr:given@db.local/hrdesk").password == "given"  # an explicit one wins
    assert not any("s3cret" in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())


def test_unusable_urls_are_refused_in_words():
    with pytest.raises(StoreUnavailable, match="不支持的数据库"):
        engine_url("mysql://hr@db.local/hrdesk")
    with pytest.raises(StoreUnavailable, match="数据库地址无法识别"):
        engine_url("not a url")


def test_the_url_given_wins_then_the_environment_then_sqlite_in_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert resolve_url(tmp_path) == f"sqlite:///{tmp_path / 'hrdesk.sqlite'}"
    monkeypatch.setenv("HRDESK_DATABASE_URL", "postgresql://hr@a/hrdesk")
    assert resolve_url(tmp_path) == "postgresql://hr@a/hrdesk"
    assert resolve_url(tmp_path, "postgresql://hr@b/hrdesk") == "postgresql://hr@b/hrdesk"
