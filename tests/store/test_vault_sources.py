"""One answer to "would the vault take this file?": attaching a scan and importing a profile JSON that names
it (which checks every file before it writes anything) refuse the same files for the same reason, each
in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdesk.catalogue import text
from hrdesk.rosters.json_profiles import _material_file_problems
from hrdesk.store.vault import MAX_BYTES, Vault, VaultError, source_problem


def _cases(folder: Path) -> dict[str, Path]:
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    large = folder / "large.pdf"
    with open(large, "wb") as fh:  # sparse: no 200 MB written
        fh.truncate(MAX_BYTES + 1)
    not_a_file = folder / "folder.pdf"
    not_a_file.mkdir()
    broken_photo = folder / "photo.jpg"
    broken_photo.write_bytes(b"not a jpeg at all")
    good = folder / "good.pdf"
    good.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return {"empty": empty, "too-large": large, "not-a-file": not_a_file, "photo": broken_photo, "good": good}


@pytest.mark.parametrize(
    ("case", "vault_key", "import_key"),
    [
        ("empty", "store.source-empty", "material.file-empty"),
        ("too-large", "store.source-too-large", "material.file-too-large"),
        ("not-a-file", "store.source-missing", "material.file-missing"),
        ("photo", "image.unreadable", "image.unreadable"),
    ],
)
def test_attach_and_import_refuse_the_same_file(tmp_path: Path, case: str, vault_key: str, import_key: str):
    path = _cases(tmp_path)[case]
    key, params = source_problem(path)
    assert key == vault_key
    with pytest.raises(VaultError) as refused:
        Vault(tmp_path / "vault").add_file(path)
    assert str(refused.value) == text(key, **params)
    # The refusal is a key: the window and the command line say it in the person's language.
    assert refused.value.message("en") == text(key, "en", **params) != text(key, "zh", **params)
    assert [code for code, _params in _material_file_problems(tmp_path, path.name)] == [import_key]


def test_messages_keep_their_words(tmp_path: Path):
    """The vault's texts as they were; the import's name the file as the JSON wrote it."""
    cases = _cases(tmp_path)
    key, params = source_problem(cases["empty"])
    assert text(key, **params) == "empty.pdf: 文件为空"
    key, params = source_problem(cases["too-large"])
    assert text(key, **params) == "large.pdf: 文件过大（200 MB），请压缩后再添加"
    [(code, params)] = _material_file_problems(tmp_path, "empty.pdf")
    assert text(code, **params).startswith("材料文件“empty.pdf”是空文件")


def test_a_good_file_is_no_problem(tmp_path: Path):
    good = _cases(tmp_path)["good"]
    assert source_problem(good) is None
    assert _material_file_problems(tmp_path, "good.pdf") == []
    assert _material_file_problems(tmp_path, "absent.pdf") == []  # recorded without its scan
