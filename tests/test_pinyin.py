"""Pinyin search and sort of names, with surnames read as surnames."""

from __future__ import annotations

import pytest

from hrdesk.text.pinyin import matches, search_key, sort_key, syllables


@pytest.mark.parametrize(
    ("name", "surname"),
    [("曾小明", "zeng"), ("单田芳", "shan"), ("解晓东", "xie"), ("仇英", "qiu"), ("朴智星", "piao"),
     ("查良镛", "zha"), ("区志航", "ou"), ("翟天临", "zhai"), ("覃涛", "qin"), ("尉迟恭", "yuchi"),
     ("长孙无忌", "zhangsun"), ("万俟卨", "moqi"), ("张三", "zhang")],
)  # fmt: skip
def test_surnames_are_read_as_surnames(name: str, surname: str) -> None:
    assert search_key(name).startswith(surname)


def test_search_by_full_pinyin_initials_and_characters() -> None:
    for query in ("zhang", "ZhangSan", "zhang san", "zs", "张", "ｚｓ"):
        assert matches("张三", query), query
    for query in ("zeng", "zxm", "xiaoming"):
        assert matches("曾小明", query), query
    assert not matches("曾小明", "ceng")  # the word reading of 曾 is not how the name is said
    assert not matches("张三", "li")
    key = search_key("李四")
    assert matches(key, "ls", is_key=True)


def test_sort_follows_pinyin_not_code_points() -> None:
    names = ["赵六", "张三", "李明", "林一", "李四", "曾小明", "单田芳", "陈一", "欧阳娜娜", "Anna"]
    assert sorted(names, key=sort_key) == [
        "Anna", "陈一", "李明", "李四", "林一", "欧阳娜娜", "单田芳", "曾小明", "张三", "赵六",
    ]  # fmt: skip
    assert sorted(names) != sorted(names, key=sort_key)  # code-point order differs


def test_rare_characters_and_latin_names_do_not_break_keys() -> None:
    assert syllables("䶮王")[0].startswith("yan")
    assert syllables("Anna-Maria Li") == ("anna", "maria", "li")
    assert isinstance(sort_key(""), str) and search_key("") is not None
