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

from tests.corpus import FIXTURES, TRADITIONAL, generate_articles
from wenshi.changes import Aspect
from wenshi.db.counter import stamp
from wenshi.errors import InvalidValueError
from wenshi.library import Library
from wenshi.manuscripts import Manuscripts
from wenshi.records import NewManuscript
from wenshi.search import engine
from wenshi.search.fold import fold
from wenshi.search.store import FORMAT
from wenshi.search.terms import WORD_CLASS
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


def add_text(catalog: Manuscripts, title: str, body: str, **kw) -> int:
    return catalog.add(NewManuscript(title=title, body=body, **kw)).value


@pytest.fixture
def lib(tmp_path: Path):
    library = Library.open(tmp_path / "lib")
    catalog = library.manuscripts
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
    """Put manuscripts into a 辑/栏目 whatever their review state (``volumes.place`` takes
    only accepted pieces, and these must keep theirs for the ``status:`` filter): setup."""
    t = library.tables
    with library.transaction() as tx:
        volume, _ = t.Volume.get_or_create(
            number=number, defaults={"title": f"《灵武文史》第{number}辑", "created_at": now_iso()}
        )
        sec, _ = t.Section.get_or_create(volume=volume, name=section, defaults={"position": 1})
        for pos, mid in enumerate(ids):
            t.Manuscript.update(section=sec, position=pos).where(t.Manuscript.id == mid).execute()
        stamp(t, ids)
        tx.note(Aspect.PLACEMENT, manuscripts=ids, volumes=[number])


def reference(library: Library, text: str, include_rejected: bool = False) -> dict[int, int]:
    """Substring scan of the folded stored title+body: id -> occurrences."""
    needle = fold(text)
    out = {}
    t = library.tables
    for row in t.Manuscript.select().where(t.Manuscript.deleted_at.is_null()):
        if row.status == "rejected" and not include_rejected:
            continue
        haystacks = (fold(f"{row.title} {row.subtitle}".strip()), fold(row.body))
        count = sum(h.count(needle) for h in haystacks)
        if count:
            out[row.id] = count
    return out


def by_title(library: Library) -> dict[str, int]:
    return {r.title: r.id for r in library.queries.list()}


def found(library: Library, query: str, **kw) -> dict[int, int]:
    results = library.search.search(query, limit=0, **kw)
    assert results.total == len(results.hits)
    return {h.id: h.hits for h in results.hits}


def test_every_substring_query_matches_a_substring_scan(lib: Library):
    """Recall and precision 100%: CJK strings of 1 to 6 characters cut from the stored
    texts at random, plus strings that occur nowhere."""
    rng = random.Random(7)
    texts = [fold(r.body) for r in lib.tables.Manuscript.select()]
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
    title = by_title(lib)
    assert hits[title["马鸿宾部驻防记"]] == 3  # twice in the body, once in the title
    assert hits[title["马鸿宾与灵武"]] == 4  # three times in the body, once in the title
    assert hits == reference(lib, "马鸿宾")


def test_one_character_and_extension_b(lib: Library):
    rare = by_title(lib)["罕见字人名考"]
    assert found(lib, "𪚥") == reference(lib, "𪚥")
    assert found(lib, "𪚥")[rare] == 1  # and in the generated articles' 𪚥文清
    assert found(lib, "𠀀") == reference(lib, "𠀀") == {rare: 1}
    assert found(lib, "枣") == reference(lib, "枣")


def test_simplified_finds_traditional_and_back(lib: Library):
    trad = by_title(lib)["靈武舊事"]
    assert found(lib, "灵武")[trad] == 2  # title and first sentence
    assert found(lib, "马鸿宾")[trad] == 1
    simp = by_title(lib)["马鸿宾与灵武"]
    assert found(lib, "靈武")[simp] == 4 and found(lib, "黃河")[simp] == 1
    assert found(lib, "靈武") == found(lib, "灵武") and found(lib, "馬鴻賓") == found(lib, "马鸿宾")
    [hit] = [h for h in lib.search.search("馬鴻賓", limit=0).hits if h.id == trad]
    # The original characters are shown.
    assert [(s.text, s.highlights) for s in hit.snippets] == [
        (
            "…東岸，自古為塞上重鎮。民國二十五年，馬鴻賓部駐防於此，修築城牆，疏浚渠道。  據…",
            [(19, 22)],
        )
    ]


def test_latin_words_numbers_and_full_width(lib: Library):
    mid = by_title(lib)["PySide6 与档案数字化"]
    assert found(lib, "licent")[mid] == 2
    assert found(lib, "PYSIDE6") == {mid: 2}  # title and body
    assert found(lib, "2022")[mid] == 1 and found(lib, "２０２２") == found(lib, "2022")
    assert found(lib, "1958")[mid] == 1
    assert mid not in found(lib, "195")  # words match as words
    assert mid not in found(lib, "Lic")


def test_repeated_characters(lib: Library):
    mid = by_title(lib)["叠字"]
    assert found(lib, "渐渐") == {mid: 1}
    assert found(lib, "哈哈") == {mid: 1}  # non-overlapping, like a substring scan


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
        ('"灵武 文史"', lambda r, ref: r == ref("灵武文史")),  # space between 汉字: nothing
    ],
)
def test_boolean_queries(lib: Library, query, check):
    assert check(found(lib, query), lambda q: reference(lib, q))


def test_phrase_keeps_spaces(lib: Library):
    mid = by_title(lib)["PySide6 与档案数字化"]
    assert mid in found(lib, '"试用 PySide6 编写"')
    assert mid not in found(lib, '"试用PySide6"')


def test_field_filters(lib: Library):
    ids = by_title(lib)
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
    assert set(found(lib, "status:收稿")) == set(ids.values())  # nothing reviewed yet
    hit = lib.search.search("volume:17 马鸿宾").hits[0]
    assert (hit.volume, hit.section) == (17, "史海钩沉")


def test_rejected_hidden_unless_asked(lib: Library):
    catalog = lib.manuscripts
    mid = by_title(lib)["马鸿宾部驻防记"]
    catalog.transition(mid, "退稿", opinion="与第十七辑重复")
    assert mid not in found(lib, "马鸿宾")
    assert found(lib, "马鸿宾", include_rejected=True)[mid] == 3
    hit = next(h for h in lib.search.search("马鸿宾", include_rejected=True).hits if h.id == mid)
    assert hit.status == "rejected" and hit.status_label == "退稿"


def test_title_hits_rank_first_then_occurrences(lib: Library):
    catalog = lib.manuscripts
    a = add_text(catalog, "黄河谣新编", "无关的正文。")
    b = add_text(catalog, "治水记", "黄河黄河黄河，黄河两岸。" * 3)
    c = add_text(catalog, "渡口", "黄河一过，便是横城。")
    order = [h.id for h in lib.search.search("黄河", limit=0).hits]
    title_hits = [m.id for m in lib.tables.Manuscript.select() if "黄河" in m.title]
    assert set(order[: len(title_hits)]) == set(title_hits) and a in order[: len(title_hits)]
    assert order.index(b) < order.index(c)


def test_snippets_mark_exact_hits(lib: Library):
    results = lib.search.search("灵武 黄河", limit=5)
    assert results.hits
    for hit in results.hits:
        assert 1 <= len(hit.snippets) <= 3
        for snippet in hit.snippets:
            assert len(snippet.text) <= 42
            for s, e in snippet.highlights:
                assert fold(snippet.text[s:e]) in ("灵武", "黄河")


def test_paging_and_sorts(lib: Library):
    everything = [h.id for h in lib.search.search("灵武", limit=0).hits]
    pages = [
        h.id
        for off in range(0, len(everything), 7)
        for h in lib.search.search("灵武", limit=7, offset=off).hits
    ]
    assert pages == everything
    dates = [
        lib.tables.Manuscript.get_by_id(h.id).received_date or "9999"
        for h in lib.search.search("灵武", limit=0, sort="date").hits
    ]
    assert dates == sorted(dates)
    with pytest.raises(InvalidValueError) as err:
        lib.search.search("灵武", sort="random")
    assert str(err.value) == "未知的排序方式“random”；可用：relevance、volume、date、title"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "检索式为空，请输入要查找的词"),
        ("(灵武", "检索式有误：第 1 个字符处的括号没有闭合"),
        ("灵武 OR", "检索式有误：第 4 个字符处的“OR”后面缺少检索词"),
        (
            "foo:bar",
            "检索式有误：未知的字段“foo:”；可用字段：title、author、volume、section、status、year、tag、person、place、period",
        ),
        ("volume:17-10", "检索式有误：“volume:17-10”的范围前大后小，应写成“volume:10-17”"),
        ('"灵武', "检索式有误：第 1 个字符处的引号没有闭合"),
    ],
)
def test_bad_queries_get_one_line(lib: Library, query, message):
    with pytest.raises(InvalidValueError) as err:
        lib.search.search(query)
    assert str(err.value) == message


def test_concordance_lists_every_occurrence(lib: Library):
    lines = lib.search.concordance("马鸿宾")
    assert len(lines) == sum(reference(lib, "马鸿宾").values()) == 40
    for line in lines:
        assert fold(line.match) == "马鸿宾"
        row = lib.tables.Manuscript.get_by_id(line.id)
        text = row.body if line.field == "body" else f"{row.title} {row.subtitle}".strip()
        assert text[line.offset : line.offset + 3] == line.match
        assert line.before == text[max(0, line.offset - 20) : line.offset].replace("\n", " ")
        assert line.after == text[line.offset + 3 : line.offset + 23].replace("\n", " ")


# -- keeping the index in step ------------------------------------------------------------
def test_edit_delete_undelete_are_searchable_at_once(lib: Library):
    catalog = lib.manuscripts
    mid = add_text(catalog, "渡口", "横城渡口旧事。")
    catalog.edit_body(mid, "临河堡的新渡口建于一九五八年。", "改写")
    elsewhere = by_title(lib)["水洞沟遗址发现记"]  # 我家祖辈住在临河堡
    assert found(lib, "临河堡") == {elsewhere: 1, mid: 1} and found(lib, "横城渡口旧事") == {}
    catalog.update(mid, fields={"title": "临河渡口"})
    assert set(found(lib, "title:临河")) == {mid}  # a field filter: found, occurrences not counted
    catalog.delete(mid)
    assert found(lib, "临河堡") == {elsewhere: 1}
    catalog.undelete(mid)
    assert found(lib, "临河堡") == {elsewhere: 1, mid: 1}


def test_changes_missed_by_the_index_are_caught_up(lib: Library, tmp_path: Path):
    """As if the program died after the database commit, before the index commit."""
    path = lib.path
    lib.close()
    blind = Library.open(path, auto_index=False)
    mid = add_text(blind.manuscripts, "未入索引的稿件", "宁东镇的羊皮筏子。")
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
    again.index.notice = notices.append
    try:
        assert found(again, "灵武") == before
        assert notices == ["检索索引不存在，正在重建……"]
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
    again.index.notice = notices.append
    try:
        assert found(again, "马鸿宾") == before
        # The reason in brackets is what whoosh raised on the garbage.
        [notice] = notices
        assert re.fullmatch(r"检索索引已损坏（\w+），正在重建……", notice), notice
    finally:
        again.close()


def test_old_format_index_is_rebuilt(lib: Library):
    state = lib.path / "index" / "state.json"
    lib.index.close()
    state.write_text(state.read_text().replace(f'"format": {FORMAT}', '"format": 0'))
    notices: list[str] = []
    lib.index.notice = notices.append
    assert found(lib, "马鸿宾") == reference(lib, "马鸿宾")
    assert notices == ["检索索引的格式已过时，正在重建……"]


def test_reindex_keeps_results(lib: Library):
    before = found(lib, "灵武")
    assert lib.search.reindex().value == 49  # 4 fixtures, 1 traditional, 4 extra, 40 generated
    assert found(lib, "灵武") == before
    # No temporary folder left behind: only the index and the lock its writers share.
    assert sorted(p.name for p in lib.path.glob("index*")) == ["index", "index.lock"]


def test_facets_count_all_matches(lib: Library):
    ids = by_title(lib)
    place(lib, [ids["马鸿宾与灵武"]], 17, "史海钩沉")
    results = lib.search.search("马鸿宾", limit=1, facets=True)
    # Facets count all 26 matching pieces, not the one shown.
    assert len(results.hits) == 1
    assert results.total == len(found(lib, "马鸿宾")) == 26
    assert results.by_volume == {17: 1, None: 25}
    assert results.by_status == {"received": 26}


def test_highlight_spans_for_an_opened_document(lib: Library):
    text = "马鸿宾在靈武，宁夏的黄河边。"
    assert lib.search.highlight_spans("马鸿宾 -宁夏 OR 灵武", text) == [(0, 3), (4, 6)]


MIXED = [
    ("叠字与重复", "哈哈哈哈哈，渐渐渐渐。ababab aba abab。a.b.a.b.a！！！……——"),
    ("年代", "（1958年）1958年、21958年与 1958 年。第1958年1958年。"),
    ("外文", "Licentiate 不是 Licent；licent 与 LICENT，Yellow River、yellow  river。"),
    ("标点", "“灵武文史”、《灵武文史》：第十七辑（2022）——“灵武”。"),
]


def scan(text: str, needle: str) -> int:
    """Non-overlapping occurrences of folded ``needle`` in folded ``text``, a Latin/digit
    end never continuing a longer word."""
    word = re.compile(WORD_CLASS)
    count, start = 0, 0
    while (at := text.find(needle, start)) >= 0:
        end = at + len(needle)
        if (word.match(needle[0]) and at > 0 and word.match(text[at - 1])) or (
            word.match(needle[-1]) and end < len(text) and word.match(text[end])
        ):
            start = at + 1
            continue
        count += 1
        start = end
    return count


@pytest.mark.parametrize("rare_docs", [0, engine.RARE_DOCS])
def test_mixed_strings_match_a_scan_from_positions_or_texts(
    lib: Library, monkeypatch: pytest.MonkeyPatch, rare_docs: int
):
    """Strings of characters, punctuation, words and numbers cut at random, answered from
    the pairs' positions (``rare_docs`` 0) or by confirming candidates on the text."""
    monkeypatch.setattr(engine, "RARE_DOCS", rare_docs)
    with lib.batch():
        for title, body in MIXED:
            add_text(lib.manuscripts, title, body)
    rows = [
        (r.id, fold(f"{r.title} {r.subtitle}".strip()), fold(r.body))
        for r in lib.tables.Manuscript.select()
    ]
    sources = [fold(body) for _title, body in MIXED] * 20 + [body for _i, _t, body in rows]
    rng = random.Random(11)
    queries: set[str] = {"哈哈哈", "渐渐渐", "aba", "a.b.a", "1958年", "！！", "……", "灵武文史”"}
    while len(queries) < 300:
        text = rng.choice(sources)
        start = rng.randrange(len(text))
        piece = text[start : start + rng.randint(1, 8)].strip()
        if piece and not re.search(r'[\s"“”]', piece):
            queries.add(piece)
    for q in sorted(queries):
        needle = fold(q)
        expected = {
            mid: n for mid, title, body in rows if (n := scan(title, needle) + scan(body, needle))
        }
        assert found(lib, f'"{q}"') == expected, q


def test_a_term_given_twice_in_two_scripts_counts_once(lib: Library):
    assert found(lib, "灵武 靈武") == found(lib, "灵武")
    assert found(lib, "灵武 OR 靈武") == found(lib, "灵武")
