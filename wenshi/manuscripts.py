"""Operations on manuscripts: register, edit, review, trash. Each public write is one
transaction and returns the ``Changes`` it made.

Nothing an editor typed or imported is lost: body changes append a revision, detail
changes append their old and new value, status changes append a review event, deletion
moves a manuscript to the trash. Every manuscript carries a version that moves with each
change of what an editor sees; a write that names the version it started from is refused
if someone else has changed the manuscript since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peewee import Model, fn

from wenshi import workflow
from wenshi.changes import Aspect, Changes, Recorder
from wenshi.db.counter import next_seq
from wenshi.errors import InvalidValueError, NotFoundError, StaleError, TransitionError
from wenshi.i18n import _
from wenshi.reading.document import PAGE_BREAK
from wenshi.records import (
    COUNT_FIELDS,
    DETAIL_LABELS,
    EDITABLE_FIELDS,
    GENRES,
    DetailChangeInfo,
    FileInfo,
    ManuscriptDetail,
    NewManuscript,
    ReviewInfo,
    RevisionInfo,
)
from wenshi.text.periods import year_ranges
from wenshi.text.similarity import sketch
from wenshi.text.textdiff import char_diff
from wenshi.text.wordcount import count_text
from wenshi.timeutil import now_iso, parse_date
from wenshi.volumes import fees

if TYPE_CHECKING:
    from wenshi.db.models import Tables
    from wenshi.library import Library

ROLES = ("author", "compiler", "narrator")


@dataclass(frozen=True)
class Original:
    """An imported file's bytes, already stored in ``files/`` by the importer."""

    sha256: str
    name: str
    size: int
    kind: str
    encoding: str = ""
    pages: str = ""  # which pages of the file this manuscript is ("12-18"), "" for all


def last_page(body: str, first_page: int | None) -> int | None:
    """The printed page a paged body ends on: one page more per form feed."""
    return None if first_page is None else first_page + body.count(PAGE_BREAK)


def split_names(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        clean = name.strip()
        if clean and clean not in seen:
            seen.append(clean)
    return seen


def clean_fields(changes: Mapping[str, object]) -> dict[str, object]:
    """Validate metadata values; raise ``InvalidValueError`` naming the bad one."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidValueError(_("不能修改的字段：{join}").format(join="、".join(sorted(unknown))))
    out: dict[str, object] = {}
    for key, value in changes.items():
        text = "" if value is None else str(value).strip()
        if key == "title" and not text:
            raise InvalidValueError(_("题名不能为空"))
        if key == "received_date":
            out[key] = parse_date(text)
            continue
        if key == "genre" and text not in GENRES:
            raise InvalidValueError(
                _("体裁“{text}”无效；可用：prose（文章）、verse（诗词）").format(text=text)
            )
        out[key] = text
    return out


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class Manuscripts:
    """Writes, and reads of one manuscript, on the manuscripts of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def t(self) -> Tables:
        return self.library.tables

    # -- helpers -----------------------------------------------------------------------
    def _touch(self, row: Model, *, version: bool = True) -> None:
        """Record a change: the time for people, the change counter for the index and
        other processes, and (for what an editor sees) the version."""
        row.updated_at = now_iso()
        row.change_seq = next_seq(self.t)
        if version:
            row.version += 1

    def row(self, manuscript_id: int, *, include_deleted: bool = False) -> Model:
        """The manuscript's row, or ``NotFoundError`` naming it."""
        row = self.t.Manuscript.get_or_none(self.t.Manuscript.id == manuscript_id)
        if row is None or (row.deleted_at and not include_deleted):
            where = _("（在回收站中）") if row is not None else ""
            raise NotFoundError(
                _("稿件 {manuscript_id} 不存在{where}").format(
                    manuscript_id=manuscript_id, where=where
                )
            )
        return row

    @staticmethod
    def _check_version(row: Model, expected: int | None) -> None:
        if expected is not None and expected != row.version:
            raise StaleError(
                _(
                    "稿件 {id}《{title}》在您打开之后已被修改（另一个窗口或命"
                    "令行），现在是第 {version} 版信息，您打开的是第 {expected}"
                    " 版；为免覆盖别人的修改，没有保存"
                ).format(id=row.id, title=row.title, version=row.version, expected=expected)
            )

    @staticmethod
    def _apply_counts(row: Model, body: str) -> None:
        counts = count_text(body).as_dict()
        for name in COUNT_FIELDS:
            setattr(row, name, counts[name])
        row.sketch = sketch(body)

    def _store_periods(self, row: Model) -> None:
        """The years the saved text talks about, anew (what period: search filters on)."""
        t = self.t
        t.ManuscriptPeriod.delete().where(t.ManuscriptPeriod.manuscript == row.id).execute()
        ranges = year_ranges(row.body)
        if ranges:
            t.ManuscriptPeriod.insert_many(
                [{"manuscript": row.id, "first": a, "last": b} for a, b in ranges]
            ).execute()

    def _add_revision(self, row: Model, body: str, reason: str) -> int:
        last = self._current_revision(row)
        counts = count_text(body)
        self.t.Revision.create(
            manuscript=row,
            number=last + 1,
            body=body,
            reason=reason,
            created_at=now_iso(),
            words=counts.words,
            chars_no_spaces=counts.chars_no_spaces,
        )
        return last + 1

    def _record_detail(self, row: Model, name: str, old: object, new: object, actor: str) -> bool:
        """Keep the old value of a detail; False if it did not change."""
        before, after = _as_text(old), _as_text(new)
        if before == after:
            return False
        self.t.DetailChange.create(
            manuscript=row, field=name, old=before, new=after, actor=actor, at=now_iso()
        )
        return True

    def people(self, row: Model | int, role: str) -> list[str]:
        t = self.t
        query = (
            t.Person.select(t.Person.name)
            .join(t.Credit)
            .where((t.Credit.manuscript == row) & (t.Credit.role == role))
            .order_by(t.Credit.position)
        )
        return [p.name for p in query]

    def _set_people(self, row: Model, role: str, names: Iterable[str]) -> list[str]:
        t = self.t
        names = split_names(names)
        t.Credit.delete().where((t.Credit.manuscript == row) & (t.Credit.role == role)).execute()
        for position, name in enumerate(names):
            person = t.Person.select().where(t.Person.name == name).order_by(t.Person.id).first()
            if person is None:
                person = t.Person.create(name=name)
            t.Credit.create(manuscript=row, person=person, role=role, position=position)
        return names

    def tags(self, row: Model | int) -> list[str]:
        t = self.t
        query = (
            t.Tag.select(t.Tag.name)
            .join(t.ManuscriptTag)
            .where(t.ManuscriptTag.manuscript == row)
            .order_by(t.Tag.name)
        )
        return [tag.name for tag in query]

    def _set_tags(self, row: Model, tags: Iterable[str]) -> list[str]:
        t = self.t
        names = split_names(tags)
        t.ManuscriptTag.delete().where(t.ManuscriptTag.manuscript == row).execute()
        for name in names:
            tag, _ = t.Tag.get_or_create(name=name)
            t.ManuscriptTag.create(manuscript=row, tag=tag)
        return names

    # -- writes --------------------------------------------------------------------------
    def add(
        self,
        new: NewManuscript,
        *,
        original: Original | None = None,
        raw_text: str | None = None,
        raw_reason: str = "导入原文（提取的全文，未清理）",
        similar_to: int | None = None,
        actor: str = "",
    ) -> Changes:
        """Register a manuscript (``value``: its id). ``raw_text`` (the text as extracted,
        before cleanup; for a scan, what OCR read) is kept as revision 1, under
        ``raw_reason``, when it differs from the body, so the cleanup can be undone and
        OCR proofread against what the engine read."""
        fields = clean_fields(
            {k: getattr(new, k) for k in EDITABLE_FIELDS if k != "received_date"}
            | {"received_date": new.received_date or ""}
        )
        status = workflow.parse_status(new.status)
        now = now_iso()
        t = self.t
        with self.library.transaction() as tx:
            row = t.Manuscript(
                **fields,
                body=new.body,
                status=status,
                first_page=new.first_page,
                furniture=new.furniture,
                similar_to=similar_to,
                created_at=now,
                updated_at=now,
                change_seq=next_seq(t),
            )
            self._apply_counts(row, new.body)
            row.save()
            self._store_periods(row)
            self._set_people(row, "author", new.authors)
            self._set_people(row, "compiler", new.compilers)
            self._set_people(row, "narrator", new.narrators)
            self._set_tags(row, new.tags)
            if raw_text is not None and raw_text != new.body:
                self._add_revision(row, raw_text, raw_reason)
                self._add_revision(row, new.body, "导入：分出题名与署名，清理排版")
            else:
                self._add_revision(row, new.body, "导入" if original else "新建")
            if original is not None:
                t.StoredFile.create(
                    manuscript=row,
                    sha256=original.sha256,
                    original_name=original.name,
                    size=original.size,
                    kind=original.kind,
                    encoding=original.encoding,
                    pages=original.pages,
                    added_at=now,
                )
            t.ReviewEvent.create(
                manuscript=row,
                from_status=None,
                to_status=status,
                actor=actor,
                opinion="登记",
                at=now,
            )
            tx.note(Aspect.CREATED, manuscripts=[row.id])
        return Changes(frozenset([row.id]), aspects=frozenset([Aspect.CREATED]), value=row.id)

    def update(
        self,
        manuscript_id: int,
        *,
        fields: Mapping[str, object] | None = None,
        people: Mapping[str, Iterable[str]] | None = None,
        tags: Iterable[str] | None = None,
        body: str | None = None,
        reason: str = "",
        status: str | None = None,
        actor: str = "",
        opinion: str = "",
        expected_version: int | None = None,
    ) -> Changes:
        """Change any of a manuscript's details, people, tags, body and status at once —
        all of it or nothing (a refused review step keeps the old title too). Every changed
        detail keeps its old value; a changed body becomes a new revision."""
        clean = clean_fields(fields or {})
        people = dict(people or {})
        for role in people:
            if role not in ROLES:
                raise InvalidValueError(_("未知的署名角色“{role}”").format(role=role))
        with self.library.transaction() as tx:
            row = self.row(manuscript_id)
            self._check_version(row, expected_version)
            aspects: set[Aspect] = set()
            actor = actor.strip()
            for key, value in clean.items():
                if self._record_detail(row, key, getattr(row, key), value, actor):
                    setattr(row, key, value)
                    aspects.add(Aspect.DETAILS)
            for role, names in people.items():
                old = self.people(row, role)
                new = split_names(names)
                if old != new:
                    self._record_detail(row, role, "、".join(old), "、".join(new), actor)
                    self._set_people(row, role, new)
                    aspects.add(Aspect.DETAILS)
            if tags is not None:
                old_tags, new_tags = self.tags(row), sorted(split_names(tags))
                if old_tags != new_tags:
                    self._record_detail(
                        row, "tags", "、".join(old_tags), "、".join(new_tags), actor
                    )
                    self._set_tags(row, new_tags)
                    aspects.add(Aspect.DETAILS)
            if body is not None and body != row.body:
                self._add_revision(row, body, reason.strip() or "编辑正文")
                row.body = body
                self._apply_counts(row, body)
                aspects.add(Aspect.BODY)
            if aspects:
                self._touch(row)
                row.save()
            if Aspect.BODY in aspects:
                self._store_periods(row)
            if status is not None:
                change_status(
                    self.library,
                    tx,
                    row,
                    workflow.parse_status(status),
                    cause=workflow.Cause.REVIEW,
                    actor=actor,
                    opinion=opinion,
                )
                aspects.add(Aspect.STATUS)
            tx.note(*aspects, manuscripts=[row.id] if aspects else [])
            changes = tx.changes
        return changes

    def edit_body(
        self,
        manuscript_id: int,
        body: str,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> Changes:
        """Replace the body, keeping every earlier text as a revision (``value``: the
        current revision number; an unchanged body adds none)."""
        with self.library.transaction():
            changes = self.update(
                manuscript_id, body=body, reason=reason, expected_version=expected_version
            )
            return changes.with_value(self._current_revision(manuscript_id))

    def restore(self, manuscript_id: int, number: int) -> Changes:
        """Make revision ``number`` current again, as a new revision (nothing is dropped)."""
        with self.library.transaction():
            text = self.revision_text(manuscript_id, number)
            return self.edit_body(manuscript_id, text, f"恢复为第 {number} 版")

    def transition(
        self,
        manuscript_id: int,
        target: str,
        actor: str = "",
        opinion: str = "",
        *,
        expected_version: int | None = None,
    ) -> Changes:
        """Move a manuscript one review step, recording who, when and why."""
        return self.update(
            manuscript_id,
            status=target,
            actor=actor,
            opinion=opinion,
            expected_version=expected_version,
        )

    def undo_step(
        self,
        manuscript_id: int,
        step: tuple[str, str],
        actor: str = "",
        back_in: tuple[int, str, int] | None = None,
    ) -> Changes:
        """Take back the review step ``step`` (from, to): the status goes back, recorded in
        the trail as an undo, and (``back_in``: volume, section, 1-based position) to the
        place in a volume the step took it out of. Refused when the manuscript is no
        longer where that step left it (someone has moved it on since)."""
        before, after = step
        with self.library.transaction() as tx:
            row = self.row(manuscript_id)
            if after not in workflow.allowed_next(before) or row.status != after:
                raise InvalidValueError(
                    _(
                        "稿件 {manuscript_id} 现在是“{label}”，“{label2} → {label3}"
                        "”这一步已无法撤销"
                    ).format(
                        manuscript_id=manuscript_id,
                        label=workflow.label(row.status),
                        label2=workflow.label(before),
                        label3=workflow.label(after),
                    )
                )
            change_status(
                self.library,
                tx,
                row,
                before,
                cause=workflow.Cause.UNDO,
                actor=actor,
                opinion=f"撤销上一步（{workflow.label(before)} → {workflow.label(after)}）",
            )
            if back_in is not None and row.section_id is None:
                volume, section, position = back_in
                self.library.volumes.place(volume, [row.id], section, position)
            tx.note(Aspect.STATUS, manuscripts=[row.id])
            return tx.changes

    def transition_many(
        self, ids: Iterable[int], target: str, actor: str = "", opinion: str = ""
    ) -> Changes:
        """The same review step for several manuscripts: all of them or none. A refusal
        names the manuscript that stopped the batch."""
        ids = list(dict.fromkeys(ids))
        with self.library.transaction() as tx:
            for mid in ids:
                try:
                    self.transition(mid, target, actor, opinion)
                except TransitionError as err:
                    if len(ids) == 1:
                        raise
                    title = self.row(mid).title
                    raise TransitionError(
                        _("稿件 #{mid}《{title}》：{err}；这 {count} 篇都没有改动").format(
                            mid=mid, title=title, err=err, count=len(ids)
                        )
                    ) from err
            return tx.changes

    def undo_steps(
        self,
        steps: Iterable[tuple[int, tuple[str, str], tuple[int, str, int] | None]],
        actor: str = "",
    ) -> Changes:
        """Take back one batch review step: ``undo_step`` for each (manuscript, step,
        place), all of them or none."""
        with self.library.transaction() as tx:
            for mid, step, back_in in steps:
                self.undo_step(mid, step, actor, back_in=back_in)
            return tx.changes

    def retag(
        self,
        ids: Iterable[int],
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        actor: str = "",
    ) -> Changes:
        """Add and remove tags on several manuscripts at once, keeping each one's other
        tags (``update`` replaces them all); every changed list keeps its old value.
        ``value`` is the ids whose tags changed, so an undo touches only those."""
        add, remove = split_names(add), set(split_names(remove))
        if not add and not remove:
            raise InvalidValueError(_("没有要加上或去掉的标签"))
        changed: list[int] = []
        with self.library.transaction() as tx:
            for mid in dict.fromkeys(ids):
                row = self.row(mid)
                old = self.tags(row)
                new = sorted({*(t for t in old if t not in remove), *add})
                if new != old:
                    self._record_detail(row, "tags", "、".join(old), "、".join(new), actor)
                    self._set_tags(row, new)
                    self._touch(row)
                    row.save()
                    changed.append(mid)
            if changed:
                tx.note(Aspect.DETAILS, manuscripts=changed)
            return tx.changes.with_value(changed)

    def set_many(
        self,
        ids: Iterable[int],
        *,
        status: str | None = None,
        actor: str = "",
        opinion: str = "",
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        **details: Any,
    ) -> Changes:
        """What ``wenshi set`` asks for, as one write: ``details`` for ``update`` (one
        manuscript only), a review step (for one or several), tags added and taken away
        keeping the others — all of it or nothing."""
        ids = list(dict.fromkeys(ids))
        add_tags, remove_tags = list(add_tags), list(remove_tags)
        with self.library.transaction() as tx:
            if details:
                if len(ids) != 1:
                    raise InvalidValueError(
                        _("题名、作者等信息一次只改一篇；多篇稿件只能一起转审稿状态或加减标签")
                    )
                self.update(ids[0], status=status, actor=actor, opinion=opinion, **details)
            elif status is not None:
                self.transition_many(ids, status, actor, opinion)
            if add_tags or remove_tags:
                self.retag(ids, add_tags, remove_tags, actor)
            return tx.changes

    def delete(self, ids: int | Iterable[int]) -> Changes:
        """Move to the trash; ``undelete`` brings them back with everything attached."""
        ids = [ids] if isinstance(ids, int) else list(dict.fromkeys(ids))
        with self.library.transaction() as tx:
            for mid in ids:
                row = self.row(mid)
                row.deleted_at = now_iso()
                self._touch(row)
                row.save()
            tx.note(Aspect.TRASH, manuscripts=ids)
            return tx.changes

    def undelete(self, ids: int | Iterable[int]) -> Changes:
        ids = [ids] if isinstance(ids, int) else list(dict.fromkeys(ids))
        with self.library.transaction() as tx:
            for mid in ids:
                row = self.row(mid, include_deleted=True)
                if not row.deleted_at:
                    raise InvalidValueError(_("稿件 {mid} 不在回收站中").format(mid=mid))
                row.deleted_at = None
                self._touch(row)
                row.save()
            tx.note(Aspect.TRASH, manuscripts=ids)
            return tx.changes

    def set_fee(
        self,
        manuscript_id: int,
        *,
        kind: str | None = None,
        basis: str | None = None,
        rate: float | None = None,
        paid_on: str | None = None,
        actor: str = "",
    ) -> Changes:
        """稿酬 settings of one manuscript; each change kept in its detail history."""
        values: dict[str, Any] = {}
        if kind is not None:
            values["fee_kind"] = fees.check_kind(kind)
        if basis is not None:
            values["fee_basis"] = fees.check_basis(basis)
        if rate is not None:
            values["fee_rate"] = fees.check_rate(rate)
        if paid_on is not None:
            values["fee_paid_on"] = parse_date(paid_on)
        with self.library.transaction() as tx:
            row = self.row(manuscript_id)
            changed = False
            for key, value in values.items():
                if self._record_detail(row, key, getattr(row, key), value, actor):
                    setattr(row, key, value)
                    changed = True
            if changed:
                self._touch(row, version=False)
                row.save()
                tx.note(Aspect.FEE, manuscripts=[row.id])
            return tx.changes

    # -- reads of one manuscript -------------------------------------------------------
    def _current_revision(self, row: Model | int) -> int:
        t = self.t
        return (
            t.Revision.select(fn.MAX(t.Revision.number))
            .where(t.Revision.manuscript == row)
            .scalar()
            or 0
        )

    def get(self, manuscript_id: int, *, include_deleted: bool = True) -> ManuscriptDetail:
        row = self.row(manuscript_id, include_deleted=include_deleted)
        section = row.section
        files = [
            FileInfo(
                sha256=f.sha256,
                original_name=f.original_name,
                size=f.size,
                kind=f.kind,
                encoding=f.encoding,
                added_at=f.added_at,
                path=str(self.library.files.find(f.sha256) or ""),
                pages=f.pages,
            )
            for f in row.files.order_by(self.t.StoredFile.id)
        ]
        return ManuscriptDetail(
            id=row.id,
            title=row.title,
            subtitle=row.subtitle,
            authors=self.people(row, "author"),
            compilers=self.people(row, "compiler"),
            narrators=self.people(row, "narrator"),
            status=row.status,
            status_label=workflow.label(row.status),
            unit=row.unit,
            identity=row.identity,
            phone=row.phone,
            address=row.address,
            received_date=row.received_date,
            received_via=row.received_via,
            section_wish=row.section_wish,
            genre=row.genre,
            notes=row.notes,
            tags=self.tags(row),
            body=row.body,
            counts={name: getattr(row, name) for name in COUNT_FIELDS},
            volume=section.volume.number if section else None,
            section=section.name if section else None,
            position=row.position,
            # Printed in the volume it stands in: taken out (after a reopening) it has none.
            start_page=row.start_page if section else None,
            similar_to=row.similar_to_id,
            revisions=self._current_revision(row),
            files=files,
            version=row.version,
            first_page=row.first_page,
            last_page=last_page(row.body, row.first_page),
            furniture=row.furniture,
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted_at=row.deleted_at,
            periods=[
                (p.first, p.last) for p in row.periods.order_by(self.t.ManuscriptPeriod.first)
            ],
        )

    def history(self, manuscript_id: int) -> list[RevisionInfo]:
        """Every revision, oldest first, with its 字数 (texts are read only for revisions
        made before their counts were kept)."""
        t = self.t
        self.row(manuscript_id, include_deleted=True)
        rows = list(
            t.Revision.select(
                t.Revision.id,
                t.Revision.number,
                t.Revision.reason,
                t.Revision.created_at,
                t.Revision.words,
                t.Revision.chars_no_spaces,
            )
            .where(t.Revision.manuscript == manuscript_id)
            .order_by(t.Revision.number)
            .tuples()
        )
        out = []
        for index, (rid, number, reason, created, words, chars) in enumerate(rows):
            if words is None or chars is None:
                counts = count_text(t.Revision.get_by_id(rid).body)
                words, chars = counts.words, counts.chars_no_spaces
            out.append(
                RevisionInfo(
                    number=number,
                    reason=reason,
                    created_at=created,
                    words=words,
                    chars_no_spaces=chars,
                    current=index == len(rows) - 1,
                )
            )
        return out

    def revision_text(self, manuscript_id: int, number: int) -> str:
        row = self.row(manuscript_id, include_deleted=True)
        t = self.t
        rev = t.Revision.get_or_none((t.Revision.manuscript == row) & (t.Revision.number == number))
        if rev is None:
            raise NotFoundError(
                _("稿件 {manuscript_id} 没有第 {number} 版").format(
                    manuscript_id=manuscript_id, number=number
                )
            )
        return rev.body

    def compare(self, manuscript_id: int, number: int) -> list[tuple[str, str]]:
        """How revision ``number`` differs from the current text (see ``char_diff``)."""
        return char_diff(
            self.revision_text(manuscript_id, number),
            self.row(manuscript_id, include_deleted=True).body,
        )

    def reviews(self, manuscript_id: int) -> list[ReviewInfo]:
        row = self.row(manuscript_id, include_deleted=True)
        return [
            ReviewInfo(
                from_status=e.from_status,
                to_status=e.to_status,
                to_label=workflow.label(e.to_status),
                actor=e.actor,
                opinion=e.opinion,
                at=e.at,
            )
            for e in row.review_events.order_by(self.t.ReviewEvent.id)
        ]

    def detail_changes(self, manuscript_id: int) -> list[DetailChangeInfo]:
        """Every change of the manuscript's details, oldest first."""
        row = self.row(manuscript_id, include_deleted=True)
        return [
            DetailChangeInfo(
                field=c.field,
                label=DETAIL_LABELS.get(c.field, c.field),
                old=c.old,
                new=c.new,
                actor=c.actor,
                at=c.at,
            )
            for c in row.detail_changes.order_by(self.t.DetailChange.id)
        ]


def change_status(
    library: Library,
    tx: Recorder,
    row: Model,
    target: str,
    *,
    cause: workflow.Cause,
    actor: str = "",
    opinion: str = "",
) -> None:
    """The one way a manuscript's status changes (inside a transaction): checked against
    the rule book for ``cause``, written to the review trail; a piece that leaves the
    states a volume may hold (退稿, 退修) leaves its volume and the rest close up."""
    t = library.tables
    workflow.check_transition(row.status, target, cause)
    t.ReviewEvent.create(
        manuscript=row,
        from_status=row.status,
        to_status=target,
        actor=actor.strip(),
        opinion=opinion.strip(),
        at=now_iso(),
    )
    row.status = target
    section = row.section_id
    aspects = [Aspect.STATUS]
    if section is not None and target not in workflow.PLACEABLE:
        row.section, row.position = None, None
        aspects.append(Aspect.PLACEMENT)
    row.updated_at = now_iso()
    row.change_seq = next_seq(t)
    row.version += 1
    row.save()
    volumes: list[int] = []
    if section is not None:
        volumes.append(t.Section.get_by_id(section).volume.number)
    if section is not None and row.section_id is None:
        rest = (
            t.Manuscript.select(t.Manuscript.id)
            .where(t.Manuscript.section == section)
            .order_by(t.Manuscript.position)
        )
        seq = next_seq(t)
        for position, other in enumerate(rest):
            t.Manuscript.update(position=position, change_seq=seq).where(
                t.Manuscript.id == other.id
            ).execute()
    tx.note(*aspects, manuscripts=[row.id], volumes=volumes)
