"""The one write API for manuscripts. Every public method is one transaction.

Nothing an editor typed or imported is lost: body changes append a revision, status changes
append a review event, deletion moves a manuscript to the trash (``deleted_at``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from wenshi import workflow
from wenshi.db.changes import next_seq
from wenshi.db.models import (
    Credit,
    Manuscript,
    ManuscriptTag,
    Person,
    ReviewEvent,
    Revision,
    StoredFile,
    Tag,
)
from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.library import Library
from wenshi.records import (
    COUNT_FIELDS,
    EDITABLE_FIELDS,
    GENRES,
    FileInfo,
    ManuscriptDetail,
    NewManuscript,
    ReviewInfo,
    RevisionInfo,
)
from wenshi.text.similarity import sketch
from wenshi.text.wordcount import count_text
from wenshi.timeutil import now_iso, parse_date

ROLES = ("author", "compiler", "narrator")


@dataclass(frozen=True)
class Original:
    """An imported file's bytes, already stored in ``files/`` by the importer."""

    sha256: str
    name: str
    size: int
    kind: str
    encoding: str = ""


def _split_names(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        clean = name.strip()
        if clean and clean not in seen:
            seen.append(clean)
    return seen


def _clean_fields(changes: dict[str, object]) -> dict[str, object]:
    """Validate metadata values; raise ``InvalidValueError`` naming the bad one."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidValueError(f"不能修改的字段：{'、'.join(sorted(unknown))}")
    out: dict[str, object] = {}
    for key, value in changes.items():
        text = "" if value is None else str(value).strip()
        if key == "title" and not text:
            raise InvalidValueError("题名不能为空")
        if key == "received_date":
            out[key] = parse_date(text)
            continue
        if key == "genre" and text not in GENRES:
            raise InvalidValueError(f"体裁“{text}”无效；可用：prose（文章）、verse（诗词）")
        out[key] = text
    return out


class Catalog:
    """Writes (and single-record reads) on the manuscripts of one open library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    # -- helpers -----------------------------------------------------------------------
    @staticmethod
    def _touch(row: Manuscript) -> None:
        """Record a change: the time for people, the change counter for the search index."""
        row.updated_at = now_iso()
        row.change_seq = next_seq()

    def _get(self, manuscript_id: int, *, include_deleted: bool = False) -> Manuscript:
        row = Manuscript.get_or_none(Manuscript.id == manuscript_id)
        if row is None or (row.deleted_at and not include_deleted):
            where = "（在回收站中）" if row is not None else ""
            raise NotFoundError(f"稿件 {manuscript_id} 不存在{where}")
        return row

    @staticmethod
    def _apply_counts(row: Manuscript, body: str) -> None:
        counts = count_text(body).as_dict()
        for name in COUNT_FIELDS:
            setattr(row, name, counts[name])
        row.sketch = sketch(body)

    def _add_revision(self, row: Manuscript, body: str, reason: str) -> int:
        last = self._current_revision(row)
        Revision.create(
            manuscript=row, number=last + 1, body=body, reason=reason, created_at=now_iso()
        )
        return last + 1

    def _set_people(self, row: Manuscript, role: str, names: Iterable[str]) -> None:
        Credit.delete().where((Credit.manuscript == row) & (Credit.role == role)).execute()
        for position, name in enumerate(_split_names(names)):
            person = Person.select().where(Person.name == name).order_by(Person.id).first()
            if person is None:
                person = Person.create(name=name)
            Credit.create(manuscript=row, person=person, role=role, position=position)

    @staticmethod
    def _set_tags(row: Manuscript, tags: Iterable[str]) -> None:
        ManuscriptTag.delete().where(ManuscriptTag.manuscript == row).execute()
        for name in _split_names(tags):
            tag, _ = Tag.get_or_create(name=name)
            ManuscriptTag.create(manuscript=row, tag=tag)

    # -- writes --------------------------------------------------------------------------
    def add(
        self,
        new: NewManuscript,
        *,
        original: Original | None = None,
        raw_text: str | None = None,
        similar_to: int | None = None,
        actor: str = "",
    ) -> int:
        """Register a manuscript. ``raw_text`` (the text as extracted, before cleanup) is kept
        as revision 1 when it differs from the body, so the cleanup can be undone."""
        fields = _clean_fields(
            {k: getattr(new, k) for k in EDITABLE_FIELDS if k != "received_date"}
            | {"received_date": new.received_date or ""}
        )
        status = workflow.parse_status(new.status)
        now = now_iso()
        with self.library.write():
            row = Manuscript(
                **fields,
                body=new.body,
                status=status,
                similar_to=similar_to,
                created_at=now,
                updated_at=now,
                change_seq=next_seq(),
            )
            self._apply_counts(row, new.body)
            row.save()
            self._set_people(row, "author", new.authors)
            self._set_people(row, "compiler", new.compilers)
            self._set_people(row, "narrator", new.narrators)
            self._set_tags(row, new.tags)
            if raw_text is not None and raw_text != new.body:
                self._add_revision(row, raw_text, "导入原文（提取的全文，未清理）")
                self._add_revision(row, new.body, "导入：分出题名与署名，清理排版")
            else:
                self._add_revision(row, new.body, "导入" if original else "新建")
            if original is not None:
                StoredFile.create(
                    manuscript=row,
                    sha256=original.sha256,
                    original_name=original.name,
                    size=original.size,
                    kind=original.kind,
                    encoding=original.encoding,
                    added_at=now,
                )
            ReviewEvent.create(
                manuscript=row,
                from_status=None,
                to_status=status,
                actor=actor,
                opinion="登记",
                at=now,
            )
        return row.id

    def update(self, manuscript_id: int, **changes: object) -> None:
        """Change metadata fields (see ``records.EDITABLE_FIELDS``)."""
        fields = _clean_fields(changes)
        with self.library.write():
            row = self._get(manuscript_id)
            for key, value in fields.items():
                setattr(row, key, value)
            self._touch(row)
            row.save()

    def set_people(self, manuscript_id: int, role: str, names: Iterable[str]) -> None:
        if role not in ROLES:
            raise InvalidValueError(f"未知的署名角色“{role}”")
        with self.library.write():
            row = self._get(manuscript_id)
            self._set_people(row, role, names)
            self._touch(row)
            row.save()

    def set_tags(self, manuscript_id: int, tags: Iterable[str]) -> None:
        with self.library.write():
            row = self._get(manuscript_id)
            self._set_tags(row, tags)
            self._touch(row)
            row.save()

    def edit_body(self, manuscript_id: int, body: str, reason: str = "") -> int:
        """Replace the body, keeping every earlier text as a revision; returns its number.
        An unchanged body adds nothing and returns the current revision number."""
        with self.library.write():
            row = self._get(manuscript_id)
            if body == row.body:
                return self._current_revision(row)
            number = self._add_revision(row, body, reason.strip() or "编辑正文")
            row.body = body
            self._apply_counts(row, body)
            self._touch(row)
            row.save()
        return number

    def restore(self, manuscript_id: int, number: int) -> int:
        """Make revision ``number`` current again, as a new revision (nothing is dropped)."""
        text = self.revision_text(manuscript_id, number)
        return self.edit_body(manuscript_id, text, f"恢复为第 {number} 版")

    def transition(
        self, manuscript_id: int, target: str, actor: str = "", opinion: str = ""
    ) -> None:
        """Move a manuscript one step along the review workflow, recording who, when and why."""
        status = workflow.parse_status(target)
        with self.library.write():
            row = self._get(manuscript_id)
            workflow.check_transition(row.status, status)
            ReviewEvent.create(
                manuscript=row,
                from_status=row.status,
                to_status=status,
                actor=actor.strip(),
                opinion=opinion.strip(),
                at=now_iso(),
            )
            row.status = status
            section = row.section_id
            if section is not None and status not in workflow.PLACEABLE:
                # 退稿/退修 takes a piece out of its volume; the rest close up behind it.
                row.section, row.position = None, None
            self._touch(row)
            row.save()
            if section is not None and row.section_id is None:
                rest = (
                    Manuscript.select(Manuscript.id)
                    .where(Manuscript.section == section)
                    .order_by(Manuscript.position)
                )
                for position, other in enumerate(rest):
                    Manuscript.update(position=position, change_seq=next_seq()).where(
                        Manuscript.id == other.id
                    ).execute()

    def delete(self, manuscript_id: int) -> None:
        """Move to the trash; ``undelete`` brings it back with everything attached."""
        with self.library.write():
            row = self._get(manuscript_id)
            row.deleted_at = now_iso()
            self._touch(row)
            row.save()

    def undelete(self, manuscript_id: int) -> None:
        with self.library.write():
            row = self._get(manuscript_id, include_deleted=True)
            if not row.deleted_at:
                raise InvalidValueError(f"稿件 {manuscript_id} 不在回收站中")
            row.deleted_at = None
            self._touch(row)
            row.save()

    # -- reads of one manuscript -------------------------------------------------------
    @staticmethod
    def _current_revision(row: Manuscript) -> int:
        return (
            Revision.select(fn.MAX(Revision.number)).where(Revision.manuscript == row).scalar() or 0
        )

    @staticmethod
    def people(row: Manuscript, role: str) -> list[str]:
        query = (
            Person.select(Person.name)
            .join(Credit)
            .where((Credit.manuscript == row) & (Credit.role == role))
            .order_by(Credit.position)
        )
        return [p.name for p in query]

    def get(self, manuscript_id: int, *, include_deleted: bool = True) -> ManuscriptDetail:
        row = self._get(manuscript_id, include_deleted=include_deleted)
        section = row.section
        tags = [
            t.name
            for t in Tag.select()
            .join(ManuscriptTag)
            .where(ManuscriptTag.manuscript == row)
            .order_by(Tag.name)
        ]
        files = [
            FileInfo(
                sha256=f.sha256,
                original_name=f.original_name,
                size=f.size,
                kind=f.kind,
                encoding=f.encoding,
                added_at=f.added_at,
                path=str(self.library.files.find(f.sha256) or ""),
            )
            for f in row.files.order_by(StoredFile.id)
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
            tags=tags,
            body=row.body,
            counts={name: getattr(row, name) for name in COUNT_FIELDS},
            volume=section.volume.number if section else None,
            section=section.name if section else None,
            position=row.position,
            start_page=row.start_page,
            similar_to=row.similar_to_id,
            revisions=self._current_revision(row),
            files=files,
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted_at=row.deleted_at,
        )

    def history(self, manuscript_id: int) -> list[RevisionInfo]:
        row = self._get(manuscript_id, include_deleted=True)
        revisions = list(row.revisions.order_by(Revision.number))
        out = []
        for rev in revisions:
            counts = count_text(rev.body)
            out.append(
                RevisionInfo(
                    number=rev.number,
                    reason=rev.reason,
                    created_at=rev.created_at,
                    words=counts.words,
                    chars_no_spaces=counts.chars_no_spaces,
                    current=rev is revisions[-1],
                )
            )
        return out

    def revision_text(self, manuscript_id: int, number: int) -> str:
        row = self._get(manuscript_id, include_deleted=True)
        rev = Revision.get_or_none((Revision.manuscript == row) & (Revision.number == number))
        if rev is None:
            raise NotFoundError(f"稿件 {manuscript_id} 没有第 {number} 版")
        return rev.body

    def reviews(self, manuscript_id: int) -> list[ReviewInfo]:
        row = self._get(manuscript_id, include_deleted=True)
        return [
            ReviewInfo(
                from_status=e.from_status,
                to_status=e.to_status,
                to_label=workflow.label(e.to_status),
                actor=e.actor,
                opinion=e.opinion,
                at=e.at,
            )
            for e in row.review_events.order_by(ReviewEvent.id)
        ]
