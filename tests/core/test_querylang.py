"""parse / positive_texts: the search box's query language, as researchers type it."""

from __future__ import annotations

import pytest

from wenshi.errors import InvalidValueError
from wenshi.search.querylang import (
    FIELDS,
    And,
    Field,
    Node,
    Not,
    Or,
    Text,
    parse,
    positive_texts,
)


def t(value: str) -> Text:
    return Text(value, phrase=False)


def p(value: str) -> Text:
    return Text(value, phrase=True)


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        # terms and implicit AND
        ("马鸿宾", t("马鸿宾")),
        ("  马鸿宾  ", t("马鸿宾")),
        ("马鸿宾 灵武", And((t("马鸿宾"), t("灵武")))),
        ("马鸿宾\u3000灵武", And((t("马鸿宾"), t("灵武")))),
        ("马鸿宾\t灵武", And((t("马鸿宾"), t("灵武")))),
        ("马鸿宾 灵武 宁夏", And((t("马鸿宾"), t("灵武"), t("宁夏")))),
        # OR, only upper-case and on its own
        ("灵武 OR 靈武", Or((t("灵武"), t("靈武")))),
        ("灵武 OR 靈武 OR 灵州", Or((t("灵武"), t("靈武"), t("灵州")))),
        ("灵武 or 宁夏", And((t("灵武"), t("or"), t("宁夏")))),
        ('"OR"', p("OR")),
        ("ORACLE", t("ORACLE")),
        # precedence: OR is looser than the implicit AND
        ("马鸿宾 灵武 OR 宁夏", Or((And((t("马鸿宾"), t("灵武"))), t("宁夏")))),
        ("灵武 OR 宁夏 黄河", Or((t("灵武"), And((t("宁夏"), t("黄河")))))),
        # NOT
        ("马鸿宾 -宁夏", And((t("马鸿宾"), Not(t("宁夏"))))),
        ('灵武 -"线上展厅"', And((t("灵武"), Not(p("线上展厅"))))),
        ("-(灵武 OR 宁夏) 黄河", And((Not(Or((t("灵武"), t("宁夏")))), t("黄河")))),
        ("-title:草稿 灵武", And((Not(Field("title", "草稿")), t("灵武")))),
        ("--宁夏", t("宁夏")),
        ("-(-宁夏)", t("宁夏")),
        ("COVID-19", t("COVID-19")),
        ("灵武- 宁夏", And((t("灵武-"), t("宁夏")))),
        # phrases
        ('"线上 VR 展厅"', p("线上 VR 展厅")),
        ("“灵武文史”", p("灵武文史")),
        ("「灵武文史」", p("灵武文史")),
        ("“ 灵武文史 ”", p("灵武文史")),
        ('马鸿宾 "灵武 城墙"', And((t("马鸿宾"), p("灵武 城墙")))),
        ("“马鸿宾”“灵武”", And((p("马鸿宾"), p("灵武")))),
        # groups, ASCII and full-width, nested and flattened
        ("(灵武 OR 宁夏) 黄河", And((Or((t("灵武"), t("宁夏"))), t("黄河")))),
        ("（灵武 OR 宁夏） 黄河", And((Or((t("灵武"), t("宁夏"))), t("黄河")))),
        ("（灵武 OR 宁夏）黄河", And((Or((t("灵武"), t("宁夏"))), t("黄河")))),
        ("((灵武))", t("灵武")),
        ("(马鸿宾 灵武) 宁夏", And((t("马鸿宾"), t("灵武"), t("宁夏")))),
        ("(灵武 OR 宁夏) OR 银川", Or((t("灵武"), t("宁夏"), t("银川")))),
        (
            "((灵武 OR 灵州) 黄河) OR (银川 -西夏)",
            Or(
                (
                    And((Or((t("灵武"), t("灵州"))), t("黄河"))),
                    And((t("银川"), Not(t("西夏")))),
                )
            ),
        ),
        (
            "马鸿宾 (灵武 OR (宁夏 -银川))",
            And((t("马鸿宾"), Or((t("灵武"), And((t("宁夏"), Not(t("银川")))))))),
        ),
        # fields, canonical and Chinese names, ASCII and full-width colons
        ("title:水洞沟 1923", And((Field("title", "水洞沟"), t("1923")))),
        ("题名：水洞沟", Field("title", "水洞沟")),
        ("Title:水洞沟", Field("title", "水洞沟")),
        ("author:马建国", Field("author", "马建国")),
        ("作者：马建国", Field("author", "马建国")),
        ('section:"人物 春秋"', Field("section", "人物 春秋")),
        ("栏目：“人物春秋”", Field("section", "人物春秋")),
        ("status:采用", Field("status", "采用")),
        ("状态：采用", Field("status", "采用")),
        ("tag:民国", Field("tag", "民国")),
        ("标签:民国", Field("tag", "民国")),
        ("title:12:30", Field("title", "12:30")),
        ("title:COVID-19", Field("title", "COVID-19")),
        # volume and year: a number or a range
        ("volume:17", Field("volume", "17", 17, 17)),
        ("volume:10-17", Field("volume", "10-17", 10, 17)),
        ("volume:10–17", Field("volume", "10–17", 10, 17)),
        ("volume:10~17", Field("volume", "10~17", 10, 17)),
        ("volume:10至17", Field("volume", "10至17", 10, 17)),
        ("volume:17-17", Field("volume", "17-17", 17, 17)),
        ('volume:"10 - 17"', Field("volume", "10 - 17", 10, 17)),
        ("辑:17", Field("volume", "17", 17, 17)),
        ("辑：１７", Field("volume", "１７", 17, 17)),
        ("year:2020-2022", Field("year", "2020-2022", 2020, 2022)),
        ("年:1936", Field("year", "1936", 1936, 1936)),
        ("年份：2020至2022", Field("year", "2020至2022", 2020, 2022)),
        (
            "马鸿宾 year:1936 -status:退稿",
            And((t("马鸿宾"), Field("year", "1936", 1936, 1936), Not(Field("status", "退稿")))),
        ),
        # colons that are not fields
        ("12:30", t("12:30")),
        ("马:", t("马:")),
        ("1936年：灵武", t("1936年：灵武")),
        ("作家:马建国", t("作家:马建国")),
        (":灵武", t(":灵武")),
        ("a1:灵武", t("a1:灵武")),
        # a closing quote without its opener, as pasted: a character of the text
        ("灵武文史”", t("灵武文史”")),
        ("挖石头”的事 灵武", And((t("挖石头”的事"), t("灵武")))),
        ("“马鸿宾”” 」", And((p("马鸿宾"), t("”"), t("」")))),
    ],
)
def test_parse(query: str, tree: Node) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "words"),
    [
        # empty or nothing but operators
        ("", ["检索式为空"]),
        ("  \u3000\t", ["检索式为空"]),
        ("OR", ["检索式为空"]),
        ("OR OR", ["检索式为空"]),
        ("-", ["检索式为空"]),
        # dangling OR
        ("灵武 OR", ["“OR”后面缺少检索词", "第 4 个字符"]),
        ("OR 灵武", ["“OR”前面缺少检索词", "第 1 个字符"]),
        ("灵武 OR OR 宁夏", ["“OR”后面缺少检索词", "第 4 个字符"]),
        ("(灵武 OR) 宁夏", ["“OR”后面缺少检索词"]),
        ("(OR 灵武)", ["“OR”前面缺少检索词"]),
        ("灵武 -OR 宁夏", ["“-”后面缺少检索词"]),
        # lone minus
        ("灵武 -", ["“-”后面缺少检索词", "第 4 个字符"]),
        ("灵武 - 宁夏", ["“-”后面缺少检索词", "-宁夏"]),
        ("(灵武 -)", ["“-”后面缺少检索词"]),
        # quotes
        ('"线上 VR 展厅', ["引号没有闭合", "第 1 个字符"]),
        ("灵武 “灵武文史", ["引号没有闭合", "第 4 个字符"]),
        ("「灵武文史", ["引号没有闭合"]),
        ('“灵武文史"', ["引号没有闭合"]),
        ('""', ["引号内没有内容"]),
        ("灵武 “ ”", ["引号内没有内容"]),
        # parentheses
        ("(灵武 OR 宁夏 黄河", ["括号没有闭合", "第 1 个字符"]),
        ("黄河 (灵武", ["括号没有闭合", "第 4 个字符"]),
        ("黄河 （灵武 OR (宁夏)", ["括号没有闭合", "第 4 个字符"]),
        ("黄河 (", ["括号没有闭合"]),
        ("灵武)", ["右括号没有对应的左括号", "第 3 个字符"]),
        (") 灵武", ["右括号没有对应的左括号", "第 1 个字符"]),
        ("(灵武) 宁夏）", ["右括号没有对应的左括号", "第 8 个字符"]),
        ("() 灵武", ["括号内没有检索词", "第 1 个字符"]),
        ("灵武 （）", ["括号内没有检索词", "第 4 个字符"]),
        # fields
        ("foo:bar", ["未知的字段“foo:”", "title、author、volume、section、status、year、tag"]),
        ("灵武 subject：民国", ["未知的字段“subject：”"]),
        ("title:", ["字段“title:”后面缺少"]),
        ("作者： 马建国", ["字段“作者：”后面缺少"]),
        ('title:""', ["引号内没有内容"]),
        ('title:"水洞沟', ["引号没有闭合"]),
        ("volume:abc", ["“volume:abc”", "整数", "范围"]),
        ("辑:十七", ["“辑:十七”", "整数"]),
        ("year:民国二十五", ["“year:民国二十五”", "整数"]),
        ("year:2020-", ["“year:2020-”", "整数"]),
        ("volume:-3", ["“volume:-3”", "整数"]),
        ("volume:" + "1" * 30, ["整数"]),
        ("volume:17-10", ["“volume:17-10”", "范围", "volume:10-17"]),
        ("年份：2022至2020", ["“年份：2022至2020”", "范围", "年份：2020-2022"]),
    ],
)
def test_errors_say_what_and_where(query: str, words: list[str]) -> None:
    with pytest.raises(InvalidValueError) as caught:
        parse(query)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


@pytest.mark.parametrize(
    ("query", "texts"),
    [
        ("马鸿宾", [t("马鸿宾")]),
        ("马鸿宾 -宁夏 灵武", [t("马鸿宾"), t("灵武")]),
        ("马鸿宾 灵武 OR 马鸿宾", [t("马鸿宾"), t("灵武")]),
        ('马鸿宾 "马鸿宾"', [t("马鸿宾")]),
        ('"线上 VR 展厅" OR 展厅', [p("线上 VR 展厅"), t("展厅")]),
        ("-(灵武 OR 宁夏) 黄河", [t("黄河")]),
        ("title:水洞沟 volume:17 灵武", [t("灵武")]),
        ("--宁夏", [t("宁夏")]),
        ("-灵武 title:水洞沟", []),
    ],
)
def test_positive_texts_skip_negated_and_repeated(query: str, texts: list[Text]) -> None:
    assert positive_texts(parse(query)) == texts


def test_fields_map_every_name_to_a_canonical_one() -> None:
    canonical = {
        "title",
        "author",
        "volume",
        "section",
        "status",
        "year",
        "tag",
        "person",
        "place",
        "period",
    }
    assert {name: FIELDS[name] for name in canonical} == {name: name for name in canonical}
    assert set(FIELDS.values()) == canonical
    assert FIELDS["辑"] == "volume"
    assert FIELDS["年"] == FIELDS["年份"] == "year"
    assert (FIELDS["人物"], FIELDS["地名"]) == ("person", "place")


def test_nodes_are_hashable_values() -> None:
    assert {parse("灵武 OR 宁夏"), parse("灵武 OR 宁夏")} == {Or((t("灵武"), t("宁夏")))}
