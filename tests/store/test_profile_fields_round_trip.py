"""Every fact of a profile survives being stored: saved through the records service, read back, and
through a backup and its restore, the profile equals the one given. A stored employee is checked from
what the database gives back, so a field the store forgets makes the window's verdict differ from
`hrdesk check` on the same JSON (a Yanqing unit's filing call date, lost, hid its filing deadline).

The profile is built with every field of every profile dataclass away from its default, and the test
refuses a field left at its default: a field added to the rules later fails here until the store keeps it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from pathlib import Path

from hrdesk.desks.backup import create_backup, restore_backup
from hrdesk.desks.desk import Desk
from hrdesk.rules import profile_model as pm
from hrdesk.rules.profile import parse_profile
from hrdesk.store.convert import profile_to_json

ROOT = Path(__file__).resolve().parents[2]


def _full_profile() -> pm.Profile:
    employer = pm.Employer(
        name="北京测试科技有限公司",
        credit_code="91110229MA00000001",
        district="yanqing",
        entity_type="institution",
        registered_on=date(2015, 3, 2),
        registered_capital_cny=5_000_000.0,
        tax_registered_on=date(2015, 4, 1),
        tax_paid_cny={"2025": 120_000.0},
        innovation_entity="high-tech",
        service_entity="law",
        restricted_industry=True,
        good_standing=False,
        permission_granted=False,
        new_quota_remaining=3,
        filing_notice_on=date(2026, 5, 6),
        agents=[
            pm.Agent(
                name="王经办", id_number="110229199001011234", contract=False, tax=True, social_insurance=True
            ),
            pm.Agent(
                name="赵经办",
                id_number="110229199202021235",
                contract=True,
                tax=False,
                social_insurance=False,
            ),
        ],
    )
    employee = pm.Employee(
        name="李测试",
        id_number="110101199003071234",
        retirement_category="female-cadre",
        hukou="beijing-collective",
        retired=True,
        criminal_record=True,
        dispatched=True,
        hired_on=date(2024, 7, 1),
        career_started_on=date(2012, 7, 1),
        same_employer={
            "contract": True,
            "tax": False,
            "social_insurance": True,
            "payroll": False,
            "workplace": True,
        },
        monthly_income_cny={"2026-03": 21_000.0, "2026-04": 22_000.0},
        annual_income_cny={"2025": 250_000.0},
        education=pm.Education(degree="master", foreign=True, graduated_on=date(2012, 6, 30)),
        title="senior",
        awards=["beijing-science-award"],
        ip=pm.IntellectualProperty(
            invention_patents=2,
            other_patents=1,
            software_copyrights=4,
            author_rank=1,
            commercialized_in_beijing=True,
        ),
        founder=pm.Founder(
            shareholding_pct=30.0,
            shareholder_rank=1,
            self_investment_3y_cny=1_000_000.0,
            equity_financing_cny=2_000_000.0,
            team_avg_annual_tax_3y_cny=300_000.0,
        ),
        freelancer=pm.Freelancer(annual_tax_cny={"2025": 50_000.0}, notable_contribution=True),
        talent_programs=["haiju"],
        housing=pm.Housing(
            kind="rented",
            valid_until=date(2027, 1, 31),
            residential=False,
            lessor_is_owner=False,
            address="延庆区某路1号",
            owner_name="房东",
            owner_id_number="110229196001011234",
            relationship="none",
            since=date(2024, 8, 1),
            rural_homestead=True,
            lessee_is_applicant=False,
            unit_owns_property=False,
        ),
        marital_status="married",
        children=[
            pm.Child(
                name="李小", birth_date=date(2018, 9, 1), hukou="beijing", accompany=True, parents="unmarried"
            )
        ],
        contract_ends_on=date(2027, 6, 30),
        permit=pm.Permit(
            number="JZ2024000123",
            issued_on=date(2024, 1, 10),
            expires_on=date(2027, 1, 9),
            status="suspended",
            unit_history=[
                pm.PermitUnit(
                    held_from=date(2024, 1, 10),
                    held_until=date(2024, 6, 30),
                    credit_code="91110000MA00000002",
                    name="前单位",
                    suspended=False,
                ),
                pm.PermitUnit(
                    held_from=date(2024, 7, 1),
                    held_until=date(2024, 7, 20),
                    credit_code="x",
                    name="y",
                    suspended=True,
                ),
            ],
        ),
        left_previous_employer_on=date(2024, 6, 30),
        social_insurance_months={"2026-03": "paid", "2026-04": "deferred", "2026-05": "back-paid"},
        hukou_changed=True,
    )
    materials = [
        pm.Material(
            kind="hukou-pages",
            file=None,  # a stored material names its vault file by hash: covered by the materials tests
            issued_on=date(2026, 1, 5),
            valid_until=date(2026, 7, 5),
            pages=3,
            defects=["blurred"],
        )
    ]
    return pm.Profile(employer, employee, materials)


# Fields the builder may leave at their default, each with the reason.
_LEFT_AT_DEFAULT = {("Material", "file")}


def _defaults_left(profile: pm.Profile) -> list[str]:
    """Every field (class.field) that holds its default in all the instances the profile contains."""
    fields_seen: set[str] = set()
    set_somewhere: set[str] = set()

    def walk(obj: object) -> None:
        for f in dataclasses.fields(obj):
            key = f"{type(obj).__name__}.{f.name}"
            value = getattr(obj, f.name)
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = dataclasses.MISSING
            fields_seen.add(key)
            if value != default or (type(obj).__name__, f.name) in _LEFT_AT_DEFAULT:
                set_somewhere.add(key)
            for item in value if isinstance(value, list) else [value]:
                if dataclasses.is_dataclass(item):
                    walk(item)

    walk(profile)
    return sorted(fields_seen - set_somewhere)


def test_the_builder_leaves_no_field_at_its_default():
    """Guards the guard: every dataclass in profile_model is reached and every field is set."""
    profile = _full_profile()
    assert _defaults_left(profile) == []
    reached: set[str] = set()

    def walk(obj: object) -> None:
        reached.add(type(obj).__name__)
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            for item in value if isinstance(value, list) else [value]:
                if dataclasses.is_dataclass(item):
                    walk(item)

    walk(profile)
    declared = {
        name
        for name, cls in vars(pm).items()
        if dataclasses.is_dataclass(cls) and cls.__module__ == pm.__name__
    }
    assert declared <= reached


def test_the_json_format_reads_back_the_same_profile():
    """The interchange format (what the trash snapshot and exports write) keeps every field too."""
    profile = _full_profile()
    assert parse_profile(profile_to_json(profile), ("yanqing",), ("hukou-pages",)) == profile


def test_every_field_survives_the_store_and_a_backup(
    data_dir: Path, database_url: str | None, tmp_path: Path
):
    profile = _full_profile()
    with Desk.open(data_dir, database_url) as desk:
        eid = desk.employees.add_profile(profile)
        assert desk.employees.profile(eid) == profile
        # Saved again (the window's save): nothing dropped, the agents not doubled.
        desk.employees.update_profile(eid, desk.employees.profile(eid))
        assert desk.employees.profile(eid) == profile
        unit_id = desk.employees.employee(eid).employer_id
        assert [a.name for a in desk.units.agents(unit_id)] == ["王经办", "赵经办"]
    backup = create_backup(data_dir, tmp_path / "backup.zip", database_url)
    with Desk.open(data_dir, database_url) as desk:
        desk.employees.delete_employee(eid)
    restore_backup(backup, data_dir, database_url)
    with Desk.open(data_dir, database_url) as desk:
        assert desk.employees.profile(eid) == profile


def test_a_stored_employee_is_checked_as_their_json(desk: Desk):
    """The window's verdict is `hrdesk check`'s on the same JSON: a Yanqing unit called to file on paper
    shows its filing deadline for the stored employee too (it was lost with the call date)."""
    from hrdesk.checks.check import load_profile_file, run_check

    profile = load_profile_file(ROOT / "examples" / "yanqing-new-ready.json")
    profile.employer.permission_granted = False
    profile.employer.filing_notice_on = date(2026, 9, 24)
    # Material files are named by path in JSON and by vault hash when stored: compare without them.
    profile.materials = [dataclasses.replace(x, file=None) for x in profile.materials]
    eid = desk.employees.add_profile(profile)
    on = date(2026, 10, 12)
    from_json = run_check(profile, "new", on, desk.data_dir)
    stored = desk.employees.check(eid, "new", on)
    assert "UNIT_FILING_DUE" in {d.code for d in stored.deadlines}
    assert stored.deadlines == from_json.deadlines
    assert stored.findings == from_json.findings
    assert stored.materials == from_json.materials


def test_a_backup_from_before_these_columns_restores(data_dir: Path, tmp_path: Path):
    """A backup written at revision 0007 (no such columns) restores and is migrated: the facts it could
    not hold read as the profile's defaults (nothing recorded; the unit signs and withholds for its agent)
    and nothing else is lost (a SQLite table rebuilt by the migration once cascaded away every permit,
    child and income row)."""
    import json
    import zipfile

    from hrdesk.store.dump import MANIFEST

    profile = _full_profile()
    with Desk.open(data_dir) as desk:
        eid = desk.employees.add_profile(profile)
    current = create_backup(data_dir, tmp_path / "now.zip")
    new_columns = {  # what migrations 0009 (versions) and 0011 (these facts) added after 0007
        "employee": {"social_insurance_months", "hukou_changed"},
        "employer": {"filing_notice_on"},
        "agent": {"contract", "tax", "version"},
        "permit": {"unit_history"},
        "application": {"version"},
        "child": {"version"},
        "incomerecord": {"version"},
        "change_log": {"xid"},
    }
    old = tmp_path / "at-0007.zip"
    with zipfile.ZipFile(current) as zf, zipfile.ZipFile(old, "w") as out:
        manifest = json.loads(zf.read(MANIFEST))
        manifest["revision"] = "0007"
        for name in zf.namelist():
            if name == MANIFEST:
                continue
            data = zf.read(name)
            table = name.removeprefix("rows/").removesuffix(".jsonl")
            if name.startswith("rows/") and table in new_columns:
                rows = [json.loads(line) for line in data.splitlines()]
                data = "".join(
                    json.dumps(
                        {k: v for k, v in r.items() if k not in new_columns[table]}, ensure_ascii=False
                    )
                    + "\n"
                    for r in rows
                ).encode()
                manifest["entries"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            out.writestr(name, data)
        out.writestr(MANIFEST, json.dumps(manifest))
    restore_backup(old, data_dir)
    with Desk.open(data_dir) as desk:
        restored = desk.employees.profile(eid)
    assert restored.employee.social_insurance_months == {} and restored.employee.hukou_changed is False
    assert restored.employer.filing_notice_on is None
    assert restored.employee.permit.unit_history == []
    assert [(a.name, a.contract, a.tax, a.social_insurance) for a in restored.employer.agents] == [
        ("王经办", True, True, True),
        ("赵经办", True, True, False),
    ]
    assert restored.employee.housing == profile.employee.housing  # in a column the old schema had
    assert restored.employee.children == profile.employee.children
    assert restored.employee.monthly_income_cny == profile.employee.monthly_income_cny
    assert restored.employee.permit.number == profile.employee.permit.number


def test_the_bulk_import_path_writes_what_add_profile_writes(desk: Desk):
    """A roster or JSON import of many people goes through `insert_profiles`, not `add_profile`: the
    same facts come back, the unit's agents included."""
    from hrdesk.rosters.batch_store import insert_profiles

    profile = _full_profile()
    unit_id = desk.units.save_employer(profile.employer)
    with desk.uow.session() as s:
        (eid,) = insert_profiles(desk, s, [profile], [unit_id])
    assert desk.employees.profile(eid) == profile


def test_two_desks_recording_different_social_insurance_months_both_keep_theirs():
    """Like income, social insurance is merged month by month when two desks saved the same person."""
    from hrdesk.employees.profile_merge import merge_profiles

    base = _full_profile()
    mine, theirs = _full_profile(), _full_profile()
    mine.employee.social_insurance_months["2026-06"] = "paid"
    theirs.employee.social_insurance_months["2026-07"] = "deferred"
    merged = merge_profiles(base, mine, theirs)
    assert merged.conflicts == ()
    assert merged.profile.employee.social_insurance_months == {
        **base.employee.social_insurance_months,
        "2026-06": "paid",
        "2026-07": "deferred",
    }
