"""hrdesk is AGPL-3.0-or-later, says so everywhere, and ships the licence of every component it bundles;
About → 第三方许可 lists them all with their texts."""

from __future__ import annotations

import importlib.util
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _collector():
    spec = importlib.util.spec_from_file_location(
        "collect_licenses", ROOT / "packaging" / "collect_licenses.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_hrdesk_is_agpl_in_pyproject_metadata_and_licence_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "AGPL-3.0-or-later"
    assert metadata.metadata("hrdesk")["License-Expression"] == "AGPL-3.0-or-later"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("GNU AFFERO GENERAL PUBLIC LICENSE")
    assert "13. Remote Network Interaction" in text and "END OF TERMS AND CONDITIONS" in text


def test_collected_licences_are_current_and_cover_every_runtime_dependency(capsys):
    collector = _collector()
    assert collector.main(["--check"]) == 0, capsys.readouterr().out
    from hrdesk.ui.about_dialog import load_components

    components = load_components(ROOT / "resources" / "licenses")
    index = tomllib.loads((ROOT / "resources" / "licenses" / "index.toml").read_text(encoding="utf-8"))
    files_by_dist = {c["dist"]: c["files"] for c in index["component"] if c["dist"]}
    for key in collector.runtime_closure():
        assert files_by_dist.get(key), f"{key} ships without a licence text"
    for c in components:  # each component has at least one real licence text (AUTHORS files are short)
        assert max((ROOT / "resources" / "licenses" / f).stat().st_size for f in c.files) > 500, c.name
    licences = {c.name: c.licence for c in components}
    assert licences["Qt"] == "LGPL-3.0-only"
    assert "AGPL" in licences["PyMuPDF (MuPDF)"] and "LGPL-3.0" in licences["PySide6 (Qt for Python)"]
    assert licences["Droid Sans Fallback font"] == "Apache-2.0" and "reportlab" in licences
    assert licences["hrdesk"] == "AGPL-3.0-or-later" and licences["Python"] == "PSF-2.0"


def test_a_dependency_without_a_licence_entry_makes_the_check_fail(tmp_path, monkeypatch, capsys):
    collector = _collector()
    out = tmp_path / "licenses"
    for path in (ROOT / "resources" / "licenses").rglob("*"):
        if path.is_file():
            target = out / path.relative_to(ROOT / "resources" / "licenses")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    (out / "pymupdf" / "AGPL-3.0.txt").unlink()
    monkeypatch.setattr(collector, "OUT", out)
    assert collector.main(["--check"]) == 1
    assert "pymupdf/AGPL-3.0.txt" in capsys.readouterr().out


@pytest.fixture
def about(qtbot, tmp_path):
    from hrdesk.ui.about_dialog import AboutDialog

    dialog = AboutDialog(tmp_path / "数据")
    qtbot.addWidget(dialog)
    return dialog


def test_about_lists_every_shipped_licence_and_shows_its_text(about):
    from hrdesk.ui.about_dialog import load_components

    components = load_components()
    assert about.tabs.count() == 2 and about.tabs.tabText(1) == "第三方许可"
    rows = [about.licence_list.item(i).text() for i in range(about.licence_list.count())]
    assert len(rows) == len(components) >= 25
    assert rows[0].startswith("hrdesk") and "AGPL-3.0-or-later" in rows[0]
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in about.licence_view.toPlainText()
    for wanted, text in (("Qt", "GNU LESSER GENERAL PUBLIC LICENSE"), ("Droid", "Apache License")):
        row = next(i for i, r in enumerate(rows) if r.startswith(wanted))
        about.licence_list.setCurrentRow(row)
        assert text in about.licence_view.toPlainText()
    row = next(i for i, r in enumerate(rows) if r.startswith("PyMuPDF"))
    about.licence_list.setCurrentRow(row)
    shown = about.licence_view.toPlainText()
    assert "AGPL" in shown and "GNU AFFERO GENERAL PUBLIC LICENSE" in shown and "mupdf.com" in shown


def test_about_page_states_the_licence_and_the_data_folder(about):
    text = about.findChild(type(about.tabs.widget(0)), "about-text").text()
    assert "GNU Affero" in text and "第 3 版" in text and "数据" in text
