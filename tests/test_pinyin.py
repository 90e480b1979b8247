"""Pinyin search and sort of names, with surnames read as surnames."""

from __future__ import annotations

import os
import subprocess
import sys

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


@pytest.mark.parametrize(
    ("name", "reading"),
    [("李长江", ("li3", "chang2", "jiang1")), ("王重庆", ("wang2", "chong2", "qing4")),
     ("张长青", ("zhang1", "chang2", "qing1")), ("刘重阳", ("liu2", "chong2", "yang2")),
     ("陈行长", ("chen2", "hang2", "zhang3")), ("赵长", ("zhao4", "zhang3")), ("周重", ("zhou1", "zhong4"))],
)  # fmt: skip
def test_words_in_a_name_read_as_words(name: str, reading: tuple[str, ...]) -> None:
    """长江 is chang jiang and 重庆 chong qing, though 长 and 重 alone read zhang and zhong: the name's words
    come from the phrase table, the characters between them one by one."""
    assert syllables(name) == reading
    assert matches(name, "".join(s.rstrip("12345") for s in reading))


def test_names_are_read_without_pypinyins_phrase_dictionary() -> None:
    """Reading names loads pypinyin's single characters and the name table, never its 47,000 phrases
    (43 MB in each process); a process of its own, so nothing imported before decides."""
    code = (
        "import sys; from hrdesk.text.pinyin import syllables; "
        "assert syllables('李长江') == ('li3', 'chang2', 'jiang1'); "
        "from pypinyin.constants import PHRASES_DICT; "
        "assert len(PHRASES_DICT) < 100, len(PHRASES_DICT); "
        "assert 'pypinyin.phrases_dict' not in sys.modules; "
        "import os; assert 'PYPINYIN_NO_PHRASES' not in os.environ"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_the_name_table_is_what_pypinyin_reads() -> None:
    """The table is generated from the installed pypinyin's phrase dictionary (in a process of its own:
    this one reads names without it); after an upgrade of pypinyin, run the generator again."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    subprocess.run([sys.executable, "-m", "hrdesk.text.name_phrases", "--check"], check=True, env=env)
