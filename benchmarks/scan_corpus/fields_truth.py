"""The true fields printed on each generated document, for scoring what `hrdesk read` takes off a scan.

`manifest.json` holds only the person (name, ID number, birth date, sex); the layouts print more (school,
employer, contract term, spouse …), all from the `Person`. This module draws one document of a kind for a
person with this folder's layouts and capture, and says what a reader should find on it. Values a layout
draws at random without keeping them (certificate numbers, the lessor, tax amounts) are not listed: they
cannot be scored.

Nothing here imports hrdesk: the scans are made the way the corpus makes them.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture  # noqa: E402
import ink  # noqa: E402
import layouts  # noqa: E402
from people import Person, issuing_authority, make_person  # noqa: E402

ON = date(2026, 12, 1)
MONTHS = [f"2026-{m:02d}" for m in range(6, 12)]
FILE_KINDS = [
    "id-card",
    "hukou-pages",
    "diploma",
    "degree-certificate",
    "diploma-verification",
    "labour-contract",
    "iit-tax-record",
    "declared-income-record",
    "lease-contract",
    "marriage-certificate",
]


def person(seed: int, index: int = 0, district: str = "changping") -> Person:
    return make_person(random.Random(seed), index, district, ON)


def truth(kind: str, who: Person) -> dict[str, str]:
    """What the layout of `kind` prints for `who`, as `hrdesk read` writes values."""
    iso = date.isoformat
    if kind == "id-card":
        return {
            "name": who.name,
            "sex": who.sex,
            "ethnicity": who.nation,
            "birth_date": iso(who.born),
            "address": who.address,
            "id_number": who.id_number,
            "issuer": issuing_authority(who),
            "validity": f"{iso(who.id_issued)}/{iso(who.id_expires)}",
        }
    if kind == "hukou-pages":
        return {
            "name": who.name,
            "id_number": who.id_number,
            "sex": who.sex,
            "birth_date": iso(who.born),
            "moved_in": str(who.graduated.year),
        }
    if kind == "diploma":
        return {
            "name": who.name,
            "school": who.university,
            "level": "四年制本科",
            "graduated_on": f"{who.graduated:%Y-%m}",
        }
    if kind == "degree-certificate":
        return {
            "name": who.name,
            "school": who.university,
            "degree": f"{who.degree_field}学士学位",
            "awarded_on": iso(who.graduated),
        }
    if kind == "diploma-verification":
        return {
            "name": who.name,
            "id_number": who.id_number,
            "school": who.university,
            "level": "本科",
            "enrolled_on": iso(who.enrolled),
            "graduated_on": iso(who.graduated),
            "updated_on": iso(date(ON.year, ON.month, max(1, ON.day - 3))),
        }
    if kind == "labour-contract":
        return {
            "employer": who.employer,
            "employee_name": who.name,
            "employee_id": who.id_number,
            "start": iso(who.hired),
            "end": iso(who.contract_end),
        }
    if kind in ("iit-tax-record", "declared-income-record"):
        prefix = "tax" if kind == "iit-tax-record" else "income"
        issued = iso(date(ON.year, ON.month, max(1, ON.day - 5)))
        # The months are scored by presence (the amounts are drawn at random and not kept).
        return {"name": who.name, "id_number": who.id_number, "issued_on": issued} | {
            f"{prefix}.{m}": "*" for m in MONTHS
        }
    if kind == "lease-contract":
        return {"lessee": who.name, "start": iso(who.lease_start), "end": iso(who.lease_end)}
    if kind == "marriage-certificate":
        return {
            "holder": who.name,
            "registered_on": iso(who.married_on) if who.married_on else "",
            "name_1": who.name,
            "id_number_1": who.id_number,
            "name_2": who.spouse["name"],
            "id_number_2": who.spouse["id_number"],
        }
    raise KeyError(kind)


def draw(
    kind: str, who: Person, seed: int, *, style: str = "flatbed", dpi: int = 300, look: str | None = None
) -> tuple[bytes, str]:
    """One document as scanned: (file bytes, suffix). `style` flatbed (image-only PDF at `dpi`, small
    tilt) or phone (a JPEG photo of the sheet on a desk); `look` song / hei picks the body font."""
    rng = random.Random(seed)
    doc = layouts.Doc(
        kind=kind,
        person=who,
        on=ON,
        dpi=dpi if style == "flatbed" else 200,
        rng=rng,
        faces=ink.Faces.pick(rng, look),
        months=list(MONTHS),
    )
    images = [p.img for p in layouts.DRAW[kind](doc)]
    if style == "phone":
        data, _w, _h = capture.phone_photo(images[0], capture.seeded(rng), rng.randint(70, 85), 0)
        return data, ".jpg"
    opts = capture.ScanOptions(dpi=dpi, colour=True, tilt=round(rng.uniform(-0.6, 0.6), 2), quality=85)
    data, _count = capture.flatbed(images, opts, capture.seeded(rng), "EPSON Scan 2")
    return data, ".pdf"
