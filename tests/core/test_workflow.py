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
    with pytest.raises(InvalidValueError, match="未知的状态"):
        workflow.parse_status("通过")


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
    ("current", "target", "allowed"),
    [
        ("received", "accepted", "初审、退稿"),
        ("published", "editing", "无"),
        ("first_review", "final_review", "复审、退修、退稿"),
    ],
)
def test_illegal_jump_names_allowed(current, target, allowed):
    with pytest.raises(TransitionError) as err:
        workflow.check_transition(current, target)
    assert allowed in str(err.value)


def test_every_next_state_is_a_known_state():
    for current, options in workflow.NEXT.items():
        assert current in workflow.LABELS
        assert set(options) <= set(workflow.LABELS)
