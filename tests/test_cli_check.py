"""`hrdesk check` through a real subprocess: the SPEC §5 contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def hrdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hrdesk", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd
    )


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "p.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def example() -> dict:
    return json.loads((ROOT / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "mutate,needle",
    [
        (lambda d: d.__setitem__("format", "hrdesk-profile/2"), "profile.format"),
        (lambda d: d["employee"].__setitem__("hukuo", "beijing"), "employee: unknown key 'hukuo'"),
        (
            lambda d: d["employee"]["education"].__setitem__("school", "x"),
            "employee.education: unknown key 'school'",
        ),
        (lambda d: d["employee"].__setitem__("hired_on", "2026-02-30"), "employee.hired_on"),
        (lambda d: d["employee"].__setitem__("hired_on", "2026/02/01"), "employee.hired_on"),
        (lambda d: d["employer"].__setitem__("district", "haidian"), "employer.district"),
        (lambda d: d["employee"].__setitem__("hukou", "mars"), "employee.hukou"),
        (lambda d: d["employee"].__setitem__("retired", "no"), "employee.retired"),
        (
            lambda d: d["employee"]["monthly_income_cny"].__setitem__("2026-13", 1),
            "employee.monthly_income_cny",
        ),
        (
            lambda d: d["employee"]["monthly_income_cny"].__setitem__("2026-01", True),
            "employee.monthly_income_cny",
        ),
        (lambda d: d["materials"].append({"kind": "passport"}), "materials[13].kind"),
        (
            lambda d: d["employee"]["children"][0].__setitem__("age", 7),
            "employee.children[0]: unknown key 'age'",
        ),
    ],
)
def test_bad_input_is_exit_2_with_one_line(tmp_path, mutate, needle):
    data = example()
    mutate(data)
    proc = hrdesk("check", str(write(tmp_path, data)), "--business", "new", "--lang", "en")
    assert proc.returncode == 2, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize(
    "mutate,said",
    [
        (lambda d: d["employee"].__setitem__("hukuo", "beijing"), "employee: 无法识别的键“hukuo”"),
        (lambda d: d["employee"].__setitem__("hired_on", "2024-02-30"), "2024-02-30 不是真实存在的日期"),
        (lambda d: d["employee"].__setitem__("retired", "no"), "应为 true 或 false"),
        (lambda d: d["employer"].__setitem__("district", "haidian"), "无法识别的区 'haidian'"),
    ],
)
def test_bad_input_is_said_in_chinese_by_default(tmp_path, mutate, said):
    """The HR officer's language is the default: the place in the file stays as written (a key), what
    is wrong with it is said in Chinese."""
    data = example()
    mutate(data)
    proc = hrdesk("check", str(write(tmp_path, data)), "--business", "new")
    assert proc.returncode == 2
    assert said in proc.stderr and proc.stderr.startswith("hrdesk：错误："), proc.stderr
    missing = hrdesk("check", str(tmp_path / "none.json"), "--business", "new")
    assert "找不到此文件" in missing.stderr and missing.returncode == 2


@pytest.mark.parametrize("text", ["", "{", "[1, 2]", "null", "\u00ff\u00fe"])
def test_unreadable_json_is_exit_2(tmp_path, text):
    proc = hrdesk("check", str(write(tmp_path, text)), "--business", "new")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--business", "upgrade"],
        ["--business", "new", "--on", "2026-11-31"],
        ["--business", "new", "--on", "yesterday"],
        [],
    ],
)
def test_bad_arguments_are_exit_2(args):
    proc = hrdesk("check", str(ROOT / "examples" / "changping-new-ready.json"), *args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1


def test_wrong_data_is_a_finding_not_exit_2(tmp_path):
    data = example()
    data["employee"]["id_number"] = "130102199001011238"
    data["employee"]["hired_on"] = "2030-01-01"
    proc = hrdesk("check", str(write(tmp_path, data)), "--business", "new", "--on", "2026-11-23", "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    found = {f["code"]: f["severity"] for f in out["findings"]}
    assert found["ID_NUMBER_INVALID"] == "blocker"
    assert "HIRE_DATE_IN_FUTURE" in found
    assert out["eligible"] is False and out["ready"] is False


def test_json_output_for_every_business():
    for business in ("new", "renewal", "employer-change", "basic-change", "business-change"):
        proc = hrdesk(
            "check",
            str(ROOT / "examples" / "changping-new-ready.json"),
            "--business",
            business,
            "--on",
            "2026-11-23",
            "--json",
        )
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert out["business"] == business and out["on"] == "2026-11-23" and out["district"] == "changping"
        assert all(f["severity"] in ("blocker", "warning", "info") for f in out["findings"])
        assert out["eligible"] == (not any(f["severity"] == "blocker" for f in out["findings"]))


def test_table_output_masks_the_id_number():
    proc = hrdesk(
        "check",
        str(ROOT / "examples" / "changping-new-ready.json"),
        "--business",
        "new",
        "--on",
        "2026-11-23",
    )
    assert proc.returncode == 0
    assert "张三" in proc.stdout
    assert "130102199001011237" not in proc.stdout


def test_user_holiday_data_is_read_from_the_data_dir(tmp_path):
    data = example()
    data["employee"]["permit"] = {
        "number": "X",
        "issued_on": "2024-03-01",
        "expires_on": "2027-03-01",
        "status": "active",
    }
    profile = write(tmp_path, data)
    args = ["check", str(profile), "--business", "renewal", "--on", "2027-01-05", "--json"]
    plain = json.loads(hrdesk(*args).stdout)
    assert "CALENDAR_YEAR_UNKNOWN" in {f["code"] for f in plain["findings"]}
    folder = tmp_path / "data"
    # Holiday data lives in the data folder's database (Settings → holidays), not in a TOML copy.
    from datetime import date

    from hrdesk.desks.desk import Desk

    with Desk.open(folder) as desk:
        desk.rule_data.set_holiday_year(2027, [date(2027, 2, 8)], [])
    with_data = json.loads(hrdesk("--data-dir", str(folder), *args).stdout)
    assert "CALENDAR_YEAR_UNKNOWN" not in {f["code"] for f in with_data["findings"]}
    submit = {d["code"]: d["date"] for d in with_data["deadlines"]}["RENEWAL_SUBMIT_BY"]
    assert submit == "2027-01-29"


def test_ready_only_when_every_named_file_is_there_and_opens(tmp_path):
    """`check` looks at the files the profile names (their structure, not their pages): a missing file,
    a truncated or encrypted PDF, a path out of the profile's folder make that material 有缺陷 and the
    profile not ready, each said with the file's name; the example's own files make it ready."""
    import shutil

    import pymupdf

    data = example()
    for m in data["materials"]:
        if m.get("file"):
            shutil.copy(ROOT / "examples" / m["file"], tmp_path / m["file"])
    args = ("--business", "new", "--on", "2026-11-23", "--json")
    good = json.loads(hrdesk("check", str(write(tmp_path, data)), *args).stdout)
    assert good["ready"] is True

    contract = next(m for m in data["materials"] if m["kind"] == "labour-contract")
    (tmp_path / contract["file"]).unlink()
    gone = json.loads(hrdesk("check", str(write(tmp_path, data)), *args).stdout)
    slot = next(m for m in gone["materials"] if m["kind"] == "labour-contract")
    assert gone["ready"] is False and slot["status"] == "defective" and contract["file"] in slot["reason"]

    whole = (ROOT / "examples" / contract["file"]).read_bytes()
    (tmp_path / contract["file"]).write_bytes(whole[: len(whole) // 2])  # a truncated download
    cut = json.loads(hrdesk("check", str(write(tmp_path, data)), *args).stdout)
    assert next(m for m in cut["materials"] if m["kind"] == "labour-contract")["status"] == "defective"

    with pymupdf.open(ROOT / "examples" / contract["file"]) as doc:
        doc.save(
            tmp_path / contract["file"], encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y"
        )
    locked = json.loads(hrdesk("check", str(write(tmp_path, data)), *args).stdout)
    assert locked["ready"] is False

    contract["file"] = "../../etc/passwd"
    outside = hrdesk("check", str(write(tmp_path, data)), *args)
    assert json.loads(outside.stdout)["ready"] is False


def test_an_optional_material_not_given_is_not_marked_as_a_fault(tmp_path):
    """HR reads ✗ as "fix this": an optional material nobody attached gets a quiet mark and 未提供,
    while a required one that is missing keeps its ✗."""
    data = example()
    data["materials"] = []
    proc = hrdesk("check", str(write(tmp_path, data)), "--business", "new", "--on", "2026-11-23")
    lines = proc.stdout.splitlines()
    id_line = next(line for line in lines if "申请人身份证" in line)
    photo_line = next(line for line in lines if "证件照片" in line)
    assert id_line.split()[0] == "·" and "未提供" in id_line and "可选" in id_line
    assert photo_line.split()[0] == "✗" and "缺失" in photo_line and "必需" in photo_line
