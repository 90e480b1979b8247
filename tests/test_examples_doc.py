"""Every command documented in examples/README.md gives its documented verdict on any day:
each row is run as written through the CLI with the clock moved to days far from the one the
examples were written for, and its verdict and the codes it names are checked."""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from hrdesk.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "examples" / "README.md"
ROW = re.compile(r"^\| `(uv run hrdesk check [^`]+)` \| ([^|]+) \| (.+) \|$")
CODE = re.compile(r"`([A-Z][A-Z0-9_]+)`")
# The day the examples were written for, a few days, 40 days and 400 days later, and years ahead.
CLOCKS = [date(2026, 11, 23), date(2026, 11, 26), date(2027, 1, 2), date(2027, 12, 28), date(2031, 3, 1)]


def documented() -> list[tuple[str, str, set[str]]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if match:
            command, verdict, shows = match.groups()
            rows.append((command, verdict.strip(), set(CODE.findall(shows))))
    return rows


class _Clock(date):
    """`date` whose today() is the injected day."""

    now = date(2026, 11, 23)

    @classmethod
    def today(cls) -> date:  # type: ignore[override]
        return cls.now


@pytest.fixture
def clock(monkeypatch, tmp_path):
    monkeypatch.setenv("HRDESK_DATA_DIR", str(tmp_path))
    monkeypatch.chdir(ROOT)
    # The command line's `check` without --on asks the real clock (hrdesk.clock.Clock): it is given this day.
    monkeypatch.setattr("hrdesk.checks.check.Clock", lambda: _Clock)
    return _Clock


def run_cli(command: str, capsys) -> dict:
    argv = shlex.split(command)
    assert argv[:3] == ["uv", "run", "hrdesk"]
    assert main([*argv[3:], "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_doc_lists_every_example_with_a_pinned_date():
    rows = documented()
    named = {re.search(r"examples/(\S+\.json)", c).group(1) for c, _, _ in rows}
    assert named == {p.name for p in (ROOT / "examples").glob("*.json")}
    assert all("--on 2026-11-23" in c for c, _, _ in rows)


@pytest.mark.parametrize("today", CLOCKS, ids=str)
def test_documented_commands_give_their_documented_verdicts_on_any_day(clock, capsys, today):
    clock.now = today
    for command, verdict, named_codes in documented():
        out = run_cli(command, capsys)
        expected = {
            "eligible, ready": (True, True),
            "eligible, not ready": (True, False),
            "not eligible": (False, False),
        }[verdict]
        assert (out["eligible"], out["ready"]) == expected, (command, out["findings"])
        found = {f["code"] for f in out["findings"]} | {d["code"] for d in out["deadlines"]}
        assert named_codes <= found, (command, named_codes - found)


def test_without_on_the_injected_clock_decides(clock, capsys):
    """The clock really is injected: the same example without `--on`, checked months later, has lost its
    income window (the reason the documented commands pin the day)."""
    clock.now = date(2027, 6, 1)
    command = "uv run hrdesk check examples/changping-new-ready.json --business new"
    out = run_cli(command, capsys)
    assert out["on"] == "2027-06-01" and not out["eligible"]


def test_commands_in_the_main_readme_pin_the_date_too():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"`(uv run hrdesk check examples/[^`]+)`", text)
    assert commands, "the README shows how to run an example"
    documented_commands = {c for c, _, _ in documented()}
    for command in commands:
        assert "--on 2026-11-23" in command and command in documented_commands, command
