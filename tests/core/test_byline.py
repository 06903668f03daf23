"""parse_header: titles, subtitles and by-lines as 文史 manuscripts have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from wenshi.text.byline import Header, parse_header
from wenshi.text.cleanup import clean_text

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "lingwu-cppcc-2022-review.txt"

BODY = "民国二十五年（1936年）秋，马鸿宾率部移驻灵武。\n当时的灵武城墙多处坍塌。"


def test_title_subtitle_and_byline() -> None:
    header = parse_header(f"马鸿宾与灵武\n——民国时期宁夏军政往事\n文/马建国\n\n{BODY}")
    assert header == Header(
        title="马鸿宾与灵武",
        subtitle="民国时期宁夏军政往事",
        authors=["马建国"],
        compilers=[],
        narrators=[],
        body=BODY,
    )


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("文/马建国", ["马建国"]),
        ("文／马建国 李秀兰", ["马建国", "李秀兰"]),
        ("作者：马建国", ["马建国"]),
        ("作者:马建国、李秀兰", ["马建国", "李秀兰"]),
        ("作者：马建国，李秀兰", ["马建国", "李秀兰"]),
        ("撰文 马建国", ["马建国"]),
        ("马建国 文", ["马建国"]),
        ("马建国/文", ["马建国"]),
        ("马建国 著", ["马建国"]),
        ("马建国和李秀兰 文", ["马建国", "李秀兰"]),
        ("作者：王和平", ["王和平"]),  # 和 inside a name does not split it
        ("本报记者 毕 竞 文/图", ["毕竞"]),
        ("本报记者毕竞", ["毕竞"]),
        ("文/王  平", ["王平"]),
        ("作者：张 文", ["张文"]),  # a spaced name ending in 文, not the label 文
        ("王 平 文", ["王平"]),
        ("文/马建国（灵武市政协委员）", ["马建国"]),
        ("◎马建国", ["马建国"]),
        ("■ 文/马建国", ["马建国"]),
        ("文·图/马建国", ["马建国"]),
        ("阿卜杜拉·买买提 文", ["阿卜杜拉·买买提"]),
        ("记者 张三 李四 摄影 王五", ["张三", "李四"]),
        ("文/马建国等", ["马建国"]),
    ],
)
def test_author_bylines(line: str, authors: list[str]) -> None:
    header = parse_header(f"马鸿宾与灵武\n{line}\n\n{BODY}")
    assert header.authors == authors
    assert header.compilers == []
    assert header.narrators == []
    assert header.body == BODY


@pytest.mark.parametrize(
    "lines",
    [
        ["口述：王福林 整理：马建国"],
        ["口述/王福林  整理/马建国"],
        ["王福林口述 马建国整理"],
        ["王福林 口述 马建国 整理"],
        ["口述者：王福林", "整理者：马建国"],
        ["讲述 王福林 记录整理 马建国"],
    ],
)
def test_narrator_and_compiler(lines: list[str]) -> None:
    text = "\n".join(["我在灵武当民兵的日子", *lines, "", BODY])
    header = parse_header(text)
    assert header.title == "我在灵武当民兵的日子"
    assert header.narrators == ["王福林"]
    assert header.compilers == ["马建国"]
    assert header.authors == []
    assert header.body == BODY


def test_no_byline() -> None:
    header = parse_header(f"马鸿宾与灵武\n\n{BODY}")
    assert header == Header("马鸿宾与灵武", "", [], [], [], BODY)


def test_sentence_is_never_a_byline() -> None:
    text = "马鸿宾与灵武\n作者对多位亲历者进行了访谈。\n马建国 文"
    header = parse_header(text)
    assert header.authors == []
    assert header.body == "作者对多位亲历者进行了访谈。\n马建国 文"


@pytest.mark.parametrize(
    "line",
    [
        "整理说明",
        "记者手记",
        "资料整理：灵武市档案馆",
        "一、历史沿革",
        "灵武市政协文史委员会",
    ],
)
def test_lookalikes_are_not_bylines(line: str) -> None:
    header = parse_header(f"标题\n{line}\n{BODY}")
    assert (header.authors, header.compilers, header.narrators) == ([], [], [])
    assert header.body == f"{line}\n{BODY}"


VERSE = "长城残垒卧秋风，\n沟壑苍黄落照红。"


@pytest.mark.parametrize(
    ("text", "authors", "body"),
    [
        (f"七律·秋访水洞沟\n海志强\n\n{VERSE}", ["海志强"], VERSE),
        (f"秋访水洞沟\n\n毕 竞\n{VERSE}", ["毕竞"], VERSE),  # spaced for alignment
        (f"马鸿宾与灵武\n——民国往事\n马文华\n{BODY}", ["马文华"], BODY),  # not 马 + 文
        (f"渡口\n欧阳文\n{VERSE}", ["欧阳文"], VERSE),
    ],
)
def test_a_name_alone_under_the_title_is_the_byline(
    text: str, authors: list[str], body: str
) -> None:
    header = parse_header(text)
    assert (header.authors, header.body) == (authors, body)


@pytest.mark.parametrize(
    "text",
    [
        "春晓\n海志强",  # the one line of a piece is its body, not its author
        f"灵武旧事\n前言\n{BODY}",  # a heading: 前 is no surname
        f"灵武旧事\n马鸿宾率部\n{BODY}",  # five characters: a line of text
        "四言\n关关雎鸠\n在河之洲",  # verse of the same length as the line under the title
        f"灵武旧事\n{BODY}\n海志强\n{BODY}",  # not directly under the title
    ],
)
def test_short_lines_under_the_title_that_are_no_byline(text: str) -> None:
    header = parse_header(text)
    assert header.authors == []
    assert header.body == text.split("\n", 1)[1]


def test_photo_credit_is_not_an_author_and_stays() -> None:
    header = parse_header(f"灵武长枣\n图/李四\n文/马建国\n\n{BODY}")
    assert header.authors == ["马建国"]
    assert header.body == f"图/李四\n\n{BODY}"


def test_byline_only_near_the_title() -> None:
    text = f"标题\n第一段。\n第二段。\n第三段。\n文/马建国\n{BODY}"
    header = parse_header(text)
    assert header.authors == []
    assert header.body == text.split("\n", 1)[1]


def test_parenthesized_subtitle() -> None:
    header = parse_header(f"灵武旧事\n（回忆录）\n马建国 文\n{BODY}")
    assert header.subtitle == "回忆录"
    assert header.authors == ["马建国"]
    assert header.body == BODY


def test_section_number_is_not_a_subtitle() -> None:
    header = parse_header(f"灵武旧事\n（一）\n{BODY}")
    assert header.subtitle == ""
    assert header.body == f"（一）\n{BODY}"


@pytest.mark.parametrize("dashes", ["——", "—", "--", "──", "―― "])
def test_subtitle_dashes(dashes: str) -> None:
    header = parse_header(f"灵武旧事\n{dashes}民国时期的灵武\n{BODY}")
    assert header.subtitle == "民国时期的灵武"
    assert header.body == BODY


def test_markdown_title() -> None:
    header = parse_header(f"\n\n## 马鸿宾与灵武\n文/马建国\n{BODY}")
    assert header.title == "马鸿宾与灵武"
    assert header.authors == ["马建国"]


def test_given_title_matching_first_line() -> None:
    header = parse_header(f"马鸿宾与 灵武\n——民国往事\n文/马建国\n{BODY}", title="马鸿宾与灵武")
    assert header.title == "马鸿宾与灵武"
    assert header.subtitle == "民国往事"
    assert header.authors == ["马建国"]
    assert header.body == BODY


def test_given_title_not_in_text() -> None:
    header = parse_header(f"文/马建国\n\n{BODY}", title="马鸿宾与灵武")
    assert header == Header("马鸿宾与灵武", "", ["马建国"], [], [], BODY)


def test_given_title_keeps_first_line() -> None:
    header = parse_header(BODY, title="  马鸿宾与灵武 ")
    assert header.title == "马鸿宾与灵武"
    assert header.body == BODY


def test_empty_text() -> None:
    assert parse_header("") == Header("", "", [], [], [], "")
    assert parse_header("\n\n", title="题") == Header("题", "", [], [], [], "")


def test_body_keeps_indentation_and_later_blank_lines() -> None:
    text = "标题\n文/马建国\n\n\n　　第一段。\n\n　　第二段。"
    assert parse_header(text).body == "　　第一段。\n\n　　第二段。"


@pytest.fixture(scope="module")
def sample_text() -> str:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is not there")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("cleaned", [False, True])
def test_sample_header(sample_text: str, cleaned: bool) -> None:
    text = clean_text(sample_text) if cleaned else sample_text
    header = parse_header(text)
    assert header.title == "汇聚奋进力量 写好履职答卷"
    assert header.subtitle == "2022年灵武市政协工作综述"
    assert header.authors == ["毕竞"]
    assert (header.compilers, header.narrators) == ([], [])
    assert header.body.startswith("服务中心献良策")
