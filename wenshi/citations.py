"""Citing articles and search hits: the facts of an article and of the volume it was
published in gathered into a ``Reference``, written in the format asked for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from wenshi.citation import FORMATS, Reference
from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.volumes.facts import series_title

if TYPE_CHECKING:
    from wenshi.library import Library
    from wenshi.volumes.plan import VolumePlan


class Citations:
    """Citations of the articles of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def reference(
        self,
        manuscript_id: int,
        page: int | None = None,
        plans: dict[int, VolumePlan] | None = None,
    ) -> Reference:
        """The reference to the article, or to one of its pages (a search hit's). Only a
        piece placed in a volume can be cited; its pages are those of the printed
        volume (imported or published here), never an estimate. ``plans`` keeps each
        volume's plan for the next reference of a batch: one per volume, not per piece."""
        detail = self.library.manuscripts.get(manuscript_id, include_deleted=False)
        if detail.volume is None:
            raise InvalidValueError(
                _("稿件 #{id}《{title}》未编入任何一辑，无从引用").format(
                    id=detail.id, title=detail.title
                )
            )
        plans = {} if plans is None else plans
        if detail.volume not in plans:
            plans[detail.volume] = self.library.volumes.plan(detail.volume)
        plan = plans[detail.volume]
        first = last = None
        if plan.status == "published":
            item = next(i for s in plan.sections for i in s.items if i.id == manuscript_id)
            first, last = item.start_page, item.end_page
        if page is not None:
            if first is None:
                raise InvalidValueError(
                    _("第 {number} 辑尚未出版，《{title}》还没有页码可引").format(
                        number=plan.number, title=detail.title
                    )
                )
            if not first <= page <= (last or first):
                raise InvalidValueError(
                    _("《{title}》在第 {first}–{last} 页，没有第 {page} 页").format(
                        title=detail.title, first=first, last=last or first, page=page
                    )
                )
        facts = plan.facts
        return Reference(
            manuscript_id=detail.id,
            title=detail.title,
            subtitle=detail.subtitle,
            authors=tuple(detail.authors),
            narrators=tuple(detail.narrators),
            compilers=tuple(detail.compilers),
            volume=plan.number,
            series=series_title(plan.title, facts.series),
            editor=facts.editor,
            place=facts.place,
            publisher=facts.publisher,
            year=plan.year,
            first_page=first,
            last_page=last,
            page=page,
            isbn=facts.isbn,
            internal=facts.internal,
            permit=facts.permit,
        )

    def cite(self, ids: Sequence[int], *, page: int | None = None, style: str = "gbt7714") -> str:
        """The citations of ``ids`` in ``style`` (one of ``FORMATS``), as one text."""
        if style not in FORMATS:
            raise InvalidValueError(
                _("引文格式“{value}”无效；可用：{join}").format(
                    value=style, join="、".join(FORMATS)
                )
            )
        if page is not None and len(ids) != 1:
            raise InvalidValueError(_("指定页码时只能引用一篇稿件"))
        plans: dict[int, VolumePlan] = {}
        return FORMATS[style]([self.reference(i, page, plans) for i in ids])
