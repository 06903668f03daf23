"""稿酬: the basis figure, the rate and the amount of one manuscript.

The 2014 rules (《使用文字作品支付报酬办法》) pay per 千字 with a part-thousand counted as a
thousand; verse counts 10 lines as 1,000 字 (under 10 lines as 10). The rate ranges are
guidance: a rate outside them is allowed and flagged, never refused.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.text.wordcount import round_up_thousands

KINDS: dict[str, tuple[str, float, float]] = {
    "original": ("原创", 80.0, 300.0),
    "compilation": ("汇编", 10.0, 20.0),
    "translation": ("翻译", 50.0, 200.0),
}
BASES = {"words": "Word 字数", "layout": "版面字数"}


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        names = "、".join(f"{k}（{v[0]}）" for k, v in KINDS.items())
        raise InvalidValueError(
            _("未知的稿件类别“{kind}”；可用：{names}").format(kind=kind, names=names)
        )
    return kind


def check_basis(basis: str) -> str:
    if basis not in BASES:
        raise InvalidValueError(
            _("未知的计酬依据“{basis}”；可用：words（Word 字数）、layout（版面字数）").format(
                basis=basis
            )
        )
    return basis


def check_rate(rate: float) -> float:
    if not rate > 0 or rate > 100000:
        raise InvalidValueError(
            _("稿酬标准“{rate}”无效：须为大于 0 的每千字元数").format(rate=rate)
        )
    return rate


@dataclass
class Fee:
    """One line of a payment sheet."""

    id: int
    authors: str
    title: str
    kind: str
    basis: str
    figure: int  # the counted figure (Word 字数 or 版面字数)
    thousands: int  # 千字 paid for: the figure rounded up to whole thousands
    rate: float  # 元/千字
    amount: float
    in_guidance: bool
    paid_on: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compute_fee(
    *,
    id: int,
    authors: str,
    title: str,
    kind: str,
    basis: str,
    words: int,
    layout_words: int,
    rate: float,
    paid_on: str | None = None,
) -> Fee:
    figure = words if basis == "words" else layout_words
    thousands = round_up_thousands(figure) // 1000
    low, high = KINDS[kind][1], KINDS[kind][2]
    return Fee(
        id=id,
        authors=authors,
        title=title,
        kind=kind,
        basis=basis,
        figure=figure,
        thousands=thousands,
        rate=rate,
        amount=round(thousands * rate, 2),
        in_guidance=low <= rate <= high,
        paid_on=paid_on,
    )
