"""The authority list: persons (正名 with 字, 号, 别名, 笔名, traditional and variant forms,
dates, a note) and places (今名 with the historical names and the period each applied),
so that ``person:马鸿宾`` or ``place:灵州`` finds an entry under every name it bears.

A name belongs to one entry of its kind: folded as search folds it (繁简, width), so 馬鴻賓
and 马鸿宾 are one name, and an alias another entry already has is refused naming both.
Every write is one transaction; a CSV import is all or nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import Model

from wenshi.changes import Aspect, Changes
from wenshi.errors import InvalidValueError, NotFoundError
from wenshi.export.atomic import atomic_path, check_suffix
from wenshi.i18n import N_, _
from wenshi.search.fold import fold
from wenshi.timeutil import now_iso

if TYPE_CHECKING:
    from wenshi.library import Library

KINDS = {"person": N_("人物"), "place": N_("地名")}
MAIN = "正名"
PERSON_TYPES = (MAIN, "字", "号", "别名", "笔名", "繁体", "异体")
PLACE_TYPES = (MAIN, "旧名", "别名", "繁体", "异体")
CSV_HEADER = ["类别", "正名", "名称", "类型", "时期", "生卒", "说明"]


@dataclass
class Name:
    name: str
    type: str
    period: str = ""


@dataclass
class Entry:
    id: int
    kind: str
    name: str
    dates: str
    note: str
    names: list[Name] = field(default_factory=list)

    @property
    def all_names(self) -> list[str]:
        """Every name to search for: the 正名 first, then the others as entered."""
        return [n.name for n in self.names]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """An article that mentions an entry: where it stands, which names it uses."""

    id: int
    title: str
    authors: list[str]
    volume: int | None
    section: str | None
    year: int | None
    names: list[str]
    hits: int
    page: int | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


MENTION_HEADERS = ["ID", "题名", "作者", "辑", "栏目", "年份", "所用名称", "处数", "页码", "摘录"]


def mention_rows(mentions: list[Mention]) -> list[list[object]]:
    return [
        [
            m.id,
            m.title,
            "、".join(m.authors),
            m.volume or "",
            m.section or "",
            m.year or "",
            "、".join(m.names),
            m.hits,
            m.page or "",
            m.snippet,
        ]
        for m in mentions
    ]


def _clean(text: str) -> str:
    return " ".join(str(text).split())


class Authorities:
    """The persons and places of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    @property
    def t(self):
        return self.library.tables

    # -- reads ----------------------------------------------------------------------------
    def _kind(self, kind: str) -> str:
        if kind not in KINDS:
            raise InvalidValueError(
                _("类别“{value}”无效；可用：{join}").format(value=kind, join="、".join(KINDS))
            )
        return kind

    def _row(self, kind: str, name: str) -> Model:
        """The entry ``name`` is one of the names of (its 正名 or any alias)."""
        t = self.t
        hit = (
            t.AuthorityName.select()
            .where(
                (t.AuthorityName.kind == self._kind(kind)) & (t.AuthorityName.folded == fold(name))
            )
            .first()
        )
        if hit is None:
            raise NotFoundError(
                _("{kind}“{name}”不在名录中").format(kind=_(KINDS[kind]), name=name)
            )
        return hit.authority

    def _entry(self, row: Model) -> Entry:
        t = self.t
        names = [
            Name(n.name, n.type, n.period)
            for n in row.names.order_by(t.AuthorityName.type != MAIN, t.AuthorityName.id)
        ]
        return Entry(row.id, row.kind, row.name, row.dates, row.note, names)

    def get(self, kind: str, name: str) -> Entry:
        return self._entry(self._row(kind, name))

    def list(self, kind: str) -> list[Entry]:
        t = self.t
        rows = t.Authority.select().where(t.Authority.kind == self._kind(kind))
        return [self._entry(r) for r in rows.order_by(t.Authority.name)]

    def names_for(self, kind: str, name: str) -> list[str]:
        """Every name of the entry ``name`` belongs to — what ``person:``/``place:`` search
        for. A name not in the list is searched as it is: the researcher still finds it."""
        # One plain query: every search with person:/place: asks it.
        rows = self.library.db.execute_sql(
            "SELECT other.name FROM authority_name AS one"
            " JOIN authority_name AS other ON other.authority_id = one.authority_id"
            " WHERE one.kind = ? AND one.folded = ?"
            " ORDER BY other.type != ?, other.id",
            (self._kind(kind), fold(name), MAIN),
        ).fetchall()
        return [row[0] for row in rows] or [name]

    # -- writes ---------------------------------------------------------------------------
    def _check_free(self, kind: str, name: str, owner: Model | None) -> None:
        """Refuse a name some other entry of the kind already bears."""
        t = self.t
        taken = (
            t.AuthorityName.select()
            .where((t.AuthorityName.kind == kind) & (t.AuthorityName.folded == fold(name)))
            .first()
        )
        if taken is not None and (owner is None or taken.authority_id != owner.id):
            raise InvalidValueError(
                _("“{name}”已是{kind}“{owner}”的名称，不能再给另一条").format(
                    name=name, kind=_(KINDS[kind]), owner=taken.authority.name
                )
            )

    def _add_name(self, row: Model, name: str, type_: str, period: str) -> None:
        t = self.t
        types = PERSON_TYPES if row.kind == "person" else PLACE_TYPES
        if type_ not in types:
            raise InvalidValueError(
                _("名称类型“{value}”无效；{kind}可用：{join}").format(
                    value=type_, kind=_(KINDS[row.kind]), join="、".join(types)
                )
            )
        if period and row.kind != "place":
            raise InvalidValueError(_("只有地名的名称才有时期（如 灵州：唐—元）"))
        self._check_free(row.kind, name, row)
        if t.AuthorityName.get_or_none(
            (t.AuthorityName.authority == row) & (t.AuthorityName.name == name)
        ):
            raise InvalidValueError(
                _("“{name}”已在“{owner}”的名称中").format(name=name, owner=row.name)
            )
        t.AuthorityName.create(
            authority=row, kind=row.kind, name=name, type=type_, period=period, folded=fold(name)
        )

    def add(self, kind: str, name: str, *, dates: str = "", note: str = "") -> Changes:
        """A new entry under its 正名 (a place: its 今名)."""
        name = _clean(name)
        if not name:
            raise InvalidValueError(_("名称不能为空"))
        t = self.t
        with self.library.transaction() as tx:
            self._check_free(self._kind(kind), name, None)
            row = t.Authority.create(
                kind=kind, name=name, dates=_clean(dates), note=note.strip(), created_at=now_iso()
            )
            self._add_name(row, name, MAIN, "")
            tx.note(Aspect.AUTHORITY)
            return tx.changes

    def alias(
        self, kind: str, entry: str, alias: str, *, type_: str = "别名", period: str = ""
    ) -> Changes:
        """Another name of the entry ``entry`` names (by any of its names)."""
        alias = _clean(alias)
        if not alias:
            raise InvalidValueError(_("名称不能为空"))
        with self.library.transaction() as tx:
            self._add_name(self._row(kind, entry), alias, type_, _clean(period))
            tx.note(Aspect.AUTHORITY)
            return tx.changes

    def update(self, kind: str, entry: str, **changes: str) -> Changes:
        """Change the dates or the note of an entry."""
        unknown = set(changes) - {"dates", "note"}
        if unknown:
            raise InvalidValueError(
                _("不能修改的名录属性：{join}").format(join="、".join(sorted(unknown)))
            )
        with self.library.transaction() as tx:
            row = self._row(kind, entry)
            for key, value in changes.items():
                setattr(row, key, _clean(value) if key == "dates" else value.strip())
            row.save()
            tx.note(Aspect.AUTHORITY)
            return tx.changes

    def remove(self, kind: str, entry: str, alias: str | None = None) -> Changes:
        """Remove an entry with all its names, or (``alias``) one of its other names."""
        t = self.t
        with self.library.transaction() as tx:
            row = self._row(kind, entry)
            if alias is None:
                row.delete_instance(recursive=True)
            else:
                # The name as written first: 馬鴻賓 and 马鸿宾 fold alike but are two rows.
                names = t.AuthorityName.select().where(t.AuthorityName.authority == row)
                name = names.where(t.AuthorityName.name == alias.strip()).first() or (
                    names.where(t.AuthorityName.folded == fold(alias)).first()
                )
                if name is None or name.type == MAIN:
                    raise InvalidValueError(
                        _("“{alias}”不是“{owner}”的别名").format(alias=alias, owner=row.name)
                        if name is None
                        else _("正名“{alias}”不能单独删除；要删除整条，请不加别名").format(
                            alias=alias
                        )
                    )
                name.delete_instance()
            tx.note(Aspect.AUTHORITY)
            return tx.changes

    def mentions(self, kind: str, name: str) -> list[Mention]:
        """Every article that mentions the entry under any of its names, in volume order,
        with the names it uses, how often, and its first snippet."""
        entry = self.get(kind, name)
        years = {v.number: v.year for v in self.library.volumes.list()}
        query = f'{kind}:"{entry.name}"'
        found = self.library.search.search(query, limit=0, sort="volume").hits
        return [
            Mention(
                id=hit.id,
                title=hit.title,
                authors=hit.authors,
                volume=hit.volume,
                section=hit.section,
                year=years.get(hit.volume) if hit.volume is not None else None,
                names=hit.names,
                hits=hit.hits,
                page=next((s.page for s in hit.snippets if s.page is not None), None),
                snippet=hit.snippets[0].marked() if hit.snippets else "",
            )
            for hit in found
        ]

    # -- CSV ------------------------------------------------------------------------------
    def export_csv(self, kind: str, path: Path) -> int:
        """Every entry of ``kind`` and its names, one name a row (the 正名's row carries
        dates and note); returns the number of entries. UTF-8 with a BOM, as Excel opens
        it."""
        check_suffix(Path(path), (".csv",), _("名录"))
        rows = []
        entries = self.list(kind)
        for entry in entries:
            for n in entry.names:
                main = n.type == MAIN
                rows.append(
                    [
                        KINDS[entry.kind],  # the CSV speaks Chinese, as editors fill it
                        entry.name,
                        n.name,
                        n.type,
                        n.period,
                        entry.dates if main else "",
                        entry.note if main else "",
                    ]
                )
        with (
            atomic_path(Path(path), self.library.session) as tmp,
            tmp.open("w", encoding="utf-8-sig", newline="") as f,
        ):
            writer = csv.writer(f)
            writer.writerow(CSV_HEADER)
            writer.writerows(rows)
        return len(entries)

    def import_csv(self, kind: str, path: Path) -> int:
        """Entries of ``kind`` and their names from a CSV as ``export_csv`` writes it; all
        or nothing, a malformed row named by its line. Returns the number of names added."""
        path = Path(path)
        self._kind(kind)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise InvalidValueError(
                _("{path}：无法读取（{reason}）").format(path=path, reason=exc.strerror)
            ) from exc
        except UnicodeDecodeError:
            raise InvalidValueError(_("{path}：不是 UTF-8 编码的 CSV").format(path=path)) from None
        reader = csv.reader(io.StringIO(text))
        header = next(reader, None)
        if header is None or [h.strip() for h in header[: len(CSV_HEADER)]] != CSV_HEADER:
            raise InvalidValueError(
                _("{path}：第 1 行应为表头：{join}").format(path=path, join=",".join(CSV_HEADER))
            )
        added = 0
        with self.library.transaction() as tx:
            for line, row in enumerate(reader, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                cells = [c.strip() for c in row] + [""] * (len(CSV_HEADER) - len(row))
                label, main, name, type_, period, dates, note = cells[: len(CSV_HEADER)]
                try:
                    if label not in (KINDS[kind], kind):
                        raise InvalidValueError(
                            _("类别“{value}”不是{kind}").format(value=label, kind=_(KINDS[kind]))
                        )
                    if not main or not name:
                        raise InvalidValueError(_("正名和名称都不能为空"))
                    if type_ == MAIN:
                        if name != main:
                            raise InvalidValueError(_("类型为正名时，名称应与正名相同"))
                        self.add(kind, main, dates=dates, note=note)
                    else:
                        self.alias(kind, main, name, type_=type_, period=period)
                except (InvalidValueError, NotFoundError) as error:
                    raise InvalidValueError(
                        _("{path} 第 {line} 行：{reason}").format(
                            path=path, line=line, reason=error
                        )
                    ) from None
                added += 1
            tx.note(Aspect.AUTHORITY)
        return added
