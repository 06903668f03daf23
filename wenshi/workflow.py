"""The review workflow of a manuscript: 三审, decision, editing, proofs, publication.

States have a stable key (stored, used in JSON) and a Chinese label (shown, accepted as
input). ``RULES`` is the whole rule book: every status change, whoever makes it, is one of
its edges, under the cause that allows it — an editor's review step, the publication of
the volume a piece sits in, or the reopening of a published volume. A change not listed
is refused with a message naming what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from wenshi.errors import InvalidValueError, TransitionError
from wenshi.i18n import N_, _

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


class Cause(StrEnum):
    REVIEW = "review"  # an editor's step: the review panel, ``wenshi set --status``
    PUBLICATION = "publication"  # the volume the piece sits in is published
    REOPENING = "reopening"  # a published volume is reopened for correction
    UNDO = "undo"  # an editor takes back their last review step


RULES: dict[Cause, dict[str, tuple[str, ...]]] = {
    Cause.REVIEW: {
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
    },
    # Publishing a volume makes every piece in it 已刊, from any state it may sit in.
    Cause.PUBLICATION: {
        "accepted": ("published",),
        "held": ("published",),
        "editing": ("published",),
        "proofreading": ("published",),
    },
    # Reopening a published volume puts its pieces back to 校对 until it is published again.
    Cause.REOPENING: {"published": ("proofreading",)},
}
# Taking a review step back goes the same edge the other way.
RULES[Cause.UNDO] = {
    status: tuple(a for a, targets in RULES[Cause.REVIEW].items() if status in targets)
    for status in LABELS
}
NEXT = RULES[Cause.REVIEW]  # the editor's choices, as the review panel offers them

STATUSES: tuple[str, ...] = tuple(LABELS)
# States in which a manuscript may sit in a volume (辑); leaving them takes it out.
PLACEABLE: tuple[str, ...] = ("accepted", "held", "editing", "proofreading", "published")
_BY_LABEL = {label: key for key, label in LABELS.items()}
_CAUSE_LABELS = {
    Cause.REVIEW: N_("审稿"),
    Cause.PUBLICATION: N_("所在的辑出版"),
    Cause.REOPENING: N_("所在的辑重新开放修改"),
    Cause.UNDO: N_("撤销上一步审稿"),
}


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
    raise InvalidValueError(
        _("未知的状态“{text}”；可用的状态：{known}").format(text=text, known=known)
    )


def allowed_next(status: str, cause: Cause = Cause.REVIEW) -> tuple[str, ...]:
    return RULES[cause].get(status, ())


def common_steps(statuses: Iterable[str]) -> tuple[str, ...]:
    """The review steps every one of ``statuses`` may take (a batch step must suit all
    of the manuscripts), in the order the first one lists them."""
    statuses = list(statuses)
    if not statuses:
        return ()
    first, *rest = statuses
    return tuple(t for t in allowed_next(first) if all(t in allowed_next(s) for s in rest))


def edges() -> list[tuple[str, str, Cause]]:
    """Every allowed change, with its cause (for the documentation and the tests)."""
    return [(a, b, cause) for cause, rules in RULES.items() for a, bs in rules.items() for b in bs]


def check_transition(current: str, target: str, cause: Cause = Cause.REVIEW) -> None:
    """Raise ``TransitionError`` naming what is allowed if the change is not in the book."""
    if target in allowed_next(current, cause):
        return
    others = [c for c in Cause if c is not cause and target in allowed_next(current, c)]
    if others:
        raise TransitionError(
            _("“{current}”转为“{target}”只能由{cause}引起").format(
                current=label(current), target=label(target), cause=_(_CAUSE_LABELS[others[0]])
            )
            + (
                "（wenshi volume set N --status published）"
                if others[0] is Cause.PUBLICATION
                else ""
            )
        )
    options = "、".join(LABELS[s] for s in allowed_next(current, cause)) or _("无")
    raise TransitionError(
        _("不能从“{label}”直接转为“{label2}”；允许的下一步：{options}").format(
            label=label(current), label2=label(target), options=options
        )
    )
