"""The real program on the demo data, driven only by what a person sees and does (toolbar, menu and
dialog buttons found by their text and clicked), in Chinese and in English; any exception fails."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# Qt's own print dialog: the drive opens it and cancels it; its printer set-up buttons (printer
# properties, more options, the output file chooser, print) are Qt's, and printing needs a printer.
QT_PRINTER_SETUP = {
    f"QPrintDialog:{text}"
    for text in ("...", "属性", "Properties", "打印", "Print", "选项(O) >>", "Options >>")
}


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "desk"
    from hrdesk.cli import main

    assert main(["demo", "--data-dir", str(folder)]) == 0
    return folder


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_person_presses_every_toolbar_button_and_answers_every_dialog(
    tmp_path: Path, demo_data: Path, lang: str
) -> None:
    folder = tmp_path / "desk"
    shutil.copytree(demo_data, folder, ignore=shutil.ignore_patterns("hrdesk.lock", "settings"))
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}]}
        ),
        encoding="utf-8",
    )
    work = tmp_path / "saved"
    work.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(ROOT),
        "HRDESK_DRIVE_WORK": str(work),
    }
    for name in ("HRDESK_DATA_DIR", "HRDESK_DATABASE_URL", "HRDESK_PROBE"):
        env.pop(name, None)
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "ui" / "drive_person.py"),
            "--data-dir",
            str(folder),
            "--lang",
            lang,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        cwd=ROOT,
    )
    lines = done.stdout.strip().splitlines()
    assert lines and lines[-1] == "ok", done.stdout[-3000:] + done.stderr[-6000:]
    report = json.loads(lines[-2])
    assert done.returncode == 0, done.stderr[-3000:]
    zh = lang == "zh"
    toolbar = (
        {
            "概览",
            "期限日历",
            "新建员工",
            "删除员工",
            "导入名单…",
            "打印表格…",
            "生成材料包…",
            "单位与经办人…",
            "设置…",
        }
        if zh
        else {
            "Overview",
            "Deadline calendar",
            "New employee",
            "Delete employee",
            "Import roster…",
            "Print form…",
            "Build submission pack…",
            "Units and agents…",
            "Settings…",
        }
    )
    assert set(report["pressed"]["toolbar"]) == toolbar
    assert report["seen"]["agent_saved"] == "Li Jingban"  # 添加经办人 saved the agent
    dialogs = report["pressed"]["dialog"]
    assert {d.split(":")[0] for d in dialogs} >= {
        "UnitsDialog",
        "AgentDialog",
        "SettingsDialog",
        "AboutDialog",
    }
    assert report["pressed"]["menu"]
    assert report["seen"]["chip"]
    # Every button of every dialog the drive opened was pressed (Qt's print dialog aside: its printer
    # set-up buttons are Qt's own; the drive cancels it).
    assert report["buttons_seen"]
    unpressed = [b for b in report["unpressed"] if b not in QT_PRINTER_SETUP]
    assert unpressed == [], unpressed
    seen = report["seen"]
    assert seen["trash_after_empty"] == 0  # 清空回收站 emptied it
    assert seen["bulk_folder"]  # the folder chosen in the chooser reached the dialog
    assert seen["imported"] and seen["bad_rows_saved"] and seen["form_saved"] and seen["bulk_report_saved"]
    assert {"TrashDialog", "BulkPacksDialog", "ImportDialog", "FormPreviewDialog"} <= set(seen["dialogs"])
    assert (work / "form.pdf").read_bytes().startswith(b"%PDF")
