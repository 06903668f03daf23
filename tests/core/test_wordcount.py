"""字数 and 版面字数: the figures editors check against Word and against the printed page.

Expected values are worked out by hand from the rules (Word's Chinese word count; layout
by cells), never copied from the implementation's output.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from wenshi.errors import InvalidValueError
from wenshi.layout import Layout
from wenshi.text.wordcount import (
    Counts,
    count_text,
    layout_lines,
    layout_words,
    round_up_thousands,
)

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "lingwu-cppcc-2022-review.txt"


def counts(
    words: int, cjk: int, non_cjk: int, han: int, no_spaces: int, with_spaces: int, paragraphs: int
) -> Counts:
    """Positional shorthand so each case fits one table row."""
    return Counts(words, cjk, non_cjk, han, no_spaces, with_spaces, paragraphs)


# (id, text, (words, cjk, non_cjk_words, han, chars_no_spaces, chars_with_spaces, paragraphs))
COUNT_TABLE = [
    ("sentence", "灵武市位于宁夏回族自治区。", (13, 13, 0, 12, 13, 13, 1)),
    # Han 24: 灵武文史 第十七辑 收录文章 篇 约 万字 含图片 编者按 存史;
    # punctuation 11: 《》，、（）；：「」。; words: 44, 19.
    (
        "punctuation",
        "《灵武文史》第十七辑，收录文章44篇、约19万字（含图片）；编者按：「存史」。",
        (37, 35, 2, 24, 39, 39, 1),
    ),
    # 2022 年 6 月 24 日: 3 cjk + 3 words.
    ("date", "2022年6月24日", (6, 3, 3, 3, 10, 10, 1)),
    # 民国二十五年 (6) （ 1936 年 ）， 马鸿宾部驻防灵武 (8) 。
    ("era-and-year", "民国二十五年（1936年），马鸿宾部驻防灵武。", (20, 19, 1, 15, 23, 23, 1)),
    # Han 11 + 。; words Licent Teilhard de Chardin 1923 (27 letters and digits); 6 spaces.
    (
        "latin-words",
        "水洞沟遗址由 Licent 和 Teilhard de Chardin 于1923年发现。",
        (17, 12, 5, 11, 39, 45, 1),
    ),
    # COVID-19, PySide6, Word's are one word each (8 + 7 + 6 characters).
    (
        "covid-pyside-apostrophe",
        "COVID-19疫情期间改用PySide6，Word's字数统计照旧。",
        (17, 14, 3, 12, 35, 35, 1),
    ),
    ("full-width", "ＡＢＣ１２３", (6, 6, 0, 0, 6, 6, 1)),
    ("half-width-katakana", "ｶﾀｶﾅ", (4, 4, 0, 0, 4, 4, 1)),
    # 面积 and ㎡ (CJK compatibility) are cjk, 120 is a word.
    ("square-metre", "面积120㎡", (4, 3, 1, 2, 6, 6, 1)),
    # Dashes separate words and are characters, but count as nothing.
    ("em-dashes", "灵武——宁夏", (4, 4, 0, 4, 6, 6, 1)),
    ("dash-splits-words", "A——B", (2, 0, 2, 0, 4, 4, 1)),
    ("en-dash", "1936–1949", (2, 0, 2, 0, 9, 9, 1)),
    ("bar-two-em-dash", "灵武―宁夏⸺黄河", (6, 6, 0, 6, 8, 8, 1)),
    # —— 2022 年灵武市政协工作综述 (10 Han)
    ("subtitle", "——2022年灵武市政协工作综述", (11, 10, 1, 10, 16, 16, 1)),
    # 他说： (3 cjk) “ (word) 好。 (2 cjk) ” (word)
    ("curly-quotes", "他说：“好。”", (7, 5, 2, 3, 7, 7, 1)),
    ("single-quotes", "‘黄河’", (4, 2, 2, 2, 4, 4, 1)),
    ("ellipsis", "渠水……流过", (5, 4, 1, 4, 6, 6, 1)),
    ("middle-dot", "阿卜杜·热合曼", (7, 6, 1, 6, 7, 7, 1)),
    # 〇 (U+3007) is Han; ○ (U+25CB), the usual mistyping, is an ordinary symbol.
    ("ling-zero", "一九五〇年", (5, 5, 0, 5, 5, 5, 1)),
    ("white-circle", "一九五○年", (5, 4, 1, 4, 5, 5, 1)),
    ("ideographic-space", "灵武\u3000宁夏", (4, 4, 0, 4, 4, 5, 1)),
    ("ideographic-indent", "\u3000\u3000黄河东岸", (4, 4, 0, 4, 4, 6, 1)),
    ("ideographic-space-splits", "ab\u3000cd", (2, 0, 2, 0, 4, 5, 1)),
    ("tabs", "序号\t地名\t1936", (5, 4, 1, 4, 8, 10, 1)),
    ("crlf", "灵武\r\n宁夏\r\n\r\n黄河\r\n", (6, 6, 0, 6, 6, 6, 3)),
    ("lone-cr", "灵武\r宁夏", (4, 4, 0, 4, 4, 4, 2)),
    # A form feed is a page break: the page after it starts a paragraph, not a character.
    ("page-break", "灵武市\n\f宁夏", (5, 5, 0, 5, 5, 5, 2)),
    ("page-break-mid-line", "灵武 市\f宁夏", (5, 5, 0, 5, 5, 6, 1)),
    ("extension-b", "𠀀𪚥", (2, 2, 0, 2, 2, 2, 1)),
    ("extension-b-name", "𪚥文清", (3, 3, 0, 3, 3, 3, 1)),
    # Extensions A, C, I (U+2EBF0), G, H (U+31350).
    ("extensions", "\u3400\U0002a700\U0002ebf0\U00030000\U00031350", (5, 5, 0, 5, 5, 5, 1)),
    # Escapes: an editor's NFC normalisation would turn them into U+8C48 etc.
    ("compatibility-ideographs", "\uf900\ufa0c\U0002f800", (3, 3, 0, 3, 3, 3, 1)),
    ("kana", "ひらがなカタカナ", (8, 8, 0, 0, 8, 8, 1)),
    ("hangul", "한국어", (3, 3, 0, 0, 3, 3, 1)),
    ("bopomofo", "ㄅㄆㄇ", (3, 3, 0, 0, 3, 3, 1)),
    # ⺈ radical, ⼀ Kangxi radical, ㇀ stroke, ㈠ enclosed.
    ("radical-stroke-enclosed", "\u2e88\u2f00\u31c0\u3220", (4, 4, 0, 0, 4, 4, 1)),
    ("vertical-small-forms", "︰﹐︵", (3, 3, 0, 0, 3, 3, 1)),
    ("zero-width", "灵\u200b武\u200c市\u200d", (3, 3, 0, 3, 3, 3, 1)),
    ("invisible-inside-words", "CO\u200bVID Chin\u00adese wo\u2060rd", (3, 0, 3, 0, 16, 18, 1)),
    ("bom", "\ufeff民国二十五年", (6, 6, 0, 6, 6, 6, 1)),
    ("variation-selectors", "葛\U000e0100灵\ufe00武", (3, 3, 0, 3, 3, 3, 1)),
    ("empty", "", (0, 0, 0, 0, 0, 0, 0)),
    ("whitespace-only", " \t\u3000\n\r\n", (0, 0, 0, 0, 0, 3, 0)),
    ("invisible-line-is-empty", "灵武\n\u200b\ufeff\n宁夏", (4, 4, 0, 4, 4, 4, 2)),
    # Lines: 第一段 / blank / 第二段 / three spaces / 　　第三段 / end.
    ("paragraphs", "第一段\n\n第二段\n   \n\u3000\u3000第三段\n", (9, 9, 0, 9, 9, 14, 3)),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(t, f, id=name) for name, t, f in COUNT_TABLE]
)
def test_count_text(text: str, expected: tuple[int, ...]) -> None:
    assert count_text(text) == counts(*expected)


def test_counts_as_dict_keeps_field_order() -> None:
    result = count_text("民国二十五年，马鸿宾驻灵武。")
    assert list(result.as_dict().items()) == [
        ("words", 14),
        ("cjk", 14),
        ("non_cjk_words", 0),
        ("han", 12),
        ("chars_no_spaces", 14),
        ("chars_with_spaces", 14),
        ("paragraphs", 1),
    ]


# The East Asian blocks as the rules list them, written out again here so that a slip in
# the module's tables shows up.
HAN_RANGES = [
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2EE5F),
    (0x30000, 0x323AF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F), (0x3007, 0x3007),
]  # fmt: skip
OTHER_CJK_RANGES = [
    (0x2E80, 0x2FDF), (0x2FF0, 0x2FFF), (0x3001, 0x303F), (0x3040, 0x30FF), (0x31F0, 0x31FF),
    (0x3100, 0x312F), (0x31A0, 0x31BF), (0x31C0, 0x31EF), (0x3200, 0x32FF), (0x3300, 0x33FF),
    (0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F),
    (0xFE50, 0xFE6F), (0xFF01, 0xFFEF),
]  # fmt: skip
DASHES = [0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B]
REMOVED = [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF]
# Just outside the blocks: ordinary characters (one word each) or whitespace.
OUTSIDE_WORDS = [
    0x10FF, 0x1200, 0x2012, 0x2016, 0x2E39, 0x2E7F, 0x2FE0, 0x4DC0,
    0xABFF, 0xD7B0, 0xF8FF, 0xFB00, 0xFE20, 0xFE2F, 0xFE70, 0xFF00, 0xFFF0, 0x1FFFF,
    0x2A6E0, 0x2EE60, 0x2FA20, 0x323B0,
]  # fmt: skip

KIND_COUNTS = {
    "han": counts(1, 1, 0, 1, 1, 1, 1),
    "cjk": counts(1, 1, 0, 0, 1, 1, 1),
    "word": counts(1, 0, 1, 0, 1, 1, 1),
    "dash": counts(0, 0, 0, 0, 1, 1, 1),
    "removed": counts(0, 0, 0, 0, 0, 0, 0),
}


def _boundary_cases() -> list[tuple[int, str]]:
    cases = [(cp, "han") for lo, hi in HAN_RANGES for cp in (lo, hi)]
    cases += [(cp, "cjk") for lo, hi in OTHER_CJK_RANGES for cp in (lo, hi) if cp != 0x3007]
    cases += [(cp, "dash") for cp in DASHES]
    cases += [(cp, "removed") for cp in REMOVED]
    cases += [(cp, "word") for cp in OUTSIDE_WORDS]
    return cases


@pytest.mark.parametrize(
    ("cp", "kind"), _boundary_cases(), ids=lambda v: f"U+{v:04X}" if isinstance(v, int) else v
)
def test_block_boundaries(cp: int, kind: str) -> None:
    assert count_text(chr(cp)) == KIND_COUNTS[kind]


def test_every_code_point_is_classified_as_the_rules_say() -> None:
    han = set().union(*(range(lo, hi + 1) for lo, hi in HAN_RANGES))
    cjk = han.union(*(range(lo, hi + 1) for lo, hi in OTHER_CJK_RANGES))
    removed = set(REMOVED) | set(range(0x200B, 0x200E)) | set(range(0xFE00, 0xFE10))
    removed |= set(range(0xE0100, 0xE01F0))
    visible = [
        chr(cp)
        for cp in range(0x110000)
        if not 0xD800 <= cp <= 0xDFFF and cp not in removed and not chr(cp).isspace()
    ]
    result = count_text("".join(visible))
    assert result.cjk == len(cjk)
    assert result.han == len(han)
    assert result.chars_no_spaces == result.chars_with_spaces == len(visible)


@pytest.mark.parametrize("cp", [cp for cp in range(0x110000) if chr(cp).isspace()])
def test_every_whitespace_separates_words_and_is_not_a_visible_character(cp: int) -> None:
    result = count_text(f"灵武a{chr(cp)}b")
    assert result.non_cjk_words == 2
    assert result.chars_no_spaces == 4


# ---- layout --------------------------------------------------------------------------------

CPL10 = Layout(chars_per_line=10, lines_per_page=30)
ARTICLE = "# 一、童年\n\n" + "灵" * 25 + "\n\n" + "宁" * 8 + "\n"

# fmt: off
LAYOUT_CASES = [
    # 25 characters + indent 2 = 27 cells -> 3 lines -> 30 字.
    pytest.param("灵" * 25, CPL10, 0, 3, id="partial-last-line-is-whole"),
    # 18 + 2 = 20 cells: exactly 2 lines.
    pytest.param("宁" * 18, CPL10, 0, 2, id="exact-fit"),
    pytest.param("宁" * 19, CPL10, 0, 3, id="one-over"),
    # 1936 (2 cells) 年 至 1949 (2) 年 = 7 + 2 = 9 cells -> 1 line (2 if digits were full).
    pytest.param("1936年至1949年", CPL10, 0, 1, id="half-width-digits"),
    # “ .5 灵武 2 ” .5 —— 1 “ .5 宁夏 2 ” .5 = 7 + 2 = 9 -> 1 line (2 if all full width).
    pytest.param("“灵武”——“宁夏”", CPL10, 0, 1, id="half-width-quotes-dashes"),
    # 16 letters = 8 cells + 2 = 10 -> 1 line; 17 letters = 10.5 -> 2 lines.
    pytest.param("a" * 16, CPL10, 0, 1, id="sixteen-letters"),
    pytest.param("a" * 17, CPL10, 0, 2, id="seventeen-letters"),
    # The typed 　　 indent and trailing spaces are stripped: 8 + 2 = 10 -> 1 line.
    pytest.param("\u3000\u3000" + "黄" * 8 + "  ", CPL10, 0, 1, id="typed-indent-not-doubled"),
    # 灵武 2 + OCR space .5 + 市政协 3 = 5.5 + 2 = 7.5 -> 1 line.
    pytest.param("灵武 市政协", CPL10, 0, 1, id="inner-space"),
    # Headings: no indent, at least one line.
    pytest.param("# 一、童年", CPL10, 0, 1, id="heading"),
    pytest.param("#", CPL10, 0, 1, id="bare-heading-mark"),
    pytest.param("## " + "河" * 15, CPL10, 0, 2, id="long-heading"),
    # A 10-character heading fits one line; as body text it would need 2 (indent).
    pytest.param("# " + "河" * 10, CPL10, 0, 1, id="heading-has-no-indent"),
    # 1 (heading) + 3 (25 + 2) + 1 (8 + 2); blank lines take nothing.
    pytest.param(ARTICLE, CPL10, 0, 5, id="article"),
    pytest.param(ARTICLE, CPL10, 2, 7, id="with-title"),
    pytest.param("# 一、童年\r\n" + "灵" * 25 + "\r\n" + "宁" * 8, CPL10, 0, 5, id="crlf"),
    # indent 0: 20 characters -> exactly 2 lines.
    pytest.param("马" * 20, Layout(10, 30, indent=0), 0, 2, id="no-indent"),
    # 28x30: 100 + 2 = 102 cells -> 4 lines (84 < 102 <= 112).
    pytest.param("渠" * 100, Layout.parse("28x30"), 0, 4, id="28-per-line"),
    pytest.param("", CPL10, 0, 0, id="empty"),
    pytest.param(" \n\u3000\n\t", CPL10, 0, 0, id="whitespace-only"),
    pytest.param("", CPL10, 3, 0, id="empty-with-title-lines"),
]
# fmt: on


@pytest.mark.parametrize(("text", "layout", "title_lines", "lines"), LAYOUT_CASES)
def test_layout_prose(text: str, layout: Layout, title_lines: int, lines: int) -> None:
    assert layout_lines(text, layout, title_lines=title_lines) == lines
    assert layout_words(text, layout, title_lines=title_lines) == lines * layout.chars_per_line


def test_layout_words_example() -> None:
    # cpl 10: a 25-character paragraph with indent 2 -> 27 cells -> 3 lines -> 30 字.
    assert layout_words("民国二十五年马鸿宾部驻防灵武县城东门外黄河渡口横城", CPL10) == 30


def _poem(n: int) -> str:
    lines = ["黄河东去水洞沟", "横城古渡夕阳秋", "灵州城外枣花落", "马鸿宾碑立上头"]
    return "\n".join(lines[i % 4] for i in range(n))


# fmt: off
VERSE_CASES = [
    # (text, title_lines, layout_lines, layout_words)
    pytest.param(_poem(4), 0, 4, 1000, id="4-lines-count-as-10"),
    pytest.param(_poem(4), 1, 5, 1000, id="title-not-paid"),
    pytest.param(_poem(10), 0, 10, 1000, id="10-lines"),
    pytest.param(_poem(11), 0, 11, 1100, id="11-lines"),
    pytest.param(_poem(14), 0, 14, 1400, id="14-lines"),
    # Three stanzas of four with blank lines between: 12 lines.
    pytest.param("\n\n".join([_poem(4)] * 3), 0, 12, 1200, id="stanzas"),
    # A heading is printed (a line) but is not verse (not paid).
    pytest.param("# 其一\n" + _poem(12), 0, 13, 1200, id="heading"),
    # A line longer than the measure is still one line of verse.
    pytest.param("河" * 40 + "\n" + _poem(13), 0, 14, 1400, id="long-line"),
    pytest.param("", 0, 0, 0, id="empty"),
    pytest.param("\n\n", 2, 0, 0, id="blank"),
]
# fmt: on


@pytest.mark.parametrize(("text", "title_lines", "lines", "words"), VERSE_CASES)
def test_layout_verse(text: str, title_lines: int, lines: int, words: int) -> None:
    assert layout_lines(text, CPL10, verse=True, title_lines=title_lines) == lines
    assert layout_words(text, CPL10, verse=True, title_lines=title_lines) == words


@pytest.mark.parametrize("verse", [False, True])
def test_negative_title_lines_rejected(verse: bool) -> None:
    with pytest.raises(InvalidValueError):
        layout_lines("灵武", CPL10, verse=verse, title_lines=-1)
    with pytest.raises(InvalidValueError):
        layout_words("灵武", CPL10, verse=verse, title_lines=-1)


@pytest.mark.parametrize(
    ("n", "rounded"),
    [(0, 0), (1, 1000), (999, 1000), (1000, 1000), (1001, 2000), (190_000, 190_000),
     (190_001, 191_000)],
)  # fmt: skip
def test_round_up_thousands(n: int, rounded: int) -> None:
    assert round_up_thousands(n) == rounded


def test_round_up_thousands_rejects_negative() -> None:
    with pytest.raises(InvalidValueError):
        round_up_thousands(-1)


@pytest.mark.parametrize(
    ("spec", "cpl", "lpp"),
    [("28x30", 28, 30), ("28×30", 28, 30), ("28X30", 28, 30), (" 26 x 32 ", 26, 32),
     ("２８×３０", 28, 30), ("40x1", 40, 1)],
)  # fmt: skip
def test_layout_parse(spec: str, cpl: int, lpp: int) -> None:
    assert Layout.parse(spec) == Layout(chars_per_line=cpl, lines_per_page=lpp, indent=2)


@pytest.mark.parametrize(
    "spec", ["0x30", "28x0", "abc", "28x", "x30", "", "28", "-28x30", "28.5x30", "28x30x2"]
)
def test_layout_parse_rejects(spec: str) -> None:
    with pytest.raises(InvalidValueError) as err:
        Layout.parse(spec)
    message = str(err.value)
    assert f"“{spec}”" in message
    assert "每行字数x每页行数" in message
    assert "28x30" in message


@pytest.mark.parametrize(
    "kwargs",
    [{"chars_per_line": 0, "lines_per_page": 30}, {"chars_per_line": 28, "lines_per_page": 0},
     {"chars_per_line": 28, "lines_per_page": 30, "indent": -1},
     {"chars_per_line": 28.0, "lines_per_page": 30},
     {"chars_per_line": True, "lines_per_page": 30}],
)  # fmt: skip
def test_layout_rejects_impossible_values(kwargs: dict) -> None:
    with pytest.raises(InvalidValueError):
        Layout(**kwargs)


# ---- a real OCR'd input ------------------------------------------------------------------


def test_sample_review_invariants() -> None:
    if not SAMPLE.exists():
        pytest.skip(f"sample not available: {SAMPLE}")
    text = SAMPLE.read_text(encoding="utf-8")
    result = count_text(text)

    assert result.words == result.cjk + result.non_cjk_words
    assert result.han <= result.cjk
    assert result.chars_no_spaces == len("".join(text.split()))
    assert result.chars_with_spaces == len(text.replace("\n", "").replace("\r", ""))
    assert result.paragraphs == sum(1 for line in text.splitlines() if line.strip())
    # Independently via the Unicode database: Han by name, East Asian by width (the sample
    # has no emoji or ideographic spaces, whose width is also wide); — is width "A".
    assert result.han == sum(
        unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEO"))
        for ch in text
    )
    assert result.cjk == sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    separated = "".join(
        " " if unicodedata.east_asian_width(ch) in "WF" or ch in "—–" else ch for ch in text
    )
    assert result.non_cjk_words == len(separated.split())

    # Its first line: 汇聚奋进力量 写好履职答卷 — 12 Han and one OCR space.
    assert count_text(text.splitlines()[0]) == counts(12, 12, 0, 12, 12, 13, 1)
    # Printed at 28x30 it needs at least one line per paragraph.
    layout = Layout.parse("28x30")
    assert layout_lines(text, layout) >= result.paragraphs
    assert layout_words(text, layout) == layout_lines(text, layout) * 28
