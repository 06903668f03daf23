"""Import of manuscripts from .txt, .md and .docx files and folders.

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
from wenshi.errors import ImportFileError, InvalidValueError, WenshiError
from wenshi.manuscripts import Original
from wenshi.progress import Progress
from wenshi.records import NewManuscript
from wenshi.text.byline import Header, parse_header
from wenshi.text.cleanup import clean_text
from wenshi.text.decode import decode_bytes
from wenshi.text.docx_extract import extract_docx
from wenshi.text.similarity import sketch
from wenshi.text.wordcount import Counts, count_text

if TYPE_CHECKING:
    from wenshi.library import Library

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
DOCX_SUFFIXES = {".docx": "docx"}
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
    encoding: str = ""
    raw_text: str = ""
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
    error: str | None = None
    encoding: str | None = None
    words: int | None = None
    similar_to: int | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    kind = TEXT_SUFFIXES.get(suffix) or DOCX_SUFFIXES.get(suffix)
    if kind:
        return kind
    if suffix == ".doc":
        raise ImportFileError(
            f"{path}：旧版 Word .doc 文件不能直接导入，请在 Word/WPS 中另存为 .docx"
        )
    raise ImportFileError(
        f"{path}：不支持的文件类型“{suffix or '（无扩展名）'}”；可导入 .txt、.md、.docx"
    )


def read_document(path: Path, encoding: str | None = None) -> tuple[bytes, str, str, str]:
    """Read one file: its bytes, kind, text and the encoding used ("" for .docx)."""
    kind = _kind_of(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    if not data:
        raise ImportFileError(f"{path}：文件为空")
    if kind == "docx":
        return data, kind, extract_docx(data, str(path)), ""
    decoded = decode_bytes(data, str(path), encoding)
    return data, kind, decoded.text, decoded.encoding


def prepare_file(path: Path, encoding: str | None = None, title: str | None = None) -> Prepared:
    """Read, decode, clean, parse and count one file; never raises for a bad file."""
    item = Prepared(path=path)
    try:
        item.data, item.kind, item.raw_text, item.encoding = read_document(path, encoding)
        item.sha256 = hashlib.sha256(item.data).hexdigest()
        header = parse_header(clean_text(item.raw_text), title)
        if not header.title.strip():
            raise ImportFileError(f"{path}：没有任何文字内容")
        item.header = header
        item.counts = count_text(header.body)
        item.sketch = sketch(header.body)
    except WenshiError as exc:
        message = str(exc)
        item.error = (
            message if str(path) in message or path.name in message else f"{path}：{message}"
        )
    return item


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
    ) -> list[Prepared]:
        """Read every file and mark duplicates and near-duplicates against the library and
        the files before it in the same batch. Writes nothing. ``title`` is for one file."""
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
            item = prepare_file(path, encoding, title)
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
        result = ImportResult(path=str(item.path), status="error", encoding=item.encoding or None)
        if item.error is not None or item.header is None or item.counts is None:
            result.error = item.error
            return result
        result.words, result.title = item.counts.words, item.header.title
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
            new_id = self.library.manuscripts.add(
                NewManuscript(
                    title=header.title,
                    subtitle=header.subtitle,
                    body=header.body,
                    authors=header.authors,
                    compilers=header.compilers,
                    narrators=header.narrators,
                    status=status,
                ),
                original=Original(
                    sha256=item.sha256,
                    name=item.path.name,
                    size=len(item.data),
                    kind=item.kind,
                    encoding=item.encoding,
                ),
                raw_text=item.raw_text,
                similar_to=similar,
            ).value
        except WenshiError as exc:
            result.error = f"{item.path}：{exc}"
            return result
        except OSError as exc:
            result.error = f"{item.path}：无法写入文库（{exc.strerror or exc}）"
            return result
        result.status, result.id, result.similar_to = "imported", new_id, similar
        return result

    def run(
        self,
        paths: Sequence[str | Path],
        *,
        status: str = "received",
        encoding: str | None = None,
        progress: Progress | None = None,
        title: str | None = None,
    ) -> Changes:
        """``prepare`` then ``commit``: the whole import as the CLI runs it."""
        items = self.prepare(paths, encoding, progress, title)
        return self.commit(items, status, progress)
