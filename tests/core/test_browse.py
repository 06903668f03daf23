"""The library browser's counts, and the catalog filters they lead to: each facet lists
exactly the manuscripts its count promises; the quick filter folds as search does."""

from __future__ import annotations

import pytest

from wenshi import browse
from wenshi.browse import Facet
from wenshi.library import Library
from wenshi.queries import Filter
from wenshi.records import NewManuscript
from wenshi.sample import load_sample


def add(library: Library, title: str, **kw) -> int:
    return library.manuscripts.add(NewManuscript(title=title, body="正文", **kw)).value


def shown(node: browse.Node) -> tuple:
    return (node.facet, node.label, node.count, tuple(shown(c) for c in node.children))


def test_counts_by_every_facet_without_the_trash(library: Library):
    a = add(
        library,
        "秦渠谣",
        authors=["冯志远"],
        tags=["诗词", "秦渠"],
        received_date="2021-12-03",
        status="accepted",
    )
    b = add(
        library,
        "横城古渡",
        authors=["马振华", "冯志远"],
        tags=["渡口"],
        received_date="2020-03-12",
        status="accepted",
    )
    add(library, "灵武长枣漫话", authors=["冯志远"], tags=["诗词"], received_date="2021-01-06")
    add(library, "无名稿", narrators=["王福成"])
    gone = add(library, "已删稿", authors=["马振华"], tags=["渡口"], received_date="2019-05-01")
    library.manuscripts.delete(gone)
    volumes = library.volumes
    volumes.create(17, "《灵武文史》第十七辑")
    volumes.add_section(17, "史海钩沉")
    volumes.add_section(17, "诗词楹联")
    volumes.add_section(17, "空栏目")
    volumes.place(17, [a], "诗词楹联")
    volumes.place(17, [b], "史海钩沉")

    found = browse.counts(library)

    assert [shown(n) for n in found.volumes] == [
        (
            Facet("volume", 17),
            "《灵武文史》第十七辑",
            2,
            (
                (Facet("section", "史海钩沉", 17), "史海钩沉", 1, ()),
                (Facet("section", "诗词楹联", 17), "诗词楹联", 1, ()),
            ),
        ),
        (Facet("volume", None), "", 2, ()),
    ]
    assert [shown(n) for n in found.statuses] == [
        (Facet("status", "received"), "收稿", 2, ()),
        (Facet("status", "accepted"), "采用", 2, ()),
    ]
    assert [(n.label, n.count) for n in found.tags] == [("渡口", 1), ("秦渠", 1), ("诗词", 2)]
    assert [shown(n) for n in found.years] == [
        (Facet("year", 2021), "2021", 2, ()),
        (Facet("year", 2020), "2020", 1, ()),
        (Facet("year", None), "", 1, ()),
    ]
    assert [(n.facet, n.count) for n in found.authors] == [
        (Facet("author", "冯志远"), 3),
        (Facet("author", "王福成"), 1),
        (Facet("author", "马振华"), 1),
    ]


def every_node(found: browse.Browse) -> list[browse.Node]:
    nodes = []
    for category in (found.volumes, found.statuses, found.tags, found.years, found.authors):
        for node in category:
            nodes += [node, *node.children]
    return nodes


def test_each_facet_lists_what_its_count_says(library: Library):
    load_sample(library)
    found = browse.counts(library)
    queries = library.queries
    for node in every_node(found):
        assert len(queries.ordered_ids(Filter(facet=node.facet))) == node.count, node.facet
    titles = [r.title for r in queries.list(Filter(facet=Facet("section", "诗词楹联", 16)))]
    assert titles == ["七律·秋访水洞沟"]
    # A facet narrows the other filters further, the trash included when it is shown.
    year = Facet("year", 2022)
    [accepted] = queries.list(Filter(facet=year, status="accepted"))
    assert accepted.title == "秦渠谣"
    library.manuscripts.delete(accepted.id)
    assert len(queries.ordered_ids(Filter(facet=year))) == 4
    assert queries.ordered_ids(Filter(facet=year, trash=True)) == [accepted.id]


@pytest.mark.parametrize(
    ("typed", "titles"),
    [
        ("靈武", ["从一本旧账簿看民国时期的灵武县城", "灵武老城南街旧事", "父親的靈武"]),
        ("灵武", ["从一本旧账簿看民国时期的灵武县城", "灵武老城南街旧事", "父親的靈武"]),
        ("ＡＢＣ", ["ABC 的故事"]),
        ("abc", ["ABC 的故事"]),
        ("陈秉坤", ["父親的靈武"]),  # an author written in traditional characters
        ("100%", []),  # no LIKE wildcards: a percent sign is a percent sign
    ],
)
def test_quick_filter_folds_as_search_does(library: Library, typed: str, titles: list[str]):
    add(library, "从一本旧账簿看民国时期的灵武县城")
    add(library, "灵武老城南街旧事")
    add(library, "父親的靈武", authors=["陳秉坤"])
    add(library, "ABC 的故事")
    add(library, "100 年")
    assert [r.title for r in library.queries.list(Filter(text=typed))] == titles
