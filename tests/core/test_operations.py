"""Operations: one library object per folder, one transaction and one ``Changes`` per user
action, versions that refuse stale writes, and details that keep their history."""

from __future__ import annotations

from pathlib import Path

import pytest

from wenshi import workflow
from wenshi.changes import Aspect, Changes
from wenshi.errors import StaleError, TransitionError
from wenshi.library import Library
from wenshi.records import NewManuscript


def _add(library: Library, title: str, **kw) -> int:
    return library.manuscripts.add(NewManuscript(title=title, body="灵武的黄河渡口。", **kw)).value


def _accepted(library: Library, title: str) -> int:
    mid = _add(library, title)
    for step in ("first_review", "second_review", "final_review", "accepted"):
        library.manuscripts.transition(mid, step)
    return mid


def test_two_libraries_in_one_process_never_see_each_others_rows(tmp_path: Path):
    a = Library.open(tmp_path / "a")
    b = Library.open(tmp_path / "b")
    try:
        first = _add(a, "只在甲库")
        second = _add(b, "只在乙库")
        _add(b, "乙库第二篇")
        assert [s.title for s in a.queries.list()] == ["只在甲库"]
        assert [s.title for s in b.queries.list()] == ["只在乙库", "乙库第二篇"]
        assert (first, second) == (1, 1)
        assert a.search.search("乙库").total == 0
        assert b.search.search("乙库").total == 2
        a.manuscripts.update(first, fields={"title": "甲库改名"})
        assert b.manuscripts.get(second).title == "只在乙库"
    finally:
        a.close()
        b.close()


def test_each_operation_says_what_it_changed(library: Library):
    added = library.manuscripts.add(NewManuscript(title="横城古渡", body="正文"))
    mid = added.value
    assert added == Changes(frozenset({mid}), aspects=frozenset({Aspect.CREATED}))
    assert library.manuscripts.update(mid, fields={"title": "横城古渡忆旧"}) == Changes(
        frozenset({mid}), aspects=frozenset({Aspect.DETAILS})
    )
    assert library.manuscripts.update(mid, fields={"title": "横城古渡忆旧"}) == Changes()
    assert library.manuscripts.transition(mid, "初审") == Changes(
        frozenset({mid}), aspects=frozenset({Aspect.STATUS})
    )


def test_rejecting_a_placed_piece_changes_its_status_placement_and_volume(library: Library):
    first, second = _accepted(library, "甲"), _accepted(library, "乙")
    library.volumes.create(17, "《灵武文史》第十七辑")
    library.volumes.add_section(17, "史海钩沉")
    library.volumes.place(17, [first, second], "史海钩沉")
    library.manuscripts.transition(first, "held")
    changes = library.manuscripts.transition(first, "rejected")
    assert changes.manuscripts == {first}
    assert changes.volumes == {17}
    assert changes.aspects == {Aspect.STATUS, Aspect.PLACEMENT}
    assert library.manuscripts.get(first).volume is None
    assert [i.id for i in library.volumes.plan(17).sections[0].items] == [second]


def test_a_write_from_a_stale_version_is_refused_and_changes_nothing(library: Library):
    mid = _add(library, "原题")
    assert library.manuscripts.get(mid).version == 1
    library.manuscripts.update(mid, fields={"title": "别处改的题"}, expected_version=1)
    assert library.manuscripts.get(mid).version == 2
    with pytest.raises(StaleError) as refused:
        library.manuscripts.update(
            mid, fields={"title": "我改的题"}, body="我的正文", expected_version=1
        )
    assert str(refused.value) == (
        f"稿件 {mid}《别处改的题》在您打开之后已被修改（另一个窗口或命令行），现在是第 2 版信息，"
        "您打开的是第 1 版；为免覆盖别人的修改，没有保存"
    )
    detail = library.manuscripts.get(mid)
    assert (detail.title, detail.body, detail.version) == ("别处改的题", "灵武的黄河渡口。", 2)


def test_every_detail_change_keeps_its_old_value(library: Library):
    mid = _add(library, "原题", authors=["马建国"], tags=["民国"])
    library.manuscripts.update(
        mid,
        fields={"title": "新题", "received_date": "2022-06-24"},
        people={"author": ["马建国", "李秀兰"]},
        tags=["民国", "渡口"],
        actor="王主任",
    )
    library.manuscripts.set_fee(mid, rate=80)
    changes = [(c.label, c.old, c.new, c.actor) for c in library.manuscripts.detail_changes(mid)]
    assert changes == [
        ("题名", "原题", "新题", "王主任"),
        ("来稿日期", "", "2022-06-24", "王主任"),
        ("作者", "马建国", "马建国、李秀兰", "王主任"),
        ("标签", "民国", "民国、渡口", "王主任"),
        ("稿酬标准", "", "80", ""),
    ]


def test_setting_a_fee_marks_the_manuscript_updated(library: Library):
    mid = _add(library, "稿酬")
    before = library.manuscripts.get(mid).updated_at
    library.manuscripts.set_fee(mid, kind="compilation", rate=15)
    assert library.manuscripts.get(mid).updated_at >= before
    assert library.change_seq() > 1


def test_a_refused_step_keeps_every_other_change_of_the_same_operation(library: Library):
    mid = _add(library, "原题")
    with pytest.raises(TransitionError):
        library.manuscripts.update(mid, fields={"title": "新题"}, status="已刊")
    assert library.manuscripts.get(mid).title == "原题"
    assert library.manuscripts.detail_changes(mid) == []


def test_publication_and_reopening_go_through_the_rule_book(library: Library):
    accepted, held = _accepted(library, "采用稿"), _accepted(library, "待用稿")
    library.manuscripts.transition(held, "held")
    library.volumes.create(17, "《灵武文史》第十七辑")
    library.volumes.add_section(17, "史海钩沉")
    library.volumes.place(17, [accepted, held], "史海钩沉")
    with pytest.raises(TransitionError) as refused:
        library.manuscripts.transition(accepted, "已刊")
    assert str(refused.value) == (
        "“采用”转为“已刊”只能由所在的辑出版引起（wenshi volume set N --status published）"
    )
    library.volumes.update(17, status="published")
    trails = [
        [(r.from_status, r.to_status, r.opinion) for r in library.manuscripts.reviews(m)][-1]
        for m in (accepted, held)
    ]
    assert trails == [
        ("accepted", "published", "第17辑出版，第1页起"),
        ("held", "published", "第17辑出版，第1页起"),
    ]
    library.volumes.update(17, status="planning")
    assert [library.manuscripts.get(m).status for m in (accepted, held)] == [
        "proofreading",
        "proofreading",
    ]
    last = library.manuscripts.reviews(accepted)[-1]
    assert (last.from_status, last.to_status, last.opinion) == (
        "published",
        "proofreading",
        "第17辑重新开放修改",
    )


def test_the_rule_book_lists_publication_and_reopening():
    edges = workflow.edges()
    assert ("proofreading", "published", workflow.Cause.REVIEW) in edges
    assert ("accepted", "published", workflow.Cause.PUBLICATION) in edges
    assert ("held", "published", workflow.Cause.PUBLICATION) in edges
    assert ("published", "proofreading", workflow.Cause.REOPENING) in edges
    assert len(edges) == 49  # 22 review steps, 4 publications, 1 reopening, 22 undos
    review = {(a, b) for a, b, cause in edges if cause is workflow.Cause.REVIEW}
    undo = {(b, a) for a, b, cause in edges if cause is workflow.Cause.UNDO}
    assert undo == review  # an undo goes a review step's edge the other way


def test_an_import_batches_itself_whoever_calls_it(library: Library, tmp_path: Path):
    heard: list[Changes] = []
    library.listeners.append(heard.append)
    folder = tmp_path / "来稿"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(f"第{n}篇\n\n灵武的黄河渡口{n}号。", encoding="utf-8")
    results = library.imports.run([folder]).value
    assert [r.status for r in results] == ["imported"] * 5
    assert len(heard) == 1
    assert heard[0].manuscripts == {1, 2, 3, 4, 5}
    assert library.search.search("渡口").total == 5


def test_listeners_hear_nothing_of_a_failed_operation(library: Library):
    heard: list[Changes] = []
    library.listeners.append(heard.append)
    mid = _add(library, "原题")
    with pytest.raises(TransitionError):
        library.manuscripts.transition(mid, "采用")
    assert [c.aspects for c in heard] == [{Aspect.CREATED}]
