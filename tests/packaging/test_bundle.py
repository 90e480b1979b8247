"""The PyInstaller one-folder build of this platform: built once (or taken from HRDESK_BUNDLE, the path
of an already built `dist/hrdesk` folder — CI builds once and tests that very build), then checked:
the self-test on the real platform plugin (under Xvfb on Linux) and offscreen, the version, licences,
source and bytecode it carries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "hrdesk.exe" if sys.platform == "win32" else "hrdesk"
CLI_NAME = "hrdesk-cli.exe" if sys.platform == "win32" else "hrdesk"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder app: dist/hrdesk (on macOS the app's Contents/MacOS folder holds the same)."""
    prebuilt = os.environ.get("HRDESK_BUNDLE")
    if prebuilt:
        return Path(prebuilt).resolve()
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the dev dependency group")
    tmp = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "packaging" / "hrdesk.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp / "dist"),
            "--workpath",
            str(tmp / "build"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    return tmp / "dist" / "hrdesk"


def _internal(bundle: Path) -> Path:
    """Where the data files are: _internal/ beside the exe, or Contents/Resources in a macOS .app."""
    if (bundle / "_internal").is_dir():
        return bundle / "_internal"
    if bundle.name == "MacOS" and (bundle.parent / "Resources").is_dir():
        return bundle.parent / "Resources"
    return bundle


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, "HRDESK_DATA_DIR": str(tmp_path / "data"), **extra}


def test_self_test_offscreen_and_version(bundle: Path, tmp_path: Path):
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen")
    exe = bundle / CLI_NAME
    result = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout and "Qt offscreen window" in result.stdout
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=60)
    from hrdesk.version import __version__

    assert version.stdout.strip() == f"hrdesk {__version__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb is the Linux display server")
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (Debian: xvfb xauth)")
def test_self_test_loads_the_real_xcb_plugin_under_xvfb(bundle: Path, tmp_path: Path):
    """What a Linux desktop user runs: no QT_QPA_PLATFORM, a display; the self-test must open a real
    xcb window (not offscreen) and say so."""
    result = subprocess.run(
        ["xvfb-run", "-a", str(bundle / EXE_NAME), "--self-test"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Qt xcb window" in result.stdout and "offscreen" not in result.stdout


def test_bundle_ships_every_licence_and_the_source(bundle: Path):
    resources = _internal(bundle) / "resources" / "licenses"
    index = tomllib.loads((resources / "index.toml").read_text(encoding="utf-8"))
    names = {c["name"] for c in index["component"]}
    assert {"hrdesk", "Qt", "PyMuPDF (MuPDF)", "reportlab", "Droid Sans Fallback font", "Python"} <= names
    for component in index["component"]:
        for name in component["files"]:
            assert (resources / name).is_file(), name
    import zipfile

    with zipfile.ZipFile(_internal(bundle) / "source" / "hrdesk-source.zip") as zf:
        listed = set(zf.namelist())
    assert {"hrdesk-source/LICENSE", "hrdesk-source/pyproject.toml", "hrdesk-source/uv.lock"} <= listed
    assert "hrdesk-source/hrdesk/cli.py" in listed and "hrdesk-source/packaging/hrdesk.spec" in listed


def test_bundle_carries_bytecode_for_every_python_file_it_reads_from_disk(bundle: Path):
    """Modules live compiled in the PYZ archive; the only .py files on disk are Alembic's migrations and
    OpenCV's loader files, each with an unchecked-hash .pyc (PEP 552 flags = 0b01), so no start compiles
    anything."""
    sources = sorted(_internal(bundle).rglob("*.py"))
    assert any("migrations" in p.parts for p in sources)
    assert all("migrations" in p.parts or "cv2" in p.parts for p in sources), sources[:5]
    tag = sys.implementation.cache_tag
    for source in sources:
        pyc = source.parent / "__pycache__" / f"{source.stem}.{tag}.pyc"
        assert pyc.is_file(), pyc
        flags = int.from_bytes(pyc.read_bytes()[4:8], "little")
        assert flags == 0b01, (pyc, flags)


@pytest.mark.skipif(sys.platform != "win32", reason="the console twin exists on Windows only")
def test_windows_console_exe_prints_a_check(bundle: Path, tmp_path: Path):
    result = subprocess.run(
        [
            str(bundle / "hrdesk-cli.exe"),
            "check",
            str(ROOT / "examples" / "changping-new-ready.json"),
            "--business",
            "new",
            "--on",
            "2026-11-23",
            "--json",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(tmp_path),
        timeout=120,
    )
    assert result.returncode == 0 and '"eligible": true' in result.stdout.replace("\n", " ")
