"""The volume API: create and lay out 辑, manage 栏目, place manuscripts, plan, pay.

Every write is one transaction and stamps the manuscripts it moves, so search filters
(``volume:``, ``section:``) follow at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields

from peewee import fn

from wenshi import workflow
from wenshi.catalog import Catalog
from wenshi.db.changes import stamp
from wenshi.db.models import Image, Manuscript, ReviewEvent, Section, Volume
from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.library import Library
from wenshi.text.wordcount import layout_words as verse_words
from wenshi.timeutil import now_iso, parse_date
from wenshi.volumes import fees
from wenshi.volumes.layout import ArticleShape, LayoutSettings, article_lines, paginate
from wenshi.volumes.plan import ItemPlan, SectionPlan, Totals, VolumePlan

VOLUME_STATUSES = {"planning": "编辑中", "printing": "付印", "published": "已出版"}
LAYOUT_FIELDS = tuple(f.name for f in fields(LayoutSettings))


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
    def __init__(self, library: Library) -> None:
        self.library = library

    # -- lookups ---------------------------------------------------------------------------
    @staticmethod
    def _volume(number: int) -> Volume:
        volume = Volume.get_or_none(Volume.number == number)
        if volume is None:
            raise NotFoundError(f"第 {number} 辑不存在（可用 wenshi volume create {number} 新建）")
        return volume

    @staticmethod
    def _section(volume: Volume, name: str) -> Section:
        section = Section.get_or_none((Section.volume == volume) & (Section.name == name.strip()))
        if section is None:
            names = (
                "、".join(s.name for s in volume.sections.order_by(Section.position)) or "（无）"
            )
            raise NotFoundError(f"第 {volume.number} 辑没有栏目“{name}”；现有栏目：{names}")
        return section

    def settings(self, number: int) -> LayoutSettings:
        """A volume's layout, without computing its plan."""
        return self.settings_of(self._volume(number))

    @staticmethod
    def settings_of(volume: Volume) -> LayoutSettings:
        return LayoutSettings(**{name: getattr(volume, name) for name in LAYOUT_FIELDS})

    @staticmethod
    def _items(section: Section) -> list[Manuscript]:
        return list(
            Manuscript.select()
            .where((Manuscript.section == section) & Manuscript.deleted_at.is_null())
            .order_by(Manuscript.position, Manuscript.id)
        )

    @staticmethod
    def _renumber(rows: Sequence[Manuscript], section: Section | None) -> None:
        """Positions 0, 1, 2 … in this order; every row is stamped, since a shifted
        position changes the volume order that search sorts and exports by."""
        for position, row in enumerate(rows):
            Manuscript.update(section=section, position=position).where(
                Manuscript.id == row.id
            ).execute()
        stamp(row.id for row in rows)

    # -- volumes ---------------------------------------------------------------------------
    def create(
        self,
        number: int,
        title: str,
        *,
        year: int | None = None,
        target_words: int | None = None,
        settings: LayoutSettings | None = None,
    ) -> None:
        if number < 1:
            raise InvalidValueError(f"辑号“{number}”无效：须为正整数")
        if not title.strip():
            raise InvalidValueError("辑名不能为空")
        if target_words is not None and target_words < 0:
            raise InvalidValueError("目标字数不能为负数")
        settings = settings or LayoutSettings()
        with self.library.write():
            if Volume.get_or_none(Volume.number == number):
                raise InvalidValueError(f"第 {number} 辑已存在")
            Volume.create(
                number=number,
                title=title.strip(),
                year=year,
                target_words=target_words,
                created_at=now_iso(),
                **asdict(settings),
            )

    def update(self, number: int, **changes: object) -> None:
        """Change title, year, target_words, status or any layout setting."""
        allowed = {"title", "year", "target_words", "status", *LAYOUT_FIELDS}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidValueError(f"不能修改的辑属性：{'、'.join(sorted(unknown))}")
        if "status" in changes and changes["status"] not in VOLUME_STATUSES:
            raise InvalidValueError(
                f"辑的状态“{changes['status']}”无效；可用：{'、'.join(VOLUME_STATUSES)}"
            )
        if "title" in changes and not str(changes["title"]).strip():
            raise InvalidValueError("辑名不能为空")
        with self.library.write():
            volume = self._volume(number)
            layout = {k: v for k, v in changes.items() if k in LAYOUT_FIELDS}
            if layout:
                LayoutSettings(**(asdict(self.settings_of(volume)) | layout))  # validates
            publishing = changes.get("status") == "published" and volume.status != "published"
            for key, value in changes.items():
                setattr(volume, key, value)
            volume.save()
            if publishing:
                self._publish(volume)
            stamp(
                m.id
                for m in Manuscript.select(Manuscript.id)
                .join(Section)
                .where(Section.volume == volume)
            )

    def _publish(self, volume: Volume) -> None:
        """已刊: every piece of a volume that goes out is marked published, with the volume
        and its start page recorded in the review trail (the page estimate's figure)."""
        now = now_iso()
        for section in self.plan(volume.number).sections:
            for item in section.items:
                row = Manuscript.get_by_id(item.id)
                row.start_page = item.start_page
                if row.status != "published":
                    ReviewEvent.create(
                        manuscript=row,
                        from_status=row.status,
                        to_status="published",
                        at=now,
                        opinion=f"第{volume.number}辑出版，第{item.start_page}页起",
                    )
                    row.status = "published"
                row.save()

    def list(self) -> list[VolumeSummary]:
        out = []
        for volume in Volume.select().order_by(Volume.number):
            row = (
                Manuscript.select(fn.COUNT(Manuscript.id), fn.SUM(Manuscript.words))
                .join(Section)
                .where((Section.volume == volume) & Manuscript.deleted_at.is_null())
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
    def add_section(self, number: int, name: str, at: int | None = None) -> None:
        name = name.strip()
        if not name:
            raise InvalidValueError("栏目名不能为空")
        with self.library.write():
            volume = self._volume(number)
            if Section.get_or_none((Section.volume == volume) & (Section.name == name)):
                raise InvalidValueError(f"第 {number} 辑已有栏目“{name}”")
            sections = list(volume.sections.order_by(Section.position))
            new = Section.create(volume=volume, name=name, position=len(sections))
            self._order_sections(sections, new, at)

    @staticmethod
    def _order_sections(others: list[Section], moved: Section, at: int | None) -> None:
        index = len(others) if at is None else max(0, min(at - 1, len(others)))
        others = [s for s in others if s.id != moved.id]
        others.insert(index, moved)
        for position, section in enumerate(others):
            Section.update(position=position).where(Section.id == section.id).execute()

    def rename_section(self, number: int, old: str, new: str) -> None:
        new = new.strip()
        if not new:
            raise InvalidValueError("栏目名不能为空")
        with self.library.write():
            volume = self._volume(number)
            section = self._section(volume, old)
            if new != section.name and Section.get_or_none(
                (Section.volume == volume) & (Section.name == new)
            ):
                raise InvalidValueError(f"第 {number} 辑已有栏目“{new}”")
            section.name = new
            section.save()
            stamp(m.id for m in self._items(section))

    def move_section(self, number: int, name: str, at: int) -> None:
        with self.library.write():
            volume = self._volume(number)
            section = self._section(volume, name)
            self._order_sections(list(volume.sections.order_by(Section.position)), section, at)
            stamp(
                m.id
                for m in Manuscript.select(Manuscript.id)
                .join(Section)
                .where(Section.volume == volume)
            )

    def remove_section(self, number: int, name: str) -> None:
        with self.library.write():
            volume = self._volume(number)
            section = self._section(volume, name)
            items = self._items(section)
            if items:
                raise InvalidValueError(
                    f"栏目“{name}”中还有 {len(items)} 篇稿件，请先移到其他栏目或移出本辑"
                )
            section.delete_instance()
            for position, s in enumerate(volume.sections.order_by(Section.position)):
                Section.update(position=position).where(Section.id == s.id).execute()

    def sections(self, number: int) -> list[str]:
        return [s.name for s in self._volume(number).sections.order_by(Section.position)]

    # -- placing manuscripts ---------------------------------------------------------------
    def _placeable(self, row: Manuscript, volume: Volume) -> None:
        if row.deleted_at:
            raise InvalidValueError(f"稿件 {row.id} 在回收站中，不能编入")
        if row.status not in workflow.PLACEABLE:
            raise InvalidValueError(
                f"稿件 {row.id}《{row.title}》的状态是“{workflow.label(row.status)}”，"
                f"只有采用、待用（及其后的编辑加工、校对）的稿件可以编入"
            )
        if row.section_id is not None and row.section.volume_id != volume.id:
            raise InvalidValueError(
                f"稿件 {row.id}《{row.title}》已编入第 {row.section.volume.number} 辑，"
                f"一篇稿件只能编入一辑（请先从该辑移出）"
            )

    def add(self, number: int, ids: Iterable[int], section: str, at: int | None = None) -> None:
        """Place manuscripts in a section at 1-based position ``at`` (default: the end).
        All or nothing: one bad id leaves the volume as it was."""
        ids = list(dict.fromkeys(ids))
        catalog = Catalog(self.library)
        with self.library.write():
            volume = self._volume(number)
            target = self._section(volume, section)
            rows = []
            for mid in ids:
                catalog.get(mid, include_deleted=False)
                row = Manuscript.get_by_id(mid)
                self._placeable(row, volume)
                rows.append(row)
            self._insert(rows, target, at)

    def _insert(self, rows: list[Manuscript], target: Section, at: int | None) -> None:
        if at is not None and at < 1:
            raise InvalidValueError(f"位置“{at}”无效：从 1 开始计数")
        moving = {r.id for r in rows}
        old_sections = {r.section_id for r in rows if r.section_id and r.section_id != target.id}
        current = [r for r in self._items(target) if r.id not in moving]
        index = len(current) if at is None else min(at - 1, len(current))
        self._renumber(current[:index] + rows + current[index:], target)
        for section_id in old_sections:
            old = Section.get_by_id(section_id)
            self._renumber(self._items(old), old)
        stamp(moving)

    def move(self, number: int, manuscript_id: int, section: str, at: int | None = None) -> None:
        with self.library.write():
            volume = self._volume(number)
            row = self._in_volume(volume, manuscript_id)
            self._insert([row], self._section(volume, section), at)

    def _in_volume(self, volume: Volume, manuscript_id: int) -> Manuscript:
        row = Manuscript.get_or_none(Manuscript.id == manuscript_id)
        if row is None or row.section_id is None or row.section.volume_id != volume.id:
            raise NotFoundError(f"稿件 {manuscript_id} 不在第 {volume.number} 辑中")
        return row

    def remove(self, number: int, manuscript_id: int) -> None:
        with self.library.write():
            volume = self._volume(number)
            row = self._in_volume(volume, manuscript_id)
            section = row.section
            Manuscript.update(section=None, position=None).where(Manuscript.id == row.id).execute()
            self._renumber(self._items(section), section)
            stamp([row.id])

    def pool(self) -> list[PoolItem]:
        """采用 and 待用 manuscripts in no volume: what the next volume is built from."""
        rows = (
            Manuscript.select()
            .where(
                Manuscript.status.in_(["accepted", "held"])
                & Manuscript.section.is_null()
                & Manuscript.deleted_at.is_null()
            )
            .order_by(Manuscript.status, Manuscript.id)
        )
        return [
            PoolItem(
                r.id,
                r.title,
                Catalog.people(r, "author"),
                r.status,
                workflow.label(r.status),
                r.words,
                r.section_wish,
            )
            for r in rows
        ]

    # -- plan ------------------------------------------------------------------------------
    def plan(self, number: int) -> VolumePlan:
        volume = self._volume(number)
        settings = self.settings_of(volume)
        sections = list(volume.sections.order_by(Section.position))
        rows_by_section = [self._items(s) for s in sections]
        images = dict(
            Image.select(Image.manuscript, fn.COUNT(Image.id)).group_by(Image.manuscript).tuples()
        )
        items: list[list[ItemPlan]] = []
        for rows in rows_by_section:
            planned = []
            for row in rows:
                authors = Catalog.people(row, "author")
                compilers = Catalog.people(row, "compiler")
                narrators = Catalog.people(row, "narrator")
                shape = ArticleShape(
                    body=row.body,
                    has_subtitle=bool(row.subtitle),
                    has_byline=bool(authors or compilers or narrators),
                    images=images.get(row.id, 0),
                    verse=row.genre == "verse",
                )
                lines, text_lines = article_lines(shape, settings)
                layout_words = (
                    verse_words(row.body, settings.text_layout, verse=True)
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
        totals = Totals(pages=pages)
        for section, planned, placed in zip(sections, items, placements, strict=True):
            section_totals = Totals()
            for item, where in zip(planned, placed, strict=True):
                item.start_page, item.end_page = where.start_page, where.end_page
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
        )

    @staticmethod
    def _add_totals(totals: Totals, item: ItemPlan) -> None:
        totals.articles += 1
        totals.words += item.words
        totals.han += item.han
        totals.layout_words += item.layout_words
        totals.images += item.images

    def catalogue(self) -> list[VolumePlan]:
        """Every volume's plan, in number order: the cumulative 总目录."""
        return [self.plan(v.number) for v in Volume.select().order_by(Volume.number)]

    # -- 稿酬 -------------------------------------------------------------------------------
    def set_fee(
        self,
        manuscript_id: int,
        *,
        kind: str | None = None,
        basis: str | None = None,
        rate: float | None = None,
        paid_on: str | None = None,
    ) -> None:
        with self.library.write():
            row = Manuscript.get_or_none(Manuscript.id == manuscript_id)
            if row is None or row.deleted_at:
                raise NotFoundError(f"稿件 {manuscript_id} 不存在")
            if kind is not None:
                row.fee_kind = fees.check_kind(kind)
            if basis is not None:
                row.fee_basis = fees.check_basis(basis)
            if rate is not None:
                row.fee_rate = fees.check_rate(rate)
            if paid_on is not None:
                row.fee_paid_on = parse_date(paid_on)
            row.save()

    def payments(self, number: int, default_rate: float | None = None) -> list[fees.Fee]:
        """The payment sheet: one line per article of the volume, in volume order."""
        if default_rate is not None:
            fees.check_rate(default_rate)
        plan = self.plan(number)
        lines = []
        missing = []
        for section in plan.sections:
            for item in section.items:
                row = Manuscript.get_by_id(item.id)
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
                f"第 {number} 辑有 {len(missing)} 篇稿件未定稿酬标准（{shown}）；"
                f"请用 --rate 指定默认标准，或用 wenshi fee ID --rate R 逐篇设定"
            )
        return lines
