"""The authority list as a researcher uses it: a person or place entered once with all
its names, then found under every one of them, each result saying which name it uses;
and every mistake (a name taken, a malformed CSV) refused with nothing stored."""

from __future__ import annotations

import pytest

from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.records import NewManuscript

TEXTS = {
    "马鸿宾主政宁夏": "民国十九年，马鸿宾出任宁夏省政府主席。",
    "马子寅先生轶事": "马子寅先生治军甚严，部下敬畏。",
    "父親的回憶": "父親常說起馬鴻賓當年修渠的事。",
    "灵州古城考略": "灵州之名，始见于西汉。明代迁城，是为今之灵武。",
    "秦渠谣": "秦渠水长流，两岸稻花香。",
}


@pytest.fixture
def names(library):
    for title, body in TEXTS.items():
        library.manuscripts.add(NewManuscript(title=title, body=body))
    a = library.authorities
    a.add("person", "马鸿宾", dates="1884—1960", note="宁夏军政人物")
    a.alias("person", "马鸿宾", "马子寅", type_="字")
    a.alias("person", "马子寅", "馬鴻賓", type_="繁体")  # by any of its names
    a.add("place", "灵武")
    a.alias("place", "灵武", "灵州", type_="旧名", period="北魏—明")
    return library


def found(library, query: str) -> list[tuple[str, list[str]]]:
    hits = library.search.search(query, limit=0, sort="title").hits
    return sorted((h.title, h.names) for h in hits)


def test_a_person_is_found_under_every_name_and_says_which(names):
    assert found(names, "person:马鸿宾") == [
        ("父親的回憶", ["馬鴻賓"]),  # the name as the text writes it
        ("马子寅先生轶事", ["马子寅"]),
        ("马鸿宾主政宁夏", ["马鸿宾"]),
    ]
    assert found(names, "人物:马子寅") == found(names, "person:马鸿宾")  # any name, Chinese field
    assert found(names, "place:灵州") == [
        ("灵州古城考略", ["灵州", "灵武"])
    ]  # as the text has them
    # Combined as any field: the person, not in 宁夏's article.
    assert found(names, "person:马鸿宾 -宁夏") == [
        ("父親的回憶", ["馬鴻賓"]),
        ("马子寅先生轶事", ["马子寅"]),
    ]


def test_a_name_not_in_the_list_is_searched_as_written(names):
    assert found(names, "person:秦渠") == [("秦渠谣", ["秦渠"])]


def test_highlights_and_the_concordance_follow_every_name(names):
    assert names.search.highlight_spans("person:马鸿宾", "马子寅即马鸿宾") == [(0, 3), (4, 7)]
    lines = names.search.concordance("person:马鸿宾")
    assert sorted(line.match for line in lines if line.field == "body") == sorted(
        ["马子寅", "马鸿宾", "馬鴻賓"]
    )


def test_entries_read_back_with_their_names(names):
    entry = names.authorities.get("person", "馬鴻賓")
    assert (entry.name, entry.dates, entry.note) == ("马鸿宾", "1884—1960", "宁夏军政人物")
    assert [(n.name, n.type) for n in entry.names] == [
        ("马鸿宾", "正名"),
        ("马子寅", "字"),
        ("馬鴻賓", "繁体"),
    ]
    place = names.authorities.get("place", "灵州")
    assert [(n.name, n.type, n.period) for n in place.names] == [
        ("灵武", "正名", ""),
        ("灵州", "旧名", "北魏—明"),
    ]


def test_a_name_another_entry_has_is_refused(names):
    a = names.authorities
    a.add("person", "马福祥")
    with pytest.raises(InvalidValueError, match="“馬子寅”已是人物“马鸿宾”的名称"):
        a.alias("person", "马福祥", "馬子寅")
    with pytest.raises(InvalidValueError, match="“马鸿宾”已是人物“马鸿宾”的名称"):
        a.add("person", "马鸿宾")
    with pytest.raises(InvalidValueError, match="“马子寅”已在“马鸿宾”的名称中"):
        a.alias("person", "马鸿宾", "马子寅")
    with pytest.raises(InvalidValueError, match="名称类型“旧名”无效"):
        a.alias("person", "马鸿宾", "马司令", type_="旧名")
    with pytest.raises(InvalidValueError, match="只有地名的名称才有时期"):
        a.alias("person", "马鸿宾", "马司令", period="民国")
    with pytest.raises(NotFoundError, match="人物“张三”不在名录中"):
        a.alias("person", "张三", "张老三")
    # Persons and places are separate lists: a place may share a person's name.
    a.add("place", "马家滩")
    a.alias("place", "马家滩", "马子寅")
    assert [n.name for n in a.get("person", "马鸿宾").names] == ["马鸿宾", "马子寅", "馬鴻賓"]


def test_removing_a_name_or_an_entry(names):
    a = names.authorities
    a.remove("person", "马鸿宾", "馬鴻賓")  # the traditional row, not the 正名 it folds to
    assert [n.name for n in a.get("person", "马鸿宾").names] == ["马鸿宾", "马子寅"]
    with pytest.raises(InvalidValueError, match="正名“马鸿宾”不能单独删除"):
        a.remove("person", "马鸿宾", "马鸿宾")
    a.remove("person", "马子寅")
    assert a.list("person") == []
    assert found(names, "person:马鸿宾") == [
        ("父親的回憶", ["馬鴻賓"]),  # as the text writes it, though no longer listed
        ("马鸿宾主政宁夏", ["马鸿宾"]),
    ]


def test_mentions_list_each_article_with_its_names(names):
    names.volumes.create(17, "《灵武文史》第十七辑", year=2022)
    names.volumes.add_section(17, "人物春秋")
    [ziyin] = [m.id for m in names.queries.list() if m.title == "马子寅先生轶事"]
    names.manuscripts.transition(ziyin, "初审", actor="王主任")
    names.manuscripts.transition(ziyin, "复审", actor="王主任")
    names.manuscripts.transition(ziyin, "终审", actor="王主任")
    names.manuscripts.transition(ziyin, "采用", actor="王主任")
    names.volumes.place(17, [ziyin], "人物春秋")
    mentions = names.authorities.mentions("person", "马鸿宾")
    assert [(m.title, m.volume, m.year, m.names, m.hits) for m in mentions] == [
        ("马子寅先生轶事", 17, 2022, ["马子寅"], 2),
        ("马鸿宾主政宁夏", None, None, ["马鸿宾"], 2),
        ("父親的回憶", None, None, ["馬鴻賓"], 1),
    ]


def test_csv_round_trip(names, library, tmp_path):
    out = tmp_path / "人物.csv"
    assert names.authorities.export_csv("person", out) == 1
    assert out.read_text("utf-8-sig").splitlines() == [
        "类别,正名,名称,类型,时期,生卒,说明",
        "人物,马鸿宾,马鸿宾,正名,,1884—1960,宁夏军政人物",
        "人物,马鸿宾,马子寅,字,,,",
        "人物,马鸿宾,馬鴻賓,繁体,,,",
    ]
    names.authorities.remove("person", "马鸿宾")
    assert names.authorities.import_csv("person", out) == 3
    assert names.authorities.get("person", "马子寅").dates == "1884—1960"


def test_a_malformed_csv_is_refused_by_line_and_nothing_is_stored(names, tmp_path):
    bad = tmp_path / "坏.csv"
    bad.write_text(
        "类别,正名,名称,类型,时期,生卒,说明\n"
        "人物,马福祥,马福祥,正名,,1879—1932,\n"
        "人物,马福祥,马子寅,字,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidValueError, match=r"坏\.csv 第 3 行：“马子寅”已是人物“马鸿宾”的名称"):
        names.authorities.import_csv("person", bad)
    assert [e.name for e in names.authorities.list("person")] == ["马鸿宾"]  # 马福祥 not kept
    bad.write_text("name,alias\n马福祥,马云亭\n", encoding="utf-8")
    with pytest.raises(InvalidValueError, match="第 1 行应为表头"):
        names.authorities.import_csv("person", bad)
    bad.write_bytes(
        "类别,正名,名称,类型,时期,生卒,说明\n".encode("gb18030") + "人物,马福祥".encode("gb18030")
    )
    with pytest.raises(InvalidValueError, match="不是 UTF-8 编码的 CSV"):
        names.authorities.import_csv("person", bad)
