"""The modules the window imports after Qt are not read as text and kept (PySide6's `__feature__` scan).

In a process of its own, started the way the app starts: Qt first, then the scan narrowed, then imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import linecache, sys
import PySide6.QtCore
{narrow}
sys.path.insert(0, {folder!r})
import hrdesk_scan_probe_plain
print(any("hrdesk_scan_probe_plain" in name for name in linecache.cache))
"""


def kept_as_text(tmp_path: Path, narrow: str) -> bool:
    (tmp_path / "hrdesk_scan_probe_plain.py").write_text("VALUE = 1\n" * 2000, encoding="utf-8")
    code = SCRIPT.format(narrow=narrow, folder=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1] == "True"


def test_a_module_imported_after_qt_is_not_kept_as_text(tmp_path: Path) -> None:
    assert kept_as_text(tmp_path, "")  # PySide6 as it comes: the whole file read and kept
    narrow = "from hrdesk.ui.source_scan import skip_source_scan; skip_source_scan(); skip_source_scan()"
    assert not kept_as_text(tmp_path, narrow)
