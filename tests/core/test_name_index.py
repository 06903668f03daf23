"""A volume's 人名索引 and 地名索引, built from the authority list, as a book prints them."""

from __future__ import annotations

import csv

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn

from wenshi.records import NewManuscript
from wenshi.volumes.name_index import build_index, sort_key

# Printed pages: each text's \f is a page break, its first page given.
PIECES = [
    ("驻防记", 1, "马鸿宾到灵武。\f马子寅又来灵武。"),
    ("古城考", 3, "灵州城始建于汉。\f馬鴻賓修城。"),
]


def _accepted(library, title: str, body: str, first_page: int | None) -> int:
    library.manuscripts.add(NewManuscript(title=title, body=body, first_page=first_page))
    [mid] = [m.id for m in library.queries.list() if m.title == title]
    for step in ("初审", "复审", "终审", "采用"):
        library.manuscripts.transition(mid, step, actor="王主任")
    return mid


@pytest.fixture
def volume(library):
    library.volumes.create(18, "《灵武文史》第十八辑", year=2023)
    library.volumes.add_section(18, "史海钩沉")
    ids = [_accepted(library, t, b, p) for t, p, b in PIECES]
    library.volumes.place(18, ids, "史海钩沉")
    library.volumes.update(18, status="published")
    a = library.authorities
    a.add("person", "马鸿宾")
    a.alias("person", "马鸿宾", "马子寅", type_="字")
    a.alias("person", "马鸿宾", "馬鴻賓", type_="繁体")
    a.add("person", "张三")  # in no text of the volume: not in its index
    a.add("place", "灵武")
    a.alias("place", "灵武", "灵州", type_="旧名", period="北魏—明")
    return library


def lines(index) -> list[str]:
    return [e.line for e in index.entries]


def test_every_page_under_every_name_with_cross_references(volume):
    persons = build_index(volume, 18, "person")
    assert not persons.estimated
    assert lines(persons) == ["马鸿宾　1, 2, 4", "马子寅　见 马鸿宾"]  # 馬鴻賓 files with 马鸿宾
    assert lines(build_index(volume, 18, "place")) == ["灵武　1, 2, 3", "灵州　见 灵武"]


def test_pinyin_order_as_gbt_22466_files_it():
    names = ["张三", "安定", "马子寅", "马鸿宾", "灵州", "灵武", "李四"]
    assert sorted(names, key=sort_key) == [
        "安定",
        "李四",
        "灵武",
        "灵州",
        "马鸿宾",
        "马子寅",
        "张三",
    ]


def test_a_volume_being_compiled_gets_estimated_pages(library):
    library.volumes.create(19, "《灵武文史》第十九辑")
    library.volumes.add_section(19, "人物春秋")
    body = "马鸿宾。" + "黄河东岸。" * 2000 + "马鸿宾。"  # at the start and at the end
    mid = _accepted(library, "长文", body, None)
    library.volumes.place(19, [mid], "人物春秋")
    library.authorities.add("person", "马鸿宾")
    index = build_index(library, 19, "person")
    [item] = library.volumes.plan(19).sections[0].items
    assert index.estimated and item.end_page > item.start_page
    assert index.entries[0].pages == [item.start_page, item.end_page]


def test_exported_in_two_columns_with_pages_right_aligned(volume, tmp_path):
    out = tmp_path / "人名索引.docx"
    assert volume.exports.name_index(18, "person", out) == 2
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == [
        "人名索引",
        "《灵武文史》第十八辑　按汉语拼音排序",
        "M",
        "马鸿宾\t1, 2, 4",
        "马子寅　见 马鸿宾",
    ]
    cols = document.sections[-1]._sectPr.find(qn("w:cols"))
    assert cols.get(qn("w:num")) == "2"
    entry = next(p for p in document.paragraphs if p.text.startswith("马鸿宾"))
    [stop] = entry.paragraph_format.tab_stops
    assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT


def test_exported_as_csv_and_inside_the_volume(volume, tmp_path):
    out = tmp_path / "地名索引.csv"
    volume.exports.name_index(18, "place", out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [
            ["名称", "拼音", "页码", "见"],
            ["灵武", "ling wu", "1, 2, 3", ""],
            ["灵州", "ling zhou", "", "灵武"],
        ]
    book = tmp_path / "第十八辑.docx"
    volume.exports.volume(18, book, ("person", "place"))
    texts = [p.text for p in docx.Document(str(book)).paragraphs if p.text]
    assert texts[-10:] == [
        "人名索引",
        "《灵武文史》第十八辑　按汉语拼音排序",
        "M",
        "马鸿宾\t1, 2, 4",
        "马子寅　见 马鸿宾",
        "地名索引",
        "《灵武文史》第十八辑　按汉语拼音排序",
        "L",
        "灵武\t1, 2, 3",
        "灵州　见 灵武",
    ]
