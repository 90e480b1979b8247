"""Before Qt opens a window on Linux: are the system libraries its platform plugin needs installed?

When one is missing (a fresh Debian or Ubuntu has no libxcb-cursor0, for instance), Qt prints a
paragraph about "xcb" and aborts the process with SIGABRT. hrdesk checks first, with `ldd` on the very
plugin Qt would load, and says in one line which Debian packages to install
(`resources/qt-linux-libraries.toml` maps each library to its package). No Qt import here: this runs
before Qt is loaded, and from the CLI.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .resources import resources_dir

PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so", "offscreen": "libqoffscreen.so"}


@dataclass(frozen=True)
class MissingLibraries:
    platform: str
    libraries: tuple[str, ...]
    packages: tuple[str, ...]  # Debian packages providing the known ones
    unknown: tuple[str, ...]  # libraries no package is known for (e.g. a damaged installation)

    def message(self) -> str:
        """One line for the terminal: what is missing and the command that fixes it."""
        text = f"hrdesk: Qt cannot open windows here ({self.platform}): missing {', '.join(self.libraries)}."
        if self.packages:
            text += f" Install them with: sudo apt-get install {' '.join(self.packages)}"
        if self.unknown:
            text += f" Not from a system package: {', '.join(self.unknown)} (reinstall hrdesk)."
        return text + " / 缺少 Qt 所需的系统库，请按上述命令安装。"


def platforms_to_try(environ: dict[str, str] | os._Environ[str] | None = None) -> list[str]:
    """The platform plugins Qt will try, in order: QT_QPA_PLATFORM's list if set ("wayland;xcb"), else
    by the session — a Wayland session tries wayland, then xcb through XWayland — else offscreen when
    there is no display at all."""
    env = os.environ if environ is None else environ
    chosen = [p.split(":")[0].strip() for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if chosen:
        return chosen
    if sys.platform == "win32":
        return ["windows"]
    if sys.platform == "darwin":
        return ["cocoa"]
    tried = []
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        tried.append("wayland")
    if env.get("DISPLAY"):
        tried.append("xcb")
    return tried or ["offscreen"]


def platform_to_use(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """Qt's first choice of platform plugin (see platforms_to_try)."""
    return platforms_to_try(environ)[0]


def plugin_paths(platform: str, environ: dict[str, str] | os._Environ[str] | None = None) -> list[Path]:
    """Every copy of the platform plugin Qt would try, in its order: QT_QPA_PLATFORM_PLUGIN_PATH first,
    then PySide6's own folder (inside a PyInstaller bundle too). Qt falls back to the next copy when one
    fails to load."""
    env = os.environ if environ is None else environ
    name = PLUGIN_FILES.get(platform)
    if name is None:
        return []
    folders = [Path(p) for p in env.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")
    locations = (spec.submodule_search_locations or []) if spec else []
    folders += [Path(location) / "Qt" / "plugins" / "platforms" for location in locations]
    return [folder / name for folder in folders if (folder / name).is_file()]


def parse_ldd(output: str) -> list[str]:
    """The libraries `ldd` could not find ("libxcb-cursor.so.0 => not found"), in its order."""
    missing = []
    for line in output.splitlines():
        left, _, right = line.strip().partition("=>")
        if right.strip() == "not found" and left.strip() not in missing:
            missing.append(left.strip())
    return missing


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(Debian packages, libraries no package is known for)."""
    import tomllib

    with open(resources_dir() / "qt-linux-libraries.toml", "rb") as fh:
        table: dict[str, str] = tomllib.load(fh)["packages"]
    packages: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        package = table.get(library)
        if package is None:
            unknown.append(library)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def _missing_for(platform: str, environ: dict[str, str] | os._Environ[str] | None) -> list[str] | None:
    """The libraries missing for this platform (empty: it loads), or None if hrdesk has no such plugin."""
    plugins = plugin_paths(platform, environ)
    if not plugins:
        return None
    env = dict(os.environ if environ is None else environ)
    missing: list[str] = []
    for plugin in plugins:  # one loadable copy is enough; otherwise report the last (PySide6's own)
        if environ is None and _loads(plugin):
            return []
        import shutil  # only when a plugin does not load (the window's start skips these imports)
        import subprocess

        ldd = shutil.which("ldd")
        if ldd is None:
            return []  # nothing to ask: Qt will then report for itself
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, env=env, timeout=30)
        missing = parse_ldd(result.stdout)
        if not missing:
            return []
    return missing


def _loads(plugin: Path) -> bool:
    """Does the plugin load in this process, every library it needs found? Asking the loader itself is
    a thousandth of `ldd`'s time (a child process: 25 ms for the offscreen plugin, 400 ms for xcb, at
    every start of the window); `ldd` is asked only when it does not load, to name every missing
    library, not only the first. The libraries it loads are the ones Qt loads next anyway."""
    import ctypes

    try:
        ctypes.CDLL(str(plugin))
    except OSError:
        return False
    return True


def check(
    platform: str | None = None, environ: dict[str, str] | os._Environ[str] | None = None
) -> MissingLibraries | None:
    """None when a platform plugin Qt will try has all its libraries (or this is not Linux, or there
    is no `ldd` to ask: Qt will then report for itself); otherwise what the first one misses."""
    if not sys.platform.startswith("linux"):
        return None
    first: tuple[str, list[str]] | None = None
    for candidate in [platform] if platform else platforms_to_try(environ):
        missing = _missing_for(candidate, environ)
        if missing is None or not missing:  # unknown to us (Qt reports for itself) or loadable
            return None
        first = first or (candidate, missing)
    if first is None:
        return None
    packages, unknown = packages_for(first[1])
    return MissingLibraries(first[0], tuple(first[1]), tuple(packages), tuple(unknown))
