"""What search needs to know of each manuscript, read from the database.

``IndexedDocs`` holds the metadata of every live manuscript (small: a few hundred bytes
each) and, lazily, the folded text of those a query has to confirm or quote. It is
reloaded when the library's change counter moves, so a search never sees stale rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peewee import JOIN

from wenshi.db.counter import changed_since, current_seq
from wenshi.records import shown_people
from wenshi.search.fold import fold

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library


@dataclass
class DocInfo:
    """Metadata of one manuscript, with folded copies of the fields filters match on."""

    id: int
    title: str
    subtitle: str
    authors: list[str]
    people_folded: str
    status: str
    volume: int | None
    section: str | None
    section_folded: str
    order: tuple[int, int, int]  # volume, section position, item position (for sorting)
    received_date: str | None
    year: int | None
    tags: list[str] = field(default_factory=list)
    body_length: int = 0
    title_folded: str = ""
    first_page: int | None = None  # printed page the body starts on (paged sources)
    periods: list[tuple[int, int]] = field(default_factory=list)  # years the text mentions

    @property
    def title_text(self) -> str:
        """The text of the title field: 题名 and 副题 on one line."""
        return f"{self.title} {self.subtitle}".strip()


def index_text(info: DocInfo, body: str) -> tuple[str, str]:
    """The folded title and body the index holds for one manuscript."""
    return fold(info.title_text), fold(body)


def load_infos(t: Tables, ids: list[int] | None = None) -> dict[int, DocInfo]:
    """Metadata of the live (not trashed) manuscripts, all or those in ``ids``."""
    query = (
        t.Manuscript.select(
            t.Manuscript.id,
            t.Manuscript.title,
            t.Manuscript.subtitle,
            t.Manuscript.status,
            t.Manuscript.received_date,
            t.Manuscript.position,
            t.Manuscript.chars_with_spaces,
            t.Manuscript.first_page,
            t.Section.name,
            t.Section.position,
            t.Volume.number,
        )
        .join(t.Section, JOIN.LEFT_OUTER)
        .join(t.Volume, JOIN.LEFT_OUTER)
        .where(t.Manuscript.deleted_at.is_null())
    )
    if ids is not None:
        query = query.where(t.Manuscript.id.in_(ids))
    infos: dict[int, DocInfo] = {}
    for row in query.tuples():
        mid, title, subtitle, status, received, pos, length, first_page, sec, sec_pos, vol = row
        year = int(received[:4]) if received else None
        infos[mid] = DocInfo(
            id=mid,
            title=title,
            subtitle=subtitle,
            authors=[],
            people_folded="",
            status=status,
            volume=vol,
            section=sec,
            section_folded=fold(sec or ""),
            order=(vol if vol is not None else 1 << 30, sec_pos or 0, pos or 0),
            received_date=received,
            year=year,
            body_length=length,
            first_page=first_page,
        )
        infos[mid].title_folded = fold(infos[mid].title_text)
    people = (
        t.Credit.select(t.Credit.manuscript, t.Credit.role, t.Person.name)
        .join(t.Person)
        .where(t.Credit.manuscript.in_(list(infos)) if ids is not None else True)
        .order_by(t.Credit.manuscript, t.Credit.position)
        .tuples()
    )
    credits: dict[int, list[tuple[str, str]]] = {}
    for mid, role, name in people:
        if mid in infos:  # not trashed
            credits.setdefault(mid, []).append((role, name))
    for mid, credited in credits.items():
        infos[mid].authors = shown_people(credited)
        infos[mid].people_folded = fold("\n".join(name for _role, name in credited))
    tags = (
        t.ManuscriptTag.select(t.ManuscriptTag.manuscript, t.Tag.name)
        .join(t.Tag)
        .where(t.ManuscriptTag.manuscript.in_(list(infos)) if ids is not None else True)
        .tuples()
    )
    for mid, name in tags:
        if mid in infos:
            infos[mid].tags.append(fold(name))
    periods = (
        t.ManuscriptPeriod.select(
            t.ManuscriptPeriod.manuscript, t.ManuscriptPeriod.first, t.ManuscriptPeriod.last
        )
        .where(t.ManuscriptPeriod.manuscript.in_(list(infos)) if ids is not None else True)
        .order_by(t.ManuscriptPeriod.manuscript, t.ManuscriptPeriod.first)
        .tuples()
    )
    for mid, first, last in periods:
        if mid in infos:
            infos[mid].periods.append((first, last))
    return infos


class IndexedDocs:
    """Metadata of all live manuscripts plus a cache of folded bodies, kept current."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.seq = -1
        self.infos: dict[int, DocInfo] = {}
        self._bodies: dict[int, str] = {}

    @property
    def t(self) -> Tables:
        return self.library.tables

    def refresh(self) -> None:
        """Reload metadata if anything changed since the last load; drop stale bodies."""
        seq = current_seq(self.t)
        if seq == self.seq:
            return
        changed = set(changed_since(self.t, self.seq))
        for mid in changed:
            self._bodies.pop(mid, None)
        if self.seq < 0 or len(changed) > 500:
            self.infos = load_infos(self.t)
        else:  # reload only what changed (a trashed manuscript drops out)
            fresh = load_infos(self.t, sorted(changed))
            infos = dict(self.infos)
            for mid in changed:
                infos.pop(mid, None)
            infos.update(fresh)
            self.infos = infos
        self.seq = seq

    def load_bodies(self, ids: Iterable[int]) -> dict[int, str]:
        """Make sure the folded bodies of ``ids`` are cached (read and folded on first need)
        and return the cache itself, so a scan over thousands of ids copies nothing."""
        missing = [i for i in ids if i not in self._bodies]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            rows = self.t.Manuscript.select(self.t.Manuscript.id, self.t.Manuscript.body).where(
                self.t.Manuscript.id.in_(chunk)
            )
            for mid, body in rows.tuples():
                self._bodies[mid] = fold(body)
        return self._bodies

    def bodies(self, ids: list[int]) -> dict[int, str]:
        """Folded bodies of ``ids`` (those that exist)."""
        cache = self.load_bodies(ids)
        return {i: cache[i] for i in ids if i in cache}

    def originals(self, ids: list[int]) -> dict[int, str]:
        """Stored (unfolded) bodies, for snippets and concordance lines."""
        m = self.t.Manuscript
        out: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            rows = m.select(m.id, m.body).where(m.id.in_(ids[start : start + 500]))
            out.update(rows.tuples())
        return out
