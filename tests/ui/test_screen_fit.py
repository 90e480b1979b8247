"""On a laptop screen (1366×768, 1280×720, and 1280×720 logical at 150 % scaling) the window and every
dialog open inside the screen's available area with their buttons on screen: a person can reach OK."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {
    "1366x768": {"width": 1366, "height": 768, "dpr": 1.0},
    "1280x720": {"width": 1280, "height": 720, "dpr": 1.0},
    "1920x1080@150%": {"width": 1280, "height": 720, "dpr": 1.5},
}


def _probe(tmp_path: Path, screen: dict, saved: str = "none", lang: str = "zh", xvfb: bool = False) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "logicalDpi": 96, **screen}]}),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    data.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    env.pop("HRDESK_DATABASE_URL", None)
    command = [sys.executable, str(ROOT / "tests" / "ui" / "screen_fit_probe.py"), str(data), saved, lang]
    if xvfb:  # a real X server of that size (what CI and a person's laptop both run on Linux)
        env["QT_QPA_PLATFORM"] = "xcb"
        size = f"{screen['width']}x{screen['height']}x24"
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {size}", *command]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _inside(outer: list[int], inner: list[int]) -> bool:
    ox, oy, ow, oh = outer
    x, y, w, h = inner
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_and_dialog_fits_the_screen(tmp_path: Path, screen: str) -> None:
    _fits(_probe(tmp_path, SCREENS[screen]), screen)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no Xvfb on this machine (CI installs it)")
@pytest.mark.parametrize(("screen", "lang"), [("1366x768", "en"), ("1280x720", "zh")])
def test_every_window_and_dialog_fits_an_x_screen(tmp_path: Path, screen: str, lang: str) -> None:
    out = _probe(tmp_path, SCREENS[screen], lang=lang, xvfb=True)
    assert out["available"][2:] == [SCREENS[screen]["width"], SCREENS[screen]["height"]]
    _fits(out, screen)


def test_english_list_headings_are_not_cut_at_1366(tmp_path: Path) -> None:
    out = _probe(tmp_path, SCREENS["1366x768"], lang="en")
    assert "Next deadline" in [h[0] for h in out["headers"]]
    cut = [(text, size, needed) for text, size, needed in out["headers"] if size < needed + 12]
    assert cut == [], cut


def _fits(out: dict, screen: str) -> None:
    area = out["available"]
    names = [f["name"] for f in out["frames"]]
    assert {"main", "case", "settings", "units", "about", "reminders", "trash", "bulk-packs"} <= set(names)
    assert {"agent", "form-preview", "import"} <= set(names)
    for frame in out["frames"]:
        assert _inside(area, frame["frame"]), (screen, frame["name"], frame["frame"], area)
        off = [text for text, r in frame["buttons"] if not _inside(area, r)]
        assert off == [], (screen, frame["name"], off)
    settings = next(f for f in out["frames"] if f["name"] == "settings")
    assert {"OK", "确定"} & {t.replace("&", "") for t, _r in settings["buttons"]} or any(
        t.replace("&", "") in ("OK", "确定", "取消", "Cancel") for t, _r in settings["buttons"]
    )


def test_a_frame_saved_on_a_monitor_that_is_gone_opens_on_this_screen(tmp_path: Path) -> None:
    out = _probe(tmp_path, SCREENS["1366x768"], "offscreen-saved")
    main = next(f for f in out["frames"] if f["name"] == "main")
    assert _inside(out["available"], main["frame"]), main["frame"]


def test_a_window_closed_maximised_opens_maximised(tmp_path: Path) -> None:
    assert _probe(tmp_path, SCREENS["1366x768"], "maximised")["maximised"] is True
