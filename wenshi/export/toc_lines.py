"""The 目录's content once, for every form it takes: the Word 目录, Markdown, HTML and the
desktop program's preview all list these sections and entries, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from wenshi.export.names import entry_title, filled_sections
from wenshi.volumes.plan import VolumePlan


@dataclass(frozen=True)
class TocEntry:
    title: str  # 题名——副题
    credit: str  # the by-line as printed, maybe empty
    page: int

    @property
    def text(self) -> str:
        """What stands before the leader: the title, a full-width space, the by-line."""
        return f"{self.title}　{self.credit}" if self.credit else self.title


@dataclass(frozen=True)
class TocSection:
    name: str
    entries: tuple[TocEntry, ...]


def toc_sections(plan: VolumePlan) -> list[TocSection]:
    """The 栏目 that hold pieces, each with its entries in order and their start pages."""
    return [
        TocSection(
            section.name,
            tuple(
                TocEntry(entry_title(item), item.credit_line, item.start_page)
                for item in section.items
            ),
        )
        for section in filled_sections(plan)
    ]
