"""Full-text search: every occurrence, exactly, in simplified or traditional characters.

The reference for recall and precision is a plain substring scan of the stored text
(folded the same way), run over the same documents in the test itself.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from bench.corpus import generate_articles
from tests.corpus import FIXTURES, TRADITIONAL
from wenshi.catalog import Catalog
from wenshi.db.changes import stamp
from wenshi.db.models import Manuscript, Section, Volume
from wenshi.errors import InvalidValueError
from wenshi.library import Library
from wenshi.records import NewManuscript
from wenshi.search import engine
from wenshi.search.fold import fold
from wenshi.timeutil import now_iso

EXTRA = [
    ("马鸿宾部驻防记", "民国二十五年，马鸿宾部驻防灵武。马鸿宾本人常驻银川。"),
    (
        "PySide6 与档案数字化",
        "本馆于２０２２年试用 PySide6 编写程序；Licent 与 LICENT 均为人名。1958年建馆。",
    ),
    ("罕见字人名考", "清代有𪚥氏一族居横城，族谱载𠀀字辈十二人。"),
    ("叠字", "渐渐地，黄河水退了。哈哈哈，老人笑道。"),
]


def add_text(catalog: Catalog, title: str, body: str, **kw) -> int:
    return catalog.add(NewManuscript(title=title, body=body, **kw))


@pytest.fixture
def lib(tmp_path: Path):
    library = Library.open(tmp_path / "lib")
    catalog = Catalog(library)
    with library.batch():
        for name in ("mahongbin.txt", "shuidonggou.txt", "lingzhou.txt", "poem.txt"):
            lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n", 1)
            add_text(catalog, lines[0], lines[1], authors=["马建国"] if "ma" in name else [])
        add_text(
            catalog,
            "靈武舊事",
            TRADITIONAL.split("\n", 2)[2],
            authors=["陳國棟"],
            received_date="1985-03-02",
            tags=["民国"],
        )
        for title, body in EXTRA:
            add_text(catalog, title, body, received_date="2021-05-01")
        for i, text in enumerate(generate_articles(40, 1500, seed=3)):
            add_text(
                catalog, f"灵武文史资料选 第{i + 1}篇", text, received_date=f"{2000 + i % 20}-01-01"
            )
    yield library
    library.close()


def place(library: Library, ids: list[int], number: int, section: str) -> None:
    """Put manuscripts into a 辑/栏目 (volume compilation has its own API; this is setup)."""
    with library.write():
        volume, _ = Volume.get_or_create(
            number=number, defaults={"title": f"《灵武文史》第{number}辑", "created_at": now_iso()}
        )
        sec, _ = Section.get_or_create(volume=volume, name=section, defaults={"position": 1})
        for pos, mid in enumerate(ids):
            Manuscript.update(section=sec, position=pos).where(Manuscript.id == mid).execute()
        stamp(ids)


def reference(library: Library, text: str, include_rejected: bool = False) -> dict[int, int]:
    """Substring scan of the folded stored title+body: id -> occurrences."""
    needle = fold(text)
    out = {}
    for row in Manuscript.select().where(Manuscript.deleted_at.is_null()):
        if row.status == "rejected" and not include_rejected:
            continue
        haystacks = (fold(f"{row.title} {row.subtitle}".strip()), fold(row.body))
        count = sum(h.count(needle) for h in haystacks)
        if count:
            out[row.id] = count
    return out


def found(library: Library, query: str, **kw) -> dict[int, int]:
    results = engine.search(library.search, query, limit=0, **kw)
    assert results.total == len(results.hits)
    return {h.id: h.hits for h in results.hits}


def test_every_substring_query_matches_a_substring_scan(lib: Library):
    """Recall and precision 100%: CJK strings of 1 to 6 characters cut from the stored
    texts at random, plus strings that occur nowhere."""
    rng = random.Random(7)
    texts = [fold(r.body) for r in Manuscript.select()]
    cjk_run = re.compile(r"[\u4e00-\u9fff\U00020000-\U0002ffff]+")
    queries: set[str] = {"马", "枣", "马鸿宾", "鸿宾部", "灵武市", "黄河水退", "无此词语"}
    while len(queries) < 150:
        runs = cjk_run.findall(rng.choice(texts))
        run = rng.choice(runs)
        n = rng.randint(1, min(6, len(run)))
        start = rng.randint(0, len(run) - n)
        queries.add(run[start : start + n])
    for q in sorted(queries):
        if len(set(q)) == 1 and len(q) > 1:
            continue  # repeated characters: counted on overlapping text, tested below
        assert found(lib, q) == reference(lib, q), q


def test_names_a_dictionary_segmenter_misses(lib: Library):
    hits = found(lib, "马鸿宾")
    title = {m.title: m.id for m in Manuscript.select()}
    assert title["马鸿宾部驻防记"] in hits and title["马鸿宾与灵武"] in hits
    assert hits[title["马鸿宾部驻防记"]] == 3  # twice in the body, once in the title


def test_one_character_and_extension_b(lib: Library):
    assert found(lib, "𪚥") == reference(lib, "𪚥") != {}
    assert found(lib, "𠀀") == reference(lib, "𠀀") != {}
    assert found(lib, "枣") == reference(lib, "枣")


def test_simplified_finds_traditional_and_back(lib: Library):
    trad = next(m.id for m in Manuscript.select() if m.title == "靈武舊事")
    assert trad in found(lib, "灵武")
    assert trad in found(lib, "马鸿宾")
    simp = next(m.id for m in Manuscript.select() if m.title == "马鸿宾与灵武")
    assert simp in found(lib, "靈武") and simp in found(lib, "黃河")
    [hit] = [h for h in engine.search(lib.search, "馬鴻賓", limit=0).hits if h.id == trad]
    snippet = hit.snippets[0]
    s, e = snippet.highlights[0]
    assert snippet.text[s:e] == "馬鴻賓"  # the original characters are shown


def test_latin_words_numbers_and_full_width(lib: Library):
    mid = next(m.id for m in Manuscript.select() if m.title.startswith("PySide6"))
    assert mid in found(lib, "licent") and found(lib, "licent")[mid] == 2
    assert mid in found(lib, "PYSIDE6")
    assert mid in found(lib, "2022") and mid in found(lib, "２０２２")
    assert mid in found(lib, "1958")
    assert mid not in found(lib, "195")  # words match as words
    assert mid not in found(lib, "Lic")


def test_repeated_characters(lib: Library):
    mid = next(m.id for m in Manuscript.select() if m.title == "叠字")
    assert found(lib, "渐渐") == {mid: 1}
    assert found(lib, "哈哈")[mid] == 1  # non-overlapping, like a substring scan


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("马鸿宾 灵武", lambda r, ref: set(r) == set(ref("马鸿宾")) & set(ref("灵武"))),
        ("马鸿宾 -宁夏", lambda r, ref: set(r) == set(ref("马鸿宾")) - set(ref("宁夏"))),
        ("水洞沟 OR 横城", lambda r, ref: set(r) == set(ref("水洞沟")) | set(ref("横城"))),
        (
            "(水洞沟 OR 横城) 黄河",
            lambda r, ref: set(r) == (set(ref("水洞沟")) | set(ref("横城"))) & set(ref("黄河")),
        ),
        ('"灵武 文史"', lambda r, ref: set(r) == set()),
    ],
)
def test_boolean_queries(lib: Library, query, check):
    assert check(found(lib, query), lambda q: reference(lib, q))


def test_phrase_keeps_spaces(lib: Library):
    mid = next(m.id for m in Manuscript.select() if m.title.startswith("PySide6"))
    assert mid in found(lib, '"试用 PySide6 编写"')
    assert mid not in found(lib, '"试用PySide6"')


def test_field_filters(lib: Library):
    ids = {m.title: m.id for m in Manuscript.select()}
    place(lib, [ids["马鸿宾与灵武"], ids["水洞沟遗址发现记"]], 17, "史海钩沉")
    place(lib, [ids["灵州古城考略"]], 12, "人物春秋")
    assert set(found(lib, "volume:17")) == {ids["马鸿宾与灵武"], ids["水洞沟遗址发现记"]}
    assert set(found(lib, "volume:10-16")) == {ids["灵州古城考略"]}
    assert found(lib, "辑:17") == found(lib, "volume:17")  # Chinese field names too
    assert set(found(lib, "灵武 section:史海")) == {ids["马鸿宾与灵武"], ids["水洞沟遗址发现记"]}
    assert set(found(lib, "桑志华 section:史海钩沉")) == {ids["水洞沟遗址发现记"]}
    assert set(found(lib, "section:人物")) == {ids["灵州古城考略"]}
    assert set(found(lib, "title:水洞沟")) == {ids["水洞沟遗址发现记"]}
    assert set(found(lib, "author:马建国")) == {ids["马鸿宾与灵武"]}
    assert set(found(lib, "year:1985")) == {ids["靈武舊事"]}
    assert set(found(lib, "tag:民国")) == {ids["靈武舊事"]}
    assert ids["马鸿宾与灵武"] in found(lib, "status:收稿")
    hit = engine.search(lib.search, "volume:17 马鸿宾").hits[0]
    assert (hit.volume, hit.section) == (17, "史海钩沉")


def test_rejected_hidden_unless_asked(lib: Library):
    catalog = Catalog(lib)
    mid = next(m.id for m in Manuscript.select() if m.title == "马鸿宾部驻防记")
    catalog.transition(mid, "退稿", opinion="与第十七辑重复")
    assert mid not in found(lib, "马鸿宾")
    assert mid in found(lib, "马鸿宾", include_rejected=True)
    hit = next(
        h for h in engine.search(lib.search, "马鸿宾", include_rejected=True).hits if h.id == mid
    )
    assert hit.status == "rejected" and hit.status_label == "退稿"


def test_title_hits_rank_first_then_occurrences(lib: Library):
    catalog = Catalog(lib)
    a = add_text(catalog, "黄河谣新编", "无关的正文。")
    b = add_text(catalog, "治水记", "黄河黄河黄河，黄河两岸。" * 3)
    c = add_text(catalog, "渡口", "黄河一过，便是横城。")
    order = [h.id for h in engine.search(lib.search, "黄河", limit=0).hits]
    title_hits = [m.id for m in Manuscript.select() if "黄河" in m.title]
    assert set(order[: len(title_hits)]) == set(title_hits) and a in order[: len(title_hits)]
    assert order.index(b) < order.index(c)


def test_snippets_mark_exact_hits(lib: Library):
    results = engine.search(lib.search, "灵武 黄河", limit=5)
    assert results.hits
    for hit in results.hits:
        assert 1 <= len(hit.snippets) <= 3
        for snippet in hit.snippets:
            assert len(snippet.text) <= 42
            for s, e in snippet.highlights:
                assert fold(snippet.text[s:e]) in ("灵武", "黄河")


def test_paging_and_sorts(lib: Library):
    everything = [h.id for h in engine.search(lib.search, "灵武", limit=0).hits]
    pages = [
        h.id
        for off in range(0, len(everything), 7)
        for h in engine.search(lib.search, "灵武", limit=7, offset=off).hits
    ]
    assert pages == everything
    dates = [
        Manuscript.get_by_id(h.id).received_date or "9999"
        for h in engine.search(lib.search, "灵武", limit=0, sort="date").hits
    ]
    assert dates == sorted(dates)
    with pytest.raises(InvalidValueError, match="排序"):
        engine.search(lib.search, "灵武", sort="random")


@pytest.mark.parametrize("query", ["", "(灵武", "灵武 OR", "foo:bar", "volume:17-10", '"灵武'])
def test_bad_queries_get_one_line(lib: Library, query):
    with pytest.raises(InvalidValueError) as err:
        engine.search(lib.search, query)
    assert "\n" not in str(err.value)


def test_concordance_lists_every_occurrence(lib: Library):
    lines = engine.concordance(lib.search, "马鸿宾")
    assert len(lines) == sum(reference(lib, "马鸿宾").values())
    for line in lines:
        assert fold(line.match) == "马鸿宾"
        row = Manuscript.get_by_id(line.id)
        text = row.body if line.field == "body" else f"{row.title} {row.subtitle}".strip()
        assert text[line.offset : line.offset + 3] == line.match
        assert line.before == text[max(0, line.offset - 20) : line.offset].replace("\n", " ")
        assert line.after == text[line.offset + 3 : line.offset + 23].replace("\n", " ")


# -- keeping the index in step ------------------------------------------------------------
def test_edit_delete_undelete_are_searchable_at_once(lib: Library):
    catalog = Catalog(lib)
    mid = add_text(catalog, "渡口", "横城渡口旧事。")
    catalog.edit_body(mid, "临河堡的新渡口建于一九五八年。", "改写")
    assert mid in found(lib, "临河堡") and mid not in found(lib, "横城渡口旧事")
    catalog.update(mid, title="临河渡口")
    assert mid in found(lib, "title:临河")
    catalog.delete(mid)
    assert mid not in found(lib, "临河堡")
    catalog.undelete(mid)
    assert mid in found(lib, "临河堡")


def test_changes_missed_by_the_index_are_caught_up(lib: Library, tmp_path: Path):
    """As if the program died after the database commit, before the index commit."""
    path = lib.path
    lib.close()
    blind = Library.open(path, auto_index=False)
    mid = add_text(Catalog(blind), "未入索引的稿件", "宁东镇的羊皮筏子。")
    blind.close()
    again = Library.open(path)
    try:
        assert found(again, "羊皮筏子").get(mid) == 1
    finally:
        again.close()


def test_missing_index_is_rebuilt_with_a_notice(lib: Library):
    before = found(lib, "灵武")
    path = lib.path
    lib.close()
    shutil.rmtree(path / "index")
    again = Library.open(path)
    notices: list[str] = []
    again.search.notice = notices.append
    try:
        assert found(again, "灵武") == before
        assert notices and "不存在" in notices[0]
    finally:
        again.close()


def test_corrupt_index_is_rebuilt(lib: Library):
    before = found(lib, "马鸿宾")
    path = lib.path
    lib.close()
    for f in (path / "index").iterdir():
        if f.suffix in (".seg", ".toc"):
            f.write_bytes(b"\x00garbage" * 10)
    again = Library.open(path)
    notices: list[str] = []
    again.search.notice = notices.append
    try:
        assert found(again, "马鸿宾") == before
        assert notices and "重建" in notices[0]
    finally:
        again.close()


def test_old_format_index_is_rebuilt(lib: Library):
    state = lib.path / "index" / "state.json"
    lib.search.close()
    state.write_text(state.read_text().replace('"format": 1', '"format": 0'))
    notices: list[str] = []
    lib.search.notice = notices.append
    assert found(lib, "马鸿宾") == reference(lib, "马鸿宾")
    assert notices and "过时" in notices[0]


def test_reindex_keeps_results(lib: Library):
    before = found(lib, "灵武")
    count = lib.search.rebuild()
    assert count == Manuscript.select().where(Manuscript.deleted_at.is_null()).count()
    assert found(lib, "灵武") == before
    assert not list(lib.path.glob("index.*"))  # no temporary folder left behind


def test_facets_count_all_matches(lib: Library):
    ids = {m.title: m.id for m in Manuscript.select()}
    place(lib, [ids["马鸿宾与灵武"]], 17, "史海钩沉")
    results = engine.search(lib.search, "马鸿宾", limit=1, facets=True)
    assert sum(results.by_volume.values()) == results.total == len(found(lib, "马鸿宾"))
    assert results.by_volume[17] == 1
    assert sum(results.by_status.values()) == results.total


def test_highlight_spans_for_an_opened_document(lib: Library):
    text = "马鸿宾在靈武，宁夏的黄河边。"
    assert engine.highlight_spans("马鸿宾 -宁夏 OR 灵武", text) == [(0, 3), (4, 6)]
