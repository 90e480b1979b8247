"""The baseline profiles are clean in both districts: every other test changes one thing."""

import pytest

from .helpers import baseline, codes, run


@pytest.mark.parametrize("district", ["changping", "yanqing"])
def test_baseline_new_is_eligible_and_ready(district):
    result = run(baseline(district))
    assert codes(result, "blocker") == set()
    assert result.eligible
    missing = [m.kind for m in result.materials if m.required and m.status != "ok"]
    assert missing == []
    assert result.ready
    assert result.qualifying_categories[0] == "degree"


def test_json_shape_matches_spec():
    out = run(baseline()).to_dict()
    assert list(out) == [
        "district",
        "business",
        "on",
        "eligible",
        "ready",
        "qualifying_categories",
        "thresholds",
        "findings",
        "materials",
        "deadlines",
    ]
    assert out["thresholds"] == {
        "reference_year": 2024,
        "monthly_average_wage": 11937,
        "x1_2": 14324,
        "x3": 35811,
        "x6": 71622,
    }
    for m in out["materials"]:
        assert set(m) == {"kind", "required", "status", "reason"}
    for d in out["deadlines"]:
        assert {"code", "date", "message"} <= set(d)


def test_english_messages():
    data = baseline()
    data["employee"]["dispatched"] = True
    result = run(data, lang="en")
    finding = next(f for f in result.findings if f.code == "DISPATCHED_WORKER")
    assert "Dispatched" in finding.message
    assert finding.source == "changping-2026 二(四)1"
