"""A realistic scan corpus for hrdesk's scan checks, drawn independently of hrdesk and its tests.

    uv run python benchmarks/scan_corpus/generate.py --out /tmp/scan_corpus --seed 27 [--people 10]

Writes one folder per person (`p00/ … p09/`) with their documents (image-only PDFs from a simulated flatbed
scanner, JPEG phone photos, the studio's JPEG ID photo) and the record (`profile.json`, the hrdesk-profile/1
format), plus `manifest.json`: every file with its person, material kind, district, pages, dpi, source style,
whether it is good, and for a faulty one its single seeded fault and the finding codes expected. People are
split by seed into a calibration half and a held-out half.

Nothing here imports hrdesk or tests/: layouts, fonts, seals, handwriting and capture are this folder's own.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import capture  # noqa: E402
import ink  # noqa: E402
import layouts  # noqa: E402
from people import Person, make_person  # noqa: E402

VERSION = 1
ON = date(2026, 12, 1)  # the application day the records and `hrdesk inspect --on` use
INCOME_MONTHS = 6

KINDS = [
    "photo",
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
FILE_NAMES = {
    "photo": "photo",
    "id-card": "id-card",
    "hukou-pages": "hukou",
    "diploma": "diploma",
    "degree-certificate": "degree",
    "diploma-verification": "chsi",
    "labour-contract": "contract",
    "iit-tax-record": "iit",
    "declared-income-record": "income",
    "lease-contract": "lease",
    "marriage-certificate": "marriage",
}
SINGLE_PAGE = {
    "id-card",
    "hukou-pages",
    "diploma",
    "degree-certificate",
    "diploma-verification",
    "marriage-certificate",
}
# Where the guides want a red seal (resources/scan_keywords.toml [*.seal.<district>]), for the greyscale fault.
SEAL_RULES = {
    ("iit-tax-record", "changping"),
    ("iit-tax-record", "yanqing"),
    ("declared-income-record", "changping"),
    ("declared-income-record", "yanqing"),
    ("labour-contract", "yanqing"),
}

ANY_PDF = [k for k in KINDS if k != "photo"]


@dataclass(frozen=True)
class Fault:
    name: str
    kinds: tuple[str, ...]
    expected: tuple[str, ...]
    what: str
    districts: tuple[str, ...] = ("changping", "yanqing")
    flatbed: bool = True  # the fault needs the flatbed capture (a PDF)


FAULTS = [
    Fault(
        "upside_down",
        ("labour-contract", "lease-contract", "iit-tax-record", "diploma-verification", "hukou-pages"),
        ("SCAN_UPSIDE_DOWN",),
        "one page scanned upside down",
    ),
    Fault(
        "rotated_90",
        ("labour-contract", "lease-contract", "diploma-verification", "iit-tax-record"),
        ("SCAN_ROTATED", "SCAN_MIXED_ORIENTATION"),
        "one page turned by 90° (a /Rotate flag, or the image itself on a landscape page)",
    ),
    Fault("page_order", ("labour-contract", "lease-contract"), ("SCAN_PAGE_ORDER",), "two pages swapped"),
    Fault(
        "blank_page",
        ("labour-contract", "lease-contract"),
        ("SCAN_BLANK_PAGE", "SCAN_UNREADABLE"),
        "a blank sheet scanned between the pages",
    ),
    Fault(
        "greyscale_seal",
        ("iit-tax-record", "declared-income-record", "labour-contract", "diploma", "hukou-pages"),
        ("SCAN_NOT_COLOUR",),
        "scanned in greyscale although it carries a red seal",
    ),
    Fault("low_dpi", tuple(ANY_PDF), ("SCAN_LOW_DPI",), "scanned at 75–100 dpi"),
    Fault(
        "blur",
        tuple(ANY_PDF),
        ("SCAN_BLURRED",),
        "strong blur (defocus, or motion blur on a phone photo)",
        flatbed=False,
    ),
    Fault("heavy_skew", tuple(ANY_PDF), ("SCAN_SKEWED",), "sheet tilted 3.5–7° on the glass"),
    Fault(
        "cropped",
        tuple(ANY_PDF),
        ("SCAN_CROPPED",),
        "the sheet slid off the glass: 7–14 % of the content cut off at one edge (lid shows, no dark band)",
    ),
    Fault(
        "dark_border",
        tuple(ANY_PDF),
        ("SCAN_CROPPED",),
        "scanner lid open: a black band along one or two edges",
    ),
    Fault(
        "other_person",
        (
            "labour-contract",
            "iit-tax-record",
            "lease-contract",
            "id-card",
            "hukou-pages",
            "diploma-verification",
        ),
        ("SCAN_ID_MISMATCH", "SCAN_NAME_MISMATCH"),
        "another person's document (name and ID number)",
        flatbed=False,
    ),
    Fault(
        "wrong_kind",
        ("lease-contract", "diploma", "degree-certificate", "marriage-certificate"),
        ("SCAN_KIND_MISMATCH",),
        "another kind of document filed in this slot",
        flatbed=False,
    ),
    Fault(
        "unit_seal_missing",
        ("iit-tax-record", "declared-income-record"),
        ("SCAN_SEAL_MISSING",),
        "no unit seal: only the tax bureau's printed e-seal",
    ),
    Fault(
        "annotation_missing",
        ("iit-tax-record", "declared-income-record"),
        ("SCAN_ANNOTATION_MISSING",),
        "no handwritten 「已核实确认真实有效」",
        districts=("changping",),
    ),
    Fault(
        "month_missing",
        ("iit-tax-record",),
        ("SCAN_PERIOD_MISMATCH",),
        "one of the required months missing from the table",
    ),
    Fault(
        "id_expired",
        ("id-card",),
        ("SCAN_DATE_MISMATCH", "SCAN_ID_EXPIRED"),
        "the card's validity ended before the application (SCAN_ID_EXPIRED)",
        flatbed=False,
    ),
    Fault(
        "date_mismatch",
        ("labour-contract", "lease-contract"),
        ("SCAN_DATE_MISMATCH",),
        "the printed end date differs from the record",
        flatbed=False,
    ),
    Fault(
        "lease_incomplete",
        ("lease-contract",),
        ("SCAN_LEASE_INCOMPLETE",),
        "no ID numbers, phone numbers, address or term printed",
    ),
    Fault(
        "photo_background",
        ("photo",),
        ("SCAN_PHOTO_BACKGROUND",),
        "ID photo on a blue background (白底 required)",
        flatbed=False,
    ),
]
WRONG_CONTENT = {
    "lease-contract": ["diploma", "degree-certificate"],
    "diploma": ["hukou-pages", "marriage-certificate"],
    "degree-certificate": ["lease-contract"],
    "marriage-certificate": ["diploma"],
}


@dataclass
class Slot:
    person: Person
    kind: str
    half: str
    fault: Fault | None = None
    entry: dict = field(default_factory=dict)


def plan(rng: random.Random, people: list[Person], halves: dict[str, str]) -> list[Slot]:
    """Seed about 46 % of the slots with one fault each: every fault about equally often, alternating
    between the halves, the narrowest faults placed first, each on the kind with the fewest faults so far
    (so every kind keeps good files)."""
    slots = [Slot(p, k, halves[p.key]) for p in people for k in KINDS]
    target = int(len(slots) * 0.46)
    order: list[Fault] = []
    while len(order) < target:
        batch = FAULTS[:]
        rng.shuffle(batch)
        order += batch
    order = sorted(order[:target], key=lambda f: len(f.kinds) * len(f.districts))
    per_fault: Counter = Counter()
    per_half: Counter = Counter()
    per_kind: Counter = Counter()
    for fault in order:
        halves_in_turn = sorted(
            ("calibration", "heldout"),
            key=lambda h, f=fault: (per_fault[f.name, h], per_half[h], rng.random()),
        )
        for half in halves_in_turn:
            free = [
                s
                for s in slots
                if s.fault is None
                and s.half == half
                and s.kind in fault.kinds
                and s.person.district in fault.districts
            ]
            if free:
                fewest = min(per_kind[s.kind] for s in free)
                chosen = rng.choice([s for s in free if per_kind[s.kind] == fewest])
                chosen.fault = fault
                per_fault[fault.name, half] += 1
                per_half[half] += 1
                per_kind[chosen.kind] += 1
                break
    return slots


def profile_for(person: Person, files: dict[str, str], template: dict) -> dict:
    prof = json.loads(json.dumps(template))
    emp = prof["employer"]
    emp["name"], emp["credit_code"], emp["district"] = person.employer, person.credit_code, person.district
    e = prof["employee"]
    e["name"], e["id_number"] = person.name, person.id_number
    e["hukou"] = "other-province"
    e["hired_on"] = person.hired.isoformat()
    months = months_before(ON, 12)
    e["monthly_income_cny"] = {m: 20000 for m in months[-INCOME_MONTHS:]}
    e["education"] = {"degree": "bachelor", "foreign": False, "graduated_on": person.graduated.isoformat()}
    e["housing"] = {
        "kind": "rented",
        "valid_until": person.lease_end.isoformat(),
        "residential": True,
        "lessor_is_owner": True,
    }
    e["marital_status"] = "married"
    e["children"] = []
    e["contract_ends_on"] = person.contract_end.isoformat()
    e["career_started_on"] = date(person.graduated.year, 8, 1).isoformat()
    mats = []
    for kind, name in files.items():
        m = {"kind": kind, "file": name}
        if kind == "labour-contract":
            m |= {"issued_on": person.hired.isoformat(), "valid_until": person.contract_end.isoformat()}
        elif kind == "lease-contract":
            m |= {"issued_on": person.lease_start.isoformat(), "valid_until": person.lease_end.isoformat()}
        elif kind == "id-card":
            m |= {"valid_until": person.id_expires.isoformat()}
        elif kind in ("iit-tax-record", "declared-income-record", "diploma-verification"):
            m |= {"issued_on": date(ON.year, ON.month - 1 if ON.month > 1 else 12, 25).isoformat()}
        mats.append(m)
    prof["materials"] = mats
    return prof


def months_before(d: date, count: int) -> list[str]:
    index = d.year * 12 + d.month - 1
    return [f"{(index - i) // 12}-{(index - i) % 12 + 1:02d}" for i in range(count, 0, -1)]


def make_file(slot: Slot, folder: Path, rng: random.Random, months: list[str]) -> dict:
    person, kind, fault = slot.person, slot.kind, slot.fault
    fname = fault.name if fault else ""
    drawn_kind = kind
    if fname == "wrong_kind":
        drawn_kind = rng.choice(WRONG_CONTENT[kind])
    shown = person
    if fname == "other_person":
        shown = make_person(rng, 99, person.district, ON)
        shown.employer, shown.credit_code = person.employer, person.credit_code
    # capture style
    if kind == "photo":
        style = "digital" if rng.random() < 0.5 else "flatbed"
    elif kind in SINGLE_PAGE and rng.random() < 0.3:
        style = "phone"
    else:
        style = "flatbed"
    if fault and fault.flatbed and kind != "photo":
        style = "flatbed"
    if fname == "blur" and kind in SINGLE_PAGE and rng.random() < 0.5:
        style = "phone"
    if fname == "blur" and kind == "photo":
        style = "flatbed"
    dpi = rng.choice([150, 150, 200, 200, 300]) if style == "flatbed" else 200
    if fname == "low_dpi":
        dpi = rng.choice([75, 96, 100, 100])
    colour = not (kind == "lease-contract" and rng.random() < 0.4)
    if fname == "greyscale_seal":
        colour = False
    doc = layouts.Doc(
        kind=drawn_kind,
        person=shown,
        on=ON,
        dpi=dpi if style == "flatbed" else 200,
        rng=rng,
        faces=ink.Faces.pick(rng),
        months=months,
    )
    detail = ""
    if fname == "unit_seal_missing":
        doc.omit.add("unit_seal")
    if fname == "annotation_missing":
        doc.omit.add("annotation")
    if fname == "lease_incomplete":
        doc.omit.add("lease_particulars")
    if fname == "month_missing":
        missing = rng.choice(months_before(ON, INCOME_MONTHS))
        doc.omit.add(missing)
        detail = f"missing {missing}"
    if fname == "photo_background":
        doc.photo_bg = "blue"
    if fname == "id_expired":
        doc.id_expires = date(ON.year - rng.randint(0, 2), rng.randint(1, ON.month - 1), rng.randint(1, 28))
        detail = f"valid until {doc.id_expires} on the card, {person.id_expires} in the record"
    if fname == "date_mismatch":
        base = person.contract_end if kind == "labour-contract" else person.lease_end
        doc.contract_end = date(base.year + rng.choice([-1, 1]), base.month, base.day)
        detail = f"printed {doc.contract_end}, record {base}"
    entry: dict = {
        "person": slot.person.public(),
        "kind": kind,
        "drawn_kind": drawn_kind,
        "district": person.district,
        "style": style,
        "good": fault is None,
        "fault": fname or None,
        "fault_detail": detail or (fault.what if fault else ""),
        "expected_codes": [],
        "also_expected": [],
        "half": slot.half,
    }
    if fault:
        expected = list(fault.expected)
        if fname == "greyscale_seal" and (kind, person.district) in SEAL_RULES:
            expected.append("SCAN_SEAL_MISSING")
        entry["expected_codes"] = expected
    if style == "digital":
        data = capture.photo_file(layouts.draw_photo_file(doc), capture.seeded(rng), rng.randint(80, 92))
        path = folder / f"{FILE_NAMES[kind]}.jpg"
        path.write_bytes(data)
        entry |= {
            "file": path.name,
            "format": "jpeg",
            "pages": 1,
            "dpi": 300,
            "pixels": [413, 579],
            "colour": True,
        }
        return entry
    pages = layouts.DRAW[drawn_kind](doc)
    images = [p.img for p in pages]
    if style == "phone":
        quality = rng.randint(60, 85)
        motion = rng.choice([0, 0, 0, 3, 5])
        if fname == "blur":
            motion = rng.randint(28, 45)
            detail = f"motion blur {motion} px"
        data, w, h = capture.phone_photo(images[0], capture.seeded(rng), quality, motion)
        path = folder / f"{FILE_NAMES[kind]}.jpg"
        path.write_bytes(data)
        entry |= {
            "file": path.name,
            "format": "jpeg",
            "pages": 1,
            "dpi": 72,
            "pixels": [w, h],
            "colour": True,
            "jpeg_quality": quality,
            "motion_blur_px": motion,
        }
        if detail:
            entry["fault_detail"] = detail
        return entry
    tilt = rng.uniform(-0.8, 0.8) if rng.random() < 0.8 else rng.choice([-1, 1]) * rng.uniform(1.0, 2.5)
    opts = capture.ScanOptions(dpi=dpi, colour=colour, tilt=round(tilt, 2), quality=rng.randint(70, 92))
    n = len(images)
    if fname == "heavy_skew":
        opts.tilt = round(rng.choice([-1, 1]) * rng.uniform(3.5, 7.0), 2)
        detail = f"tilt {opts.tilt}°"
    elif fname == "blur":
        opts.blur = rng.uniform(2.2, 3.5) * dpi / 150
        detail = f"Gaussian sigma {opts.blur:.1f} px at {dpi} dpi"
    elif fname == "cropped":
        opts.slid = rng.choice(["bottom", "right", "top", "left"])
        detail = f"slid off the glass at the {opts.slid}"
    elif fname == "dark_border":
        opts.dark_border = rng.choice(["left", "top", "right", "bottom", "left+top", "right+bottom"])
        detail = f"dark band: {opts.dark_border}"
    elif fname == "upside_down":
        k = rng.randrange(n)
        opts.upside_down_pages = (k,)
        detail = f"page {k + 1} upside down"
    elif fname == "rotated_90":
        k = rng.randrange(n)
        if n > 1 and rng.random() < 0.5:
            opts.turned_pages = (k,)
            detail = f"page {k + 1}: image turned 90° on a landscape page"
        else:
            opts.rotate_flag_pages = (k,)
            detail = f"page {k + 1}: /Rotate 90"
    elif fname == "page_order":
        k = rng.randrange(1, n - 1) if n > 2 else 0
        images[k], images[k + 1] = images[k + 1], images[k]
        detail = f"pages {k + 1} and {k + 2} swapped"
    elif fname == "blank_page":
        opts.blank_after = rng.randrange(0, n - 1) if n > 1 else 0
        detail = f"blank sheet after page {opts.blank_after + 1}"
    data, count = capture.flatbed(
        images,
        opts,
        capture.seeded(rng),
        rng.choice(
            [
                "Canon iR-ADV C5535",
                "EPSON Scan 2",
                "HP Scan",
                "Brother ControlCenter4",
                "Fujitsu ScanSnap Home",
            ]
        ),
    )
    path = folder / f"{FILE_NAMES[kind]}.pdf"
    path.write_bytes(data)
    entry |= {
        "file": path.name,
        "format": "pdf",
        "pages": count,
        "dpi": dpi,
        "colour": colour,
        "tilt": opts.tilt,
        "jpeg_quality": opts.quality,
    }
    if detail:
        entry["fault_detail"] = detail
    return entry


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=27)
    ap.add_argument("--people", type=int, default=10)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    districts = ["changping", "yanqing"] * ((args.people + 1) // 2)
    rng.shuffle(districts)
    people = [make_person(rng, i, districts[i], ON) for i in range(args.people)]
    keys = [p.key for p in people]
    rng.shuffle(keys)
    halves = {k: ("calibration" if i < (len(keys) + 1) // 2 else "heldout") for i, k in enumerate(keys)}
    slots = plan(rng, people, halves)
    examples = HERE.parents[1] / "examples"
    templates = {
        d: json.loads((examples / f"{d}-new-ready.json").read_text(encoding="utf-8"))
        for d in ("changping", "yanqing")
    }
    # Both tax records of a person cover the same periods (the guide's 注意②): 6 months, or the last 12.
    months = {p.key: months_before(ON, rng.choice([INCOME_MONTHS, INCOME_MONTHS, 12])) for p in people}
    files = []
    for person in people:
        folder = args.out / person.key
        folder.mkdir(exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        names = {}
        for slot in (s for s in slots if s.person is person):
            entry = make_file(slot, folder, random.Random(rng.randrange(2**32)), months[person.key])
            entry["path"] = f"{person.key}/{entry['file']}"
            names[slot.kind] = entry["file"]
            files.append(entry)
        profile = profile_for(person, names, templates[person.district])
        (folder / "profile.json").write_text(
            json.dumps(profile, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        print(f"{person.key}: {len(names)} files", file=sys.stderr)
    # A month missing from the tax record also makes the declared-income record disagree with it.
    for entry in files:
        if entry["fault"] == "month_missing":
            for other in files:
                if (
                    other["person"]["key"] == entry["person"]["key"]
                    and other["kind"] == "declared-income-record"
                ):
                    other["also_expected"] = ["SCAN_PERIOD_MISMATCH"]
    manifest = {
        "format": "hrdesk-scan-corpus/1",
        "generator_version": VERSION,
        "seed": args.seed,
        "people_count": args.people,
        "on": ON.isoformat(),
        "fonts": ink.fonts_used(),
        "faults": {
            f.name: {"kinds": list(f.kinds), "expected_codes": list(f.expected), "what": f.what}
            for f in FAULTS
        },
        "people": [p.public() | {"half": halves[p.key], "profile": f"{p.key}/profile.json"} for p in people],
        "files": files,
        "seconds": round(time.perf_counter() - started, 1),
    }
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    good = sum(f["good"] for f in files)
    print(
        f"{len(files)} files ({good} good, {len(files) - good} faulty), {sum(f['pages'] for f in files)} pages, {manifest['seconds']} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
