"""On Linux a missing system library of Qt's platform plugin is one line naming the Debian package to
install — from the self-test and from the app's start — where Qt itself would abort (SIGABRT).

The missing library is real: a copy of PySide6 (symlinks, except the xcb plugin) whose plugin needs a
library in our package table that this machine does not have. Nothing is uninstalled or mocked."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hrdesk.qt_system_libs import (
    check,
    packages_for,
    parse_ldd,
    platform_to_use,
    platforms_to_try,
    plugin_paths,
)
from hrdesk.resources import resources_dir

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux platform plugins")


def _absent(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return True
    return False


@pytest.fixture(scope="module")
def broken_pyside(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """(a folder to put first on PYTHONPATH, the missing library, its Debian package)."""
    real = plugin_paths("xcb", {})
    if not real or shutil.which("ldd") is None:
        pytest.skip("needs PySide6's xcb plugin and ldd")
    plugin = real[-1]
    data = plugin.read_bytes()
    with open(resources_dir() / "qt-linux-libraries.toml", "rb") as fh:
        table: dict[str, str] = tomllib.load(fh)["packages"]
    needed = [line.split("=>")[0].strip() for line in subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout.splitlines() if "=>" in line]  # fmt: skip
    swap = next(
        (
            (old, new)
            for old in needed
            if data.count(old.encode() + b"\0") == 1
            for new in table
            if len(new) <= len(old) and _absent(new)
        ),
        None,
    )
    if swap is None:
        pytest.skip("every library of the package table is installed here")
    old, new = swap
    root = tmp_path_factory.mktemp("site")
    pyside = Path(plugin).parents[3]  # …/PySide6
    mirror = root / "PySide6"
    for source in [pyside, pyside / "Qt", pyside / "Qt" / "plugins", plugin.parent]:
        target = mirror / source.relative_to(pyside)
        target.mkdir(parents=True, exist_ok=True)
        for entry in source.iterdir():
            link = target / entry.name
            if entry.name not in ("Qt", "plugins", "platforms", plugin.name) and not link.exists():
                link.symlink_to(entry)
    patched = data.replace(old.encode() + b"\0", new.encode() + b"\0" * (len(old) - len(new) + 1))
    (mirror / "Qt" / "plugins" / "platforms" / plugin.name).write_bytes(patched)
    return root, new, table[new]


def _env(site: Path, tmp_path: Path) -> dict[str, str]:
    # Without a preloaded libfaketime (the date-shift runs): library checks have nothing to do with
    # the date, and under it a child's subprocess timeouts fail (time.sleep → EINVAL).
    drop = ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "LD_PRELOAD", "FAKETIME")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "PYTHONPATH": str(site), "HRDESK_DATA_DIR": str(tmp_path / "data")}


def test_platform_follows_the_session():
    assert platform_to_use({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_to_use({"QT_QPA_PLATFORM": "xcb:dpi=96;wayland"}) == "xcb"
    if sys.platform.startswith("linux"):
        assert platform_to_use({"DISPLAY": ":0"}) == "xcb"
        assert (
            platform_to_use({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"})
            == "wayland"
        )
        assert platform_to_use({}) == "offscreen"
        session = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}
        assert platforms_to_try(session) == ["wayland", "xcb"]  # Qt falls back to XWayland


@linux_only
def test_a_wayland_session_missing_wayland_libraries_still_starts_on_xcb():
    """Qt tries wayland, then xcb: only when every platform it will try misses a library is it an error
    (this machine has no libwayland-cursor0; its xcb libraries are complete)."""
    session = {**os.environ, "DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}
    session.pop("QT_QPA_PLATFORM", None)
    assert check(environ=session) is None


def test_ldd_output_maps_to_debian_packages():
    output = (
        "\tlibQt6XcbQpa.so.6 => /opt/hrdesk/libQt6XcbQpa.so.6 (0x1)\n"
        "\tlibxcb-cursor.so.0 => not found\n\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-cursor.so.0 => not found\n\tlibQt6Gui.so.6 => not found\n"
    )
    missing = parse_ldd(output)
    assert missing == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libQt6Gui.so.6"]
    assert packages_for(missing) == (["libxcb-cursor0", "libxcb-icccm4"], ["libQt6Gui.so.6"])


@linux_only
def test_nothing_missing_on_this_machine():
    assert check("xcb") is None and check("offscreen") is None


@linux_only
def test_check_names_the_package(broken_pyside, tmp_path):
    site, library, package = broken_pyside
    code = "from hrdesk.qt_system_libs import check; m = check('xcb'); print(m.message() if m else 'none')"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(site, tmp_path)
    )
    assert f"missing {library}" in out.stdout and f"sudo apt-get install {package}" in out.stdout


@linux_only
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run")
def test_self_test_and_app_start_say_what_to_install_where_qt_would_abort(broken_pyside, tmp_path):
    site, library, package = broken_pyside
    env = _env(site, tmp_path)
    bare = "from PySide6.QtWidgets import QApplication; QApplication([])"
    qt = subprocess.run(
        ["xvfb-run", "-a", sys.executable, "-c", bare], capture_output=True, text=True, env=env
    )
    assert qt.returncode not in (0, 1) and "xcb" in qt.stderr  # Qt alone: SIGABRT (134 through the shell)
    for args in (["--self-test"], ["--data-dir", str(tmp_path / "d")]):
        run = subprocess.run(
            ["xvfb-run", "-a", sys.executable, "-m", "hrdesk", *args], capture_output=True, text=True, env=env
        )
        assert run.returncode == 1, run.stdout + run.stderr
        line = (run.stdout + run.stderr).strip().splitlines()
        assert len(line) == 1 and f"sudo apt-get install {package}" in line[0] and library in line[0]
