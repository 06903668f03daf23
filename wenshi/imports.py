"""Import of manuscripts from files and folders of every format ``wenshi.reading`` reads.

Two stages, so the GUI can show what will happen before anything is stored:
``prepare`` reads, decodes, cleans and counts each file (no writes); ``commit`` stores each
good file in its own transaction (original bytes into ``files/`` first, then the rows), so
one bad file never spoils the others and nothing is ever half-imported. A commit is one
batch whoever calls it: the search index is brought up to date once, at the end.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wenshi import workflow
from wenshi.changes import Changes
from wenshi.errors import CancelledError, ImportFileError, InvalidValueError, WenshiError
from wenshi.fsutil import printable
from wenshi.i18n import _
from wenshi.manuscripts import Original
from wenshi.progress import Progress
from wenshi.reading import KINDS, ReadOptions, read_document
from wenshi.reading.document import Document, Picture
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.reading.pixels import check_image
from wenshi.records import NewManuscript
from wenshi.text.byline import Header, parse_header
from wenshi.text.cleanup import clean_paged
from wenshi.text.similarity import sketch
from wenshi.text.wordcount import Counts, count_text
from wenshi.timeutil import received_on

if TYPE_CHECKING:
    from wenshi.library import Library

# Pages OCR has read, kept until they are imported, so a stopped run resumes (not backed
# up: it is only saved time).
OCR_CACHE_DIR = "ocr-cache"
# System clutter that lives beside manuscripts in real folders and is not a manuscript.
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


def _is_clutter(name: str) -> bool:
    lower = name.lower()
    return lower.startswith((".", "~$")) or lower in _IGNORED_NAMES


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus every file below each named folder (sorted, clutter
    skipped, links followed). A missing path, and a link that leads nowhere or in a
    circle, is kept so that it is reported as an error in its turn."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = _identity(path)
            out += sorted(_walk(path, {root}, {root}))
        else:
            out.append(path)
    return out


def importable(paths: Iterable[str | Path]) -> list[Path]:
    """The files an import of ``paths`` would find that are of a kind wenshi reads: none
    means a drop or a folder holds nothing to import, said once rather than per file."""
    return [path for path in collect_paths(paths) if path.suffix.lower() in KINDS]


def _identity(folder: Path) -> tuple[int, int]:
    info = folder.stat()
    return info.st_dev, info.st_ino


def _walk(
    folder: Path, ancestors: set[tuple[int, int]], seen: set[tuple[int, int]]
) -> Iterator[Path]:
    """The files below ``folder``. A link to a folder is followed once (``seen``: every
    folder walked, so links cannot multiply the work); one to a folder it is inside of
    (``ancestors``) would never end, and is kept to be reported."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return  # a folder that cannot be listed holds nothing to import
    for entry in entries:
        if _is_clutter(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a link in a circle of links
            is_dir = is_file = False
        if is_dir:
            identity = _identity(path)
            if identity in ancestors:
                yield path
            elif identity not in seen:
                seen.add(identity)
                yield from _walk(path, ancestors | {identity}, seen)
        elif is_file or (entry.is_symlink() and _link_problem(path)):
            yield path


def _link_problem(path: Path) -> str | None:
    """Why the link ``path`` leads to no file (None: it does, or it is no link)."""
    if not path.is_symlink():
        return None
    try:
        target = path.stat()
    except FileNotFoundError:
        return _("链接指向的文件不存在")
    except OSError as exc:
        return _("链接形成循环") if exc.errno == errno.ELOOP else None
    # collect_paths keeps a link to a folder only when it leads back to one it is in.
    return _("链接形成循环") if stat.S_ISDIR(target.st_mode) else None


@dataclass
class Prepared:
    """One file read and parsed, not yet stored. ``error`` set means it cannot be imported."""

    path: Path
    kind: str = ""
    data: bytes = b""
    sha256: str = ""
    document: Document | None = None
    header: Header | None = None
    counts: Counts | None = None
    sketch: bytes = b""
    duplicate_of: int | None = None
    same_as_earlier: Path | None = None  # identical bytes to an earlier file of this batch
    similar_to: int | None = None
    error: str | None = None


@dataclass
class ImportResult:
    """The outcome for one file, as the CLI prints it (``--json`` uses these names)."""

    path: str
    status: str  # imported | duplicate | error
    id: int | None = None
    kind: str | None = None  # txt md docx doc wps rtf odt pdf image
    error: str | None = None
    encoding: str | None = None
    words: int | None = None
    similar_to: int | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prepare_file(path: Path, options: ReadOptions, title: str | None = None) -> Prepared:
    """Read, decode, clean, parse and count one file; never raises for a bad file."""
    item = Prepared(path=path)
    name = printable(path)
    try:
        problem = _link_problem(path)
        if problem:
            raise ImportFileError(_("{name}：{problem}").format(name=name, problem=problem))
        item.data, item.document = read_document(path, options)
        for number, picture in enumerate(item.document.pictures, start=1):
            check_image(
                picture.data, f"{name}：{_picture_name(path, number, picture)}", options.limits
            )
        item.kind = item.document.kind
        item.sha256 = hashlib.sha256(item.data).hexdigest()
        header = parse_header(clean_paged(item.document.text), title)
        if not header.title.strip():
            raise ImportFileError(_("{name}：没有任何文字内容").format(name=name))
        item.header = header
        item.counts = count_text(header.body)
        item.sketch = sketch(header.body)
    except CancelledError:
        raise  # the whole import stops (OCR is stopped between pages), not only this file
    except WenshiError as exc:
        message = str(exc)
        item.error = (
            message if name in message or printable(path.name) in message else f"{name}：{message}"
        )
    return item


def _picture_name(path: Path, number: int, picture: Picture) -> str:
    """The original name of picture ``number`` of the file at ``path``."""
    return f"{printable(path.stem)}-图{number}{picture.suffix}"


def _raw_reason(document: Document) -> str:
    """The name of revision 1, the text as read before any clean-up."""
    if document.ocr_pages:
        return f"OCR 识别原文（{len(document.ocr_pages)} 页，未校对）"
    return "导入原文（提取的全文，未清理）"


def _within(outer: Progress, index: int, count: int, path: Path) -> Progress:
    """Progress inside the reading of file ``index`` (OCR page by page), shown as part of
    the whole batch — file ``index`` of ``count`` with ``done`` of its ``total`` pages,
    which the message names — and cancelled with it (OCR stops between pages)."""

    def report(done: int, total: int, message: str) -> None:
        scale = max(total, 1)
        outer.update(
            index * scale + min(done, scale),
            count * scale,
            f"{printable(path.name)}：{message}（{done}/{total}）",
        )

    return outer.within(report)


class Imports:
    """The import operation of one library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def prepare(
        self,
        paths: Sequence[str | Path],
        encoding: str | None = None,
        progress: Progress | None = None,
        title: str | None = None,
        *,
        ocr: str = "auto",
        limits: Limits = DEFAULT_LIMITS,
        password: str | None = None,
    ) -> list[Prepared]:
        """Read every file and mark duplicates and near-duplicates against the library and
        the files before it in the same batch. Writes nothing. ``title`` is for one file;
        ``ocr`` says which PDF pages are read by OCR (see ``ReadOptions``)."""
        progress = progress or Progress()
        queries = self.library.queries
        files = collect_paths(paths)
        if title is not None and len(files) != 1:
            raise InvalidValueError(
                _("指定题名时只能导入一个文件（现有 {count} 个）").format(count=len(files))
            )
        items: list[Prepared] = []
        seen: dict[str, int] = {}
        for index, path in enumerate(files):
            progress.update(index, len(files), _("读取 {name}").format(name=printable(path.name)))
            progress.check()
            options = ReadOptions(
                encoding,
                ocr,
                limits,
                _within(progress, index, len(files), path),
                password=password,
                ocr_cache=self.library.path / OCR_CACHE_DIR,
            )
            item = prepare_file(path, options, title)
            if item.error is None:
                item.duplicate_of = queries.manuscript_with_file(item.sha256)
                if item.sha256 in seen:
                    item.same_as_earlier = files[seen[item.sha256]]
                seen.setdefault(item.sha256, index)
                if item.duplicate_of is None and item.same_as_earlier is None:
                    match = queries.most_similar(item.sketch)
                    item.similar_to = match[0] if match else None
            items.append(item)
        progress.update(len(files), len(files), _("读取完成"))
        return items

    def commit(
        self,
        items: Sequence[Prepared],
        status: str = "received",
        progress: Progress | None = None,
        received: str | None = None,
    ) -> Changes:
        """Store every good prepared file, each in its own transaction, as one batch
        (``value``: the ``ImportResult`` of each file, in order). Each gets the 收稿日期
        ``received`` (today when not given)."""
        status = workflow.parse_status(status)
        received = received_on(received)
        progress = progress or Progress()
        results: list[ImportResult] = []
        with self.library.batch() as batch:
            for index, item in enumerate(items):
                progress.update(
                    index,
                    len(items),
                    _("导入 {name}").format(name=printable(item.path.name)),
                )
                progress.check()
                results.append(self._commit_one(item, status, received))
            progress.update(len(items), len(items), _("导入完成"))
            changes = batch.changes
        return changes.with_value(results)

    def _commit_one(self, item: Prepared, status: str, received: str) -> ImportResult:
        document = item.document
        result = ImportResult(
            path=printable(item.path),
            status="error",
            encoding=(document.encoding or None) if document else None,
        )
        if item.error is not None or document is None or item.header is None or not item.counts:
            result.error = item.error
            return result
        result.words, result.title = item.counts.words, item.header.title
        result.kind = document.kind
        queries = self.library.queries
        duplicate = queries.manuscript_with_file(item.sha256)
        if duplicate is not None:
            result.status, result.id = "duplicate", duplicate
            result.error = _(
                "{path}：与库中稿件 {duplicate} 的原始文件完全相同，未重复导入"
            ).format(path=result.path, duplicate=duplicate)
            return result
        # A file imported earlier in this batch may resemble this one: look again.
        match = queries.most_similar(item.sketch)
        similar = match[0] if match else None
        header = item.header
        try:
            self.library.files.put(item.data, item.path.suffix)
            with self.library.transaction():
                new_id = self._add(item, header, document, status, similar, received)
        except WenshiError as exc:
            result.error = f"{result.path}：{exc}"
            return result
        except OSError as exc:
            result.error = _("{path}：无法写入文库（{reason}）").format(
                path=result.path, reason=exc.strerror or exc
            )
            return result
        result.status, result.id, result.similar_to = "imported", new_id, similar
        return result

    def _add(
        self,
        item: Prepared,
        header: Header,
        document: Document,
        status: str,
        similar: int | None,
        received: str,
    ) -> int:
        """The manuscript's rows, its OCR pages and the pictures of its file (as its
        images, in order, with their captions), inside the caller's transaction."""
        new_id = self.library.manuscripts.add(
            NewManuscript(
                title=header.title,
                subtitle=header.subtitle,
                body=header.body,
                authors=header.authors,
                compilers=header.compilers,
                narrators=header.narrators,
                status=status,
                received_date=received,
                first_page=document.first_page,
                furniture=document.furniture,
            ),
            original=Original(
                sha256=item.sha256,
                name=printable(item.path.name),
                size=len(item.data),
                kind=item.kind,
                encoding=document.encoding,
            ),
            raw_text=document.text,
            raw_reason=_raw_reason(document),
            similar_to=similar,
        ).value
        self.library.ocr.store(item.sha256, document.ocr_pages)
        for number, picture in enumerate(document.pictures, start=1):
            name = _picture_name(item.path, number, picture)
            self.library.images.attach_data(  # checked by prepare_file
                new_id, picture.data, name, caption=picture.caption, limits=None
            )
        return new_id

    def run(
        self,
        paths: Sequence[str | Path],
        *,
        status: str = "received",
        received: str | None = None,
        encoding: str | None = None,
        progress: Progress | None = None,
        title: str | None = None,
        ocr: str = "auto",
        limits: Limits = DEFAULT_LIMITS,
        password: str | None = None,
    ) -> Changes:
        """``prepare`` then ``commit``: the whole import as the CLI runs it (the date is
        checked before any file is read)."""
        received = received_on(received)
        items = self.prepare(
            paths, encoding, progress, title, ocr=ocr, limits=limits, password=password
        )
        return self.commit(items, status, progress, received)
