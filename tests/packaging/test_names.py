"""Limits on names: absurd lengths, line breaks and bidi controls are refused with a message that says
how to fix them (profile JSON, CLI, roster import); pack file names are capped in bytes, not characters."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hrdesk.pdf.files import MAX_NAME_BYTES, safe_filename
from hrdesk.rules.names import LIMITS, NameRejected, check_name
from hrdesk.rules.profile import ProfileError

from ..packs.hostile import colour_scan

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 23)


@pytest.mark.parametrize(
    "name", ["张三", "䶮", "亚历山大·谢尔盖耶维奇·普希金", "O'Brien Mary-Jane", "\ue000明", ""]
)
def test_real_names_pass_unchanged(name):
    assert check_name(name) == name


@pytest.mark.parametrize(
    "name,needle",
    [
        ("张" * 100_000, "100000 个字符"),
        ("张\n三", "换行"),
        ("张三\t", "换行"),
        ("张三\u202egpj.exe", "U+202E"),
        ("\u2067张三", "U+2067"),
        ("张\u200b三", "U+200B"),
        ("张\x00三", "U+0000"),
        ("   ", "空白"),
    ],
)
def test_bad_names_are_refused_with_the_fix(name, needle):
    with pytest.raises(NameRejected) as err:
        check_name(name)
    assert needle in str(err.value) and "\n" not in str(err.value)


def test_unit_names_have_their_own_limit_and_english_text():
    assert check_name("北京" * 50, "unit")
    with pytest.raises(NameRejected, match="at most 100"):
        check_name("北" * 101, "unit", lang="en")
    assert LIMITS["person"] < LIMITS["unit"]


def _profile(**employee) -> dict:
    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["employee"].update(employee)
    return data


@pytest.mark.parametrize(
    "where,change",
    [
        ("employee.name", lambda d: d["employee"].update(name="张" * 100_000)),
        ("employer.name", lambda d: d["employer"].update(name="北京\n示例")),
        ("employee.children[0].name", lambda d: d["employee"]["children"][0].update(name="小\u202e三")),
    ],
)
def test_profile_parsing_names_the_field(where, change):
    from hrdesk.checks.check import policies
    from hrdesk.rules.profile import parse_profile

    data = _profile()
    change(data)
    ps = policies()
    with pytest.raises(ProfileError) as err:
        parse_profile(data, ps.districts, tuple(ps.materials))
    assert str(err.value).startswith(where + ":")


def test_cli_check_refuses_a_bidi_name_with_exit_2_and_one_line(tmp_path, capsys):
    from hrdesk.cli import main

    path = tmp_path / "p.json"
    path.write_text(json.dumps(_profile(name="张三\u202e"), ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(path), "--business", "new", "--on", "2026-11-23"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "employee.name" in err and "U+202E" in err


def test_roster_import_refuses_the_row_and_stores_nothing(tmp_path, data_dir):
    from hrdesk.desks.desk import Desk
    from hrdesk.rosters.api import ImportRejected, import_file, template_headers

    headers = template_headers()
    rows = [
        {
            "姓名": "张\u202e三",
            "身份证号": "130102199001011237",
            "单位名称": "北京示例科技有限公司",
            "所在区": "昌平区",
        },
        {
            "姓名": "李四" * 40,
            "身份证号": "11010519491231002X",
            "单位名称": "北京示例科技有限公司",
            "所在区": "昌平区",
        },
    ]
    csv = tmp_path / "roster.csv"
    lines = [",".join(headers)] + [",".join(str(r.get(h, "") or "") for h in headers) for r in rows]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Desk.open(data_dir) as desk:
        with pytest.raises(ImportRejected) as err:
            import_file(desk, csv)
        text = "\n".join(map(str, err.value.errors))
        assert "U+202E" in text and "80 个字符" in text
        assert desk.employees.profiles() == {}


def test_pack_names_fit_in_bytes_for_a_long_cjk_name(tmp_path):
    name = safe_filename("01-" + "劳动（聘用）合同" * 20 + "-" + "张" * 64 + ".pdf")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES and name.endswith(".pdf")
    (tmp_path / name).write_bytes(b"%PDF")  # the real file system takes it
    assert safe_filename("é" * 150 + ".pdf").encode("utf-8").__len__() <= MAX_NAME_BYTES
    assert safe_filename("q\u0301" * 150).endswith("\u0301")  # never a base character without its accent


def test_a_whole_pack_for_the_longest_accepted_name_builds(tmp_path):

    from hrdesk.checks.check import load_profile_file
    from hrdesk.packs.upload_pack import build_pack

    data = _profile(name="欧阳" * (LIMITS["person"] // 2))
    for m in data["materials"]:
        colour_scan(tmp_path / m["file"], label=m["kind"])  # packs scan what they pack
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    profile = load_profile_file(path)
    result = build_pack(profile, "new", tmp_path / ("张" * 60), tmp_path, ON, make_zip=True)
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in result.files)
    assert result.zip_path and result.zip_path.exists()


def test_the_profile_form_shows_why_a_name_is_refused(qtbot, data_dir):
    from hrdesk.desks.desk import Desk
    from hrdesk.ui.employees.profile_form import ProfileForm
    from hrdesk.ui.i18n import set_language

    set_language("zh")
    with Desk.open(data_dir) as desk:
        form = ProfileForm(desk)
        qtbot.addWidget(form)
        form.name.setText("张三\u202e")
        assert "U+202E" in form.errors()["name"]
        form.name.setText("张三")
        assert "name" not in form.errors()
