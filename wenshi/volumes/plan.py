"""The plan of a volume as exports and views read it: sections, items, pages, totals."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wenshi.i18n import _
from wenshi.layout import Layout
from wenshi.volumes.facts import PublicationFacts


@dataclass
class Totals:
    articles: int = 0
    words: int = 0
    han: int = 0
    layout_words: int = 0
    images: int = 0
    pages: int = 0


@dataclass
class ItemPlan:
    id: int
    title: str
    subtitle: str
    authors: list[str]
    compilers: list[str]
    narrators: list[str]
    status: str
    status_label: str
    genre: str
    words: int
    han: int
    layout_words: int
    images: int
    lines: int
    start_page: int
    end_page: int

    @property
    def credit_line(self) -> str:
        """The by-line as printed: 马建国 / 王福林 口述 李秀兰 整理."""
        parts = ["、".join(self.authors)] if self.authors else []
        if self.narrators:
            parts.append("、".join(self.narrators) + " 口述")
        if self.compilers:
            parts.append("、".join(self.compilers) + " 整理")
        return "  ".join(parts)


@dataclass
class SectionPlan:
    name: str
    items: list[ItemPlan] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)


@dataclass
class VolumePlan:
    number: int
    title: str
    year: int | None
    status: str
    target_words: int | None
    settings: Layout
    sections: list[SectionPlan]
    totals: Totals
    facts: PublicationFacts = field(default_factory=PublicationFacts)

    @property
    def frozen(self) -> str | None:
        """Why the volume cannot be changed now, as the core's refusal says it; None while
        it can. Views disable their changing actions with this reason."""
        return frozen_reason(self.number) if self.status == "published" else None

    @property
    def progress(self) -> float | None:
        """Share of the target 字数 reached (1.0 = on target), if a target is set."""
        return self.totals.words / self.target_words if self.target_words else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "year": self.year,
            "status": self.status,
            "words": self.totals.words,
            "han": self.totals.han,
            "layout_words": self.totals.layout_words,
            "images": self.totals.images,
            "articles": self.totals.articles,
            "pages": self.totals.pages,
            "target_words": self.target_words,
            "progress": self.progress,
            "layout": asdict(self.settings),
            "publication": self.facts.to_dict(),
            "sections": [
                {"name": s.name, **asdict(s.totals), "items": [asdict(i) for i in s.items]}
                for s in self.sections
            ],
        }


def frozen_reason(number: int) -> str:
    """The refusal of any change to a published volume, with the way to reopen it."""
    return _(
        "第 {number} 辑已出版，内容和版式不能再改；如需更正，请先重新打开"
        "（wenshi volume set {number} --status planning，各篇的审稿记录会记下这一步）"
    ).format(number=number)
