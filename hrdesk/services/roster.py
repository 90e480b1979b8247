"""Roster import and export: Excel (.xlsx) and CSV (UTF-8 or GBK, as Chinese Excel writes it), the profile
JSON (one or many), and an .xlsx of the roster with upcoming deadlines.

An import is all-or-nothing: every row is checked first and every bad cell reported in plain words;
nothing is written unless all rows are good.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..rules.idnumber import IdNumberError, parse_id_number
from ..rules.names import check_name
from ..rules.profile import (
    Education,
    Employee,
    Employer,
    Housing,
    Permit,
    Profile,
    ProfileError,
    parse_profile,
)
from .check import policies
from .records import Records

# (header, field, kind) — the order of the template's columns.
COLUMNS: list[tuple[str, str, str]] = [
    ("姓名", "name", "text*"),
    ("身份证号", "id_number", "id*"),
    ("单位名称", "employer_name", "text*"),
    ("统一社会信用代码", "credit_code", "text"),
    ("所在区", "district", "district*"),
    ("户籍类型", "hukou", "hukou"),
    ("入职日期", "hired_on", "date"),
    ("参加工作日期", "career_started_on", "date"),
    ("最高学位", "degree", "degree"),
    ("职称", "title", "title"),
    ("婚姻状况", "marital_status", "marital"),
    ("住所类型", "housing_kind", "housing"),
    ("住所有效期至", "housing_valid_until", "date"),
    ("劳动合同终止日期", "contract_ends_on", "date"),
    ("证件编号", "permit_number", "text"),
    ("证件签发日期", "permit_issued_on", "date"),
    ("证件有效期至", "permit_expires_on", "date"),
    ("证件状态", "permit_status", "permit"),
]

CHOICES: dict[str, dict[str, str]] = {
    "hukou": {
        "外省市": "other-province",
        "北京市": "beijing",
        "北京市临时户籍": "beijing-temporary",
        "本市集体户口": "beijing-collective",
        "学校临时户口": "school-temporary",
    },
    "degree": {"无": "none", "学士": "bachelor", "硕士": "master", "博士": "doctor"},
    "title": {"无": "none", "中级": "intermediate", "高级": "senior"},
    "marital": {"未婚": "unmarried", "已婚": "married", "离异": "divorced", "丧偶": "widowed"},
    "housing": {
        "居住证": "residence-permit",
        "自有房产": "owned",
        "配偶房产": "spouse-owned",
        "借住": "borrowed",
        "租赁": "rented",
        "公租房": "public-rental",
        "单位公房": "employer-housing",
    },
    "permit": {"有效": "active", "挂起": "suspended", "已失效": "expired"},
}


@dataclass
class RowError:
    row: int  # 1-based spreadsheet row (the header is row 1)
    column: str
    message: str

    def __str__(self) -> str:
        return f"第 {self.row} 行「{self.column}」：{self.message}"


class ImportRejected(ValueError):
    def __init__(self, errors: list[RowError | str]) -> None:
        super().__init__(f"{len(errors)} 处错误，未导入任何数据")
        self.errors = errors


def write_template(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "员工名单"
    ws.append([h for h, _, _ in COLUMNS])
    ws.append(
        [
            "张三",
            "130102199001011237",
            "北京示例科技有限公司",
            "91110114MA01ABCD1X",
            "昌平区",
            "外省市",
            "2024-03-01",
            "2018-07-01",
            "学士",
            "无",
            "已婚",
            "租赁",
            "2027-06-30",
            "2028-12-31",
            "",
            "",
            "",
            "",
        ]
    )
    notes = wb.create_sheet("填写说明")
    notes.append(["列", "可填写的值"])
    for header, _, kind in COLUMNS:
        base = kind.rstrip("*")
        values = (
            "、".join(CHOICES[base])
            if base in CHOICES
            else {
                "date": "日期，如 2026-01-31",
                "id": "18位身份证号（校验位会被检查）",
                "district": "昌平区 或 延庆区",
                "text": "文字",
            }[base]
        )
        notes.append([header + ("（必填）" if kind.endswith("*") else ""), values])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Rows as {header: value}; CSV in UTF-8 (with or without BOM) or GBK."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise ImportRejected(
                [f"{path.name}: 不是可读取的 Excel 文件（{exc.__class__.__name__}）"]
            ) from None
        ws = wb.worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        wb.close()
    elif suffix == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportRejected([f"{path.name}: 无法识别的文字编码（请另存为 UTF-8 或 GBK 的 CSV）"])
        rows = [tuple(r) for r in csv.reader(io.StringIO(text))]
    else:
        raise ImportRejected([f"{path.name}: 只支持 .xlsx、.csv 和 .json 文件"])
    if not rows:
        raise ImportRejected([f"{path.name}: 文件是空的"])
    headers = [str(h).strip() if h is not None else "" for h in rows[0]]
    known = {h for h, _, _ in COLUMNS}
    unknown = [h for h in headers if h and h not in known]
    missing = [h for h, _, kind in COLUMNS if kind.endswith("*") and h not in headers]
    problems: list[RowError | str] = [f"未知的列「{h}」（请使用模板的列名）" for h in unknown]
    problems += [f"缺少必填列「{h}」" for h in missing]
    if problems:
        raise ImportRejected(problems)
    out = []
    for values in rows[1:]:
        if all(v in (None, "") for v in values):
            out.append({})
            continue
        out.append({h: v for h, v in zip(headers, values, strict=False) if h})
    return out


def _cell_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    parts = text.split("-")
    if len(parts) != 3:
        raise ValueError
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


def parse_rows(rows: list[dict[str, Any]]) -> tuple[list[Profile], list[RowError]]:
    districts = {p.name_zh: d for d, p in policies().policies.items()} | {d: d for d in policies().districts}
    profiles, errors = [], []
    for index, row in enumerate(rows, start=2):
        if not row:
            continue
        values: dict[str, Any] = {}
        for header, field, kind in COLUMNS:
            raw = row.get(header)
            text = "" if raw is None else str(raw).strip()
            required = kind.endswith("*")
            base = kind.rstrip("*")
            if not text:
                if required:
                    errors.append(RowError(index, header, "必填，不能为空"))
                values[field] = None
                continue
            try:
                if base == "date":
                    values[field] = _cell_date(raw)
                elif base == "id":
                    values[field] = parse_id_number(text).number
                elif base == "district":
                    if text not in districts:
                        raise ValueError(
                            f"未知的区「{text}」，可填写：{'、'.join(p for p in districts if not p.isascii())}"
                        )
                    values[field] = districts[text]
                elif base in CHOICES:
                    mapping = CHOICES[base]
                    if text in mapping:
                        values[field] = mapping[text]
                    elif text in mapping.values():
                        values[field] = text
                    else:
                        raise ValueError(f"「{text}」不是可选值，可填写：{'、'.join(mapping)}")
                elif field in ("name", "employer_name"):  # NameRejected is a ValueError: a row error
                    values[field] = check_name(text, "person" if field == "name" else "unit")
                else:
                    values[field] = text
            except IdNumberError as exc:
                reason = {
                    "check-digit": "校验位不符，请核对号码",
                    "not-18-digits": "应为18位",
                    "birth-date": "号码中的出生日期不存在",
                }[str(exc)]
                errors.append(RowError(index, header, reason))
            except ValueError as exc:
                message = str(exc) if str(exc) else f"「{text}」不是有效日期（如 2026-01-31）"
                errors.append(RowError(index, header, message))
        if any(e.row == index for e in errors):
            continue
        profiles.append(_profile_from(values))
    return profiles, errors


def _profile_from(v: dict[str, Any]) -> Profile:
    employee = Employee(
        name=v["name"],
        id_number=v["id_number"],
        hukou=v["hukou"] or "other-province",
        hired_on=v["hired_on"],
        career_started_on=v["career_started_on"],
        education=Education(v["degree"] or "none"),
        title=v["title"] or "none",
        marital_status=v["marital_status"] or "unmarried",
        housing=Housing(kind=v["housing_kind"], valid_until=v["housing_valid_until"])
        if v["housing_kind"]
        else None,
        contract_ends_on=v["contract_ends_on"],
        permit=Permit(
            v["permit_number"] or "",
            v["permit_issued_on"],
            v["permit_expires_on"],
            v["permit_status"] or "active",
        )
        if v["permit_expires_on"]
        else None,
    )
    employer = Employer(name=v["employer_name"], credit_code=v["credit_code"] or "", district=v["district"])
    return Profile(employer, employee, [])


def read_profiles_json(path: Path) -> list[Profile]:
    """A profile file, a JSON array of profiles, or {"profiles": [...]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected([f"{path.name}: 不是有效的 JSON（{exc.__class__.__name__}）"]) from None
    items = data.get("profiles") if isinstance(data, dict) and "profiles" in data else data
    items = items if isinstance(items, list) else [items]
    ps = policies()
    profiles, errors = [], []
    for i, item in enumerate(items):
        try:
            profiles.append(parse_profile(item, ps.districts, tuple(ps.materials)))
        except ProfileError as exc:
            errors.append(f"第 {i + 1} 份档案：{exc}")
    if errors:
        raise ImportRejected(errors)
    return profiles


def import_file(records: Records, path: Path) -> list[int]:
    """Import a roster or profile file in one transaction; returns the new employee ids."""
    if path.suffix.lower() == ".json":
        profiles = read_profiles_json(path)
        base_dir = path.parent
    else:
        profiles, errors = parse_rows(read_rows(path))
        if errors:
            raise ImportRejected(list(errors))
        base_dir = None
    if not profiles:
        raise ImportRejected([f"{path.name}: 没有可导入的员工"])
    with records.session() as s:
        ids = [records.add_profile(p, base_dir, session=s) for p in profiles]
    records.refresh_statuses(ids=ids)
    return ids


def export_json(records: Records, path: Path, ids: list[int] | None = None) -> int:
    """All (or some) employees as `{"profiles": [...]}`; material files are copied beside the JSON."""
    from ..pdf.files import atomic_write_bytes, private_dir
    from ..store.convert import profile_to_json

    profiles = records.profiles(ids)
    files_dir = path.parent / (path.stem + "-files")
    out = []
    for _employee_id, profile in sorted(profiles.items()):
        data = profile_to_json(profile)
        for item in data["materials"]:
            digest = item.get("file")
            if digest:
                source = records.vault.path(digest)
                if source.exists():
                    private_dir(files_dir)
                    target = files_dir / f"{digest[:16]}.pdf"
                    if not target.exists():
                        atomic_write_bytes(target, source.read_bytes())
                    item["file"] = f"{files_dir.name}/{target.name}"
                else:
                    item.pop("file")
        out.append(data)
    payload = out[0] if len(out) == 1 and ids is not None else {"profiles": out}
    atomic_write_bytes(path, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"))
    return len(out)


STATUS_ZH = {
    "ready": "可申报",
    "missing-materials": "缺材料",
    "not-eligible": "不符合条件",
    "renewal-due": "待续签",
    "valid": "持证有效",
    "expired": "已失效",
    "suspended": "挂起",
    "unknown": "未检查",
}


def export_xlsx(
    records: Records, path: Path, deadlines: list[tuple[int, str, date, str]] | None = None
) -> int:
    """The roster (masked ID numbers) and, when given, upcoming deadlines (employee id, code, date, text)."""
    from openpyxl import Workbook

    summaries = records.summaries()
    wb = Workbook()
    ws = wb.active
    ws.title = "员工名单"
    ws.append(["姓名", "身份证号（隐去）", "单位", "区", "证件有效期至", "状态", "下一期限", "期限类型"])
    for s in summaries:
        ws.append(
            [
                s.name,
                s.id_masked,
                s.employer_name,
                s.district,
                s.permit_expires,
                STATUS_ZH.get(s.status, s.status),
                s.next_deadline,
                s.next_deadline_code or "",
            ]
        )
    if deadlines is not None:
        names = {s.id: s.name for s in summaries}
        dl = wb.create_sheet("近期期限")
        dl.append(["日期", "姓名", "期限类型", "说明"])
        for employee_id, code, when, text in sorted(deadlines, key=lambda d: d[2]):
            dl.append([when, names.get(employee_id, ""), code, text])
    for sheet in wb.worksheets:
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 18
    tmp = path.with_name(f".{path.name}.partial")
    wb.save(tmp)
    from ..pdf.files import owner_only

    owner_only(tmp).replace(path)
    return len(summaries)
