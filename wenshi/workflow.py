"""The review workflow of a manuscript: 三审, decision, editing, proofs, publication.

States have a stable key (stored, used in JSON) and a Chinese label (shown, accepted as
input). ``NEXT`` is the whole rule book: a transition not listed is refused with a message
naming the allowed next states.
"""

from __future__ import annotations

from wenshi.errors import InvalidValueError, TransitionError

LABELS: dict[str, str] = {
    "received": "收稿",
    "first_review": "初审",
    "second_review": "复审",
    "final_review": "终审",
    "accepted": "采用",
    "revise": "退修",
    "rejected": "退稿",
    "held": "待用",
    "editing": "编辑加工",
    "proofreading": "校对",
    "published": "已刊",
}

NEXT: dict[str, tuple[str, ...]] = {
    "received": ("first_review", "rejected"),
    "first_review": ("second_review", "revise", "rejected"),
    "second_review": ("final_review", "revise", "rejected"),
    "final_review": ("accepted", "held", "revise", "rejected"),
    "revise": ("first_review", "rejected"),
    "held": ("accepted", "rejected"),
    "accepted": ("editing", "held"),
    "editing": ("proofreading",),
    "proofreading": ("published", "editing"),
    "published": (),
    "rejected": ("received",),
}

STATUSES: tuple[str, ...] = tuple(LABELS)
# States in which a manuscript may sit in a volume (辑); leaving them takes it out.
PLACEABLE: tuple[str, ...] = ("accepted", "held", "editing", "proofreading", "published")
_BY_LABEL = {label: key for key, label in LABELS.items()}


def label(status: str) -> str:
    return LABELS.get(status, status)


def parse_status(text: str) -> str:
    """Accept a key (``accepted``) or a Chinese label (``采用``); refuse anything else."""
    value = text.strip()
    if value in LABELS:
        return value
    if value in _BY_LABEL:
        return _BY_LABEL[value]
    known = "、".join(f"{v}（{k}）" for k, v in LABELS.items())
    raise InvalidValueError(f"未知的状态“{text}”；可用的状态：{known}")


def allowed_next(status: str) -> tuple[str, ...]:
    return NEXT.get(status, ())


def check_transition(current: str, target: str) -> None:
    """Raise ``TransitionError`` naming the allowed next states if the step is illegal."""
    if target in allowed_next(current):
        return
    options = "、".join(LABELS[s] for s in allowed_next(current)) or "无（已是最终状态）"
    raise TransitionError(
        f"不能从“{label(current)}”直接转为“{label(target)}”；允许的下一步：{options}"
    )
