"""A volume's publication facts: what a citation (GB/T 7714, RIS, CSL-JSON, BibTeX)
needs beyond the volume's number, title and year — who edited it, where and by whom it
was published, or that it is 内部资料 with its 准印证号, and its ISBN if it has one."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from wenshi.errors import InvalidValueError
from wenshi.i18n import _


@dataclass(frozen=True)
class PublicationFacts:
    editor: str = ""  # 主编/编者: a person or a body (政协灵武市委员会文史资料委员会)
    place: str = ""  # 出版地
    publisher: str = ""  # 出版者
    internal: bool = False  # 内部资料 (no publisher's imprint, printed under a 准印证)
    permit: str = ""  # 准印证号
    isbn: str = ""
    series: str = ""  # 书名 the volumes share (灵武文史); empty: taken from the title

    def changed(self, **changes: object) -> PublicationFacts:
        """These facts with ``changes`` applied, each checked and tidied."""
        unknown = set(changes) - set(FACT_FIELDS)
        if unknown:
            raise InvalidValueError(
                _("不能修改的辑属性：{join}").format(join="、".join(sorted(unknown)))
            )
        tidy: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "internal":
                tidy[name] = bool(value)
            elif name == "isbn":
                tidy[name] = checked_isbn(str(value))
            else:
                tidy[name] = " ".join(str(value).split())
        return replace(self, **tidy)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FACT_FIELDS = tuple(f.name for f in fields(PublicationFacts))


def checked_isbn(text: str) -> str:
    """An ISBN as printed with its hyphens (978-7-…), or "" for none; a number whose
    check digit or length is wrong is refused, naming it."""
    number = re.sub(r"(?i)^\s*ISBN[-:：\s]*", "", text).strip()
    if not number:
        return ""
    from stdnum import isbn as isbn_numbers  # loaded when an ISBN is first entered
    from stdnum.exceptions import ValidationError

    try:
        return isbn_numbers.format(isbn_numbers.validate(number))
    except ValidationError as error:
        raise InvalidValueError(
            _("ISBN“{value}”无效：{reason}").format(value=text.strip(), reason=_isbn_reason(error))
        ) from None


def _isbn_reason(error: Exception) -> str:
    name = type(error).__name__
    if name == "InvalidChecksum":
        return _("校验位不符")
    if name == "InvalidLength":
        return _("应为 10 位或 13 位")
    return _("含有不是数字的字符")


def series_title(title: str, series: str) -> str:
    """The 书名 the volume belongs to: ``series`` when set, else the name in the title's
    book-title marks (《灵武文史》第十七辑 → 灵武文史), else the title less its 第…辑
    (灵武文史（第17辑） → 灵武文史)."""
    if series:
        return series
    marked = re.search(r"《([^》]+)》", title)
    if marked:
        return marked.group(1)
    number = r"[（(]?\s*第[0-9〇零一二三四五六七八九十百千]+辑\s*[）)]?"
    return re.sub(rf"\s*{number}\s*$", "", title).strip() or title
