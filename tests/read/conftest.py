"""Scans of every kind made once per session by the scan corpus's own layouts and capture (never by the
checkers' code), in two body fonts, three resolutions and one phone-photo style, read once by one OCR
pool into a shared cache: each test then reads its fields from the cached readings."""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "scan_corpus"))

import fields_truth  # noqa: E402

ON = fields_truth.ON


@dataclass
class Scan:
    kind: str
    path: Path
    person: Any
    truth: dict[str, str]


# (name, kind, person seed, style, dpi, body font)
VARIANTS = [
    ("id-card-300-song", "id-card", 1, "flatbed", 300, "song"),
    ("id-card-200-hei", "id-card", 2, "flatbed", 200, "hei"),
    ("id-card-phone", "id-card", 3, "phone", 200, "song"),
    ("hukou-300-song", "hukou-pages", 4, "flatbed", 300, "song"),
    ("diploma-300-hei", "diploma", 5, "flatbed", 300, "hei"),
    ("degree-300-song", "degree-certificate", 6, "flatbed", 300, "song"),
    ("chsi-200-song", "diploma-verification", 7, "flatbed", 200, "song"),
    ("chsi-phone", "diploma-verification", 8, "phone", 200, "hei"),
    ("contract-300-song", "labour-contract", 9, "flatbed", 300, "song"),
    ("iit-300-hei", "iit-tax-record", 10, "flatbed", 300, "hei"),
    ("income-200-song", "declared-income-record", 11, "flatbed", 200, "song"),
    ("lease-300-song", "lease-contract", 12, "flatbed", 300, "song"),
    ("marriage-150-hei", "marriage-certificate", 13, "flatbed", 150, "hei"),
]


@pytest.fixture(scope="session")
def read_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("read-data")


@pytest.fixture(scope="session")
def scans(tmp_path_factory, read_dir: Path) -> dict[str, Scan]:
    from hrdesk.materials.inspection.fields import readings_of

    folder = tmp_path_factory.mktemp("read-scans")
    out: dict[str, Scan] = {}
    for name, kind, seed, style, dpi, look in VARIANTS:
        who = fields_truth.person(seed, seed)
        data, suffix = fields_truth.draw(kind, who, seed, style=style, dpi=dpi, look=look)
        path = folder / f"{name}{suffix}"
        path.write_bytes(data)
        out[name] = Scan(kind, path, who, fields_truth.truth(kind, who))
    # An ID card whose printed number fails its check digit (one digit misprinted).
    who = fields_truth.person(14, 14)
    digit = str((int(who.id_number[5]) + 1) % 10)
    bad = dataclasses.replace(who, id_number=who.id_number[:5] + digit + who.id_number[6:])
    data, suffix = fields_truth.draw("id-card", bad, 14, dpi=300, look="song")
    path = folder / f"id-card-bad-check{suffix}"
    path.write_bytes(data)
    out["id-card-bad-check"] = Scan("id-card", path, bad, {})
    for scan in out.values():  # one reading of each file, cached for every test after
        readings_of(scan.path, data_dir=read_dir)
    return out
