"""The years a text talks about, as a local historian writes them, and search by period."""

from __future__ import annotations

import pytest

from wenshi.errors import InvalidValueError
from wenshi.records import NewManuscript
from wenshi.text.periods import (
    ERAS,
    chinese_number,
    ganzhi_years,
    period_bounds,
    ranges_label,
    year_mentions,
    year_ranges,
)

TEXT = (
    "民國二十五年（1936年）春，秦渠决口。一九四九年秋，灵武解放。乾隆十年修城，"
    "光绪庚子年大旱，咸丰年间回民起事，公元前221年秦并天下。庚子年又旱。"
    "过了10年，他回来了。民国元年设县。乾隆七十年无此年。"
)


def test_every_way_of_writing_a_year():
    found = [(m.text, m.first, m.last, m.note) for m in year_mentions(TEXT)]
    assert found == [
        ("民國二十五年", 1936, 1936, ""),
        ("1936年", 1936, 1936, ""),
        ("一九四九年", 1949, 1949, ""),
        ("乾隆十年", 1745, 1745, ""),
        ("光绪庚子年", 1900, 1900, ""),
        ("咸丰年间", 1851, 1861, ""),
        ("公元前221年", -221, -221, ""),
        ("庚子年", None, None, "干支纪年，未指明年号，无法确定是哪一年"),
        ("民国元年", 1912, 1912, ""),
        ("乾隆七十年", None, None, "乾隆只有 60 年（1736—1795），没有乾隆70年"),
    ]
    # 10年 is a length of time, not a year: not among them.
    assert year_ranges(TEXT) == [(-221, -221), (1745, 1745), (1851, 1861), (1900, 1900),
                                 (1912, 1912), (1936, 1936), (1949, 1949)]  # fmt: skip
    assert ranges_label([(-221, -221), (1851, 1861), (1936, 1936)]) == "公元前221、1851—1861、1936"


def test_offsets_point_into_the_text_as_written():
    text = "据载，萬曆三年重修。"
    [mention] = year_mentions(text)
    assert text[mention.start : mention.end] == mention.text == "萬曆三年"
    assert mention.first == 1575


def test_numbers_eras_and_cycles():
    assert [chinese_number(t) for t in ("元", "十", "二十五", "廿三", "卅", "九十九", "十十")] == [
        1,
        10,
        25,
        23,
        30,
        99,
        None,
    ]
    assert ganzhi_years("庚子", 1875, 1908) == [1900]
    assert ganzhi_years("甲子", 1900, 2000) == [1924, 1984]
    assert ganzhi_years("甲丑", 1900, 2000) == []  # no such pair in the cycle
    assert ERAS["乾隆"] == (1736, 1795) and ERAS["民国"] == (1912, 1949)


def test_period_queries():
    assert period_bounds("1930-1939") == (1930, 1939)
    assert period_bounds("1936") == (1936, 1936)
    assert period_bounds("民国") == (1912, 1949)
    assert period_bounds("民國") == (1912, 1949)
    assert period_bounds("乾隆十年") == (1745, 1745)
    assert period_bounds("清") == (1644, 1911)
    assert period_bounds("公元前221") == (-221, -221)
    with pytest.raises(InvalidValueError, match="乾隆只有 60 年（1736—1795），没有乾隆70年"):
        period_bounds("乾隆七十年")
    with pytest.raises(InvalidValueError, match="“天福”不是已知的年号或朝代"):
        period_bounds("天福")
    with pytest.raises(InvalidValueError, match="应写成“1930-1939”"):
        period_bounds("1939-1930")


@pytest.fixture
def texts(library):
    for title, body in {
        "秦渠决口": "民国二十五年春，秦渠决口三处。",
        "解放前后": "一九四九年九月，灵武解放；次年土改。",
        "修城记": "乾隆十年修城，嘉庆年间又修。",
        "今日灵武": "如今的灵武，街道宽阔。",
    }.items():
        library.manuscripts.add(NewManuscript(title=title, body=body))
    return library


def titles(library, query: str) -> list[str]:
    return sorted(h.title for h in library.search.search(query, limit=0).hits)


def test_search_by_period(texts):
    assert titles(texts, "period:1930-1939") == ["秦渠决口"]
    assert titles(texts, "时期:民国") == ["秦渠决口", "解放前后"]
    assert titles(texts, "period:清") == ["修城记"]
    assert titles(texts, "period:1800-1810") == ["修城记"]  # 嘉庆年间: 1796—1820
    assert titles(texts, "灵武 period:1940-1949") == ["解放前后"]
    assert titles(texts, "灵武 -period:民国") == ["今日灵武"]
    with pytest.raises(InvalidValueError, match="检索式有误：乾隆只有 60 年"):
        texts.search.search("period:乾隆七十年")


def test_a_decade_facet_and_the_years_in_the_details(texts):
    results = texts.search.search("period:1700-2000", facets=True)
    assert results.by_decade == {1740: 1, 1790: 1, 1800: 1, 1810: 1, 1820: 1, 1930: 1, 1940: 1}
    [mid] = [m.id for m in texts.queries.list() if m.title == "修城记"]
    assert texts.manuscripts.get(mid).periods == [(1745, 1745), (1796, 1820)]
    texts.manuscripts.edit_body(mid, "光绪二十六年修城。", reason="改")
    assert texts.manuscripts.get(mid).periods == [(1900, 1900)]
    assert titles(texts, "period:清") == ["修城记"]
    assert titles(texts, "period:1745") == []
