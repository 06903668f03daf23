"""A volume's back-of-book index of persons (人名索引) or places (地名索引), built from the
authority list: every page each entry appears on under any of its names, in 汉语拼音
order as GB/T 22466 recommends (pypinyin; tones, then the characters, break ties), with
a cross-reference from each other name (马子寅 见 马鸿宾).

Pages are the printed ones where the volume was printed (a back-catalogue PDF's pages, or
a published volume's start pages), else the estimate the plan makes for a volume being
compiled: an occurrence at a share of an article's text falls on that share of its pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wenshi.reading.document import PAGE_BREAK, page_of
from wenshi.search.fold import fold

if TYPE_CHECKING:
    from wenshi.library import Library


@dataclass
class IndexEntry:
    name: str
    pages: list[int] = field(default_factory=list)
    see: str = ""  # a cross-reference: this name is found under ``see``

    @property
    def pinyin(self) -> str:
        from pypinyin import lazy_pinyin

        return " ".join(lazy_pinyin(self.name))

    @property
    def initial(self) -> str:
        """The letter it is filed under (A–Z; # for a name with no pinyin)."""
        letter = self.pinyin[:1].upper()
        return letter if "A" <= letter <= "Z" else "#"

    @property
    def line(self) -> str:
        """马鸿宾  5, 12, 13 — or 马子寅  见 马鸿宾."""
        if self.see:
            return f"{self.name}　见 {self.see}"
        return f"{self.name}　{', '.join(map(str, self.pages))}"


def sort_key(name: str) -> tuple:
    """汉语拼音 letter by letter, then tones, then the characters themselves. (pypinyin
    and its phrase dictionary load here, on the first index, not when the program starts.)"""
    from pypinyin import Style, lazy_pinyin

    return (
        lazy_pinyin(name, style=Style.NORMAL),
        lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True),
        name,
    )


@dataclass
class VolumeIndex:
    number: int
    kind: str  # person | place
    estimated: bool  # pages from the plan's estimate (a volume still being compiled)
    entries: list[IndexEntry]


def _pages_of(body: str, first_page: int | None, start: int, end: int, spans) -> set[int]:
    """The pages the occurrences at ``spans`` fall on."""
    if first_page is not None and PAGE_BREAK in body:  # printed pages in the text itself
        return {page_of(body, s, first_page) or first_page for s, _ in spans}
    length = max(1, len(body))
    count = max(1, end - start + 1)
    return {start + min(count - 1, s * count // length) for s, _ in spans}


def build_index(library: Library, number: int, kind: str) -> VolumeIndex:
    """The index of volume ``number`` for ``kind`` (person or place)."""
    plan = library.volumes.plan(number)
    entries = library.authorities.list(kind)
    items = [i for s in plan.sections for i in s.items]
    bodies = library.index.docs.originals([i.id for i in items])
    m = library.tables.Manuscript
    firsts = dict(
        m.select(m.id, m.first_page)
        .where(m.id.in_([i.id for i in items]) & m.first_page.is_null(False))
        .tuples()
    )
    patterns = [
        (
            entry,
            re.compile(
                "|".join(re.escape(fold(n)) for n in sorted(entry.all_names, key=len, reverse=True))
            ),
        )
        for entry in entries
    ]
    pages: dict[str, set[int]] = {}
    for item in items:
        body = bodies.get(item.id, "")
        folded = fold(f"{item.title}\n{body}")
        offset = len(item.title) + 1
        for entry, pattern in patterns:
            spans = [m.span() for m in pattern.finditer(folded)]
            if not spans:
                continue
            in_body = [(max(0, s - offset), e - offset) for s, e in spans]
            found = _pages_of(body, firsts.get(item.id), item.start_page, item.end_page, in_body)
            pages.setdefault(entry.name, set()).update(found)
    lines = [IndexEntry(name, sorted(found)) for name, found in pages.items()]
    for entry in entries:
        if entry.name in pages:
            lines += [
                IndexEntry(n.name, see=entry.name)
                for n in entry.names[1:]
                if fold(n.name) != fold(entry.name)  # 馬鴻賓 files with 马鸿宾
            ]
    lines.sort(key=lambda e: sort_key(e.name))
    return VolumeIndex(number, kind, plan.status != "published", lines)
