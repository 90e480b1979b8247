"""`hrdesk --self-test`: prove an installed build works end to end in a few seconds — open a temporary
database, store and check an employee, render a form and a preview page, load the translations, and
open a real window on the platform plugin the user's desktop will use (xcb, wayland, windows, cocoa),
saying which. Only without any display (a server, CI without Xvfb) does it fall back to offscreen.
On Linux a missing system library is one line naming the Debian packages, not Qt's SIGABRT."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def _qt_window(steps: list[str]) -> None:
    from .qt_system_libs import check, platform_to_use

    platform = platform_to_use()
    if platform == "offscreen" and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display at all: nothing else can load
        steps.append("no display found")
    missing = check()  # every platform Qt will try (a Wayland session falls back to xcb)
    if missing is not None:
        raise _Refused(missing.message())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from .ui.i18n import set_language

    assert set_language("en") and set_language("zh")
    window = QLabel("hrdesk 自检 䶮")
    window.show()
    QTimer.singleShot(50, window.close)
    QTimer.singleShot(100, app.quit)
    app.exec()
    steps.append(f"Qt {app.platformName()} window")


class _Refused(RuntimeError):
    """The installation cannot work here, for a reason the message explains in full."""


def run() -> int:
    started = time.perf_counter()
    steps: list[str] = []
    try:
        from .desks.desk import Desk
        from .resources import resources_dir
        from .rules.profile import Education, Employee, Employer, Housing, Profile

        with tempfile.TemporaryDirectory(prefix="hrdesk-selftest-") as tmp:
            folder = Path(tmp)
            with Desk.open(folder) as desk:
                profile = Profile(
                    Employer(
                        name="自检单位",
                        district="changping",
                        tax_paid_cny={str(desk.clock.today().year): 300000},
                        new_quota_remaining=1,
                    ),
                    Employee(
                        name="自检䶮",
                        id_number="130102199001011237",
                        hired_on=date(2020, 1, 1),
                        career_started_on=date(2015, 1, 1),
                        education=Education("bachelor"),
                        housing=Housing(kind="owned"),
                    ),
                    [],
                )
                employee_id = desk.employees.add_profile(profile)
                result = desk.employees.check(employee_id, "new")
                assert result.thresholds["x1_2"] > 0
                steps.append(f"database + check ({len(result.findings)} findings)")
                from .forms.documents import make_form

                pdf = make_form(
                    "integrity-individual", desk.employees.profile(employee_id), today=desk.clock.today()
                )
                assert pdf.startswith(b"%PDF")
                form = folder / "form.pdf"
                form.write_bytes(pdf)
                steps.append(f"form ({len(pdf)} bytes)")
            from .pdf.render import render_page

            page = render_page(form, 0, dpi=50)
            assert page.width > 0 and any(b < 128 for b in page.samples[: page.stride * page.height : 97])
            steps.append(f"preview ({page.width}×{page.height})")
            assert (resources_dir() / "translations" / "hrdesk_en.qm").exists()
            assert (resources_dir() / "licenses" / "index.toml").exists()
            _qt_window(steps)
    except _Refused as exc:
        print(f"hrdesk self-test FAILED after {'; '.join(steps) or 'start'}: {exc}")
        return 1
    except Exception as exc:  # report and fail: this is what an installer check looks at
        print(f"hrdesk self-test FAILED after {'; '.join(steps) or 'start'}: {exc.__class__.__name__}: {exc}")
        return 1
    print(f"hrdesk self-test ok in {time.perf_counter() - started:.1f}s: " + "; ".join(steps))
    return 0
