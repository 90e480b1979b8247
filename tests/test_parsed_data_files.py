"""hrdesk's data files are parsed once per version of the file and kept parsed in the user's cache
folder: the same tables as parsing, a changed file read again, a damaged kept copy ignored, nothing
readable by other users."""

from __future__ import annotations

import os
import stat
import tomllib

from hrdesk.resources import bundled_toml, parsed_toml, resources_dir


def test_kept_tables_are_the_parsed_tables(tmp_path):
    for name in ("messages.toml", "cli.toml", "name_phrases.toml", "surnames.toml"):
        with open(resources_dir() / name, "rb") as fh:
            expected = tomllib.load(fh)
        assert parsed_toml(resources_dir() / name, tmp_path) == expected  # parsed, then kept
        assert parsed_toml(resources_dir() / name, tmp_path) == expected  # read from the kept copy
    assert len(list(tmp_path.glob("*.marshal"))) == 4
    assert bundled_toml("cli.toml") == parsed_toml(resources_dir() / "cli.toml", tmp_path)


def test_a_changed_file_is_read_again_and_its_old_copy_goes(tmp_path):
    data = tmp_path / "texts.toml"
    cache = tmp_path / "cache"
    data.write_text('[greeting]\nzh = "你好"\n', encoding="utf-8")
    assert parsed_toml(data, cache) == {"greeting": {"zh": "你好"}}
    data.write_text('[greeting]\nzh = "您好"\nen = "Hello"\n', encoding="utf-8")
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 1_000_000_000))
    assert parsed_toml(data, cache) == {"greeting": {"zh": "您好", "en": "Hello"}}
    kept = list(cache.glob("texts-*.marshal"))
    assert len(kept) == 1
    if os.name == "posix":
        assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
        assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_damaged_kept_copy_is_parsed_again(tmp_path):
    data = tmp_path / "texts.toml"
    cache = tmp_path / "cache"
    data.write_text('[a]\nzh = "甲"\n', encoding="utf-8")
    parsed_toml(data, cache)
    (kept,) = cache.glob("texts-*.marshal")
    kept.write_bytes(b"\x00not marshal")
    assert parsed_toml(data, cache) == {"a": {"zh": "甲"}}
    kept.write_bytes(b"")  # a half-written copy (a crash) reads as nothing
    assert parsed_toml(data, cache) == {"a": {"zh": "甲"}}


def test_tables_with_dates_and_an_unwritable_cache_are_parsed_each_time(tmp_path):
    data = tmp_path / "days.toml"
    data.write_text("[holiday]\nday = 2027-01-01\n", encoding="utf-8")
    assert str(parsed_toml(data, tmp_path / "cache")["holiday"]["day"]) == "2027-01-01"
    assert not list((tmp_path / "cache").glob("*.marshal"))
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    other = tmp_path / "texts.toml"
    other.write_text('[a]\nzh = "甲"\n', encoding="utf-8")
    assert parsed_toml(other, blocked / "cache") == {"a": {"zh": "甲"}}
