"""Start hrdesk (in the tray) at login: the Windows Run registry value and the macOS LaunchAgent.

The content is built by plain functions, testable on any system; writing it touches the registry or
~/Library only on the matching platform.
"""

from __future__ import annotations

import contextlib
import plistlib
import sys
from pathlib import Path

APP_ID = "cn.hrdesk.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = "hrdesk"


def launch_command(executable: str | None = None) -> list[str]:
    """The command that starts hrdesk minimised to the tray (a frozen app or `python -m hrdesk`)."""
    if executable:
        return [executable, "--tray"]
    if getattr(sys, "frozen", False):
        return [sys.executable, "--tray"]
    return [sys.executable, "-m", "hrdesk", "--tray"]


def windows_run_value(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


def launch_agent_plist(command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": APP_ID,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
    )


def launch_agent_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def set_enabled(
    enabled: bool, command: list[str] | None = None, home: Path | None = None, platform: str | None = None
) -> None:
    platform = platform or sys.platform
    command = command or launch_command()
    if platform == "win32":
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            if enabled:
                winreg.SetValueEx(key, RUN_VALUE_NAME, 0, winreg.REG_SZ, windows_run_value(command))
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, RUN_VALUE_NAME)
    elif platform == "darwin":
        path = launch_agent_path(home)
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(launch_agent_plist(command))
        else:
            path.unlink(missing_ok=True)
    else:
        raise NotImplementedError("start at login is offered on Windows and macOS")


def is_enabled(home: Path | None = None, platform: str | None = None) -> bool:
    platform = platform or sys.platform
    if platform == "darwin":
        return launch_agent_path(home).exists()
    if platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, RUN_VALUE_NAME)
            return True
        except FileNotFoundError:
            return False
    return False
