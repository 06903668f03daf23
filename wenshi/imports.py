"""Import of manuscripts from files and folders of every format ``wenshi.reading`` reads.

Two stages, so the GUI can show what will happen before anything is stored:
``prepare`` reads, decodes, cleans and counts each file (no writes); ``commit`` stores each
good file in its own transaction (original bytes into ``files/`` first, then the rows), so
one bad file never spoils the others and nothing is ever half-imported. A commit is one
batch whoever calls it: the search index is brought up to date once, at the end.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wenshi import workflow
from wenshi.changes import Changes
from wenshi.errors import CancelledError, ImportFileError, InvalidValueError, WenshiError
from wenshi.manuscripts import Original
from wenshi.progress import Progress
from wenshi.reading import ReadOptions, read_document
from wenshi.reading.document import Document
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.records import NewManuscript
from wenshi.text.byline import Header, parse_header
from wenshi.text.cleanup import clean_paged
from wenshi.text.similarity import sketch
from wenshi.text.wordcount import Counts, count_text

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
    """Files named directly, plus every file below each named folder (sorted, clutter skipped).
    A missing path is kept so that it is reported as an error in its turn."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            out.append(path)
            continue
        for found in sorted(path.rglob("*")):
            parts = found.relative_to(path).parts
            if found.is_file() and not any(_is_clutter(part) for part in parts):
                out.append(found)
    return out


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
    try:
        item.data, item.document = read_document(path, options)
        item.kind = item.document.kind
        item.sha256 = hashlib.sha256(item.data).hexdigest()
        header = parse_header(clean_paged(item.document.text), title)
        if not header.title.strip():
            raise ImportFileError(f"{path}：没有任何文字内容")
        item.header = header
        item.counts = count_text(header.body)
        item.sketch = sketch(header.body)
    except CancelledError:
        raise  # the whole import stops (OCR is stopped between pages), not only this file
    except WenshiError as exc:
        message = str(exc)
        item.error = (
            message if str(path) in message or path.name in message else f"{path}：{message}"
        )
    return item


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
            f"{path.name}：{message}（{done}/{total}）",
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
            raise InvalidValueError(f"指定题名时只能导入一个文件（现有 {len(files)} 个）")
        items: list[Prepared] = []
        seen: dict[str, int] = {}
        for index, path in enumerate(files):
            progress.update(index, len(files), f"读取 {path.name}")
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
        progress.update(len(files), len(files), "读取完成")
        return items

    def commit(
        self,
        items: Sequence[Prepared],
        status: str = "received",
        progress: Progress | None = None,
    ) -> Changes:
        """Store every good prepared file, each in its own transaction, as one batch
        (``value``: the ``ImportResult`` of each file, in order)."""
        status = workflow.parse_status(status)
        progress = progress or Progress()
        results: list[ImportResult] = []
        with self.library.batch() as batch:
            for index, item in enumerate(items):
                progress.update(index, len(items), f"导入 {item.path.name}")
                progress.check()
                results.append(self._commit_one(item, status))
            progress.update(len(items), len(items), "导入完成")
            changes = batch.changes
        return changes.with_value(results)

    def _commit_one(self, item: Prepared, status: str) -> ImportResult:
        document = item.document
        result = ImportResult(
            path=str(item.path),
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
            result.error = f"{item.path}：与库中稿件 {duplicate} 的原始文件完全相同，未重复导入"
            return result
        # A file imported earlier in this batch may resemble this one: look again.
        match = queries.most_similar(item.sketch)
        similar = match[0] if match else None
        header = item.header
        try:
            self.library.files.put(item.data, item.path.suffix)
            with self.library.transaction():
                new_id = self._add(item, header, document, status, similar)
        except WenshiError as exc:
            result.error = f"{item.path}：{exc}"
            return result
        except OSError as exc:
            result.error = f"{item.path}：无法写入文库（{exc.strerror or exc}）"
            return result
        result.status, result.id, result.similar_to = "imported", new_id, similar
        return result

    def _add(
        self, item: Prepared, header: Header, document: Document, status: str, similar: int | None
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
                first_page=document.first_page,
                furniture=document.furniture,
            ),
            original=Original(
                sha256=item.sha256,
                name=item.path.name,
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
            name = f"{item.path.stem}-图{number}{picture.suffix}"
            self.library.images.attach_data(new_id, picture.data, name, caption=picture.caption)
        return new_id

    def run(
        self,
        paths: Sequence[str | Path],
        *,
        status: str = "received",
        encoding: str | None = None,
        progress: Progress | None = None,
        title: str | None = None,
        ocr: str = "auto",
        limits: Limits = DEFAULT_LIMITS,
        password: str | None = None,
    ) -> Changes:
        """``prepare`` then ``commit``: the whole import as the CLI runs it."""
        items = self.prepare(
            paths, encoding, progress, title, ocr=ocr, limits=limits, password=password
        )
        return self.commit(items, status, progress)
