"""A business has one name wherever a person reads it. The list is `resources/labels.toml` [business],
cited to the guides; the checklist, a pack folder, the window's choices, the calendar's filter and the
CLI read it. The window once said 业务信息变更（随往子女） where the checklist said 业务信息变更: this
fails on a second list in the data files and on any of those places naming a business otherwise."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from hrdesk.checks.check import load_profile_file, run_check
from hrdesk.forms.documents import checklist_pdf
from hrdesk.labels import label, labels
from hrdesk.packs.upload_pack import business_name
from hrdesk.rules.policy import BUSINESSES

from .timeless import EXAMPLES_WRITTEN_FOR

ROOT = Path(__file__).resolve().parent.parent
GUIDES = Path("/work/shared/policy")
DATA = [ROOT / "resources", ROOT / "forms", ROOT / "hrdesk"]


def _tables(value: object, where: str) -> Iterator[tuple[str, dict]]:
    if isinstance(value, dict):
        yield where, value
        for key, inner in value.items():
            yield from _tables(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _tables(inner, f"{where}[{i}]")


def _data_files() -> Iterator[tuple[Path, object]]:
    for folder in DATA:
        for path in sorted(folder.rglob("*.toml")):
            with open(path, "rb") as fh:
                yield path, tomllib.load(fh)
        for path in sorted(folder.rglob("*.json")):
            yield path, json.loads(path.read_text(encoding="utf-8"))


def test_the_business_list_is_complete_and_the_only_one_in_the_data_files():
    assert tuple(labels("business")) == BUSINESSES  # every business the rules know, in their order
    second = [
        f"{path.relative_to(ROOT)}:{where}"
        for path, data in _data_files()
        for where, table in _tables(data, "")
        if len(set(table) & set(BUSINESSES)) >= 3
        and not (path.name == "labels.toml" and where == ".business")
        and any(isinstance(v, str) for k, v in table.items() if k in BUSINESSES)
    ]
    assert second == [], "business names belong in resources/labels.toml [business]: " + ", ".join(second)


@pytest.mark.skipif(not GUIDES.is_dir(), reason="the guides' texts are not on this machine")
def test_every_business_name_is_the_guides_own():
    guides = [p.read_text(encoding="utf-8") for p in sorted(GUIDES.glob("*-guide.txt"))]
    assert len(guides) == 2
    for code in BUSINESSES:
        name = label("business", code)
        assert all(name in guide for guide in guides), (code, name)


def test_the_checklist_and_the_pack_folder_say_the_listed_name(tmp_path: Path):
    profile = load_profile_file(ROOT / "examples" / "changping-new-ready.json")
    for code in BUSINESSES:
        assert business_name(code) == label("business", code)
    result = run_check(profile, "business-change", EXAMPLES_WRITTEN_FOR)
    pdf = checklist_pdf(result, profile, printed_on=EXAMPLES_WRITTEN_FOR)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = "".join(page.get_text() for page in doc)
    assert "业务：业务信息变更　" in text.replace("\n", "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_names_businesses_as_the_list_does(qtbot, monkeypatch, lang):
    from hrdesk.ui.deadlines.calendar_view import CalendarView
    from hrdesk.ui.employees.eligibility_panel import business_label
    from hrdesk.ui.i18n import set_language

    monkeypatch.setenv("HRDESK_LANG", "zh")  # set_language sets it; put back after the test
    set_language(lang)
    try:
        for code in BUSINESSES:
            assert business_label(code) == label("business", code, lang)
        view = CalendarView()
        qtbot.addWidget(view)
        shown = {
            view.kind_filter.itemData(i): view.kind_filter.itemText(i)
            for i in range(view.kind_filter.count())
        }
        for code in ("renewal", "employer-change"):
            assert shown[code] == label("business", code, lang)
    finally:
        set_language("zh")
