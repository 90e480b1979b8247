"""What a check finds is kept as its key and parameters and said in the reader's language; a text an older
hrdesk stored in Chinese words is recognised by its template and said in English too."""

from __future__ import annotations

import re
import string

import pytest

from hrdesk.catalogue import _entries, coded, recognise, said, text

SCAN_KEYS = sorted(k for k in _entries() if k.startswith(("scan.SCAN_", "reading.")))


def _sample(key: str) -> dict[str, str]:
    """A distinct word-free value for each placeholder of the key's Chinese template."""
    names = [f for _, f, _, _ in string.Formatter().parse(_entries()[key]["zh"]) if f]
    return {name: f"{i + 7}" for i, name in enumerate(dict.fromkeys(names))}


def test_a_coded_text_is_said_in_either_language_with_its_parameters_said_too():
    kept = coded(
        "scan.SCAN_CROPPED",
        page="2",
        sides=[coded("scan.side.top"), coded("scan.side.left")],
        share="40",
    )
    assert said(kept, "zh").startswith("第 2 页上、左边缘有黑边")
    assert said(kept, "en").startswith("Page 2 has a dark scanner border on the top, left side(s)")
    refusal = coded(
        "reading.SCAN_REFUSED",
        reason=coded("scan.SCAN_OVER_BUDGET", detail=coded("budget.memory", memory_mb="48")),
    )
    english = said(refusal, "en")
    assert "48 MB of memory" in english and not re.search(r"[\u4e00-\u9fff]", english), english


def test_a_note_a_person_typed_is_shown_as_it_is():
    assert said("扫描件请看第二页", "en") == "扫描件请看第二页"
    assert said("coded:not json", "en") == "coded:not json"


@pytest.mark.parametrize("key", SCAN_KEYS)
def test_every_scan_text_stored_in_chinese_words_reads_in_english(key: str):
    values = _sample(key)
    stored = text(key, "zh", **values)
    assert recognise(stored) is not None, stored
    assert said(stored, "en") == text(key, "en", **values)
    assert said("contract.pdf: " + stored, "en") == "contract.pdf: " + text(key, "en", **values)


def test_what_a_check_measured_is_quoted_in_the_reader_language(tmp_path):
    """A photo saved with a .pdf name: the finding and the value it rests on read in either language."""
    from hrdesk.materials.inspection.image_checks import from_flag
    from hrdesk.pdf.scan import check_file

    photo = tmp_path / "scan.pdf"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(4000))
    (flag,) = [f for f in check_file(photo).flags if f.code == "SCAN_NOT_PDF"]
    assert from_flag(flag, "en").read == "kind=a JPEG image" and "(it is a JPEG image)" in flag.text("en")
    assert from_flag(flag, "zh").read == "kind=JPEG 图片" and "实际是JPEG 图片" in flag.text("zh")
