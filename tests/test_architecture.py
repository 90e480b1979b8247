"""The architecture in docs/ARCHITECTURE.md holds: the import contracts in pyproject.toml are kept, and a
violating import is caught (checked on a copy of the package with one bad import added)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lint(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(package_parent))
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), str(config), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=package_parent,
        timeout=300,
    )


def test_the_import_contracts_are_kept() -> None:
    done = _lint(ROOT, ROOT / "pyproject.toml")
    assert done.returncode == 0, done.stdout[-3000:]
    assert "BROKEN" not in done.stdout


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    shutil.copytree(ROOT / "hrdesk", tmp_path / "hrdesk", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "hrdesk" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    config = tmp_path / "pyproject.toml"
    data = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "[tool.importlinter]" in data and tomllib.loads(data)["tool"]["importlinter"]["contracts"]
    config.write_text(data, encoding="utf-8")
    return tmp_path


def test_qt_in_the_rules_is_caught(tmp_path: Path) -> None:
    parent = _copy_with(tmp_path, "rules/dates.py", "import PySide6.QtCore  # noqa")
    done = _lint(parent, parent / "pyproject.toml")
    assert done.returncode != 0
    assert "Qt only in hrdesk.ui BROKEN" in done.stdout
    assert "hrdesk.rules.dates -> PySide6" in done.stdout


def test_a_domain_importing_its_importer_is_caught(tmp_path: Path) -> None:
    # materials sits below employees: an import back up is a layer violation.
    parent = _copy_with(tmp_path, "materials/paths.py", "from ..employees import service  # noqa")
    done = _lint(parent, parent / "pyproject.toml")
    assert done.returncode != 0
    assert "hrdesk.materials is not allowed to import hrdesk.employees" in done.stdout


def test_the_materials_do_not_name_the_desk_even_for_a_type() -> None:
    """The desk imports the materials; a type-only import of the desk from the materials (reading a stored
    employee's scans took a `Desk`) closed a circle the contracts do not count. It names what it asks of
    a desk instead (`inspection.inspect.StoredScans`)."""
    import grimp

    graph = grimp.build_graph("hrdesk", exclude_type_checking_imports=False)
    assert graph.find_shortest_chains(importer="hrdesk.materials", imported="hrdesk.desks") == set()
