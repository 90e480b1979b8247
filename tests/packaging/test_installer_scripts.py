"""What can be checked here of the Windows and macOS packaging without those systems: the Inno Setup
script refers only to files that exist (its Chinese messages are shipped, not expected from Inno 6), the
language file is complete enough to compile, the macOS minimum matches the locked wheels, the dmg script
parses. (The workflow itself is checked with actionlint; see packaging/README.md.)"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
sys.path.insert(0, str(ROOT / "packaging"))

from bundle_info import minimum_macos  # noqa: E402


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_inno_script_uses_the_shipped_chinese_messages_and_existing_files():
    raw = (WINDOWS / "hrdesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Chinese custom messages on every Inno 6
    sections = _sections(raw.decode("utf-8-sig"))
    files = re.findall(r'MessagesFile: "([^"]+)"', "\n".join(sections["Languages"]))
    assert "ChineseSimplified.isl" in files and not any("compiler:Languages" in f for f in files)
    for name in files:
        assert name.startswith("compiler:") or (WINDOWS / name).is_file(), name
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line)
    assert (WINDOWS / setup["SetupIconFile"].replace("\\", "/")).resolve().is_file()
    run = "\n".join(sections["Run"])
    assert r"{app}\hrdesk-cli.exe" in run and "--self-test" in run
    assert 'name="hrdesk-cli"' in (ROOT / "packaging" / "hrdesk.spec").read_text(encoding="utf-8")
    custom = {line.split("=", 1)[0] for line in sections["CustomMessages"]}
    assert {"chinesesimplified.SelfTest", "english.SelfTest"} <= custom


def test_chinese_language_file_is_complete():
    raw = (WINDOWS / "ChineseSimplified.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    sections = _sections(raw.decode("utf-8-sig"))
    options = dict(line.split("=", 1) for line in sections["LangOptions"])
    assert options["LanguageID"] == "$0804" and options["LanguageName"] == "简体中文"
    messages = dict(line.split("=", 1) for line in sections["Messages"])
    assert len(messages) >= 281  # all 281 of Inno Setup 6.7.3's Default.isl (compared with issrc is-6_7_3)
    assert messages["ButtonNext"] == "下一步(&N) >" and "%1" in messages["SetupWindowTitle"]
    custom = dict(line.split("=", 1) for line in sections["CustomMessages"])
    assert {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"} <= set(custom)  # used by hrdesk.iss


def _locked_macos_wheels() -> dict[str, list[str]]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    wheels: dict[str, list[str]] = {}
    for package in lock["package"]:
        urls = [w.get("url", "") for w in package.get("wheels", [])]
        wheels[package["name"]] = [u.rsplit("/", 1)[-1] for u in urls if "macosx" in u]
    return wheels


def test_macos_minimum_follows_the_locked_wheels():
    wheels = _locked_macos_wheels()
    pyside = [w for w in wheels["pyside6-essentials"] if "universal2" in w or "arm64" in w]
    needed = re.search(r"macosx_(\d+)_(\d+)", pyside[0])
    expected = f"{needed[1]}.{needed[2]}"
    for arch in ("arm64", "x86_64"):
        shipped = {
            k: wheels[k] for k in ("pyside6-essentials", "shiboken6", "pymupdf", "reportlab", "pillow")
        }
        assert minimum_macos(shipped, arch) == expected  # 14.0 with PySide6 6.12, not the old 11.0
    assert minimum_macos({"pymupdf": ["pymupdf-1.28.2-cp310-abi3-macosx_11_0_arm64.whl"]}, "arm64") == "11.0"
    assert (
        minimum_macos({"x": ["x-1-cp310-abi3-macosx_10_15_x86_64.whl"]}, "arm64") == "11.0"
    )  # no arm64 wheel


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_dmg_script_parses():
    assert subprocess.run(["bash", "-n", str(ROOT / "packaging" / "macos" / "make-dmg.sh")]).returncode == 0
