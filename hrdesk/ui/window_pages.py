"""The pages the overview hides (the employee page, the calendar, the first-run guide), made after the
window's first frame in steps of a few hundredths of a second each, so the window answers in between:
made in its constructor they were half of what stood before that frame."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from .main_window import MainWindow

# The tabs' modules, imported one step each (together about 20 ms), then each tab made in its own step.
PAGE_MODULES = (
    ".materials.materials_panel",
    ".employees.eligibility_panel",
    ".employees.applications_panel",
    ".employees.profile_form",
    ".employees.employee_detail",
)
TABS_AFTER_THE_PROFILE = ("eligibility", "materials", "applications", "children")


def build_pages(w: MainWindow, then: Any = None) -> None:
    """Make `w`'s hidden pages one step at a time; `then()` once all are made (the database opens after
    them: its imports on a worker would take the interpreter lock from these steps and make each one
    twice as long). A page something asks for meanwhile is made at once, and its steps do nothing."""
    made: dict[str, Any] = {}

    def imported(module: str) -> Any:
        return lambda: importlib.import_module(module, __package__)

    def tab(name: str) -> Any:
        def make() -> None:
            if w._detail is None:
                from .employees.employee_detail import panel_makers

                made[name] = dict(panel_makers(w.desk, w.data_dir))[name]()

        return make

    def profile_form() -> None:  # in two halves: the largest tab
        if w._detail is None:
            from .employees.profile_form import ProfileForm

            made["profile"] = ProfileForm(w.desk, staged=True)

    def profile_form_rest() -> None:
        if "profile" in made:
            made["profile"].finish_building()

    def employee_page() -> None:
        if w._detail is None:
            w._build_detail(made)

    steps = [
        lambda: w.first_run,
        lambda: w.calendar,
        *(imported(m) for m in PAGE_MODULES),
        profile_form,
        profile_form_rest,
        *(tab(name) for name in TABS_AFTER_THE_PROFILE),
        employee_page,
    ]

    def next_step() -> None:
        if steps:
            steps.pop(0)()
            # A timer, not a queued call: the window's own timers and events go between two steps
            # (queued calls run one after another before any timer).
            QTimer.singleShot(1, next_step)
        elif then is not None:
            then()

    QTimer.singleShot(0, next_step)
