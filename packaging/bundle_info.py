"""Facts the PyInstaller spec needs about what it bundles, kept out of the spec so tests can check them.

- `minimum_macos`: the oldest macOS the bundle runs on is the newest minimum among the wheels it ships
  (PySide6 6.12's universal2 wheel needs macOS 14, whatever Info.plist claims), so LSMinimumSystemVersion
  is read from the installed wheels' tags instead of being typed by hand.
- `compile_sources`: Alembic loads its migration scripts from files, not from PyInstaller's archive; they
  are shipped with unchecked-hash bytecode beside them so a start never compiles them (PEP 552).
- `source_archive`: the corresponding source (AGPL-3.0 §6) shipped inside every bundle.
"""

from __future__ import annotations

import compileall
import py_compile
import re
import shutil
import zipfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

_MACOS_TAG = re.compile(r"macosx_(\d+)_(\d+)_(\w+)")


def minimum_macos(tags_by_package: dict[str, Iterable[str]], arch: str) -> str:
    """The macOS version a bundle for `arch` (arm64 / x86_64) needs: for each package the oldest macOS
    among its wheels usable on that arch, then the newest of those. Packages without macOS wheels
    (pure Python) do not count. Returns "11.0" when nothing says more (arm64's first release)."""
    needed = (11, 0) if arch == "arm64" else (10, 13)
    for tags in tags_by_package.values():
        usable = [
            (int(m[1]), int(m[2]))
            for tag in tags
            if (m := _MACOS_TAG.search(tag)) and m[3] in (arch, "universal2", "universal")
        ]
        if usable:
            needed = max(needed, min(usable))
    return f"{needed[0]}.{needed[1]}"


def installed_wheel_tags(packages: Iterable[str]) -> dict[str, list[str]]:
    """The `Tag:` lines of each installed distribution's WHEEL file (what was really installed)."""
    tags: dict[str, list[str]] = {}
    for name in packages:
        try:
            text = metadata.distribution(name).read_text("WHEEL") or ""
        except metadata.PackageNotFoundError:
            continue
        tags[name] = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Tag:")]
    return tags


def compile_sources(source: Path, target: Path) -> Path:
    """Copy a folder of Python files to `target` with unchecked-hash .pyc files in __pycache__."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    ok = compileall.compile_dir(
        target, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, optimize=0
    )
    if not ok:
        raise RuntimeError(f"compiling {source} failed")
    return target


def compile_in_place(folder: Path) -> None:
    """Unchecked-hash .pyc files beside the .py files a package of the bundle reads from disk."""
    if folder.is_dir() and not compileall.compile_dir(
        folder, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH, optimize=0
    ):
        raise RuntimeError(f"compiling {folder} failed")


SOURCE_PARTS = ("hrdesk", "resources", "forms", "packaging", "examples", "benchmarks", "tests")
SOURCE_FILES = ("pyproject.toml", "uv.lock", "LICENSE", "README.md", ".ci/run")


def source_archive(root: Path, target: Path) -> Path:
    """hrdesk's corresponding source as a zip: everything needed to rebuild this bundle."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in SOURCE_FILES:
            if (root / name).is_file():
                zf.write(root / name, f"hrdesk-source/{name}")
        for part in SOURCE_PARTS:
            for path in sorted((root / part).rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                    zf.write(path, f"hrdesk-source/{path.relative_to(root).as_posix()}")
    return target
