"""Reads over many manuscripts: filtered, sorted lists and totals, done in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, SQL, fn

from wenshi import workflow
from wenshi.db.models import Credit, Manuscript, Person, Section, StoredFile, Volume
from wenshi.errors import InvalidValueError
from wenshi.records import ROLE_LABELS, ManuscriptSummary
from wenshi.text.similarity import THRESHOLD, resemblance

_FIRST_AUTHOR = SQL(
    "(SELECT p.name FROM credit c JOIN person p ON p.id = c.person_id "
    "WHERE c.manuscript_id = t1.id AND c.role = 'author' ORDER BY c.position LIMIT 1)"
)
SORT_KEYS: dict[str, Any] = {
    "id": Manuscript.id,
    "title": Manuscript.title,
    "author": _FIRST_AUTHOR,
    "status": Manuscript.status,
    "words": Manuscript.words,
    "volume": (Volume.number, Section.position, Manuscript.position),
    "section": Section.name,
    "received": Manuscript.received_date,
    "updated": Manuscript.updated_at,
}


@dataclass
class Filter:
    """What the catalog shows: every field optional; ``trash`` lists deleted ones instead."""

    status: str | None = None
    volume: int | None = None
    section: str | None = None
    text: str = ""
    trash: bool = False
    sort: str = "id"
    descending: bool = False


def _authors_by_id(ids: list[int]) -> dict[int, list[str]]:
    """Authors in display order; for an oral history without an author, the 口述 and 整理
    people marked as such, so the catalog never shows an empty 作者 for it."""
    names: dict[int, list[str]] = {i: [] for i in ids}
    others: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return names
    rows = (
        Credit.select(Credit.manuscript, Credit.role, Person.name)
        .join(Person)
        .where(Credit.manuscript.in_(ids))
        .order_by(Credit.manuscript, Credit.role.desc(), Credit.position)
        .tuples()
    )
    for mid, role, name in rows:
        if role == "author":
            names[mid].append(name)
        else:
            others[mid].append(f"{name}（{ROLE_LABELS[role]}）")
    return {mid: names[mid] or others[mid] for mid in ids}


def _filtered(flt: Filter, *columns: Any):
    query = (
        Manuscript.select(*columns)
        .join(Section, JOIN.LEFT_OUTER)
        .join(Volume, JOIN.LEFT_OUTER)
        .where(
            Manuscript.deleted_at.is_null(False) if flt.trash else Manuscript.deleted_at.is_null()
        )
    )
    if flt.status:
        query = query.where(Manuscript.status == workflow.parse_status(flt.status))
    if flt.volume is not None:
        query = query.where(Volume.number == flt.volume)
    if flt.section:
        query = query.where(Section.name == flt.section)
    if flt.text.strip():
        needle = flt.text.strip()
        by_person = (
            Credit.select(Credit.manuscript).join(Person).where(Person.name.contains(needle))
        )
        query = query.where(Manuscript.title.contains(needle) | Manuscript.id.in_(by_person))
    return query


def ordered_ids(flt: Filter | None = None) -> list[int]:
    """Ids of the manuscripts matching ``flt``, in its order: the catalog view holds only
    these and fetches rows as they scroll into view (``summaries``)."""
    flt = flt or Filter()
    if flt.sort not in SORT_KEYS:
        raise InvalidValueError(f"未知的排序字段“{flt.sort}”；可用：{'、'.join(SORT_KEYS)}")
    keys = SORT_KEYS[flt.sort]
    keys = keys if isinstance(keys, tuple) else (keys,)
    order = [k.desc() if flt.descending else k for k in keys]
    query = _filtered(flt, Manuscript.id).order_by(*order, Manuscript.id)
    return [mid for (mid,) in query.tuples()]


def summaries(ids: list[int]) -> list[ManuscriptSummary]:
    """Catalog rows for ``ids``, in that order (missing ids are skipped)."""
    if not ids:
        return []
    rows = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            Manuscript.select(
                Manuscript.id,
                Manuscript.title,
                Manuscript.status,
                Manuscript.words,
                Manuscript.han,
                Manuscript.received_date,
                Manuscript.similar_to,
                Manuscript.deleted_at,
                Volume.number,
                Section.name,
            )
            .join(Section, JOIN.LEFT_OUTER)
            .join(Volume, JOIN.LEFT_OUTER)
            .where(Manuscript.id.in_(chunk))
        )
        rows.update({r[0]: r for r in query.tuples()})
    authors = _authors_by_id(list(rows))
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


def list_manuscripts(flt: Filter | None = None) -> list[ManuscriptSummary]:
    """Catalog rows matching ``flt``, in its order."""
    return summaries(ordered_ids(flt))


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


def stats() -> Stats:
    """Counts and 字数 totals by status, in workflow order."""
    live = Manuscript.deleted_at.is_null()
    grouped = {
        status: (n, w or 0, h or 0)
        for status, n, w, h in Manuscript.select(
            Manuscript.status,
            fn.COUNT(Manuscript.id),
            fn.SUM(Manuscript.words),
            fn.SUM(Manuscript.han),
        )
        .where(live)
        .group_by(Manuscript.status)
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
        in_trash=Manuscript.select().where(Manuscript.deleted_at.is_null(False)).count(),
        by_status=by_status,
    )


def manuscript_with_file(sha256: str) -> int | None:
    """The manuscript that already holds these exact bytes, if any (trash included)."""
    row = StoredFile.get_or_none(StoredFile.sha256 == sha256)
    return row.manuscript_id if row else None


def most_similar(text_sketch: bytes) -> tuple[int, float] | None:
    """The stored manuscript most resembling a sketch, if at or above the threshold."""
    best: tuple[int, float] | None = None
    for mid, other in Manuscript.select(Manuscript.id, Manuscript.sketch).tuples():
        score = resemblance(text_sketch, other)
        if score >= THRESHOLD and (best is None or score > best[1]):
            best = (mid, score)
    return best


def section_names() -> list[str]:
    """Every 栏目 name used in any volume, for the catalog's section filter."""
    return [
        name for (name,) in Section.select(Section.name).distinct().order_by(Section.name).tuples()
    ]
