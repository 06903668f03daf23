"""The review rule book."""

from __future__ import annotations

from itertools import pairwise

import pytest

from wenshi import workflow
from wenshi.errors import InvalidValueError, TransitionError


def test_labels_and_keys_both_parse():
    assert workflow.parse_status("初审") == "first_review"
    assert workflow.parse_status("first_review") == "first_review"
    assert workflow.parse_status(" 待用 ") == "held"
    with pytest.raises(InvalidValueError) as err:
        workflow.parse_status("通过")
    assert str(err.value) == (
        "未知的状态“通过”；可用的状态：收稿（received）、初审（first_review）、"
        "复审（second_review）、终审（final_review）、采用（accepted）、退修（revise）、"
        "退稿（rejected）、待用（held）、编辑加工（editing）、校对（proofreading）、已刊（published）"
    )


def test_three_reviews_then_decision():
    path = [
        "received",
        "first_review",
        "second_review",
        "final_review",
        "accepted",
        "editing",
        "proofreading",
        "published",
    ]
    for current, target in pairwise(path):
        workflow.check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("received", "accepted", "不能从“收稿”直接转为“采用”；允许的下一步：初审、退稿"),
        ("published", "editing", "不能从“已刊”直接转为“编辑加工”；允许的下一步：无"),
        (
            "first_review",
            "final_review",
            "不能从“初审”直接转为“终审”；允许的下一步：复审、退修、退稿",
        ),
        # Steps that only a volume's publication or reopening makes say so.
        (
            "accepted",
            "published",
            "“采用”转为“已刊”只能由所在的辑出版引起（wenshi volume set N --status published）",
        ),
        ("published", "proofreading", "“已刊”转为“校对”只能由所在的辑重新开放修改引起"),
    ],
)
def test_illegal_jump_names_allowed(current, target, message):
    with pytest.raises(TransitionError) as err:
        workflow.check_transition(current, target)
    assert str(err.value) == message


def test_publication_and_reopening_have_their_own_rules():
    for current in ("accepted", "held", "editing", "proofreading"):
        workflow.check_transition(current, "published", workflow.Cause.PUBLICATION)
    workflow.check_transition("published", "proofreading", workflow.Cause.REOPENING)
    with pytest.raises(TransitionError):
        workflow.check_transition("received", "published", workflow.Cause.PUBLICATION)


def test_every_next_state_is_a_known_state():
    assert workflow.NEXT is workflow.RULES[workflow.Cause.REVIEW]
    for rules in workflow.RULES.values():
        for current, options in rules.items():
            assert current in workflow.LABELS
            assert set(options) <= set(workflow.LABELS)
    # Every state but 已刊 has a review step out of it.
    assert [s for s in workflow.STATUSES if not workflow.NEXT[s]] == ["published"]


def test_undo_takes_back_the_last_review_step_and_its_place_in_a_volume(library):
    from wenshi.records import NewManuscript

    catalog, volumes = library.manuscripts, library.volumes
    mid = catalog.add(NewManuscript(title="秦渠谣", body="秦渠水长")).value
    for step in ("初审", "复审", "终审", "采用"):
        catalog.transition(mid, step, "王主任")
    volumes.create(18, "《灵武文史》第十八辑")
    volumes.add_section(18, "诗词楹联")
    volumes.place(18, [mid], "诗词楹联")
    catalog.transition(mid, "待用", "王主任", "下一辑再用")
    catalog.transition(mid, "退稿", "王主任", "点错了")  # leaves the volume
    assert catalog.get(mid).volume is None
    catalog.undo_step(mid, ("held", "rejected"), "王主任", back_in=(18, "诗词楹联", 1))
    detail = catalog.get(mid)
    assert (detail.status, detail.volume, detail.section) == ("held", 18, "诗词楹联")
    last = catalog.reviews(mid)[-1]
    assert (last.from_status, last.to_status, last.actor, last.opinion) == (
        "rejected",
        "held",
        "王主任",
        "撤销上一步（待用 → 退稿）",
    )
    catalog.undo_step(mid, ("accepted", "held"))
    assert catalog.get(mid).status == "accepted"
    with pytest.raises(InvalidValueError) as refused:  # it is 采用 now, not 待用
        catalog.undo_step(mid, ("accepted", "held"))
    assert str(refused.value) == f"稿件 {mid} 现在是“采用”，“采用 → 待用”这一步已无法撤销"
