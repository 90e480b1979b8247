"""No module in store/ or pdf/ imports a module that imports it, at the top or inside a function
(the layout issue: `pdf/limits.py` ↔ `pdf/scan.py`, `store/db.py` ↔ `store/dump.py`)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hrdesk"


def _imports(path: Path, package: str) -> set[str]:
    """Every hrdesk module `path` imports, wherever the import statement is."""
    found: set[str] = set()
    parts = package.split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("hrdesk.")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            if not base.startswith("hrdesk"):
                continue
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}  # `from . import scan`
    return found


def _graph() -> dict[str, set[str]]:
    modules: dict[str, set[str]] = {}
    for folder in ("store", "pdf"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            name = f"hrdesk.{folder}.{path.stem}"
            modules[name] = _imports(path, f"hrdesk.{folder}")
    return modules


def test_no_module_imports_its_importer():
    graph = _graph()
    circles = sorted(
        (a, b) for a, deps in graph.items() for b in deps if b in graph and a != b and a in graph[b] and a < b
    )
    assert circles == []


def test_the_known_circles_are_gone():
    graph = _graph()
    assert "hrdesk.pdf.scan" not in graph["hrdesk.pdf.limits"]
    assert "hrdesk.store.db" not in graph["hrdesk.store.dump"]
