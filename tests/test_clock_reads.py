"""Time is a parameter: what is overdue, who is eligible and which day a deadline falls on are decided on a
day handed in (the desk's `Clock`, a check's `on`), never on the machine's clock read in passing. The
suite runs with the clock 3, 40 and 400 days ahead to prove it; this test catches a new real-clock read
before such a run does.

It reads every module of the package (the AST, not the text: a comment or docstring naming
`date.today()` is no read) and fails on `date.today()`, `datetime.now()`, `datetime.today()`,
`datetime.utcnow()` and `time.time()` outside `hrdesk/clock.py`, except in the places listed below,
each with the reason its wall time is right."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hrdesk"

READS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
}

# (module path, enclosing function) -> why wall time is the right answer there.
ALLOWED = {
    ("hrdesk/store/models.py", "utcnow"): "when a row was written: a record of the moment, not a rule's day",
    ("hrdesk/store/db.py", "_safety_copy"): "the copy kept before a migration, made before any desk (and its "
    "clock) exists: named and dated for the moment it is made",
    ("hrdesk/store/vault.py", "clean_temporary_files"): "compared with file modification times (wall time)",
    ("hrdesk/ui/deadlines/tray.py", "__init__"): "wall against monotonic time detects a clock jump",
    ("hrdesk/ui/deadlines/tray.py", "_arm"): "wall against monotonic time detects a clock jump",
    ("hrdesk/ui/deadlines/tray.py", "clock_jumped"): "wall against monotonic time detects a clock jump",
    ("hrdesk/ui/probe.py", "*"): "the benchmark probe measures elapsed time; it decides nothing",
}


def _reads(path: Path) -> list[tuple[int, str, str]]:
    """(line, enclosing function, call) of every real-clock read in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and isinstance(child.func.value, ast.Name)
                and (child.func.value.id, child.func.attr) in READS
            ):
                found.append((child.lineno, function, f"{child.func.value.id}.{child.func.attr}()"))
            visit(child, inner)

    visit(tree, "<module>")
    return found


def _offending() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "hrdesk/clock.py":
            continue
        for line, function, call in _reads(path):
            if (rel, function) not in ALLOWED and (rel, "*") not in ALLOWED:
                out.append(f"{rel}:{line} {call} in {function}")
    return out


def test_no_real_clock_read_outside_the_clock() -> None:
    offending = _offending()
    assert offending == [], (
        "read the day from the injected Clock (desk.clock, a `today`/`on` parameter) or, where wall time "
        "is right, add the place to ALLOWED with the reason:\n" + "\n".join(offending)
    )


def test_the_check_sees_a_read(tmp_path: Path) -> None:
    """The scan is not blind: a module that decides on date.today() is found, a comment is not."""
    module = tmp_path / "m.py"
    module.write_text(
        "from datetime import date\n# date.today() in a comment\ndef overdue(d):\n    return d < date.today()\n"
    )
    assert _reads(module) == [(4, "overdue", "date.today()")]


def test_every_allowed_place_still_reads_the_clock() -> None:
    """An allowance outlives its read: drop it when the read goes, so it cannot hide a new one."""
    used = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        for _line, function, _call in _reads(path):
            used.add((rel, function))
            used.add((rel, "*"))
    assert [place for place in ALLOWED if place not in used] == []
