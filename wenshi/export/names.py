"""How volumes and articles are named in print: 《灵武文史》第十七辑, 题名——副题."""

from __future__ import annotations

import re

from wenshi.volumes.plan import ItemPlan, SectionPlan, VolumePlan

_DIGITS = "〇一二三四五六七八九"
_SERIES = re.compile(r"《(.+?)》")
_NUMBERED = re.compile(r"第.+?辑")


def chinese_number(n: int) -> str:
    """17 → 十七, 105 → 一百零五, 110 → 一百一十: 辑 are numbered in Chinese in print."""
    if not 0 <= n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if not hundreds:
        if n < 10:
            return _DIGITS[n]
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
    out = _DIGITS[hundreds] + "百"
    if tens:
        out += _DIGITS[tens] + "十" + (_DIGITS[units] if units else "")
    elif units:
        out += "零" + _DIGITS[units]
    return out


def series_name(plan: VolumePlan) -> str:
    """灵武文史: the publication's name inside the volume title."""
    title = plan.title.strip()
    found = _SERIES.search(title)
    if found:
        return found.group(1)
    return _NUMBERED.split(title)[0].strip() or title


def volume_name(plan: VolumePlan) -> str:
    """《灵武文史》第十七辑: the title as is when it names the 辑, else built from it."""
    title = plan.title.strip()
    if _NUMBERED.search(title):
        return title
    return f"《{series_name(plan)}》第{chinese_number(plan.number)}辑"


def entry_title(item: ItemPlan) -> str:
    """题名——副题, as the article is listed."""
    return f"{item.title}——{item.subtitle}" if item.subtitle else item.title


def filled_sections(plan: VolumePlan) -> list[SectionPlan]:
    return [section for section in plan.sections if section.items]
