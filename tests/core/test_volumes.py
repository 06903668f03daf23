"""Volumes: sections, placing manuscripts, the page estimate checked by hand, 稿酬."""

from __future__ import annotations

import pytest

from wenshi.errors import FrozenError, InvalidValueError, NotFoundError
from wenshi.layout import Layout
from wenshi.library import Library
from wenshi.manuscripts import Manuscripts
from wenshi.queries import Filter
from wenshi.records import NewManuscript
from wenshi.volumes.layout import ArticleShape, article_lines, paginate
from wenshi.volumes.service import Volumes

HAN = "灵武地处黄河东岸自古为塞上重镇民国时马鸿宾部驻防于此修筑城墙疏浚渠道"


def han(n: int) -> str:
    return (HAN * 3)[:n]


def accepted(catalog: Manuscripts, title: str, body: str, **kw) -> int:
    mid = catalog.add(NewManuscript(title=title, body=body, **kw)).value
    for step in ("初审", "复审", "终审", "采用"):
        catalog.transition(mid, step)
    return mid


@pytest.fixture
def vols(library: Library) -> Volumes:
    return library.volumes


# -- the page estimate, by hand ------------------------------------------------------------
SMALL = dict(
    chars_per_line=10,
    lines_per_page=10,
    title_lines=2,
    section_lines=1,
    image_lines=3,
    front_pages=2,
)
A = ArticleShape(body=han(25), has_subtitle=False, has_byline=True, images=0, verse=False)
B = ArticleShape(
    body=han(8) + "\n\n" + han(18), has_subtitle=True, has_byline=True, images=1, verse=False
)
C = ArticleShape(body=han(40), has_subtitle=False, has_byline=False, images=0, verse=False)


def test_article_lines_by_hand():
    s = Layout(**SMALL)
    # A: title 2 + by-line 1; body 2 indent + 25 = 27 cells -> 3 lines. 6 lines, 60 版面字.
    assert article_lines(A, s) == (6, 6)
    # B: title 2 + subtitle 1 + by-line 1; bodies 2+8=10 -> 1 line, 2+18=20 -> 2 lines;
    #    one photo 3 lines. 10 lines on the page, 7 of them text.
    assert article_lines(B, s) == (10, 7)
    # C: title 2; body 2+40 = 42 cells -> 5 lines.
    assert article_lines(C, s) == (7, 7)


def test_start_pages_by_hand():
    # Pages 1-2 are front matter. Page 3: 栏目 heading (1 line), A (lines 2-7), B starts on
    # line 8 (its title fits: 7 + 2 < 10) and runs 10 lines to line 7 of page 4. The second
    # heading plus C's title would end page 4 exactly (7 + 1 + 2 = 10), so both go to page 5.
    placements, pages = paginate([[6, 10], [7]], Layout(**SMALL))
    assert [[(p.start_page, p.end_page) for p in s] for s in placements] == [
        [(3, 3), (3, 4)],
        [(5, 5)],
    ]
    assert pages == 5


def test_each_article_on_a_new_page():
    # A on page 3; B begins page 4 and fills it exactly; C with its heading on page 5.
    placements, pages = paginate([[6, 10], [7]], Layout(**SMALL, new_page=True))
    assert [[(p.start_page, p.end_page) for p in s] for s in placements] == [
        [(3, 3), (4, 4)],
        [(5, 5)],
    ]
    assert pages == 5


def test_each_article_on_a_right_hand_page():
    # Odd pages only: A on 3, B on 5 (page 4 left blank), C on 7 (page 6 left blank).
    placements, pages = paginate([[6, 10], [7]], Layout(**SMALL, right_hand=True))
    assert [p.start_page for s in placements for p in s] == [3, 5, 7]
    assert pages == 7


@pytest.mark.parametrize(
    "bad",
    [dict(chars_per_line=0), dict(lines_per_page=0), dict(title_lines=-1)],
)
def test_impossible_layouts_are_refused(bad):
    with pytest.raises(InvalidValueError):
        Layout(**bad)


def test_a_title_block_taller_than_a_page_is_refused_for_a_volume(library):
    with pytest.raises(InvalidValueError) as refused:
        library.volumes.create(17, "第十七辑", settings=Layout(title_lines=40))
    assert str(refused.value) == "标题所占行数不能超过一页"
    assert library.volumes.list() == []


# -- building a volume ---------------------------------------------------------------------
def test_build_reorder_and_totals(library: Library, vols: Volumes):
    catalog = library.manuscripts
    a = accepted(catalog, "马鸿宾与灵武", han(25), authors=["马建国"])
    b = accepted(
        catalog,
        "水洞沟遗址发现记",
        han(8) + "\n" + han(18),
        subtitle="口述实录",
        narrators=["王福林"],
        compilers=["李秀兰"],
    )
    c = accepted(catalog, "灵州古城考略", han(40))
    vols.create(
        17, "《灵武文史》第十七辑", year=2022, target_words=190000, settings=Layout(**SMALL)
    )
    vols.add_section(17, "人物春秋")
    vols.add_section(17, "史海钩沉", at=1)
    assert vols.sections(17) == ["史海钩沉", "人物春秋"]
    vols.place(17, [b], "史海钩沉")
    vols.place(17, [a], "史海钩沉", at=1)
    vols.place(17, [c], "人物春秋")
    plan = vols.plan(17)
    assert [[i.id for i in s.items] for s in plan.sections] == [[a, b], [c]]
    # As in test_start_pages_by_hand but B has no photo (7 lines): B ends on line 4 of page
    # 4, so the second heading and C follow on page 4 and C runs onto page 5.
    assert [[i.start_page for i in s.items] for s in plan.sections] == [[3, 3], [4]]
    assert plan.totals.articles == 3 and plan.totals.pages == 5
    assert plan.totals.words == 91  # 25 + (8 + 18) + 40 汉字
    assert plan.totals.layout_words == 60 + 70 + 70
    assert [(s.totals.words, s.totals.layout_words) for s in plan.sections] == [(51, 130), (40, 70)]
    assert plan.progress == pytest.approx(91 / 190000)
    assert plan.sections[0].items[1].credit_line == "王福林 口述  李秀兰 整理"

    vols.move(17, c, "史海钩沉", at=2)
    assert [[i.id for i in s.items] for s in vols.plan(17).sections] == [[a, c, b], []]
    vols.remove(17, a)
    assert [p.id for p in vols.pool()] == [a]
    assert catalog.get(b).volume == 17 and catalog.get(b).section == "史海钩沉"
    assert [r.id for r in library.queries.list(Filter(volume=17))] == [b, c]
    assert [r.id for r in library.queries.list(Filter(section="史海钩沉"))] == [b, c]
    assert library.queries.section_names() == sorted(["史海钩沉", "人物春秋"])


def test_only_accepted_or_held_and_one_volume_each(library: Library, vols: Volumes):
    catalog = library.manuscripts
    ok = accepted(catalog, "黄河谣", "黄河水，向东流。")
    fresh = catalog.add(NewManuscript(title="新来稿", body="正文。")).value
    rejected = catalog.add(NewManuscript(title="退稿件", body="正文。")).value
    catalog.transition(rejected, "退稿", opinion="不符合本刊要求")
    vols.create(17, "第十七辑")
    vols.create(18, "第十八辑")
    for n in (17, 18):
        vols.add_section(n, "文化教育")
    with pytest.raises(InvalidValueError) as err:
        vols.place(17, [ok, rejected], "文化教育")
    assert str(err.value) == (
        f"稿件 {rejected}《退稿件》的状态是“退稿”，"
        "只有采用、待用（及其后的编辑加工、校对）的稿件可以编入"
    )
    assert vols.plan(17).totals.articles == 0  # all or nothing
    with pytest.raises(InvalidValueError, match=f"稿件 {fresh}《新来稿》的状态是“收稿”"):
        vols.place(17, [fresh], "文化教育")
    vols.place(17, [ok], "文化教育")
    with pytest.raises(InvalidValueError, match=f"稿件 {ok}《黄河谣》已编入第 17 辑"):
        vols.place(18, [ok], "文化教育")


def test_held_pieces_carry_to_the_next_volume(library: Library, vols: Volumes):
    catalog = library.manuscripts
    held = catalog.add(NewManuscript(title="横城旧事", body="横城渡口。")).value
    for step in ("初审", "复审", "终审", "待用"):
        catalog.transition(held, step)
    vols.create(17, "第十七辑")
    vols.add_section(17, "史海钩沉")
    assert [p.id for p in vols.pool()] == [held]
    vols.create(18, "第十八辑")
    vols.add_section(18, "史海钩沉")
    vols.place(18, [held], "史海钩沉")
    assert vols.pool() == []


def test_bad_requests_change_nothing(library: Library, vols: Volumes):
    with pytest.raises(NotFoundError, match="第 9 辑不存在"):
        vols.plan(9)
    vols.create(17, "第十七辑")
    with pytest.raises(InvalidValueError, match="已存在"):
        vols.create(17, "又一个第十七辑")
    vols.add_section(17, "史海钩沉")
    with pytest.raises(InvalidValueError, match="已有栏目"):
        vols.add_section(17, "史海钩沉")
    with pytest.raises(NotFoundError, match="现有栏目：史海钩沉"):
        vols.place(17, [1], "人物")
    with pytest.raises(InvalidValueError, match="版式的每行字数必须是不小于 1 的整数，而不是 0。"):
        vols.update(17, chars_per_line=0)
    assert vols.plan(17).settings.chars_per_line == 28
    assert vols.settings(17) == vols.plan(17).settings
    catalog = library.manuscripts
    mid = accepted(catalog, "黄河谣", "黄河水。")
    vols.place(17, [mid], "史海钩沉")
    with pytest.raises(InvalidValueError, match="还有 1 篇"):
        vols.remove_section(17, "史海钩沉")
    with pytest.raises(InvalidValueError, match="从 1 开始"):
        vols.move(17, mid, "史海钩沉", at=0)


def test_section_rename_and_move_are_searchable(library: Library, vols: Volumes):
    catalog = library.manuscripts
    mid = accepted(catalog, "黄河谣", "黄河水，向东流。")
    vols.create(17, "第十七辑")
    vols.add_section(17, "文化")
    vols.place(17, [mid], "文化")
    vols.rename_section(17, "文化", "民俗风情")
    hits = library.search.search("section:民俗", limit=0).hits
    assert [h.id for h in hits] == [mid] and hits[0].section == "民俗风情"


def test_verse_pays_ten_lines_per_thousand(library: Library, vols: Volumes):
    catalog = library.manuscripts
    poem = accepted(
        catalog, "黄河谣", "黄河水，\n向东流，\n流过灵武十三州。\n春来桃花满渠岸。", genre="verse"
    )
    long_poem = accepted(catalog, "塞上曲", "\n".join(["大漠孤烟直"] * 14), genre="verse")
    vols.create(17, "第十七辑")
    vols.add_section(17, "诗词")
    vols.place(17, [poem, long_poem], "诗词")
    items = vols.plan(17).sections[0].items
    assert [i.layout_words for i in items] == [1000, 1400]


def test_payment_sheet(library: Library, vols: Volumes):
    catalog = library.manuscripts
    a = accepted(catalog, "马鸿宾与灵武", han(25) * 60, authors=["马建国"])  # 1,500 字
    b = accepted(catalog, "灵州古城考略", han(40), authors=["张文华"])
    vols.create(17, "第十七辑")
    vols.add_section(17, "史海钩沉")
    vols.place(17, [a, b], "史海钩沉")
    with pytest.raises(InvalidValueError, match="未定稿酬标准"):
        vols.payments(17)
    catalog.set_fee(b, kind="compilation", rate=15, paid_on="2022-12-20")
    lines = vols.payments(17, default_rate=100)
    first, second = lines
    assert (first.figure, first.thousands, first.rate, first.amount) == (1500, 2, 100, 200)
    assert (second.thousands, second.rate, second.amount, second.kind) == (1, 15, 15, "compilation")
    assert second.in_guidance and second.paid_on == "2022-12-20"
    catalog.set_fee(a, basis="layout", rate=400)
    first = vols.payments(17)[0]
    # 版面字数: title 3 + by-line 1 + body (2 + 1,500 cells at 28 a line = 54) = 58 lines.
    assert (first.basis, first.figure, first.thousands, first.amount) == ("layout", 1624, 2, 800)
    assert not first.in_guidance  # 400 元/千字 is above the 2014 range: flagged, not refused
    with pytest.raises(InvalidValueError, match="稿酬标准"):
        catalog.set_fee(a, rate=-5)


def test_publishing_a_volume_marks_its_pieces_with_the_start_page(library, vols: Volumes):
    catalog = library.manuscripts
    a = accepted(catalog, "马鸿宾与灵武", han(25), authors=["马建国"])
    b = accepted(catalog, "灵州古城考略", han(40))
    vols.create(17, "第十七辑", settings=Layout(**SMALL))
    vols.add_section(17, "史海钩沉")
    vols.place(17, [a, b], "史海钩沉")
    pages = [i.start_page for i in vols.plan(17).sections[0].items]
    vols.update(17, status="published")
    for mid, page in zip((a, b), pages, strict=True):
        detail = catalog.get(mid)
        assert detail.status == "published" and detail.start_page == page
        assert catalog.reviews(mid)[-1].opinion == f"第17辑出版，第{page}页起"


def test_rejecting_a_placed_piece_takes_it_out_of_the_volume(library, vols: Volumes):
    catalog = library.manuscripts
    held = catalog.add(NewManuscript(title="横城旧事", body="横城渡口。")).value
    for step in ("初审", "复审", "终审", "待用"):
        catalog.transition(held, step)
    other = accepted(catalog, "黄河谣", "黄河水。")
    vols.create(17, "第十七辑")
    vols.add_section(17, "史海钩沉")
    vols.place(17, [held, other], "史海钩沉")
    catalog.transition(held, "退稿", opinion="与他稿重复")
    [section] = vols.plan(17).sections
    assert [i.id for i in section.items] == [other]
    assert catalog.get(held).volume is None
    vols.update(17, status="published")
    assert catalog.get(held).status == "rejected"


def test_search_volume_order_follows_every_renumbering(library, vols: Volumes):
    catalog = library.manuscripts
    ids = [accepted(catalog, f"篇{n}", f"灵武第{n}篇。") for n in "甲乙丙丁"]
    vols.create(17, "第十七辑")
    vols.add_section(17, "史海钩沉")
    vols.place(17, ids[:3], "史海钩沉")
    vols.place(17, [ids[3]], "史海钩沉", at=1)
    plan_order = [i.id for i in vols.plan(17).sections[0].items]
    hits = library.search.search("灵武", limit=0, sort="volume").hits
    assert [h.id for h in hits] == plan_order


# -- undo of changes to the arrangement ------------------------------------------------------
def test_rearrange_puts_back_sections_names_order_and_pieces(library: Library, vols: Volumes):
    a, b, c, d = (accepted(library.manuscripts, f"稿{n}", han(30)) for n in "甲乙丙丁")
    vols.create(18, "《灵武文史》第十八辑")
    vols.add_section(18, "史海钩沉")
    vols.add_section(18, "人物春秋")
    vols.place(18, [a, b], "史海钩沉")
    vols.place(18, [c], "人物春秋")
    before = vols.arrangement(18)
    assert [(name, ids) for _, name, ids in before] == [("史海钩沉", [a, b]), ("人物春秋", [c])]
    # Renames that swap the names, a piece moved, one removed, one added, a section added.
    vols.rename_section(18, "史海钩沉", "临时")
    vols.rename_section(18, "人物春秋", "史海钩沉")
    vols.rename_section(18, "临时", "人物春秋")
    vols.move(18, b, "史海钩沉", 1)
    vols.remove(18, a)
    vols.place(18, [d], "人物春秋")
    vols.add_section(18, "诗词楹联")
    vols.rearrange(18, before)
    assert vols.arrangement(18) == before
    assert [i.id for i in vols.pool()] == [d]
    plan = vols.plan(18)
    assert [(s.name, [i.title for i in s.items]) for s in plan.sections] == [
        ("史海钩沉", ["稿甲", "稿乙"]),
        ("人物春秋", ["稿丙"]),
    ]


def test_rearrange_brings_back_a_removed_section_and_refuses_a_published_volume(
    library: Library, vols: Volumes
):
    a = accepted(library.manuscripts, "稿甲", han(30))
    vols.create(18, "《灵武文史》第十八辑")
    vols.add_section(18, "史海钩沉")
    vols.add_section(18, "人物春秋")
    vols.place(18, [a], "人物春秋")
    before = vols.arrangement(18)
    vols.move(18, a, "史海钩沉")
    vols.remove_section(18, "人物春秋")
    vols.rearrange(18, before)
    assert [(name, ids) for _, name, ids in vols.arrangement(18)] == [
        ("史海钩沉", []),
        ("人物春秋", [a]),
    ]
    vols.update(18, status="published")
    with pytest.raises(FrozenError) as refused:
        vols.rearrange(18, before)
    assert str(refused.value).startswith("第 18 辑已出版，内容和版式不能再改；")
