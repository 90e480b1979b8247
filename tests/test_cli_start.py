"""The window's start goes through the command line's parser: with only hrdesk's own options it builds
no command, so none of their modules is imported before the first paint; a command still gets its own."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from hrdesk import cli
try:
    cli.main({argv!r})
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.startswith("hrdesk.commands.") and m != "hrdesk.commands.common"))
"""


def loaded_commands(argv: list[str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], capture_output=True, text=True, encoding="utf-8"
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_own_options_only_build_no_command():
    assert loaded_commands(["--version"]) == "[]"
    assert loaded_commands(["--lang", "en", "--data-dir=/nowhere", "--version"]) == "[]"


def test_a_command_or_help_builds_every_command():
    assert "'hrdesk.commands.check'" in loaded_commands(["check", "--help"])
    assert "'hrdesk.commands.read'" in loaded_commands(["--help"])
