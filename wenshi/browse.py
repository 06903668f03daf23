"""Browsing the library by what manuscripts share (calibre's tag browser): 辑 → 栏目,
states, tags, years received and authors, each with how many live manuscripts it holds.

``counts`` answers the whole browser in one call (a handful of grouped SQL reads), so a
view asks once per change; ``condition`` is the SQL a chosen ``Facet`` adds to the
catalog's filter, so what a count promises is what the catalog then lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peewee import fn

from wenshi import workflow

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library

KINDS = ("volume", "section", "status", "tag", "year", "author")


@dataclass(frozen=True)
class Facet:
    """One thing to browse by. ``value`` None is its absence: not in a volume, no date
    received. A section is named within its ``volume``."""

    kind: str
    value: str | int | None
    volume: int | None = None


@dataclass(frozen=True)
class Node:
    """A facet, its name in the library (a volume's title; empty for an absence, which
    the view names in its own language) and the live manuscripts it holds."""

    facet: Facet
    label: str
    count: int
    children: tuple[Node, ...] = ()


@dataclass
class Browse:
    """Every category of the browser, each in the order it is shown."""

    volumes: list[Node] = field(default_factory=list)  # each with its sections
    statuses: list[Node] = field(default_factory=list)
    tags: list[Node] = field(default_factory=list)
    years: list[Node] = field(default_factory=list)
    authors: list[Node] = field(default_factory=list)


def counts(library: Library) -> Browse:
    """What the library holds by each facet, trash left out; a facet holding nothing is
    not listed (a click on it could only show an empty catalog)."""
    t = library.tables
    live = t.Manuscript.deleted_at.is_null()
    return Browse(
        volumes=_volumes(t, live),
        statuses=_statuses(t, live),
        tags=[
            Node(Facet("tag", name), name, n)
            for name, n in t.Tag.select(t.Tag.name, fn.COUNT(t.Manuscript.id))
            .join(t.ManuscriptTag)
            .join(t.Manuscript)
            .where(live)
            .group_by(t.Tag.id)
            .order_by(t.Tag.name)
            .tuples()
        ],
        years=_years(t, live),
        authors=[
            Node(Facet("author", name), name, n)
            for name, n in t.Person.select(t.Person.name, fn.COUNT(fn.DISTINCT(t.Manuscript.id)))
            .join(t.Credit)
            .join(t.Manuscript)
            .where(live)
            .group_by(t.Person.name)
            .order_by(t.Person.name)
            .tuples()
        ],
    )


def _volumes(t: Tables, live: Any) -> list[Node]:
    rows = (
        t.Manuscript.select(
            t.Volume.number, t.Volume.title, t.Section.name, fn.COUNT(t.Manuscript.id)
        )
        .join(t.Section)
        .join(t.Volume)
        .where(live)
        .group_by(t.Section.id)
        .order_by(t.Volume.number, t.Section.position)
        .tuples()
    )
    titles: dict[int, str] = {}
    sections: dict[int, list[Node]] = {}
    for number, title, name, n in rows:
        titles[number] = title
        sections.setdefault(number, []).append(Node(Facet("section", name, number), name, n))
    nodes = [
        Node(Facet("volume", number), titles[number], sum(s.count for s in held), tuple(held))
        for number, held in sections.items()
    ]
    outside = t.Manuscript.select().where(live, t.Manuscript.section.is_null()).count()
    if outside:
        nodes.append(Node(Facet("volume", None), "", outside))
    return nodes


def _statuses(t: Tables, live: Any) -> list[Node]:
    grouped = dict(
        t.Manuscript.select(t.Manuscript.status, fn.COUNT(t.Manuscript.id))
        .where(live)
        .group_by(t.Manuscript.status)
        .tuples()
    )
    return [
        Node(Facet("status", status), workflow.label(status), grouped[status])
        for status in workflow.STATUSES
        if status in grouped
    ]


def _years(t: Tables, live: Any) -> list[Node]:
    """Newest year first (what an editor looks for is mostly recent); undated last."""
    year = fn.substr(t.Manuscript.received_date, 1, 4)
    grouped = dict(
        t.Manuscript.select(year, fn.COUNT(t.Manuscript.id)).where(live).group_by(year).tuples()
    )
    undated = grouped.pop(None, 0) + grouped.pop("", 0)
    nodes = [
        Node(Facet("year", int(y)), y, grouped[y])
        for y in sorted(grouped, reverse=True)
        if y.isdigit()
    ]
    if undated:
        nodes.append(Node(Facet("year", None), "", undated))
    return nodes


def condition(t: Tables, facet: Facet) -> Any:
    """The WHERE clause keeping the manuscripts ``facet`` holds, for a query over
    manuscripts joined (left outer) to their section and its volume."""
    m = t.Manuscript
    if facet.kind == "volume":
        return m.section.is_null() if facet.value is None else t.Volume.number == facet.value
    if facet.kind == "section":
        return (t.Volume.number == facet.volume) & (t.Section.name == facet.value)
    if facet.kind == "status":
        return m.status == facet.value
    if facet.kind == "tag":
        tagged = t.ManuscriptTag.select(t.ManuscriptTag.manuscript).join(t.Tag)
        return m.id.in_(tagged.where(t.Tag.name == facet.value))
    if facet.kind == "year":
        if facet.value is None:
            return m.received_date.is_null() | (m.received_date == "")
        return fn.substr(m.received_date, 1, 4) == str(facet.value)
    if facet.kind == "author":
        credited = t.Credit.select(t.Credit.manuscript).join(t.Person)
        return m.id.in_(credited.where(t.Person.name == facet.value))
    raise ValueError(f"unknown facet kind {facet.kind!r}")
