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
