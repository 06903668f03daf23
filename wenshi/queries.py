"""Reads over many manuscripts: filtered, sorted lists and totals, done in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peewee import JOIN, SQL, fn

from wenshi import workflow
from wenshi.browse import Facet, condition
from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.records import ManuscriptSummary, shown_people
from wenshi.search.fold import fold
from wenshi.text.similarity import THRESHOLD, resemblance

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library

SORTS = ("id", "title", "author", "status", "words", "volume", "section", "received", "updated")
_FIRST_AUTHOR = SQL(
    "(SELECT p.name FROM credit c JOIN person p ON p.id = c.person_id "
    "WHERE c.manuscript_id = t1.id AND c.role = 'author' ORDER BY c.position LIMIT 1)"
)


@dataclass
class Filter:
    """What the catalog shows: every field optional; ``trash`` lists deleted ones instead.
    ``text`` is matched as search matches: 繁简, width and case folded; ``facet`` is what
    the library browser chose."""

    status: str | None = None
    volume: int | None = None
    section: str | None = None
    text: str = ""
    facet: Facet | None = None
    trash: bool = False
    sort: str = "id"
    descending: bool = False


@dataclass
class Stats:
    manuscripts: int
    words: int
    han: int
    in_trash: int
    by_status: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "manuscripts": self.manuscripts,
            "words": self.words,
            "han": self.han,
            "in_trash": self.in_trash,
            "by_status": self.by_status,
        }


class Queries:
    """Lists and totals over the manuscripts of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def t(self) -> Tables:
        return self.library.tables

    def _sort_keys(self, sort: str) -> tuple[Any, ...]:
        t = self.t
        keys: dict[str, tuple[Any, ...]] = {
            "id": (t.Manuscript.id,),
            "title": (t.Manuscript.title,),
            "author": (_FIRST_AUTHOR,),
            "status": (t.Manuscript.status,),
            "words": (t.Manuscript.words,),
            "volume": (t.Volume.number, t.Section.position, t.Manuscript.position),
            "section": (t.Section.name,),
            "received": (t.Manuscript.received_date,),
            "updated": (t.Manuscript.updated_at,),
        }
        if sort not in keys:
            raise InvalidValueError(
                _("未知的排序字段“{sort}”；可用：{join}").format(sort=sort, join="、".join(SORTS))
            )
        return keys[sort]

    def authors_by_id(self, ids: list[int]) -> dict[int, list[str]]:
        """Authors in display order; for an oral history without an author, the 口述 and
        整理 people marked as such, so the catalog never shows an empty 作者 for it."""
        if not ids:
            return {}
        t = self.t
        credits: dict[int, list[tuple[str, str]]] = {i: [] for i in ids}
        rows = (
            t.Credit.select(t.Credit.manuscript, t.Credit.role, t.Person.name)
            .join(t.Person)
            .where(t.Credit.manuscript.in_(ids))
            .order_by(t.Credit.manuscript, t.Credit.position)
            .tuples()
        )
        for mid, role, name in rows:
            credits[mid].append((role, name))
        return {mid: shown_people(credits[mid]) for mid in ids}

    def _filtered(self, flt: Filter, *columns: Any):
        t = self.t
        query = (
            t.Manuscript.select(*columns)
            .join(t.Section, JOIN.LEFT_OUTER)
            .join(t.Volume, JOIN.LEFT_OUTER)
            .where(
                t.Manuscript.deleted_at.is_null(False)
                if flt.trash
                else t.Manuscript.deleted_at.is_null()
            )
        )
        if flt.status:
            query = query.where(t.Manuscript.status == workflow.parse_status(flt.status))
        if flt.volume is not None:
            query = query.where(t.Volume.number == flt.volume)
        if flt.section:
            query = query.where(t.Section.name == flt.section)
        if flt.facet is not None:
            query = query.where(condition(t, flt.facet))
        needle = fold(flt.text.strip())
        if needle:
            by_person = (
                t.Credit.select(t.Credit.manuscript)
                .join(t.Person)
                .where(fn.instr(fn.fold(t.Person.name), needle) > 0)
            )
            query = query.where(
                (fn.instr(fn.fold(t.Manuscript.title), needle) > 0) | t.Manuscript.id.in_(by_person)
            )
        return query

    def ordered_ids(self, flt: Filter | None = None) -> list[int]:
        """Ids of the manuscripts matching ``flt``, in its order: the catalog view holds
        only these and fetches rows as they scroll into view (``summaries``)."""
        flt = flt or Filter()
        keys = self._sort_keys(flt.sort)
        order = [k.desc() if flt.descending else k for k in keys]
        query = self._filtered(flt, self.t.Manuscript.id).order_by(*order, self.t.Manuscript.id)
        return [mid for (mid,) in query.tuples()]

    def summaries(self, ids: list[int]) -> list[ManuscriptSummary]:
        """Catalog rows for ``ids``, in that order (missing ids are skipped)."""
        if not ids:
            return []
        t = self.t
        rows = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = (
                t.Manuscript.select(
                    t.Manuscript.id,
                    t.Manuscript.title,
                    t.Manuscript.status,
                    t.Manuscript.words,
                    t.Manuscript.han,
                    t.Manuscript.received_date,
                    t.Manuscript.similar_to,
                    t.Manuscript.deleted_at,
                    t.Volume.number,
                    t.Section.name,
                )
                .join(t.Section, JOIN.LEFT_OUTER)
                .join(t.Volume, JOIN.LEFT_OUTER)
                .where(t.Manuscript.id.in_(chunk))
            )
            rows.update({r[0]: r for r in query.tuples()})
        authors = self.authors_by_id(list(rows))
        return [
            ManuscriptSummary(
                id=mid,
                title=title,
                authors=authors[mid],
                status=status,
                status_label=workflow.label(status),
                words=words,
                han=han,
                volume=vol,
                section=sec,
                received_date=received,
                similar_to=similar,
                deleted_at=deleted,
            )
            for mid, title, status, words, han, received, similar, deleted, vol, sec in (
                rows[i] for i in ids if i in rows
            )
        ]

    def list(self, flt: Filter | None = None) -> list[ManuscriptSummary]:
        """Catalog rows matching ``flt``, in its order."""
        return self.summaries(self.ordered_ids(flt))

    def stats(self) -> Stats:
        """Counts and 字数 totals by status, in workflow order."""
        t = self.t
        live = t.Manuscript.deleted_at.is_null()
        grouped = {
            status: (n, w or 0, h or 0)
            for status, n, w, h in t.Manuscript.select(
                t.Manuscript.status,
                fn.COUNT(t.Manuscript.id),
                fn.SUM(t.Manuscript.words),
                fn.SUM(t.Manuscript.han),
            )
            .where(live)
            .group_by(t.Manuscript.status)
            .tuples()
        }
        by_status = [
            {
                "status": s,
                "label": workflow.label(s),
                "manuscripts": grouped[s][0],
                "words": grouped[s][1],
                "han": grouped[s][2],
            }
            for s in workflow.STATUSES
            if s in grouped
        ]
        return Stats(
            manuscripts=sum(v[0] for v in grouped.values()),
            words=sum(v[1] for v in grouped.values()),
            han=sum(v[2] for v in grouped.values()),
            in_trash=t.Manuscript.select().where(t.Manuscript.deleted_at.is_null(False)).count(),
            by_status=by_status,
        )

    def manuscript_with_file(self, sha256: str) -> int | None:
        """The manuscript that already holds these exact bytes, if any (trash included)."""
        row = self.t.StoredFile.get_or_none(self.t.StoredFile.sha256 == sha256)
        return row.manuscript_id if row else None

    def most_similar(self, text_sketch: bytes) -> tuple[int, float] | None:
        """The stored manuscript most resembling a sketch, if at or above the threshold."""
        t = self.t
        best: tuple[int, float] | None = None
        for mid, other in t.Manuscript.select(t.Manuscript.id, t.Manuscript.sketch).tuples():
            score = resemblance(text_sketch, other)
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (mid, score)
        return best

    def section_names(self) -> list[str]:
        """Every 栏目 name used in any volume, for the catalog's section filter."""
        t = self.t
        query = t.Section.select(t.Section.name).distinct().order_by(t.Section.name)
        return [name for (name,) in query.tuples()]
