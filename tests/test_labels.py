"""The one code → label table: every code the rules know has both labels, every variant reads back
as its own code, and the labels older hrdesk versions wrote into rosters are still accepted."""

from __future__ import annotations

import pytest

from hrdesk import labels
from hrdesk.deadlines.stored import KINDS
from hrdesk.labels import _normal, code_for, label
from hrdesk.labels import labels as group_labels
from hrdesk.rules import profile as p
from hrdesk.rules.policy import BUSINESSES

GROUPS = {
    "hukou": p.HUKOU_KINDS,
    "degree": p.DEGREES,
    "title": p.TITLES,
    "marital": p.MARITAL_STATUSES,
    "housing": p.HOUSING_KINDS,
    "permit": p.PERMIT_STATUSES,
    "retirement": p.RETIREMENT_CATEGORIES,
    "child_parents": p.CHILD_PARENTS,
    "same_employer": p.SAME_EMPLOYER_KEYS,
    "entity_type": p.ENTITY_TYPES,
    "innovation_entity": p.INNOVATION_ENTITIES,
    "service_entity": p.SERVICE_ENTITIES,
    "business": BUSINESSES,
    "deadline": tuple(KINDS),
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_code_has_both_labels(group: str) -> None:
    table = labels.labels(group)
    assert set(GROUPS[group]) <= set(table), set(GROUPS[group]) - set(table)
    for code in GROUPS[group]:
        zh, en = label(group, code, "zh"), label(group, code, "en")
        assert zh != code and en != code
        assert not any(c.isascii() and c.isalpha() for c in zh), zh
        assert all(ord(c) < 0x2E80 for c in en), en


@pytest.mark.parametrize("group", labels.groups())
def test_every_variant_reads_back_as_its_code_and_none_is_ambiguous(group: str) -> None:
    seen: dict[str, str] = {}
    for code, entry in labels.labels(group).items():
        for variant in (code, entry.zh, entry.en, *entry.also):
            key = _normal(variant)
            assert seen.setdefault(key, code) == code, f"{group}: '{variant}' means {seen[key]} and {code}"
            assert code_for(group, variant) == code
            assert code_for(group, f" {variant.upper()} ") == code


def test_labels_older_rosters_carry_are_accepted() -> None:
    # The roster template used short forms the form did not (北京市 vs 北京市户籍, 借住 vs 借住亲友房产).
    assert code_for("hukou", "北京市") == code_for("hukou", "北京市户籍") == "beijing"
    assert code_for("housing", "借住") == code_for("housing", "借住亲友房产") == "borrowed"
    assert code_for("housing", "租赁") == "rented"
    assert code_for("yes_no", "是") == "true" and code_for("yes_no", "ｎｏ") == "false"
    assert code_for("hukou", "火星") is None and code_for("hukou", None) is None


def test_unknown_group_is_a_programming_error_and_none_is_blank() -> None:
    with pytest.raises(labels.LabelError):
        label("no-such-group", "x")
    assert label("hukou", None) == ""
    assert label("yes_no", True, "en") == "Yes"


def test_citations_read_as_guides_in_either_language() -> None:
    from hrdesk.labels import cite

    source = "changping-2026 二(四)2, 三(五); yanqing-2024 三(二)1(4)A、B"
    assert cite(source) == "昌平区指南 二（四）2、三（五）；延庆区指南 三（二）1（4）A、B"
    assert cite(source, "en") == "Changping guide 2(4)2, 3(5); Yanqing guide 3(2)1(4)A, B"
    assert cite("changping-2026 四(二)4 注意①", "en") == "Changping guide 4(2)4 note 1"
    assert cite("yanqing-2024 三(二)第三步", "en") == "Yanqing guide 3(2) step 3"


def test_what_the_form_shows_a_roster_accepts() -> None:
    """A label copied from the profile form into a roster cell imports as the same code (one table)."""
    from hrdesk.rosters.values import choice_from_cell, vocabulary

    group_of = {"hukou": "hukou", "degree": "degree", "title": "title", "marital": "marital"}
    group_of |= {"housing": "housing", "permit": "permit"}
    for kind in vocabulary().choices:
        group = group_of.get(kind)
        if group is None:
            continue
        for code in group_labels(group):
            if not code:
                continue
            assert choice_from_cell(kind, label(group, code, "zh")) == code, (kind, code)


def test_notes_read_as_a_sentence_and_a_page_is_named_once():
    from hrdesk.labels import join_notes, with_page

    assert join_notes(["不是彩色扫描。", "分辨率不足。", "不是彩色扫描。"]) == "不是彩色扫描；分辨率不足"
    assert join_notes(["Not in colour.", "Too small."], "en") == "Not in colour; Too small"
    assert with_page(1, "第 1 页内容上下颠倒", "第 {page} 页") == "第 1 页内容上下颠倒"
    assert with_page(2, "读不出文字", "第 {page} 页") == "第 2 页读不出文字"
    assert with_page(3, "Page 3 is upside down", "Page {page}: ") == "Page 3 is upside down"
    assert with_page(None, "读不出文字", "第 {page} 页") == "读不出文字"


def test_guide_codes_inside_a_stored_finding_read_as_guides() -> None:
    from hrdesk.labels import cite_in
    from hrdesk.pdf.scan_flags import make_flag

    stored = make_flag("SCAN_NOT_COLOUR", 1).message  # a finding as the scan check stores it
    assert "changping-2026" in stored  # the code is what is stored (JSON, logs)
    shown = cite_in(stored)
    assert "changping-2026" not in shown and "昌平区指南 三（一）" in shown
    assert cite_in("Page 1 is greyscale (see changping-2026 三(一)).", "en") == (
        "Page 1 is greyscale (see Changping guide 3(1))."
    )
    assert cite_in("须补交（changping-2026 四(二)1(5) 注意②；yanqing-2024 三(二)1(4)B）。") == (
        "须补交（昌平区指南 四（二）1（5） 注意②；延庆区指南 三（二）1（4）B）。"
    )
    assert cite_in("见 changping-2026 二(四)2, 三(五)。") == "见 昌平区指南 二（四）2、三（五）。"
    assert cite_in("没有引用的说明") == "没有引用的说明" and cite_in("") == ""
