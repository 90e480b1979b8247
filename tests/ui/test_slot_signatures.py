"""A button's `clicked` passes its `checked` bool as the first argument; a slot with a defaulted
parameter receives it and misreads it (添加经办人 once crashed that way). The window's slots therefore
take no optional parameters: a dialog a test must answer comes from a collaborator set on the widget."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "hrdesk" / "ui"


def _defaulted_methods(tree: ast.AST) -> dict[str, set[str]]:
    """Per class: the names of methods with a defaulted positional parameter (a signal can fill it)."""
    found: dict[str, set[str]] = {}
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and fn.args.defaults:
                found.setdefault(cls.name, set()).add(fn.name)
    return found


def risky_connects(source: str, name: str = "<source>") -> list[str]:
    """`.connect(self.x)` inside a class whose method x has a defaulted parameter; and `.connect(obj.x)`
    where x is such a method of any class in the same module."""
    tree = ast.parse(source)
    per_class = _defaulted_methods(tree)
    anywhere = set().union(*per_class.values()) if per_class else set()
    problems = []
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        own = per_class.get(cls.name, set())
        for node in ast.walk(cls):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and node.args
                and isinstance(node.args[0], ast.Attribute)
            ):
                continue
            target = node.args[0]
            is_self = isinstance(target.value, ast.Name) and target.value.id == "self"
            if (is_self and target.attr in own) or (not is_self and target.attr in anywhere):
                problems.append(f"{name}:{node.lineno} connects {ast.unparse(target)}")
    return problems


def test_the_scan_catches_a_slot_with_a_defaulted_parameter() -> None:
    bad = (
        "class D:\n"
        "    def __init__(self):\n"
        "        self.button.clicked.connect(self.add_agent)\n"
        "        self.other.clicked.connect(self.helper.remove)\n"
        "    def add_agent(self, dialog=None):\n"
        "        pass\n"
        "class Helper:\n"
        "    def remove(self, confirm=True):\n"
        "        pass\n"
    )
    assert risky_connects(bad) == [
        "<source>:3 connects self.add_agent",
        "<source>:4 connects self.helper.remove",
    ]
    good = bad.replace("dialog=None", "").replace("confirm=True", "")
    assert risky_connects(good) == []


def test_no_slot_in_the_window_has_a_defaulted_parameter() -> None:
    problems = []
    for path in sorted(UI.rglob("*.py")):
        problems += risky_connects(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert problems == []
