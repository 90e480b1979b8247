"""The English catalogue is complete: every string lupdate finds has a translation."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_english_catalogue_is_complete_and_compiled():
    ts = (ROOT / "resources" / "translations" / "hrdesk_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert "<name></name>" not in ts  # no strings lost to an empty context
    assert len(re.findall(r"<message>", ts)) > 250
    qm = ROOT / "resources" / "translations" / "hrdesk_en.qm"
    assert (
        qm.exists()
        and qm.stat().st_mtime >= (ROOT / "resources" / "translations" / "hrdesk_en.ts").stat().st_mtime - 5
    )
