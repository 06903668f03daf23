"""The write API: registration, metadata, revisions, review workflow, trash."""

from __future__ import annotations

import pytest

from wenshi.errors import InvalidValueError, NotFoundError, TransitionError
from wenshi.library import Library
from wenshi.manuscripts import Manuscripts
from wenshi.queries import Filter, Queries
from wenshi.records import NewManuscript

BODY = "民国二十五年（1936年）春，秦渠决口三处，马鸿宾调兵夫六百余人抢修，旬日而竣。"


@pytest.fixture
def catalog(library: Library) -> Manuscripts:
    return library.manuscripts


@pytest.fixture
def queries(library: Library) -> Queries:
    return library.queries


def add(catalog: Manuscripts, **kw) -> int:
    fields = {"title": "马鸿宾与灵武", "body": BODY, "authors": ["马建国"]} | kw
    return catalog.add(NewManuscript(**fields)).value


def test_add_stores_metadata_people_and_counts(catalog: Manuscripts):
    mid = add(
        catalog,
        subtitle="民国时期宁夏军政往事",
        narrators=["王福林"],
        compilers=["李秀兰"],
        unit="灵武市政协",
        received_date="2022年6月24日",
        tags=["民国", "水利"],
    )
    d = catalog.get(mid)
    assert (d.title, d.subtitle, d.authors) == ("马鸿宾与灵武", "民国时期宁夏军政往事", ["马建国"])
    assert (d.narrators, d.compilers) == (["王福林"], ["李秀兰"])
    assert d.received_date == "2022-06-24"
    assert sorted(d.tags) == sorted(["民国", "水利"])
    assert d.status == "received" and d.status_label == "收稿"
    # 30 汉字 + 6 full-width marks = 36 East Asian characters; + "1936" = 37 by Word's rule.
    assert d.counts == {
        "words": 37,
        "cjk": 36,
        "non_cjk_words": 1,
        "han": 30,
        "chars_no_spaces": 40,
        "chars_with_spaces": 40,
        "paragraphs": 1,
    }


def test_same_author_name_is_one_person(catalog: Manuscripts, queries: Queries):
    a = add(catalog)
    b = add(catalog, title="横城渡口旧事")
    rows = queries.list(Filter(text="马建国"))
    assert {r.id for r in rows} == {a, b}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "  ", "题名不能为空"),
        ("received_date", "2022-13-45", "日期"),
        ("genre", "novel", "体裁"),
    ],
)
def test_impossible_values_are_refused_and_nothing_changes(catalog, field, value, message):
    mid = add(catalog)
    with pytest.raises(InvalidValueError, match=message):
        catalog.update(mid, fields={field: value})
    assert catalog.get(mid).title == "马鸿宾与灵武"


def test_every_body_edit_keeps_the_old_text_and_can_be_undone(catalog: Manuscripts):
    mid = add(catalog)
    n2 = catalog.edit_body(mid, BODY + "\n\n1958年以后，渡口渐废。", "补充一段").value
    n3 = catalog.edit_body(mid, "全文重写。", "作者来稿替换").value
    assert (n2, n3) == (2, 3)
    history = catalog.history(mid)
    assert [h.number for h in history] == [1, 2, 3]
    assert [h.reason for h in history][1:] == ["补充一段", "作者来稿替换"]
    assert history[-1].current and not history[0].current
    assert catalog.revision_text(mid, 1) == BODY
    n4 = catalog.restore(mid, 1).value
    assert n4 == 4
    d = catalog.get(mid)
    assert d.body == BODY
    assert d.counts["paragraphs"] == 1
    assert catalog.revision_text(mid, 3) == "全文重写。"  # nothing dropped by the restore


def test_unchanged_body_adds_no_revision(catalog: Manuscripts):
    mid = add(catalog)
    assert catalog.edit_body(mid, BODY).value == 1
    assert len(catalog.history(mid)) == 1


def test_missing_revision_and_manuscript(catalog: Manuscripts):
    mid = add(catalog)
    with pytest.raises(NotFoundError, match="第 9 版"):
        catalog.restore(mid, 9)
    with pytest.raises(NotFoundError, match="稿件 999 不存在"):
        catalog.get(999)


def test_review_path_is_recorded_with_who_when_and_opinion(catalog: Manuscripts):
    mid = add(catalog)
    steps = [
        ("初审", "史料翔实，建议送复审"),
        ("复审", "同意"),
        ("终审", "采用，编入第十七辑"),
        ("采用", ""),
        ("编辑加工", ""),
        ("校对", "一校"),
        ("已刊", ""),
    ]
    for status, opinion in steps:
        catalog.transition(mid, status, actor="王主任", opinion=opinion)
    trail = catalog.reviews(mid)
    assert [e.to_label for e in trail] == ["收稿", *(s for s, _ in steps)]
    assert trail[1].actor == "王主任" and trail[1].opinion == "史料翔实，建议送复审"
    assert all(e.at for e in trail)
    assert catalog.get(mid).status == "published"


def test_illegal_jump_names_the_allowed_next_states(catalog: Manuscripts):
    mid = add(catalog)
    with pytest.raises(TransitionError) as err:
        catalog.transition(mid, "采用")
    assert str(err.value) == "不能从“收稿”直接转为“采用”；允许的下一步：初审、退稿"
    assert catalog.get(mid).status == "received"
    assert len(catalog.reviews(mid)) == 1


def test_unknown_status_is_refused(catalog: Manuscripts):
    mid = add(catalog)
    with pytest.raises(InvalidValueError, match="未知的状态"):
        catalog.transition(mid, "通过")


def test_trash_and_undelete_keep_everything(catalog: Manuscripts, queries: Queries):
    mid = add(catalog)
    catalog.edit_body(mid, "第二版正文。", "修改")
    catalog.delete(mid)
    assert mid not in {r.id for r in queries.list()}
    assert [r.id for r in queries.list(Filter(trash=True))] == [mid]
    with pytest.raises(NotFoundError, match="回收站"):
        catalog.edit_body(mid, "不应保存")
    catalog.undelete(mid)
    d = catalog.get(mid)
    assert d.body == "第二版正文。" and d.revisions == 2
    assert queries.stats().in_trash == 0


def test_stats_by_status_in_workflow_order(catalog: Manuscripts, queries: Queries):
    a = add(catalog)
    add(catalog, title="灵州古城考略")
    catalog.transition(a, "初审")
    stats = queries.stats()
    assert stats.manuscripts == 2
    assert [s["label"] for s in stats.by_status] == ["收稿", "初审"]
    assert [s["manuscripts"] for s in stats.by_status] == [1, 1]
    assert stats.words == 74  # 37 + 37
    assert stats.han == 60


def test_list_filters_and_sorts(catalog: Manuscripts, queries: Queries):
    a = add(catalog, title="乙篇", body="短。")
    b = add(catalog, title="甲篇", body=BODY)
    catalog.transition(a, "初审")
    assert [r.id for r in queries.list(Filter(status="初审"))] == [a]
    by_words = queries.list(Filter(sort="words", descending=True))
    assert [r.id for r in by_words] == [b, a]


def test_oral_history_shows_narrator_and_compiler_in_the_catalog(
    catalog: Manuscripts, queries: Queries
):
    mid = catalog.add(
        NewManuscript(
            title="我当生产队长的那些年",
            body="一九五八年……",
            narrators=["王福成"],
            compilers=["李秀英"],
        )
    ).value
    [row] = [r for r in queries.list() if r.id == mid]
    assert row.authors == ["王福成（口述）", "李秀英（整理）"]
