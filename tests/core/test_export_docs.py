"""目录 (.docx/.md/.html/.csv), 总目录 and the volume .docx, from a plan built by hand; and
the export service that writes them for a library, safely (never a half-written file)."""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree
from PIL import Image as PILImage

from wenshi.errors import InvalidValueError, WenshiError
from wenshi.export import atomic
from wenshi.export.names import chinese_number, volume_name
from wenshi.export.toc import write_all_volumes_toc, write_toc
from wenshi.export.toc_text import CSV_HEADERS
from wenshi.export.volume_docx import FRONT_NOTE, Figure, write_volume_docx
from wenshi.layout import Layout
from wenshi.library import Library
from wenshi.reading.docx import extract_docx
from wenshi.records import NewManuscript
from wenshi.volumes.plan import ItemPlan, SectionPlan, Totals, VolumePlan

LEADER_PADDING = re.compile(r"\.{3,}|…{2,}|·{3,}| {3,}|　{3,}")


def item(id: int, title: str, page: int, **people: list[str]) -> ItemPlan:
    fields = {"subtitle": "", "authors": [], "compilers": [], "narrators": []} | people
    return ItemPlan(
        id=id,
        title=title,
        **fields,
        status="accepted",
        status_label="已采用",
        genre="",
        words=1000 * id,
        han=900 * id,
        layout_words=1200 * id,
        images=0,
        lines=40,
        start_page=page,
        end_page=page + 1,
    )


def make_plan(number: int = 17, year: int | None = 2022, **layout: object) -> VolumePlan:
    sections = [
        SectionPlan(
            "史海钩沉",
            [
                item(1, "马鸿宾与灵武", 1, authors=["马建国"]),
                item(
                    2,
                    "水洞沟遗址发现记",
                    3,
                    subtitle="一位老农的回忆",
                    narrators=["王福林"],
                    compilers=["李秀兰"],
                ),
            ],
        ),
        SectionPlan("人物春秋", [item(3, "灵州名医张仲和", 7, authors=["张文", "李明"])]),
        SectionPlan("文苑拾英", []),
    ]
    title = f"《灵武文史》第{chinese_number(number)}辑"
    return VolumePlan(
        number,
        title,
        year,
        "editing",
        300_000,
        Layout(**layout),
        sections,
        Totals(articles=3, pages=8),
    )


ENTRIES = [
    "马鸿宾与灵武　马建国\t1",
    "水洞沟遗址发现记——一位老农的回忆　王福林 口述  李秀兰 整理\t3",
    "灵州名医张仲和　张文、李明\t7",
]
TOC_TEXT = ["目录", "史海钩沉", ENTRIES[0], ENTRIES[1], "人物春秋", ENTRIES[2]]
BODIES = {
    1: "　　民国初年，马鸿宾驻防灵武。\n\n# 一、初到灵武\n他修渠筑堤。\n  \n"
    "## 二、晚年\n晚年回到银川。",
    2: "一九二三年，法国神父桑志华来到水洞沟。",
}


def texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def page_mm(section) -> tuple[int, int]:
    """Page size in whole mm (Word stores twips, so Mm(185) comes back a hair off)."""
    return round(section.page_width.mm), round(section.page_height.mm)


def rfonts(style) -> dict[str, str]:
    element = style.element.rPr.rFonts
    return {key.split("}")[1]: value for key, value in element.attrib.items()}


# ---------------------------------------------------------------- 目录 .docx


def test_toc_docx_has_headings_in_order_and_tab_leaders(tmp_path: Path):
    path = tmp_path / "目录.docx"
    write_toc(make_plan(), path)
    document = docx.Document(str(path))
    assert texts(document) == TOC_TEXT  # the empty 文苑拾英 is left out
    section = document.sections[0]
    assert page_mm(section) == (185, 260)  # 16开
    type_area = section.page_width - section.left_margin - section.right_margin
    entries = [p for p in document.paragraphs if p.style.name == "目录条目"]
    assert [p.text for p in entries] == ENTRIES
    for paragraph in entries:
        (stop,) = paragraph.paragraph_format.tab_stops
        assert stop.alignment == WD_TAB_ALIGNMENT.RIGHT
        assert stop.leader == WD_TAB_LEADER.DOTS
        assert abs(stop.position - type_area) < Mm(0.1)
    assert entries[1].text.endswith("\t3")
    assert [p.style.name for p in document.paragraphs if p.text][:2] == ["目录标题", "目录栏目"]
    assert not any(LEADER_PADDING.search(p.text) for p in document.paragraphs)


def test_toc_docx_styles_name_chinese_fonts(tmp_path: Path):
    path = tmp_path / "目录.docx"
    write_toc(make_plan(), path)
    styles = docx.Document(str(path)).styles
    expected = {"Normal": "宋体", "目录标题": "黑体", "目录栏目": "黑体", "目录条目": "宋体"}
    for name, east_asia in expected.items():
        fonts = rfonts(styles[name])
        assert fonts["eastAsia"] == east_asia, name
        assert fonts["ascii"] == fonts["hAnsi"] == "Times New Roman", name
        assert not any(key.endswith("Theme") or key == "cstheme" for key in fonts), name
    (defaults,) = styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    assert defaults.get(qn("w:eastAsia")) == "宋体" and defaults.get(qn("w:eastAsiaTheme")) is None
    assert styles["目录条目"].font.size == Pt(10.5)


# ---------------------------------------------------------------- 目录 .md / .html / .csv


def test_toc_markdown_is_a_table_per_section(tmp_path: Path):
    plan = make_plan()
    plan.sections[1].items[0].title = "灵州|名医"
    path = tmp_path / "目录.md"
    write_toc(plan, path)
    # The empty 文苑拾英 is left out; no leader characters; "|" in a title is escaped.
    assert path.read_text(encoding="utf-8").splitlines() == [
        "# 目录",
        "",
        "## 史海钩沉",
        "",
        "| 题名 | 作者 | 页码 |",
        "| --- | --- | ---: |",
        "| 马鸿宾与灵武 | 马建国 | 1 |",
        "| 水洞沟遗址发现记——一位老农的回忆 | 王福林 口述  李秀兰 整理 | 3 |",
        "",
        "## 人物春秋",
        "",
        "| 题名 | 作者 | 页码 |",
        "| --- | --- | ---: |",
        "| 灵州\\|名医 | 张文、李明 | 7 |",
    ]


class _Spans(HTMLParser):
    """(class, text) of every span, and the text of h1/h2."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("span", "h1", "h2"):
            self._open = dict(attrs).get("class") or tag
            self.found.append((self._open, ""))

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            kind, text = self.found[-1]
            self.found[-1] = (kind, text + data)


def test_toc_html_is_a_complete_escaped_document(tmp_path: Path):
    plan = make_plan()
    plan.sections[1].items[0].title = "<灵武>考"
    path = tmp_path / "目录.html"
    write_toc(plan, path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:6] == [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>《灵武文史》第十七辑 目录</title>",
    ]
    assert lines[-2:] == ["</body>", "</html>"]
    assert (
        '<li><span class="title">&lt;灵武&gt;考</span><span class="author">张文、李明</span>'
        '<span class="leader"></span><span class="page">7</span></li>'
    ) in lines
    assert "<灵武>" not in text
    # The leader is CSS, not characters.
    assert "                 border-bottom: .15em dotted currentColor; }" in lines
    parser = _Spans()
    parser.feed(text)
    assert parser.found == [
        ("h1", "目录"),
        ("h2", "史海钩沉"),
        ("title", "马鸿宾与灵武"),
        ("author", "马建国"),
        ("leader", ""),
        ("page", "1"),
        ("title", "水洞沟遗址发现记——一位老农的回忆"),
        ("author", "王福林 口述  李秀兰 整理"),
        ("leader", ""),
        ("page", "3"),
        ("h2", "人物春秋"),
        ("title", "<灵武>考"),
        ("author", "张文、李明"),
        ("leader", ""),
        ("page", "7"),
    ]


def read_csv(path: Path) -> list[list[str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, for Excel and WPS
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_toc_csv_columns(tmp_path: Path):
    path = tmp_path / "目录.csv"
    write_toc(make_plan(), path)
    rows = read_csv(path)
    assert rows[0] == list(CSV_HEADERS)
    assert rows[0] == ["辑", "栏目", "题名", "副题", "作者", "起始页", "字数", "版面字数"]
    assert rows[1:] == [
        ["17", "史海钩沉", "马鸿宾与灵武", "", "马建国", "1", "1000", "1200"],
        [
            "17",
            "史海钩沉",
            "水洞沟遗址发现记",
            "一位老农的回忆",
            "王福林 口述  李秀兰 整理",
            "3",
            "2000",
            "2400",
        ],
        ["17", "人物春秋", "灵州名医张仲和", "", "张文、李明", "7", "3000", "3600"],
    ]


# ---------------------------------------------------------------- 总目录


def test_catalogue_docx_lists_volumes_in_order(tmp_path: Path):
    older = make_plan(16, 2021)
    older.sections = [SectionPlan("史海钩沉", [item(9, "灵武城墙", 5, authors=["何平"])])]
    empty = make_plan(15, 2020)
    empty.sections = [SectionPlan("史海钩沉", [])]  # counts for the range, lists nothing
    path = tmp_path / "总目录.docx"
    write_all_volumes_toc([make_plan(), empty, older], path)
    document = docx.Document(str(path))
    assert texts(document) == [
        "《灵武文史》总目录（第15—17辑）",
        "《灵武文史》第十六辑（2021）",
        "史海钩沉",
        "灵武城墙　何平\t5",
        "《灵武文史》第十七辑（2022）",
        *TOC_TEXT[1:],
    ]
    assert rfonts(document.styles["目录辑名"])["eastAsia"] == "黑体"
    entries = [p for p in document.paragraphs if p.style.name == "目录条目"]
    assert len(entries) == 4
    assert all(p.paragraph_format.tab_stops[0].leader == WD_TAB_LEADER.DOTS for p in entries)


def test_catalogue_csv_fills_the_volume_number(tmp_path: Path):
    path = tmp_path / "总目录.csv"
    write_all_volumes_toc([make_plan(17), make_plan(3, None)], path)
    rows = read_csv(path)
    assert rows[0] == list(CSV_HEADERS)
    assert [row[0] for row in rows[1:]] == ["3"] * 3 + ["17"] * 3


def test_catalogue_needs_volumes_and_a_supported_format(tmp_path: Path):
    with pytest.raises(InvalidValueError) as err:
        write_all_volumes_toc([], tmp_path / "总目录.docx")
    assert str(err.value) == f"{tmp_path / '总目录.docx'}：没有可编入总目录的辑"
    with pytest.raises(InvalidValueError) as err:
        write_all_volumes_toc([make_plan()], tmp_path / "总目录.md")
    assert str(err.value) == f"{tmp_path / '总目录.md'}：不支持的总目录格式“.md”；可用 .docx、.csv"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "一"),
        (10, "十"),
        (17, "十七"),
        (20, "二十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (123, "一百二十三"),
    ],
)
def test_chinese_number(number: int, text: str):
    assert chinese_number(number) == text


def test_volume_name_adds_the_number_when_the_title_lacks_it():
    plan = make_plan()
    assert volume_name(plan) == "《灵武文史》第十七辑"
    assert volume_name(dataclasses.replace(plan, title="灵武文史")) == "《灵武文史》第十七辑"


# ---------------------------------------------------------------- the volume .docx


def test_volume_docx_order_styles_and_indents(tmp_path: Path):
    path = tmp_path / "第十七辑.docx"
    write_volume_docx(make_plan(), BODIES, path)
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    body_start = paragraphs.index(("栏目标题", "史海钩沉"))
    assert paragraphs[:2] == [("书名", "《灵武文史》第十七辑"), ("前置说明", FRONT_NOTE)]
    assert [text for _, text in paragraphs[2:body_start]] == TOC_TEXT
    assert paragraphs[body_start:] == [
        ("栏目标题", "史海钩沉"),
        ("文章标题", "马鸿宾与灵武"),
        ("署名", "马建国"),
        ("正文", "民国初年，马鸿宾驻防灵武。"),
        ("小标题", "一、初到灵武"),
        ("正文", "他修渠筑堤。"),
        ("小标题", "二、晚年"),
        ("正文", "晚年回到银川。"),
        ("文章标题", "水洞沟遗址发现记"),
        ("副题", "——一位老农的回忆"),
        ("署名", "王福林 口述  李秀兰 整理"),
        ("正文", "一九二三年，法国神父桑志华来到水洞沟。"),
        ("栏目标题", "人物春秋"),
        ("文章标题", "灵州名医张仲和"),
        ("署名", "张文、李明"),
    ]
    styles = document.styles
    body = styles["正文"]
    assert abs(body.paragraph_format.first_line_indent - Pt(2 * body.font.size.pt)) < Pt(0.1)
    assert body.font.size == Pt(10.5)
    for name, east_asia in [
        ("栏目标题", "黑体"),
        ("文章标题", "黑体"),
        ("小标题", "黑体"),
        ("正文", "宋体"),
        ("署名", "楷体"),
    ]:
        assert rfonts(styles[name])["eastAsia"] == east_asia, name
    assert styles["文章标题"].font.size > body.font.size
    # Front matter, 目录 and body are three sections starting on a new page; no page breaks
    # between articles unless the layout asks for them.
    assert [s.start_type for s in document.sections] == [WD_SECTION.NEW_PAGE] * 3
    assert not any(p.paragraph_format.page_break_before for p in document.paragraphs)
    assert page_mm(document.sections[-1]) == (185, 260)


def breaks_before(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]


def test_volume_docx_new_page_breaks_before_articles(tmp_path: Path):
    path = tmp_path / "第十七辑.docx"
    write_volume_docx(make_plan(new_page=True, paper="32开"), BODIES, path)
    document = docx.Document(str(path))
    # Not the first article after a 栏目 heading; the first 栏目 opens the body section.
    assert breaks_before(document) == ["水洞沟遗址发现记", "人物春秋"]
    assert page_mm(document.sections[0]) == (148, 210)


def test_volume_docx_right_hand_uses_odd_page_sections(tmp_path: Path):
    path = tmp_path / "第十七辑.docx"
    write_volume_docx(make_plan(right_hand=True, paper="大16开"), BODIES, path)
    document = docx.Document(str(path))
    assert breaks_before(document) == []
    # front, 目录, body, then 水洞沟… and 人物春秋 each open an odd-page section
    assert [s.start_type for s in document.sections][1:] == [WD_SECTION.ODD_PAGE] * 4
    assert page_mm(document.sections[0]) == (210, 297)  # unknown 开本: A4


NOTED = (
    "　　民国二十五年，马鸿宾移驻灵武。①城墙多处坍塌。\n"
    "乡镇\t户数\t人口②\n"
    "城关\t一千二百户\t六千口\n"
    "东乡\t不详\n"
    "　　一九四九年九月，宁夏和平解放。③①\n"
    "\n"
    "注释：\n"
    "①见《灵武县志》卷三。\n"
    "②据马福祥家谱，\n"
    "民国抄本。\n"
    "③人口数含驻军家属。\n"
    "④未引用的注。"
)
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def photos(tmp_path: Path) -> list[Figure]:
    """A landscape photo, and a portrait one stored sideways with EXIF orientation 6."""
    landscape, sideways = tmp_path / "渡口.png", tmp_path / "庙.jpg"
    PILImage.new("RGB", (300, 200), "blue").save(landscape)
    portrait = PILImage.new("RGB", (300, 200), "red")
    exif = portrait.getexif()
    exif[0x0112] = 6  # rotate 90° clockwise to view: upright it is 200 × 300
    portrait.save(sideways, exif=exif)
    return [Figure(landscape, "1985年的横城渡口"), Figure(sideways, "")]


def marked_text(paragraph) -> str:
    """A paragraph's text with each footnote reference written [^id]."""
    parts = []
    for node in paragraph._p.iter(f"{W_NS}t", f"{W_NS}footnoteReference"):
        parts.append(node.text if node.tag == f"{W_NS}t" else f"[^{node.get(f'{W_NS}id')}]")
    return "".join(parts)


def footnotes_of(document) -> dict[str, tuple[str, str]]:
    [part] = [r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES]
    root = etree.fromstring(part.blob)
    return {
        note.get(f"{W_NS}id"): (
            note.get(f"{W_NS}type", "normal"),
            "".join(t.text for t in note.iter(f"{W_NS}t")),
        )
        for note in root
    }


def test_volume_docx_tables_footnotes_and_photos(tmp_path: Path):
    path = tmp_path / "第十七辑.docx"
    write_volume_docx(make_plan(), {1: NOTED}, path, {1: photos(tmp_path)})
    document = docx.Document(str(path))
    article = [p for p in document.paragraphs if p.style.name in ("正文", "图", "图注", "注释")]
    assert [(p.style.name, marked_text(p)) for p in article] == [
        ("正文", "民国二十五年，马鸿宾移驻灵武。[^1]城墙多处坍塌。"),
        ("正文", "一九四九年九月，宁夏和平解放。[^3]①"),  # a note has one reference
        ("图", ""),
        ("图注", "1985年的横城渡口"),
        ("图", ""),  # no 图注, no caption line
        ("注释", "注释："),
        ("注释", "④未引用的注。"),
    ]
    assert footnotes_of(document) == {
        "-1": ("separator", ""),
        "0": ("continuationSeparator", ""),
        "1": ("normal", "见《灵武县志》卷三。"),
        "2": ("normal", "据马福祥家谱，民国抄本。"),
        "3": ("normal", "人口数含驻军家属。"),
    }
    # Numbered ①② and anew on each page, in the document and in every section.
    for properties in [
        document.settings.element.find(f"{W_NS}footnotePr"),
        *(s._sectPr.find(f"{W_NS}footnotePr") for s in document.sections),
    ]:
        values = {child.tag: child.get(f"{W_NS}val") for child in properties}
        assert values[f"{W_NS}numFmt"] == "decimalEnclosedCircle"
        assert values[f"{W_NS}numRestart"] == "eachPage"

    [table] = document.tables
    assert table.style.name == "Table Grid"
    assert [[marked_text(c.paragraphs[0]) for c in row.cells] for row in table.rows] == [
        ["乡镇", "户数", "人口[^2]"],
        ["城关", "一千二百户", "六千口"],
        ["东乡", "不详", "不详"],  # python-docx repeats a merged cell: it is one w:tc
    ]
    assert len(table.rows[2]._tr.tc_lst) == 2
    # Photos as wide as the type area, or half its height for the upright portrait.
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    half = (section.page_height - section.top_margin - section.bottom_margin) / 2
    landscape, portrait = document.inline_shapes
    assert abs(landscape.width - width) <= 1 and abs(landscape.height - width * 2 / 3) <= 1
    assert abs(portrait.height - half) <= 1 and abs(portrait.width - half * 2 / 3) <= 1


def test_volume_docx_reads_back_as_it_was_written(tmp_path: Path):
    """Import of the exported volume finds the notes, the table and the photos again."""
    path = tmp_path / "第十七辑.docx"
    write_volume_docx(make_plan(), {1: NOTED}, path, {1: photos(tmp_path)})
    document = extract_docx(path.read_bytes(), path.name)
    start = document.text.index("民国二十五年")
    assert document.text[start:].split("\n") == [
        "民国二十五年，马鸿宾移驻灵武。①城墙多处坍塌。",
        "乡镇\t户数\t人口②",
        "城关\t一千二百户\t六千口",
        "东乡\t不详",
        "一九四九年九月，宁夏和平解放。③①",
        "",  # where the photos were
        "注释：",  # the note no reference points to, as it was printed
        "④未引用的注。",
        "水洞沟遗址发现记",
        "——一位老农的回忆",
        "王福林 口述  李秀兰 整理",
        "人物春秋",
        "灵州名医张仲和",
        "张文、李明",
        "",
        "注释：",
        "①见《灵武县志》卷三。",
        "②据马福祥家谱，民国抄本。",
        "③人口数含驻军家属。",
    ]
    assert [p.caption for p in document.pictures] == ["1985年的横城渡口", ""]


def test_volume_docx_without_notes_has_no_footnotes_part(tmp_path: Path):
    path = tmp_path / "第十七辑.docx"
    # ① with no 注释： block is text, as is a 注释： block that is not a list of notes.
    write_volume_docx(make_plan(), {1: "编号①的井。", 2: "正文。\n注释：\n见县志。"}, path)
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs if p.style.name == "正文"] == [
        "编号①的井。",
        "正文。",
        "注释：",
        "见县志。",
    ]
    assert not [r for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES]
    assert document.settings.element.find(f"{W_NS}footnotePr") is None


# ---------------------------------------------------------------- errors


def test_unsupported_suffix_names_path_and_formats(tmp_path: Path):
    with pytest.raises(InvalidValueError) as err:
        write_toc(make_plan(), tmp_path / "目录.pdf")
    assert str(err.value) == (
        f"{tmp_path / '目录.pdf'}：不支持的目录格式“.pdf”；可用 .docx、.md、.html、.csv"
    )
    with pytest.raises(InvalidValueError) as err:
        write_volume_docx(make_plan(), BODIES, tmp_path / "第十七辑.doc")
    assert str(err.value) == f"{tmp_path / '第十七辑.doc'}：不支持的成书文件格式“.doc”；可用 .docx"
    assert list(tmp_path.iterdir()) == []


# The writers write where they are told; ``library.exports`` writes beside the target and
# renames into place, so the tests of failures go through it, on a library with one volume.


@pytest.fixture
def exports_lib(library: Library) -> Library:
    catalog = library.manuscripts
    mid = catalog.add(NewManuscript(title="马鸿宾与灵武", body=BODIES[1], authors=["马建国"])).value
    for step in ("初审", "复审", "终审", "采用"):
        catalog.transition(mid, step)
    library.volumes.create(17, "《灵武文史》第十七辑", year=2022)
    library.volumes.add_section(17, "史海钩沉")
    library.volumes.place(17, [mid], "史海钩沉")
    return library


def test_the_service_writes_what_the_writers_write(exports_lib: Library, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    exports = exports_lib.exports
    assert exports.toc(17, out / "目录.md") == out / "目录.md"
    assert (out / "目录.md").read_text(encoding="utf-8").splitlines()[-1] == (
        "| 马鸿宾与灵武 | 马建国 | 1 |"
    )
    assert exports.volume(17, out / "第十七辑.docx") == 1  # articles
    document = docx.Document(str(out / "第十七辑.docx"))
    assert [(p.style.name, p.text) for p in document.paragraphs if p.text][-8:] == [
        ("栏目标题", "史海钩沉"),
        ("文章标题", "马鸿宾与灵武"),
        ("署名", "马建国"),
        ("正文", "民国初年，马鸿宾驻防灵武。"),
        ("小标题", "一、初到灵武"),
        ("正文", "他修渠筑堤。"),
        ("小标题", "二、晚年"),
        ("正文", "晚年回到银川。"),
    ]
    assert exports.all_volumes_toc(out / "总目录.csv") == 1  # volumes
    # 字数 38: 36 East Asian characters, and "#" and "##" count as words as Word counts
    # them; 版面字数: 9 lines (title 3, by-line 1, 5 paragraphs) of 28.
    assert read_csv(out / "总目录.csv")[1:] == [
        ["17", "史海钩沉", "马鸿宾与灵武", "", "马建国", "1", "38", "252"]
    ]
    with pytest.raises(InvalidValueError) as err:
        exports.toc(17, out / "目录.md", fmt="csv")
    assert str(err.value) == f"{out / '目录.md'}：文件扩展名与 --format csv 不符"
    assert sorted(p.name for p in out.iterdir()) == ["总目录.csv", "目录.md", "第十七辑.docx"]


def test_the_volume_prints_every_attached_photo(exports_lib: Library, tmp_path: Path):
    [landscape, sideways] = photos(tmp_path)
    [mid] = [item.id for item in exports_lib.volumes.plan(17).sections[0].items]
    exports_lib.images.attach(mid, landscape.path, caption="1985年的横城渡口")
    exports_lib.images.attach(mid, sideways.path, caption="龙王庙旧址")
    path = tmp_path / "第十七辑.docx"
    exports_lib.exports.volume(17, path)
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 2
    assert [p.text for p in document.paragraphs if p.style.name == "图注"] == [
        "1985年的横城渡口",
        "龙王庙旧址",
    ]
    # An original gone from the library is named rather than silently left out.
    Path(exports_lib.images.list(mid)[1].path).unlink()
    with pytest.raises(WenshiError) as err:
        exports_lib.exports.volume(17, path)
    assert str(err.value) == f"稿件 {mid} 的图片 2（庙.jpg）的原始文件已不在文库中"


def test_all_volumes_toc_of_an_empty_library_is_refused(library: Library, tmp_path: Path):
    with pytest.raises(InvalidValueError) as err:
        library.exports.all_volumes_toc(tmp_path / "总目录.docx")
    assert str(err.value) == "文库中还没有任何一辑，无法生成总目录"
    assert not (tmp_path / "总目录.docx").exists()


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html", ".csv"])
def test_unwritable_targets_fail_with_one_line(exports_lib: Library, tmp_path: Path, suffix: str):
    out = tmp_path / "out"
    out.mkdir()
    folder = out / f"folder{suffix}"
    folder.mkdir()
    (out / "file").write_text("x")
    for target, reason in [
        (out / "no" / "such" / f"目录{suffix}", "文件夹不存在（可能已被移走或删除）"),
        (folder, "这是一个文件夹"),
    ]:
        with pytest.raises(WenshiError) as err:
            exports_lib.exports.toc(17, target)
        assert str(err.value) == f"{target}：无法写入（{reason}）"
    assert sorted(p.name for p in out.iterdir()) == ["file", folder.name]
    assert list(folder.iterdir()) == []


def test_target_below_a_file_fails_with_one_line(exports_lib: Library, tmp_path: Path):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(WenshiError) as err:
        exports_lib.exports.toc(17, a_file / "目录.md")
    assert str(err.value) == f"{a_file / '目录.md'}：无法写入（上级路径不是文件夹）"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder(exports_lib: Library, tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WenshiError) as err:
            exports_lib.exports.volume(17, folder / "第十七辑.docx")
        assert str(err.value) == f"{folder / '第十七辑.docx'}：无法写入（没有写入权限）"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_permission_denied_is_named(exports_lib: Library, tmp_path: Path, monkeypatch):
    """The same message as a real read-only folder, also where the tests run as root."""
    out = tmp_path / "out"
    out.mkdir()

    def denied(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "open", denied)
    with pytest.raises(WenshiError) as err:
        exports_lib.exports.toc(17, out / "目录.md")
    assert str(err.value) == f"{out / '目录.md'}：无法写入（没有写入权限）"
    assert list(out.iterdir()) == []


def test_failed_save_keeps_the_old_file_and_leaves_no_temp(
    exports_lib: Library, tmp_path: Path, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    path = out / "第十七辑.docx"
    path.write_bytes(b"old")

    def disk_full(self, target: str) -> None:
        Path(target).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", disk_full)
    with pytest.raises(WenshiError) as err:
        exports_lib.exports.volume(17, path)
    assert str(err.value) == f"{path}：无法写入（磁盘已满）"
    assert path.read_bytes() == b"old" and [p.name for p in out.iterdir()] == [path.name]


# ---------------------------------------------------------------- rendered by LibreOffice

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_both_documents(tmp_path: Path):
    toc, volume = tmp_path / "目录.docx", tmp_path / "第十七辑.docx"
    write_toc(make_plan(), toc)
    write_volume_docx(make_plan(), {**BODIES, 3: NOTED}, volume, {3: photos(tmp_path)})
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()  # never touch the user's own profile
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(toc),
            str(volume),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdfs = [out / "目录.pdf", out / "第十七辑.pdf"]
    assert all(pdf.exists() and pdf.stat().st_size > 0 for pdf in pdfs)
    if shutil.which("pdftotext"):
        for pdf in pdfs:
            text = subprocess.run(
                ["pdftotext", "-layout", str(pdf), "-"],
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout
            assert "马鸿宾与灵武" in text and "目录" in text, pdf.name
        # The footnotes at the foot of the page, the table's cells and the 图注 (the PDF
        # has a space between a digit and a Han character, which the layout adds).
        text = subprocess.run(
            ["pdftotext", str(pdfs[1]), "-"], check=True, capture_output=True, text=True
        ).stdout
        for printed in ("见《灵武县志》卷三。", "一千二百户", "年的横城渡口", "未引用的注。"):
            assert printed in text
