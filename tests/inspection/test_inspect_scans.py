"""Scan inspection on generated scans (200 dpi colour JPEG pages): each defect gives its code, its good
twin gives none. All tests read from the session's reading cache (see conftest.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hrdesk.checks.check import policies
from hrdesk.materials.inspection.inspect import MaterialInspection, inspect_material, inspect_profile
from hrdesk.materials.inspection.reading import cache_dir
from hrdesk.rules.profile import parse_profile

from . import scans
from .conftest import KINDS, MONTHS, ON, OTHER_ID, OWN_ID, OWN_NAME, SHIFTED, profile_dict, write_profile


def _profile(district: str = "changping"):
    set_ = policies()
    return parse_profile(profile_dict([], district), set_.districts, tuple(set_.materials))


def _inspect(corpus: Path, cache: Path, pool, file: str, kind: str | None = None, **kw) -> MaterialInspection:
    district = kw.pop("district", "changping")
    return inspect_material(
        _profile(district), kind or KINDS[file], corpus / file, on=ON, data_dir=cache, pool=pool, **kw
    )


def _codes(result: MaterialInspection) -> list[str]:
    return [f.code for f in result.findings]


def test_own_contract_is_clean(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "contract.pdf")
    assert result.findings == []
    assert result.detected_kind == "labour-contract"
    assert OWN_ID in result.found.id_numbers
    assert OWN_NAME in result.found.names
    assert date(2028, 12, 31) in result.found.dates
    assert len(result.pages) == 2 and all(p.lines for p in result.pages)


def test_another_persons_contract_is_an_id_mismatch(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "contract-other.pdf")
    mismatch = [f for f in result.findings if f.code == "SCAN_ID_MISMATCH"]
    assert mismatch and mismatch[0].severity == "blocker" and mismatch[0].page == 1
    assert OTHER_ID in result.found.id_numbers
    # The message shows enough to recognise the number, never all of it.
    assert OTHER_ID not in mismatch[0].message and OTHER_ID[-4:] in mismatch[0].message
    assert mismatch[0].box is not None
    assert "SCAN_NAME_MISMATCH" in _codes(result)


def test_tax_record_without_seal_and_annotation_and_with_them(corpus, reading_cache, ocr_pool):
    bare = _inspect(corpus, reading_cache, ocr_pool, "iit-unsealed.pdf")
    assert _codes(bare) == ["SCAN_SEAL_MISSING", "SCAN_ANNOTATION_MISSING"]
    assert [f.page for f in bare.findings] == [1, 1]
    assert all(f.severity == "blocker" and "changping-2026" in f.source for f in bare.findings)
    sealed = _inspect(corpus, reading_cache, ocr_pool, "iit-sealed.pdf")
    assert sealed.findings == []
    assert sealed.found.periods == MONTHS
    assert sealed.pages[0].seals and sealed.pages[0].ink


def test_yanqing_wants_the_finance_seal_and_a_sealed_contract(corpus, reading_cache, ocr_pool):
    # Yanqing asks for the finance seal and the finance head's contact, not 「已核实确认真实有效」
    # (yanqing-2024 三(二)1(5)).
    bare = _inspect(corpus, reading_cache, ocr_pool, "iit-unsealed.pdf", district="yanqing")
    # A missing contact is its own code (it used to share SCAN_ANNOTATION_MISSING with the annotation).
    assert _codes(bare) == ["SCAN_SEAL_MISSING", "SCAN_CONTACT_MISSING"]
    assert "财务章" in bare.findings[0].message and "联系方式" in bare.findings[1].message
    assert bare.findings[1].severity == "warning" and bare.findings[1].fix
    sealed = _inspect(corpus, reading_cache, ocr_pool, "iit-sealed.pdf", district="yanqing")
    assert _codes(sealed) == ["SCAN_CONTACT_MISSING"]  # sealed, but no contact written on it
    contract = _inspect(corpus, reading_cache, ocr_pool, "contract.pdf", district="yanqing")
    assert _codes(contract) == ["SCAN_SEAL_MISSING"]
    assert "yanqing-2024 三(二) 第二步" in contract.findings[0].source


def test_diploma_in_the_lease_slot_is_a_kind_mismatch(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "diploma.pdf")
    assert _codes(result) == ["SCAN_KIND_MISMATCH"]
    assert result.detected_kind == "diploma"
    assert "毕业证书" in result.findings[0].read


def test_good_lease_is_clean(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "lease.pdf")
    assert result.findings == []
    assert {OWN_ID} < set(result.found.id_numbers)


def test_a_lease_without_the_particulars_the_guides_name(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "lease-bare.pdf")
    lease = [f for f in result.findings if f.code == "SCAN_LEASE_INCOMPLETE"]
    assert lease and lease[0].source == "changping-2026 四(二)1(8)④"
    for particular in ("双方身份证号码", "联系方式", "房屋地址", "租赁期限"):
        assert particular in lease[0].message
    english = lease[0].text("en")  # the particulars named in English on an English screen
    assert "contact details" in english and "the lease term" in english and "联系方式" not in english, english
    yanqing = _inspect(corpus, reading_cache, ocr_pool, "lease-bare.pdf", district="yanqing")
    assert "yanqing-2024 三(二)1(4)B" in [f.source for f in yanqing.findings]


def test_yanqing_wants_every_copy_sealed(corpus, reading_cache, ocr_pool):
    """yanqing-2024 三(五): 所有原件复印件均需加盖申请单位公章 — a copy of the licence without the seal."""
    copy = _inspect(corpus, reading_cache, ocr_pool, "licence-copy.pdf", district="yanqing")
    assert _codes(copy) == ["SCAN_SEAL_MISSING"] and "三(五)" in copy.findings[0].source
    assert _inspect(corpus, reading_cache, ocr_pool, "licence-copy.pdf").findings == []  # Changping: no rule


def test_pages_in_reverse_order(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "contract-reversed.pdf")
    assert _codes(result) == ["SCAN_PAGE_ORDER"]
    assert "2、1" in result.findings[0].message


def test_upside_down_page(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "contract-upside-down.pdf")
    assert "SCAN_UPSIDE_DOWN" in _codes(result)
    assert [f.page for f in result.findings if f.code == "SCAN_UPSIDE_DOWN"] == [1]
    # Read the right way round all the same: the person still matches.
    assert OWN_ID in result.found.id_numbers


def test_end_date_differs_from_the_record(corpus, reading_cache, ocr_pool):
    result = _inspect(corpus, reading_cache, ocr_pool, "contract.pdf", valid_until=date(2027, 12, 31))
    assert _codes(result) == ["SCAN_DATE_MISMATCH"]
    assert "2028-12-31" in result.findings[0].message and "2027-12-31" in result.findings[0].message


def test_tax_periods_compared_between_records_and_with_the_rules(corpus, reading_cache, ocr_pool):
    from hrdesk.checks.check import load_profile_file

    differ = write_profile(corpus, "differ.json", ["iit-sealed.pdf", "income-shifted.pdf"])
    results = inspect_profile(load_profile_file(differ), corpus, on=ON, data_dir=reading_cache, pool=ocr_pool)
    for result in results:
        assert "SCAN_PERIOD_MISMATCH" in _codes(result), result.kind
    income = next(r for r in results if r.kind == "declared-income-record")
    assert income.found.periods == SHIFTED  # and 2026-10 is missing for an application in November
    assert any("2026-10" in f.message for f in income.findings)
    same = write_profile(corpus, "same.json", ["iit-sealed.pdf", "income-same.pdf"])
    results = inspect_profile(load_profile_file(same), corpus, on=ON, data_dir=reading_cache, pool=ocr_pool)
    assert [r.findings for r in results] == [[], []]
    # A Changping renewal needs 36 months (changping-2026 四(二)4 注意③): 6 are not enough.
    renewal = _inspect(corpus, reading_cache, ocr_pool, "iit-sealed.pdf", business="renewal")
    assert _codes(renewal) == ["SCAN_PERIOD_MISMATCH"] and "36" in renewal.findings[0].message
    assert renewal.findings[0].source == "changping-2026 四(二)1(5)"


def test_a_folder_of_scans_sorts_into_slots(corpus, reading_cache):
    from hrdesk.materials.inspection.inspect import detect_kinds

    files = [
        corpus / f for f in ("diploma.pdf", "lease.pdf", "iit-sealed.pdf", "income-same.pdf", "contract.pdf")
    ]
    guesses = detect_kinds(files, data_dir=reading_cache, pool=_NoOcr())
    assert [g.kind for g in guesses] == [
        "diploma",
        "lease-contract",
        "iit-tax-record",
        "declared-income-record",
        "labour-contract",
    ]
    assert guesses[0].keyword == "毕业证书"


class _NoOcr:
    """Stands in for the pool where reading must come from the cache: any OCR request fails the test."""

    def read_pages(self, path, pages, head_lines=None):
        raise AssertionError(f"{path.name} was read again instead of coming from the cache")


def test_readings_are_cached_by_content(corpus, reading_cache, tmp_path):
    assert len(list(cache_dir(reading_cache).glob("*.json"))) == len(KINDS)
    copy = tmp_path / "renamed-copy.pdf"
    copy.write_bytes((corpus / "contract.pdf").read_bytes())
    result = inspect_material(
        _profile(), "labour-contract", copy, on=ON, data_dir=reading_cache, pool=_NoOcr()
    )
    assert result.findings == [] and result.file == "renamed-copy.pdf"


def test_unreadable_and_outside_files(tmp_path, reading_cache):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    outside = tmp_path.parent / "outside.pdf"
    outside.write_bytes(b"%PDF-1.4")
    data = profile_dict(
        [
            {"kind": "labour-contract", "file": "broken.pdf"},
            {"kind": "lease-contract", "file": "../outside.pdf"},
        ]
    )
    set_ = policies()
    profile = parse_profile(data, set_.districts, tuple(set_.materials))
    results = inspect_profile(profile, tmp_path, on=ON, data_dir=reading_cache, pool=_NoOcr())
    # One list per file: the image checks' verdict on the broken file (a blocker) says why it is unreadable.
    assert "SCAN_DAMAGED" in _codes(results[0])
    assert any(f.severity == "blocker" for f in results[0].findings)
    assert _codes(results[1]) == ["SCAN_UNREADABLE"]


def test_cli_inspect_json(corpus, reading_cache, capsys):
    from hrdesk.cli import main

    profile = write_profile(corpus, "cli.json", ["contract.pdf", "diploma.pdf"])
    code = main(["inspect", str(profile), "--json", "--on", ON.isoformat(), "--data-dir", str(reading_cache)])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    first, second = out["materials"]
    assert set(first) == {"kind", "file", "detected_kind", "pages", "found", "findings"}
    assert set(first["found"]) == {"names", "id_numbers", "dates"}
    assert first["findings"] == [] and first["found"]["id_numbers"] == [OWN_ID]
    assert second["detected_kind"] == "diploma"
    assert [f["code"] for f in second["findings"]] == ["SCAN_KIND_MISMATCH"]
    assert set(second["findings"][0]) >= {"code", "severity", "page", "message"}


@pytest.mark.parametrize("argv", [["inspect"], ["inspect", "missing.json"]])
def test_cli_inspect_bad_input_exits_2(argv, capsys, tmp_path):
    from hrdesk.cli import main

    assert main([*argv, "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("hrdesk") and err.count("\n") == 1  # one line, in the user's language


def test_a_dead_worker_costs_its_page_not_the_session(tmp_path):
    """A page that crashes its worker (a hostile file) comes back unreadable; the next file is read."""
    import os
    from concurrent.futures.process import BrokenProcessPool

    from hrdesk.materials.inspection.pool import OcrPool

    small = scans.write(tmp_path / "small.pdf", scans.Document([scans.Page(lines=[], title="劳动合同书")]))
    pool = OcrPool(workers=1)
    try:
        crash = pool._started().submit(os._exit, 3)  # what a segfault in a native library looks like
        with pytest.raises(BrokenProcessPool):
            crash.result()
        reading = pool.read_pages(small, [0])[0].result()
        assert [line.text for line in reading.lines] == ["劳动合同书"]
    finally:
        pool.close()


def test_pages_beyond_the_limit_are_reported_not_skipped_silently(tmp_path, ocr_pool, monkeypatch):
    from hrdesk.materials.inspection import reading

    monkeypatch.setattr(reading, "MAX_PAGES_READ", 1)
    two = scans.write(tmp_path / "two.pdf", scans.Document([scans.Page(lines=[], title="劳动合同书")] * 2))
    result = inspect_material(_profile(), "labour-contract", two, on=ON, pool=ocr_pool)
    assert len(result.pages) == 1
    not_read = [f for f in result.findings if f.page is None and f.code == "SCAN_UNREADABLE"]
    assert len(not_read) == 1 and "2" in not_read[0].message and "1" in not_read[0].message


def test_first_findings_come_from_the_head_of_page_one(corpus, ocr_pool):
    """The window shows findings as soon as the first lines of page 1 are read; findings that unread
    lines could overturn (a name further down) wait for the whole page."""
    partials: list[tuple[int, int, MaterialInspection]] = []
    result = inspect_material(
        _profile(),
        "labour-contract",
        corpus / "contract-other.pdf",
        on=ON,
        pool=ocr_pool,
        on_progress=lambda done, total, partial: partials.append((done, total, partial)),
    )
    done, total, first = partials[0]
    assert (done, total, first.complete) == (0, 1, False)
    assert "SCAN_ID_MISMATCH" in _codes(first) and "SCAN_NAME_MISMATCH" not in _codes(first)
    assert partials[-1][0] == 1 and result.complete
    assert {"SCAN_ID_MISMATCH", "SCAN_NAME_MISMATCH"} <= set(_codes(result))
