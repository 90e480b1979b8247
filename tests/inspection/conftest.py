"""One generated corpus of scans per test session, read once by one OCR pool: OCR costs 1–2 s a page on
two cores, so every test inspects from the shared reading cache instead of reading pages again."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hrdesk.rules.idnumber import check_char

from . import scans

ON = date(2026, 11, 23)  # the date the example profile is written for
OWN_NAME, OWN_ID = "张三", "130102199001011237"
OTHER_NAME = "李四"
OTHER_ID = "11010819850315002" + check_char("11010819850315002")
LESSOR_ID = "11011419700101003" + check_char("11011419700101003")
MONTHS = [f"2026-{m:02d}" for m in range(5, 11)]  # the 6 months before November 2026
SHIFTED = [f"2026-{m:02d}" for m in range(4, 10)]


def _corpus_documents() -> dict[str, scans.Document]:
    contract = scans.labour_contract(OWN_NAME, OWN_ID, "2024年3月1日", "2028年12月31日", pages=2)
    reversed_contract = scans.labour_contract(
        OWN_NAME, OWN_ID, "2024年3月1日", "2028年12月31日", 2, clauses=1
    )
    reversed_contract.pages.reverse()
    upside = scans.labour_contract(OWN_NAME, OWN_ID, "2024年3月1日", "2028年12月31日", 1, clauses=1)
    upside.pages[0].upside_down = True
    return {
        "contract.pdf": contract,
        "contract-other.pdf": scans.labour_contract(OTHER_NAME, OTHER_ID, "2023年1月1日", "2027年12月31日"),
        "contract-reversed.pdf": reversed_contract,
        "contract-upside-down.pdf": upside,
        "iit-sealed.pdf": scans.tax_record(OWN_NAME, OWN_ID, MONTHS, seal=True, annotation=True),
        "iit-unsealed.pdf": scans.tax_record(OWN_NAME, OWN_ID, MONTHS, seal=False, annotation=False),
        "income-same.pdf": scans.declared_income(OWN_NAME, OWN_ID, MONTHS, seal=True, annotation=True),
        "income-shifted.pdf": scans.declared_income(OWN_NAME, OWN_ID, SHIFTED, seal=True, annotation=True),
        "lease.pdf": scans.lease(OWN_NAME, OWN_ID, "王五", LESSOR_ID, "2027年6月30日"),
        "diploma.pdf": scans.diploma(OWN_NAME),
        "lease-bare.pdf": scans.bare_lease(OWN_NAME),
        "licence-copy.pdf": scans.business_licence_copy(),
    }


KINDS = {
    "contract.pdf": "labour-contract",
    "contract-other.pdf": "labour-contract",
    "contract-reversed.pdf": "labour-contract",
    "contract-upside-down.pdf": "labour-contract",
    "iit-sealed.pdf": "iit-tax-record",
    "iit-unsealed.pdf": "iit-tax-record",
    "income-same.pdf": "declared-income-record",
    "income-shifted.pdf": "declared-income-record",
    "lease.pdf": "lease-contract",
    "diploma.pdf": "lease-contract",  # a diploma dropped on the lease slot
    "lease-bare.pdf": "lease-contract",
    "licence-copy.pdf": "business-licence",
}


@pytest.fixture(scope="session")
def ocr_pool():
    from hrdesk.materials.inspection.pool import OcrPool

    pool = OcrPool()
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    for name, document in _corpus_documents().items():
        scans.write(folder / name, document)
    return folder


def profile_dict(materials: list[dict], district: str = "changping") -> dict:
    root = Path(__file__).resolve().parents[2]
    data = json.loads((root / "examples" / "changping-new-ready.json").read_text(encoding="utf-8"))
    data["employer"]["district"] = district
    data["materials"] = materials
    return data


def write_profile(folder: Path, name: str, files: list[str], district: str = "changping") -> Path:
    materials = [{"kind": KINDS[f], "file": f} for f in files]
    path = folder / name
    path.write_text(json.dumps(profile_dict(materials, district), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def reading_cache(corpus: Path, ocr_pool, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose inspection cache holds every corpus file's reading: all pages of all files go
    to the pool at once (both cores busy), once per session."""
    from hrdesk.checks.check import load_profile_file
    from hrdesk.materials.inspection.inspect import inspect_profile

    data_dir = tmp_path_factory.mktemp("inspection-data")
    profile_path = write_profile(corpus, "all.json", list(KINDS))
    results = inspect_profile(
        load_profile_file(profile_path), corpus, on=ON, data_dir=data_dir, pool=ocr_pool
    )
    assert len(results) == len(KINDS)
    return data_dir
