"""The locked Qt binding must not drop references to None.

PySide6-Essentials 6.12.0 on CPython 3.11 lowers None's reference count on every item `setData`; the
calendar agenda refills its items on every save, so a desk's window aborted (`Fatal Python error:
none_dealloc`) after a few hundred saves and lost the form being edited. The check runs in a child
process because the failure is an abort of the whole interpreter, which would take the test run with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem
    from PySide6.QtWidgets import QApplication, QListWidgetItem, QTreeWidgetItem

    app = QApplication([])
    tree, std, lst = QTreeWidgetItem(), QStandardItem(), QListWidgetItem()
    before = sys.getrefcount(None)
    for i in range(10_000):
        tree.setData(0, Qt.ItemDataRole.UserRole, i)
        std.setData(i, Qt.ItemDataRole.UserRole)
        lst.setData(Qt.ItemDataRole.UserRole, i)
    print(sys.getrefcount(None) - before)
    """
)


def test_ten_thousand_item_setdata_calls_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    drift = int(done.stdout.strip().splitlines()[-1])
    # 30,000 calls: a leaking binding shows a drift of about -30,000 (or aborts before printing).
    assert abs(drift) < 100, f"None's reference count moved by {drift} over 30,000 setData calls"
