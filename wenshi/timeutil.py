"""Timestamps and the dates editors type (2022-06-24, 2022/6/24, 2022年6月24日)."""

from __future__ import annotations

import re
from datetime import date, datetime

from wenshi.errors import InvalidValueError
from wenshi.i18n import _

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def now_iso() -> str:
    """Local time to the second, sortable as text."""
    return datetime.now().isoformat(timespec="seconds")


def parse_date(text: str | None) -> str | None:
    """Normalise a typed date to ISO ``YYYY-MM-DD``; empty means no date."""
    if text is None or not text.strip():
        return None
    match = _DATE.match(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            pass
    raise InvalidValueError(
        _("日期“{text}”无效；请写成 2022-06-24、2022/6/24 或 2022年6月24日").format(text=text)
    )


def received_on(text: str | None) -> str:
    """The 收稿日期 of an import: a typed date (``parse_date``), today when none is given;
    a day that has not come yet is refused, it is always a slip of the keyboard."""
    day = parse_date(text) or date.today().isoformat()
    if day > date.today().isoformat():
        raise InvalidValueError(
            _("收稿日期“{text}”在今天（{isoformat}）之后").format(
                text=text, isoformat=date.today().isoformat()
            )
        )
    return day
