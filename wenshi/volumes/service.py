"""Operations on volumes: create and lay out 辑, manage 栏目, place manuscripts, publish
and reopen; and their reads: the plan (page estimate) and the payment sheet.

Every write is one transaction, returns its ``Changes`` and stamps the manuscripts it
moves, so search filters (``volume:``, ``section:``) follow at once. Status changes of the
pieces (publication, reopening) go through ``manuscripts.change_status`` and the rule book.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peewee import Model, fn

from wenshi import workflow
from wenshi.changes import Aspect, Changes, Recorder
from wenshi.db.counter import stamp
from wenshi.errors import FrozenError, InvalidValueError, NotFoundError
from wenshi.i18n import _
from wenshi.layout import STORED, Layout
from wenshi.manuscripts import change_status, last_page
from wenshi.text.wordcount import layout_words as verse_words
from wenshi.timeutil import now_iso
from wenshi.volumes import fees
from wenshi.volumes.facts import FACT_FIELDS, PublicationFacts
from wenshi.volumes.layout import ArticleShape, article_lines, paginate
from wenshi.volumes.plan import ItemPlan, SectionPlan, Totals, VolumePlan, frozen_reason

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library

VOLUME_STATUSES = {"planning": "编辑中", "printing": "付印", "published": "已出版"}
# A volume's sections in order, each as (section id, name, the ids of its pieces in order).
Arrangement = list[tuple[int, str, list[int]]]


@dataclass
class VolumeSummary:
    number: int
    title: str
    year: int | None
    status: str
    articles: int
    words: int
    target_words: int | None


@dataclass
class PoolItem:
    """An accepted or held manuscript not yet placed in any volume."""

    id: int
    title: str
    authors: list[str]
    status: str
    status_label: str
    words: int
    section_wish: str


class Volumes:
    """Operations on the volumes of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def t(self) -> Tables:
        return self.library.tables

    # -- lookups ---------------------------------------------------------------------------
    def _volume(self, number: int) -> Model:
        volume = self.t.Volume.get_or_none(self.t.Volume.number == number)
        if volume is None:
            raise NotFoundError(
                _("第 {number} 辑不存在（可用 wenshi volume create {number} 新建）").format(
                    number=number
                )
            )
        return volume

    def _open_volume(self, number: int) -> Model:
        """A volume that may be changed: a published one is frozen as printed."""
        volume = self._volume(number)
        if volume.status == "published":
            raise FrozenError(frozen_reason(number))
        return volume

    def _section(self, volume: Model, name: str) -> Model:
        t = self.t
        section = t.Section.get_or_none(
            (t.Section.volume == volume) & (t.Section.name == name.strip())
        )
        if section is None:
            names = "、".join(s.name for s in self._sections_of(volume)) or _("（无）")
            raise NotFoundError(
                _("第 {number} 辑没有栏目“{name}”；现有栏目：{names}").format(
                    number=volume.number, name=name, names=names
                )
            )
        return section

    def _sections_of(self, volume: Model) -> list[Model]:
        return list(volume.sections.order_by(self.t.Section.position))

    def settings(self, number: int) -> Layout:
        """A volume's layout, without computing its plan."""
        return self.layout_of(self._volume(number))

    @staticmethod
    def layout_of(volume: Model) -> Layout:
        return Layout(**{name: getattr(volume, name) for name in STORED})

    @staticmethod
    def facts_of(volume: Model) -> PublicationFacts:
        return PublicationFacts(**{name: getattr(volume, name) for name in FACT_FIELDS})

    @staticmethod
    def _store_layout(volume: Model, layout: Layout) -> None:
        layout.check_for_volume()
        for name in STORED:
            setattr(volume, name, getattr(layout, name))

    def _items(self, section: Model) -> list[Model]:
        t = self.t
        return list(
            t.Manuscript.select()
            .where((t.Manuscript.section == section) & t.Manuscript.deleted_at.is_null())
            .order_by(t.Manuscript.position, t.Manuscript.id)
        )

    def _volume_items(self, volume: Model) -> list[int]:
        t = self.t
        query = (
            t.Manuscript.select(t.Manuscript.id).join(t.Section).where(t.Section.volume == volume)
        )
        return [mid for (mid,) in query.tuples()]

    def _renumber(self, rows: Sequence[Model], section: Model | None) -> None:
        """Positions 0, 1, 2 … in this order; every row is stamped, since a shifted
        position changes the volume order that search sorts and exports by."""
        t = self.t
        for position, row in enumerate(rows):
            t.Manuscript.update(section=section, position=position).where(
                t.Manuscript.id == row.id
            ).execute()
        stamp(t, (row.id for row in rows))

    # -- volumes ---------------------------------------------------------------------------
    def create(
        self,
        number: int,
        title: str,
        *,
        year: int | None = None,
        target_words: int | None = None,
        settings: Layout | None = None,
    ) -> Changes:
        if number < 1:
            raise InvalidValueError(_("辑号“{number}”无效：须为正整数").format(number=number))
        if not title.strip():
            raise InvalidValueError(_("辑名不能为空"))
        if target_words is not None and target_words < 0:
            raise InvalidValueError(_("目标字数不能为负数"))
        settings = settings or Layout()
        t = self.t
        with self.library.transaction() as tx:
            if t.Volume.get_or_none(t.Volume.number == number):
                raise InvalidValueError(_("第 {number} 辑已存在").format(number=number))
            volume = t.Volume(
                number=number,
                title=title.strip(),
                year=year,
                target_words=target_words,
                created_at=now_iso(),
            )
            self._store_layout(volume, settings)
            volume.save()
            tx.note(Aspect.VOLUME, volumes=[number])
            return tx.changes

    def update(self, number: int, **changes: object) -> Changes:
        """Change title, year, target_words, status, any layout setting or publication
        fact. Setting the status to published publishes every piece; leaving published
        reopens them. A published volume's title, year and publication facts can still
        be corrected (a back-catalogue volume arrives without them): they describe the
        book, not its content or layout."""
        allowed = {"title", "year", "target_words", "status", *STORED, *FACT_FIELDS}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidValueError(
                _("不能修改的辑属性：{join}").format(join="、".join(sorted(unknown)))
            )
        if "status" in changes and changes["status"] not in VOLUME_STATUSES:
            raise InvalidValueError(
                _("辑的状态“{value}”无效；可用：{join}").format(
                    value=changes["status"], join="、".join(VOLUME_STATUSES)
                )
            )
        if "title" in changes and not str(changes["title"]).strip():
            raise InvalidValueError(_("辑名不能为空"))
        with self.library.transaction() as tx:
            volume = self._volume(number)
            stays_published = changes.get("status", volume.status) == "published"
            content = set(changes) - {"status", "title", "year", *FACT_FIELDS}
            if volume.status == "published" and stays_published and content:
                raise FrozenError(frozen_reason(number))
            facts = {k: v for k, v in changes.items() if k in FACT_FIELDS}
            if facts:
                for key, value in self.facts_of(volume).changed(**facts).to_dict().items():
                    setattr(volume, key, value)
            layout = {k: v for k, v in changes.items() if k in STORED}
            if layout:
                self._store_layout(volume, self.layout_of(volume).changed(**layout))
            was = volume.status
            for key in ("title", "year", "target_words", "status"):
                if key in changes:
                    setattr(volume, key, changes[key])
            volume.save()
            if was != "published" and volume.status == "published":
                self._publish(tx, volume)
            elif was == "published" and volume.status != "published":
                self._reopen(tx, volume)
            items = self._volume_items(volume)
            stamp(self.t, items)
            tx.note(Aspect.VOLUME, Aspect.PLACEMENT, volumes=[number], manuscripts=items)
            return tx.changes

    def mark_printed(self, number: int, start_pages: Mapping[int, int]) -> Changes:
        """A volume imported as it was printed: published, each piece at its real start
        page (not the estimate's), its pieces already 已刊."""
        with self.library.transaction() as tx:
            volume = self._volume(number)
            volume.status = "published"
            volume.save()
            for mid, page in start_pages.items():
                row = self.library.manuscripts.row(mid)
                row.start_page = page
                row.save()
            items = self._volume_items(volume)
            stamp(self.t, items)
            tx.note(Aspect.VOLUME, Aspect.PLACEMENT, volumes=[number], manuscripts=items)
            return tx.changes

    def _publish(self, tx: Recorder, volume: Model) -> None:
        """已刊: every piece of a volume that goes out is marked published, with its start
        page (the page estimate's figure) recorded in its review trail."""
        for section in self.plan(volume.number).sections:
            for item in section.items:
                row = self.library.manuscripts.row(item.id)
                row.start_page = item.start_page
                if row.status != "published":
                    change_status(
                        self.library,
                        tx,
                        row,
                        "published",
                        cause=workflow.Cause.PUBLICATION,
                        opinion=f"第{volume.number}辑出版，第{item.start_page}页起",
                    )
                else:
                    row.save()

    def _reopen(self, tx: Recorder, volume: Model) -> None:
        """A published volume reopened for correction: its pieces go back to 校对."""
        for mid in self._volume_items(volume):
            row = self.library.manuscripts.row(mid, include_deleted=True)
            if row.status == "published":
                change_status(
                    self.library,
                    tx,
                    row,
                    "proofreading",
                    cause=workflow.Cause.REOPENING,
                    opinion=f"第{volume.number}辑重新开放修改",
                )

    def list(self) -> list[VolumeSummary]:
        t = self.t
        out = []
        for volume in t.Volume.select().order_by(t.Volume.number):
            row = (
                t.Manuscript.select(fn.COUNT(t.Manuscript.id), fn.SUM(t.Manuscript.words))
                .join(t.Section)
                .where((t.Section.volume == volume) & t.Manuscript.deleted_at.is_null())
                .tuples()
                .first()
            )
            out.append(
                VolumeSummary(
                    volume.number,
                    volume.title,
                    volume.year,
                    volume.status,
                    row[0] or 0,
                    row[1] or 0,
                    volume.target_words,
                )
            )
        return out

    # -- sections --------------------------------------------------------------------------
    def add_section(self, number: int, name: str, at: int | None = None) -> Changes:
        name = name.strip()
        if not name:
            raise InvalidValueError(_("栏目名不能为空"))
        t = self.t
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            if t.Section.get_or_none((t.Section.volume == volume) & (t.Section.name == name)):
                raise InvalidValueError(
                    _("第 {number} 辑已有栏目“{name}”").format(number=number, name=name)
                )
            sections = self._sections_of(volume)
            new = t.Section.create(volume=volume, name=name, position=len(sections))
            self._order_sections(sections, new, at)
            tx.note(Aspect.VOLUME, volumes=[number])
            return tx.changes

    def _order_sections(self, others: list[Model], moved: Model, at: int | None) -> None:
        index = len(others) if at is None else max(0, min(at - 1, len(others)))
        others = [s for s in others if s.id != moved.id]
        others.insert(index, moved)
        for position, section in enumerate(others):
            self.t.Section.update(position=position).where(
                self.t.Section.id == section.id
            ).execute()

    def rename_section(self, number: int, old: str, new: str) -> Changes:
        new = new.strip()
        if not new:
            raise InvalidValueError(_("栏目名不能为空"))
        t = self.t
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            section = self._section(volume, old)
            if new != section.name and t.Section.get_or_none(
                (t.Section.volume == volume) & (t.Section.name == new)
            ):
                raise InvalidValueError(
                    _("第 {number} 辑已有栏目“{new}”").format(number=number, new=new)
                )
            section.name = new
            section.save()
            items = [m.id for m in self._items(section)]
            stamp(t, items)
            tx.note(Aspect.VOLUME, Aspect.PLACEMENT, volumes=[number], manuscripts=items)
            return tx.changes

    def move_section(self, number: int, name: str, at: int) -> Changes:
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            section = self._section(volume, name)
            self._order_sections(self._sections_of(volume), section, at)
            items = self._volume_items(volume)
            stamp(self.t, items)
            tx.note(Aspect.VOLUME, Aspect.PLACEMENT, volumes=[number], manuscripts=items)
            return tx.changes

    def remove_section(self, number: int, name: str) -> Changes:
        t = self.t
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            section = self._section(volume, name)
            items = self._items(section)
            if items:
                raise InvalidValueError(
                    _("栏目“{name}”中还有 {count} 篇稿件，请先移到其他栏目或移出本辑").format(
                        name=name, count=len(items)
                    )
                )
            section.delete_instance()
            for position, s in enumerate(self._sections_of(volume)):
                t.Section.update(position=position).where(t.Section.id == s.id).execute()
            tx.note(Aspect.VOLUME, volumes=[number])
            return tx.changes

    def sections(self, number: int) -> list[str]:
        return [s.name for s in self._sections_of(self._volume(number))]

    # -- placing manuscripts ---------------------------------------------------------------
    def _placeable(self, row: Model, volume: Model) -> None:
        if row.deleted_at:
            raise InvalidValueError(_("稿件 {id} 在回收站中，不能编入").format(id=row.id))
        if row.status not in workflow.PLACEABLE:
            raise InvalidValueError(
                _(
                    "稿件 {id}《{title}》的状态是“{label}”，只有采用、待用（及"
                    "其后的编辑加工、校对）的稿件可以编入"
                ).format(id=row.id, title=row.title, label=workflow.label(row.status))
            )
        if row.section_id is not None and row.section.volume_id != volume.id:
            raise InvalidValueError(
                _(
                    "稿件 {id}《{title}》已编入第 {number} 辑，一篇稿件只能编"
                    "入一辑（请先从该辑移出）"
                ).format(id=row.id, title=row.title, number=row.section.volume.number)
            )

    def place(
        self, number: int, ids: Iterable[int], section: str, at: int | None = None
    ) -> Changes:
        """Put manuscripts in a section at 1-based position ``at`` (default: the end):
        pieces from the pool are added, pieces already in this volume move. All or
        nothing: one bad id leaves the volume as it was."""
        ids = list(dict.fromkeys(ids))
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            target = self._section(volume, section)
            rows = []
            for mid in ids:
                row = self.library.manuscripts.row(mid)
                self._placeable(row, volume)
                rows.append(row)
            self._insert(rows, target, at)
            tx.note(Aspect.PLACEMENT, volumes=[number], manuscripts=ids)
            return tx.changes

    def _insert(self, rows: list[Model], target: Model, at: int | None) -> None:
        if at is not None and at < 1:
            raise InvalidValueError(_("位置“{at}”无效：从 1 开始计数").format(at=at))
        moving = {r.id for r in rows}
        old_sections = {r.section_id for r in rows if r.section_id and r.section_id != target.id}
        current = [r for r in self._items(target) if r.id not in moving]
        index = len(current) if at is None else min(at - 1, len(current))
        self._renumber(current[:index] + rows + current[index:], target)
        for section_id in old_sections:
            old = self.t.Section.get_by_id(section_id)
            self._renumber(self._items(old), old)
        stamp(self.t, moving)

    def move(self, number: int, manuscript_id: int, section: str, at: int | None = None) -> Changes:
        """Move a piece that is in this volume to another section or position."""
        with self.library.transaction():
            self._in_volume(self._open_volume(number), manuscript_id)
            return self.place(number, [manuscript_id], section, at)

    def _in_volume(self, volume: Model, manuscript_id: int) -> Model:
        row = self.t.Manuscript.get_or_none(self.t.Manuscript.id == manuscript_id)
        if row is None or row.section_id is None or row.section.volume_id != volume.id:
            raise NotFoundError(
                _("稿件 {manuscript_id} 不在第 {number} 辑中").format(
                    manuscript_id=manuscript_id, number=volume.number
                )
            )
        return row

    def remove(self, number: int, ids: int | Iterable[int]) -> Changes:
        """Take pieces out of the volume, back to the pool."""
        ids = [ids] if isinstance(ids, int) else list(dict.fromkeys(ids))
        t = self.t
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            for mid in ids:
                row = self._in_volume(volume, mid)
                section = row.section
                t.Manuscript.update(section=None, position=None).where(
                    t.Manuscript.id == row.id
                ).execute()
                self._renumber(self._items(section), section)
            stamp(t, ids)
            tx.note(Aspect.PLACEMENT, volumes=[number], manuscripts=ids)
            return tx.changes

    # -- undo ------------------------------------------------------------------------------
    def arrangement(self, number: int) -> Arrangement:
        """The volume's sections, each with its pieces in order: what ``rearrange`` puts
        back (the desktop program's undo of a change in the volume tree)."""
        volume = self._volume(number)
        return [
            (section.id, section.name, [row.id for row in self._items(section)])
            for section in self._sections_of(volume)
        ]

    def rearrange(self, number: int, arrangement: Arrangement) -> Changes:
        """Put the volume back as ``arrangement`` had it, in one transaction: sections
        made since go, sections removed since come back, names, order and pieces as they
        were; pieces placed since return to the pool."""
        t = self.t
        with self.library.transaction() as tx:
            volume = self._open_volume(number)
            touched = set(self._volume_items(volume))
            t.Manuscript.update(section=None, position=None).where(
                t.Manuscript.id.in_(list(touched))
            ).execute()
            kept = {section_id for section_id, _, _ in arrangement}
            for section in self._sections_of(volume):
                if section.id in kept:  # a name free for any other section's old name
                    t.Section.update(name=f"\0{section.id}").where(
                        t.Section.id == section.id
                    ).execute()
                else:
                    section.delete_instance()
            for position, (section_id, name, ids) in enumerate(arrangement):
                section = t.Section.get_or_none(
                    (t.Section.id == section_id) & (t.Section.volume == volume)
                ) or t.Section.create(volume=volume, name=name, position=position)
                t.Section.update(name=name, position=position).where(
                    t.Section.id == section.id
                ).execute()
                rows = [self.library.manuscripts.row(mid) for mid in ids]
                for row in rows:
                    self._placeable(row, volume)
                self._renumber(rows, section)
                touched.update(ids)
            stamp(t, touched)
            tx.note(Aspect.VOLUME, Aspect.PLACEMENT, volumes=[number], manuscripts=touched)
            return tx.changes

    def pool(self) -> list[PoolItem]:
        """采用 and 待用 manuscripts in no volume: what the next volume is built from."""
        t = self.t
        rows = list(
            t.Manuscript.select(
                t.Manuscript.id,
                t.Manuscript.title,
                t.Manuscript.status,
                t.Manuscript.words,
                t.Manuscript.section_wish,
            )
            .where(
                t.Manuscript.status.in_(["accepted", "held"])
                & t.Manuscript.section.is_null()
                & t.Manuscript.deleted_at.is_null()
            )
            .order_by(t.Manuscript.status, t.Manuscript.id)
            .tuples()
        )
        authors = self.library.queries.authors_by_id([r[0] for r in rows])
        return [
            PoolItem(mid, title, authors[mid], status, workflow.label(status), words, wish)
            for mid, title, status, words, wish in rows
        ]

    # -- plan ------------------------------------------------------------------------------
    def plan(self, number: int) -> VolumePlan:
        t = self.t
        people = self.library.manuscripts.people
        volume = self._volume(number)
        settings = self.layout_of(volume)
        sections = self._sections_of(volume)
        rows_by_section = [self._items(s) for s in sections]
        images = dict(
            t.Image.select(t.Image.manuscript, fn.COUNT(t.Image.id))
            .group_by(t.Image.manuscript)
            .tuples()
        )
        items: list[list[ItemPlan]] = []
        # A piece imported from the printed volume has its real pages, not an estimate.
        printed: dict[int, tuple[int, int]] = {}
        for rows in rows_by_section:
            planned = []
            for row in rows:
                if row.first_page is not None and row.start_page is not None:
                    end = last_page(row.body, row.first_page) or row.start_page
                    printed[row.id] = (row.start_page, end)
                authors = people(row, "author")
                compilers = people(row, "compiler")
                narrators = people(row, "narrator")
                shape = ArticleShape(
                    body=row.body,
                    has_subtitle=bool(row.subtitle),
                    has_byline=bool(authors or compilers or narrators),
                    images=images.get(row.id, 0),
                    verse=row.genre == "verse",
                )
                lines, text_lines = article_lines(shape, settings)
                layout_words = (
                    verse_words(row.body, settings, verse=True)
                    if shape.verse
                    else text_lines * settings.chars_per_line
                )
                planned.append(
                    ItemPlan(
                        id=row.id,
                        title=row.title,
                        subtitle=row.subtitle,
                        authors=authors,
                        compilers=compilers,
                        narrators=narrators,
                        status=row.status,
                        status_label=workflow.label(row.status),
                        genre=row.genre,
                        words=row.words,
                        han=row.han,
                        layout_words=layout_words,
                        images=shape.images,
                        lines=lines,
                        start_page=0,
                        end_page=0,
                    )
                )
            items.append(planned)
        placements, pages = paginate([[i.lines for i in s] for s in items], settings)
        plans = []
        totals = Totals(pages=max([pages, *(end for _, end in printed.values())]))
        for section, planned, placed in zip(sections, items, placements, strict=True):
            section_totals = Totals()
            for item, where in zip(planned, placed, strict=True):
                item.start_page, item.end_page = printed.get(
                    item.id, (where.start_page, where.end_page)
                )
                self._add_totals(section_totals, item)
                self._add_totals(totals, item)
            if planned:
                section_totals.pages = planned[-1].end_page - planned[0].start_page + 1
            plans.append(SectionPlan(section.name, planned, section_totals))
        return VolumePlan(
            volume.number,
            volume.title,
            volume.year,
            volume.status,
            volume.target_words,
            settings,
            plans,
            totals,
            self.facts_of(volume),
        )

    @staticmethod
    def _add_totals(totals: Totals, item: ItemPlan) -> None:
        totals.articles += 1
        totals.words += item.words
        totals.han += item.han
        totals.layout_words += item.layout_words
        totals.images += item.images

    def all_plans(self) -> list[VolumePlan]:
        """Every volume's plan, in number order (what the 总目录 lists)."""
        t = self.t
        return [self.plan(v.number) for v in t.Volume.select().order_by(t.Volume.number)]

    # -- 稿酬 -------------------------------------------------------------------------------
    def payments(self, number: int, default_rate: float | None = None) -> list[fees.Fee]:
        """The payment sheet: one line per article of the volume, in volume order."""
        if default_rate is not None:
            fees.check_rate(default_rate)
        plan = self.plan(number)
        lines = []
        missing = []
        for section in plan.sections:
            for item in section.items:
                row = self.library.manuscripts.row(item.id)
                rate = row.fee_rate if row.fee_rate is not None else default_rate
                if rate is None:
                    missing.append(item.id)
                    continue
                people = item.authors + item.narrators + item.compilers
                lines.append(
                    fees.compute_fee(
                        id=item.id,
                        authors="、".join(people),
                        title=item.title,
                        kind=row.fee_kind,
                        basis=row.fee_basis,
                        words=item.words,
                        layout_words=item.layout_words,
                        rate=rate,
                        paid_on=row.fee_paid_on,
                    )
                )
        if missing:
            shown = "、".join(str(m) for m in missing[:10])
            raise InvalidValueError(
                _(
                    "第 {number} 辑有 {count} 篇稿件未定稿酬标准（{shown}）；请"
                    "用 --rate 指定默认标准，或用 wenshi fee ID --rate R 逐篇"
                    "设定"
                ).format(number=number, count=len(missing), shown=shown)
            )
        return lines
