"""What one HR desk does in the multi-desk tests and `benchmarks/bench_desks.py`: each function runs in
its own process (spawned), opens its own data folder on the shared database and works the way a person
does — read what the screen shows, change it, save against the version read, and on a refusal read
again and redo the change. Every acknowledged save is counted, so a lost one shows in the totals."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def id_number(n: int) -> str:
    """A valid 18-digit ID number, different for every `n` below 3,650,000 (birth day × sequence)."""
    birth = date(1970, 1, 1) + timedelta(days=n // 1000)
    body = f"110101{birth:%Y%m%d}{n % 1000:03d}"
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


def example_profile() -> Any:
    from hrdesk.checks.check import load_profile_file

    return load_profile_file(ROOT / "examples" / "changping-new-ready.json")


def person(n: int, base: Any = None) -> Any:
    base = base or example_profile()
    return replace(
        base, employee=replace(base.employee, name=f"测试{n}", id_number=id_number(n)), materials=[]
    )


def bulk_add(url: str, data_dir: str, first: int, count: int, batch: int, hold: float = 0.5) -> list[int]:
    """A big import, the shape of the roster import's bulk insert: `count` new people in transactions
    of `batch` rows, each held open `hold` s after its inserts (the import's own work) so that it
    commits after other desks' small saves that took later change-log ids."""
    from sqlalchemy import insert

    from hrdesk.desks.desk import Desk
    from hrdesk.store import models as m

    e = m.Employee.__table__
    ids: list[int] = []
    with Desk.open(Path(data_dir), url, lock=False) as desk:
        unit_id = desk.units.employers()[0].id
        for start in range(first, first + count, batch):
            rows = [
                {
                    "employer_id": unit_id,
                    "name": f"测试{n}",
                    "id_number": id_number(n),
                    "hukou": "other-province",
                    "title": "none",
                    "marital_status": "unmarried",
                    "status": "unknown",
                    "status_business": "new",
                    "retired": False,
                    "criminal_record": False,
                    "dispatched": False,
                    "notes": "",
                    "updated_at": m.utcnow(),
                    "version": 1,
                }
                for n in range(start, min(start + batch, first + count))
            ]
            with desk.uow.engine.begin() as conn:
                ids += list(conn.execute(insert(e).returning(e.c.id), rows).scalars())
                time.sleep(hold)
    return ids


def keep_saving(url: str, data_dir: str, employee_id: int, seconds: float, every: float = 0.1) -> dict:
    """A desk saving one person's notes every `every` s for `seconds` (the form's versioned save,
    re-read on a refusal). Returns the latencies of acknowledged saves."""
    from hrdesk.desks.desk import Desk
    from hrdesk.store.versions import StaleVersion

    latencies: list[float] = []
    refused = 0
    with Desk.open(Path(data_dir), url, lock=False) as desk:
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            n += 1
            version = desk.employees.employee(employee_id).version
            base = desk.employees.profile(employee_id)
            mine = replace(base, employee=replace(base.employee, name=f"保存{n}"))
            t0 = time.perf_counter()
            try:
                desk.employees.update_profile(employee_id, mine, expected_version=version, base=base)
                latencies.append(time.perf_counter() - t0)
            except StaleVersion:
                refused += 1
            time.sleep(every)
    return {"latencies": latencies, "refused": refused}


def race(url: str, data_dir: str, desk_no: int, rounds: int, ids: dict[str, int]) -> dict[str, Any]:
    """One desk's share of the race: every write path, each as a read–change–save against the version
    read; a refusal is a conflict, reported, and the change is redone on a fresh read. Each
    acknowledged change adds one to a counter the final state must show (nothing lost)."""
    from hrdesk.desks.desk import Desk
    from hrdesk.rules.profile import Child
    from hrdesk.store.convert import employer_to_rules
    from hrdesk.store.versions import StaleVersion

    done = {"unit": 0, "agent": 0, "material": 0, "children": 0, "application": 0, "employee": 0}
    conflicts = dict.fromkeys(done, 0)
    latencies: list[float] = []
    kept_children: list[str] = []

    def attempt(kind: str, fn: Any) -> None:
        while True:
            t0 = time.perf_counter()
            try:
                fn()
            except StaleVersion:
                conflicts[kind] += 1
                continue
            latencies.append(time.perf_counter() - t0)
            done[kind] += 1
            return

    with Desk.open(Path(data_dir), url, lock=False) as desk:
        units, employees, materials = desk.units, desk.employees, desk.materials

        def unit() -> None:
            u = units.employer(ids["unit"])
            facts = employer_to_rules(u)
            facts.registered_capital_cny = (u.registered_capital_cny or 0) + 1
            units.save_employer(facts, ids["unit"], u.version)

        def agent() -> None:
            a = next(x for x in units.agents(ids["unit"]) if x.id == ids["agent"])
            phone = str(int(a.phone or "0") + 1)
            units.save_agent(a.employer_id, a.name, a.id_number, phone, a.insured_by_unit, a.id, a.version)

        def material() -> None:
            mat = materials.material(ids["material"])
            materials.update_material(mat.id, mat.version, mat, position=mat.position + 1)

        def application() -> None:
            app = next(
                a for a in desk.applications.applications(ids["employee"]) if a.id == ids["application"]
            )
            desk.applications.set_application_status(
                app.id, "submitted", note=f"{desk_no}", expected_version=app.version
            )

        def profile() -> None:
            version = employees.employee(ids["employee"]).version
            base = employees.profile(ids["employee"])
            income = dict(base.employee.monthly_income_cny)
            key = f"2030-{desk_no + 1:02d}"
            income[key] = income.get(key, 0.0) + 1
            mine = replace(base, employee=replace(base.employee, monthly_income_cny=income))
            employees.update_profile(ids["employee"], mine, expected_version=version, base=base)

        for r in range(rounds):
            attempt("unit", unit)
            attempt("agent", agent)
            attempt("material", material)
            attempt("application", application)
            attempt("employee", profile)
            # children: add two, remove the first of them by id (the other desks' children untouched)
            names = [f"子{desk_no}-{r}-a", f"子{desk_no}-{r}-b"]
            for name in names:
                employees.add_child(ids["employee"], Child(name, date(2020, 1, 1)))
            first = next(c for c in employees.children(ids["employee"]) if c.child.name == names[0])
            attempt(
                "children",
                lambda first=first: employees.remove_child(ids["employee"], first.id, first.version),
            )
            kept_children.append(names[1])
    return {"done": done, "conflicts": conflicts, "latencies": latencies, "children": kept_children}


def setup_race(desk: Any) -> dict[str, int]:
    """The records the desks race over: one unit with one agent, one person with a material and an
    application."""
    profile = example_profile()
    employee_id = desk.employees.add_profile(profile)
    unit_id = desk.employees.employee(employee_id).employer_id
    agent_id = desk.units.save_agent(unit_id, "赵经办", phone="0")
    material_id = desk.materials.materials(employee_id)[0].id
    application_id = desk.applications.open_application(employee_id, "new")
    return {
        "unit": unit_id,
        "agent": agent_id,
        "employee": employee_id,
        "material": material_id,
        "application": application_id,
    }
