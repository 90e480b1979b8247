"""The GUI fixtures (a Records per test, the main window offscreen) shared with tests/ui."""

from __future__ import annotations

from ..ui.conftest import desk, window  # noqa: F401  (pytest fixtures, used by name)
