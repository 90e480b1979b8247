"""The command line speaks the chosen language, lists its choices and the ids `--employee` takes."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from hrdesk.checks.check import load_profile_file
from hrdesk.cli import main
from hrdesk.clock import FixedClock
from hrdesk.commands import deadlines as deadlines_command
from hrdesk.desks.desk import Desk

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def stored(data_dir: Path) -> dict[str, int]:
    with Desk.open(data_dir) as desk:
        return {
            name: desk.employees.add_profile(load_profile_file(ROOT / "examples" / name))
            for name in ("changping-renewal-window-open.json", "yanqing-new-ready.json")
        }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_business_with_its_label(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    for business in ("new", "renewal", "employer-change", "basic-change", "business-change"):
        assert business in out
    assert "Renewal" in out and "YYYY-MM-DD" in out
    with pytest.raises(SystemExit):
        main(["pack", "--help"])
    out = capsys.readouterr().out
    assert "用法" in out and "续签" in out and "--force" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_errors_are_one_line_in_the_chosen_language(capsys, lang, tmp_path):
    cases = [
        ("check", "x.json"),  # --business missing
        ("check", "x.json", "--business", "renew"),
        ("check", "x.json", "--business", "new", "--on", "2026-13-01"),
        ("form", "integrity-unit", "-o", str(tmp_path / "x.pdf")),  # neither profile nor --employee
        ("form", "integrity-unit", "--employee", "999", "-o", str(tmp_path / "x.pdf")),
    ]
    for argv in cases:
        code, out, err = run(capsys, *argv, "--lang", lang)
        assert code == 2 and out == "" and err.count("\n") == 1, (argv, err)
        if lang == "en":
            assert not HAN.search(err), err
        else:
            assert HAN.search(err), err
    _, _, err = run(capsys, "form", "integrity-unit", "--employee", "999", "-o", "x.pdf", "--lang", lang)
    assert "hrdesk list" in err  # says how to find the right id


def test_list_shows_ids_names_status_and_next_deadline(capsys, data_dir, stored):
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and sorted(r["id"] for r in rows) == sorted(stored.values())
    for row in rows:
        assert row["name"] and row["status"] and row["status_label"] != row["status"]
        assert "*" in row["id_number_masked"]
        assert set(row) >= {"unit", "next_deadline", "next_deadline_code", "next_deadline_label"}
    code, out, _ = run(capsys, "list", "--lang", "en")
    assert code == 0 and out.splitlines()[-1] == "2 employees"
    assert "changping" not in out and not any(r["status"] in out.split() for r in rows)
    code, out, _ = run(capsys, "list")
    assert out.splitlines()[-1] == "共 2 名员工"


def test_counts_read_right_in_english(capsys, data_dir, stored, tmp_path):
    args = type("Args", (), {"days": 100000, "json": False, "ics": tmp_path / "a.ics", "lang": "en"})()
    with Desk.open(data_dir) as desk:
        desk.employees.delete_employee(stored["yanqing-new-ready.json"])
    deadlines_command.run(args, data_dir, clock=FixedClock.on(date(2000, 1, 1)))
    out = capsys.readouterr().out
    n = int(re.search(r"\((\d+) deadlines?\)", out).group(1))
    assert out.strip().endswith(f"({n} deadline)" if n == 1 else f"({n} deadlines)")
    from hrdesk.catalogue import text

    assert text("cli.deadlines-written", "en", path="a", n=1) == "a (1 deadline)"
    assert text("cli.list-count", "en", n=1200) == "1,200 employees"
    code, out, _ = run(
        capsys, "--data-dir", str(data_dir), "--lang", "en", "export", "-o", str(tmp_path / "a.json")
    )
    assert code == 0 and out.strip() == f"{tmp_path / 'a.json'} (1 employee)"


@pytest.mark.parametrize("command", ["import", "template", "export", "check", "pack", "list"])
def test_every_help_line_speaks_chinese_by_default(capsys, command):
    """Each option's explanation in `hrdesk COMMAND --help` is in the chosen language: no line of
    Chinese help is left in English (the option names themselves stay as typed)."""
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert HAN.search(out)
    english = [line for line in out.splitlines() if re.search(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b", line)]
    assert not english, english
    assert "选项：" in out.splitlines() and not any(line.endswith(":") for line in out.splitlines())
    with pytest.raises(SystemExit):
        main([command, "--help", "--lang", "en"])
    assert not HAN.search(capsys.readouterr().out)


def test_an_export_to_the_wrong_kind_of_file_says_so_in_chinese(capsys, data_dir, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(data_dir), "export", "-o", str(tmp_path / "x.txt"))
    assert code == 2 and ".xlsx" in err and HAN.search(err.split("：", 2)[-1])


def test_a_bad_profile_in_an_import_is_explained_in_the_chosen_language(capsys, data_dir, tmp_path):
    bad = tmp_path / "people.json"
    bad.write_text(
        '[{"format": "hrdesk-profile/1", "employer": {"district": "changping"}, "employee": {"x": 1}}]',
        encoding="utf-8",
    )
    _, out, err = run(capsys, "--data-dir", str(data_dir), "import", str(bad), "--dry-run")
    assert "无法识别的键“x”" in out + err
    _, out, err = run(capsys, "--data-dir", str(data_dir), "--lang", "en", "import", str(bad), "--dry-run")
    assert "unknown key 'x'" in out + err and not HAN.search(out + err)


@pytest.mark.parametrize("before", [True, False])
def test_hrdesks_own_options_work_before_and_after_the_command(capsys, stored, data_dir, before):
    """`hrdesk --lang en --data-dir D list` and `hrdesk list --lang en --data-dir D` are the same run;
    an option given before the command is not undone by the command's parser."""
    own = ["--lang", "en", "--data-dir", str(data_dir)]
    code, out, _ = run(capsys, *(own + ["list"] if before else ["list", *own]))
    assert code == 0 and "2 employees" in out
    code, out, _ = run(capsys, "--lang", "en", "list", "--data-dir", str(data_dir))
    assert code == 0 and "2 employees" in out


def test_hrdesks_own_options_are_explained_alike_before_and_after_a_command(capsys):
    """One table names them: each shows with the same help in `hrdesk --help` and `hrdesk check --help`."""
    from hrdesk.catalogue import text
    from hrdesk.cli import _GLOBAL_VALUE_OPTIONS

    helps = {}
    for argv in (["--help"], ["check", "--help"]):
        with pytest.raises(SystemExit):
            main([*argv, "--lang", "en"])
        helps[argv[0]] = capsys.readouterr().out
    for flag, spec in _GLOBAL_VALUE_OPTIONS.items():
        first_words = " ".join(text(spec["help"], "en").split()[:3])
        for shown in helps.values():
            assert flag in shown and first_words in " ".join(shown.split())


def test_a_damaged_scan_is_said_in_english_by_check_and_pack(capsys, data_dir, tmp_path):
    """An HR officer working in English checks and packs a profile whose labour contract is a download cut
    off half-way, and whose diploma carries a defect an older hrdesk stored in Chinese words: both are said
    in English (the old words recognised by their template), and the pack's refusal too."""
    import shutil

    from hrdesk.catalogue import text

    data = json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    for m in data["materials"]:
        if m.get("file"):
            shutil.copy(ROOT / "examples" / m["file"], tmp_path / m["file"])
    contract = next(m for m in data["materials"] if m["kind"] == "labour-contract")
    whole = (tmp_path / contract["file"]).read_bytes()
    (tmp_path / contract["file"]).write_bytes(whole[: len(whole) // 2])
    diploma = next(m for m in data["materials"] if m["kind"] == "diploma")
    diploma["defects"] = [text("scan.SCAN_NOT_COLOUR", "zh", page="1")]  # as hrdesk stored it before
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    args = ("--business", "new", "--on", "2026-11-23", "--lang", "en")
    code, out, _ = run(capsys, "check", str(profile), *args, "--json")
    materials = {m["kind"]: m for m in json.loads(out)["materials"]}
    assert code == 0 and materials["labour-contract"]["status"] == "defective"
    assert "The PDF is incomplete" in materials["labour-contract"]["reason"]
    assert "Page 1 is not a colour scan" in materials["diploma"]["reason"]
    for kind in ("labour-contract", "diploma"):
        assert not HAN.search(materials[kind]["reason"].replace("三(一)", "")), materials[kind]["reason"]

    code, out, err = run(
        capsys, "pack", str(profile), *args[:4], "-o", str(tmp_path / "pack"), "--lang", "en"
    )
    assert code == 1 and "Labour contract: contract.pdf: The PDF is incomplete" in err, err
    assert not HAN.search(err), err
