"""A whole published volume from its PDF: the 目录 read, the articles split out at their pages.

The back catalogue exists as printers' PDFs and scans of printed books. A volume's 目录
names every article with its author and printed start page under its 栏目; the page
numbers in the margins tell which PDF page is which printed page. From the two, each
article is cut out of the text where its title stands on its start page, and the volume
is created as published, each article with its real pages and the PDF as its source.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wenshi.errors import ImportFileError, InvalidValueError
from wenshi.manuscripts import Original
from wenshi.progress import Progress
from wenshi.reading import ReadOptions, read_bytes
from wenshi.reading.document import OcrPage
from wenshi.reading.layout import Line, join_pages, split_furniture
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.reading.pdf import read_pdf_pages
from wenshi.reading.scan import CONTENTS_PAGES
from wenshi.records import NewManuscript
from wenshi.text.cleanup import clean_paged
from wenshi.text.wordcount import count_text

if TYPE_CHECKING:
    from wenshi.library import Library

# A 目录 entry: title, (author,) page, separated by leaders or space ("秦渠史话……马文华……12").
_LEADER = r"[\s.…·•‥⋯_\-—–]"
_ENTRY = re.compile(
    rf"^(?P<title>\S.*?){_LEADER}+(?:(?P<author>[^\s.…·•‥⋯]\S*?){_LEADER}+)?"
    r"(?P<page>\d{1,4})$"
)
_TOC_HEADING = re.compile(r"^目\s*录$")
# The 目录 is looked for on the first pages; a page holding this many entries is one of it.
_TOC_SEARCH_PAGES = CONTENTS_PAGES
_MIN_ENTRIES = 3
# A 栏目 heading in the 目录 is a short line without a page number.
_MAX_SECTION_CHARS = 12
# A line is an article's title when it is this similar to the 目录's (OCR misreads some).
_TITLE_SIMILARITY = 0.75
_NAME_SEPARATORS = re.compile(r"[、，,\s]+")


@dataclass
class TocEntry:
    title: str
    authors: list[str]
    page: int  # printed
    section: str


@dataclass
class ImportedArticle:
    id: int
    title: str
    authors: list[str]
    section: str
    start_page: int
    end_page: int
    words: int


@dataclass
class VolumeImport:
    """The outcome, as ``import-volume --json`` prints it."""

    volume: int
    pages: int
    ocr_pages: int
    articles: list[ImportedArticle] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Cut:
    entry: TocEntry
    pages: list[list[Line]]  # the article's lines on each page it spans, title first
    first_index: int  # PDF page indices it spans
    last_index: int

    @property
    def raw(self) -> str:
        """The text as read, pages apart by form feeds."""
        return join_pages(self.pages)


class NoContentsError(ImportFileError):
    """The 目录 could not be read: the volume can still be imported as one document."""


def parse_contents(pages: list[list[Line]]) -> tuple[list[int], list[TocEntry]]:
    """The pages of the 目录 and its entries in order, 栏目 headings applied."""
    toc_pages: list[int] = []
    for index, lines in enumerate(pages[:_TOC_SEARCH_PAGES]):
        entries = sum(_ENTRY.match(line.text.strip()) is not None for line in lines)
        if entries >= _MIN_ENTRIES or (toc_pages and entries and 2 * entries >= len(lines)):
            toc_pages.append(index)  # a page of it, or its last lines on a page of their own
        elif toc_pages:
            break
    entries: list[TocEntry] = []
    section = ""
    for index in toc_pages:
        for line in pages[index]:
            text = line.text.strip()
            match = _ENTRY.match(text)
            if match:
                title = match["title"].strip(" .…·")
                authors = [a for a in _NAME_SEPARATORS.split(match["author"] or "") if a]
                entries.append(TocEntry(title, authors, int(match["page"]), section))
            elif not _TOC_HEADING.match(text) and len(_plain(text)) <= _MAX_SECTION_CHARS:
                section = re.sub(r"\s+", "", text)
    pages_in_order = [entry.page for entry in entries]
    if pages_in_order != sorted(pages_in_order):
        raise NoContentsError("目录中的页码不是从前往后排列的")
    return toc_pages, entries


def _plain(text: str) -> str:
    """A line compared without spaces and punctuation (OCR and typesetting vary there)."""
    return re.sub(r"[\W_]+", "", text)


def _is_title(line: Line, title: str) -> bool:
    a, b = _plain(line.text), _plain(title)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= _TITLE_SIMILARITY


def cut_articles(
    bodies: list[list[Line]], entries: list[TocEntry], offset: int, after: int
) -> list[_Cut]:
    """Each entry's text: from its title line on its start page to the next title.
    ``offset`` is the PDF index of printed page 0; pages up to ``after`` are front matter."""
    sections = {entry.section for entry in entries}
    starts: list[tuple[int, int]] = []
    earliest = (after + 1, 0)  # each title stands after the one before
    for entry in entries:
        found = _find_title(bodies, entry, offset + entry.page, earliest)
        if found is None:
            raise NoContentsError(f"在第 {entry.page} 页没有找到目录中的《{entry.title}》")
        starts.append(found)
        earliest = (found[0], found[1] + 1)
    cuts = []
    for n, (entry, (page, line)) in enumerate(zip(entries, starts, strict=True)):
        end_page, end_line = starts[n + 1] if n + 1 < len(starts) else (len(bodies) - 1, None)
        spread: list[list[Line]] = []
        for index in range(page, end_page + 1):
            lines = bodies[index]
            start = line if index == page else 0
            stop = end_line if index == end_page and end_line is not None else len(lines)
            spread.append(lines[start:stop])
        _trim_end(spread, sections)
        cuts.append(_Cut(entry, spread, page, page + len(spread) - 1))
    return cuts


def _trim_end(spread: list[list[Line]], sections: set[str]) -> None:
    """Drop what follows an article before the next title: empty pages (the next article
    starts on a new page) and the next 栏目's heading."""
    while True:
        while len(spread) > 1 and not spread[-1]:
            spread.pop()
        if not spread[-1] or re.sub(r"\s+", "", spread[-1][-1].text) not in sections:
            return
        spread[-1] = spread[-1][:-1]


def _find_title(
    bodies: list[list[Line]], entry: TocEntry, expected: int, earliest: tuple[int, int]
) -> tuple[int, int] | None:
    """(page index, line index) of the entry's title, not before ``earliest``: on its page,
    else a page either side (an unnumbered plate page shifts the count)."""
    for index in (expected, expected + 1, expected - 1, expected + 2):
        if earliest[0] <= index < len(bodies):
            first = earliest[1] if index == earliest[0] else 0
            for number in range(first, len(bodies[index])):
                if _is_title(bodies[index][number], entry.title):
                    return index, number
    return None


def _offset_from_titles(bodies: list[list[Line]], entries: list[TocEntry], after: int) -> int:
    """Without page numbers in the margins: where the first title stands tells the offset."""
    first = entries[0]
    for index in range(after + 1, len(bodies)):
        if any(_is_title(line, first.title) for line in bodies[index]):
            return index - first.page
    raise NoContentsError(f"正文中没有找到目录的第一篇《{first.title}》")


def _article_text(cut: _Cut) -> str:
    """The body without its title and by-line lines (the 目录 names both); the by-line
    may stand on the next page when the title ends one."""
    pages = [cut.pages[0][1:], *cut.pages[1:]]
    author = _plain(cut.entry.authors[0]) if cut.entry.authors else ""
    first = next((n for n, lines in enumerate(pages) if lines), None)
    if author and first is not None and _plain(pages[first][0].text).startswith(author):
        pages[first] = pages[first][1:]
    return clean_paged(join_pages(pages))


class VolumeImports:
    """``import-volume``: one published volume's PDF into the library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def run(
        self,
        path: Path,
        number: int,
        *,
        title: str | None = None,
        ocr: str = "auto",
        password: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
        progress: Progress | None = None,
    ) -> VolumeImport:
        """Read, split and store the volume; nothing is stored unless all of it is."""
        path = Path(path)
        progress = progress or Progress()
        if path.suffix.lower() != ".pdf":
            raise InvalidValueError(f"{path}：整辑导入只接受 PDF 文件")
        if self.library.tables.Volume.get_or_none(self.library.tables.Volume.number == number):
            raise InvalidValueError(f"第 {number} 辑已存在；请换一个辑号，或先删除该辑")
        data = read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        existing = self.library.queries.manuscript_with_file(sha)
        if existing is not None:
            raise InvalidValueError(f"{path}：这个 PDF 已经导入过（稿件 {existing}）")
        options = ReadOptions(
            ocr=ocr,
            limits=limits,
            progress=progress,
            password=password,
            ocr_cache=self.library.path / "ocr-cache",
        )
        pages, ocr_pages = read_pdf_pages(data, str(path), options)
        bodies, furniture, first_page = split_furniture(pages)
        try:
            toc_pages, entries = parse_contents(bodies)
            if not entries:
                raise NoContentsError("前 20 页中没有找到目录（题名……页码）")
            if first_page is None:
                offset = _offset_from_titles(bodies, entries, toc_pages[-1])
            else:
                offset = -first_page  # the PDF index of printed page 0
            cuts = cut_articles(bodies, entries, offset, toc_pages[-1])
        except NoContentsError as exc:
            raise NoContentsError(
                f"{path}：{exc}，无法分篇；可以把整辑作为一篇带页码的文档导入：wenshi import {path}"
            ) from None
        volume_title = title or _cover_title(bodies, toc_pages[0]) or f"第{number}辑"
        return self._store(
            path, data, sha, number, volume_title, cuts, furniture, offset, len(pages), ocr_pages
        )

    def _store(
        self,
        path: Path,
        data: bytes,
        sha: str,
        number: int,
        title: str,
        cuts: list[_Cut],
        furniture: list[str],
        offset: int,
        page_count: int,
        ocr_pages: list[OcrPage],
    ) -> VolumeImport:
        library = self.library
        result = VolumeImport(volume=number, pages=page_count, ocr_pages=len(ocr_pages))
        reason = (
            f"OCR 识别原文（{len(ocr_pages)} 页，未校对）"
            if ocr_pages
            else "导入原文（PDF 文字层）"
        )
        library.files.put(data, ".pdf")
        with library.transaction():
            library.volumes.create(number, title)
            for section in dict.fromkeys(cut.entry.section or "正文" for cut in cuts):
                library.volumes.add_section(number, section)
            starts: dict[int, int] = {}
            for cut in cuts:
                entry = cut.entry
                body = _article_text(cut)
                end_page = cut.last_index - offset
                mid = library.manuscripts.add(
                    NewManuscript(
                        title=entry.title,
                        body=body,
                        authors=entry.authors,
                        status="published",
                        first_page=entry.page,
                        furniture="\n".join(furniture),
                    ),
                    original=Original(
                        sha256=sha,
                        name=path.name,
                        size=len(data),
                        kind="pdf",
                        pages=f"{cut.first_index + 1}-{cut.last_index + 1}",
                    ),
                    raw_text=cut.raw,
                    raw_reason=reason,
                ).value
                library.volumes.place(number, [mid], entry.section or "正文")
                starts[mid] = entry.page
                result.articles.append(
                    ImportedArticle(
                        mid,
                        entry.title,
                        entry.authors,
                        entry.section or "正文",
                        entry.page,
                        end_page,
                        count_text(body).words,
                    )
                )
            library.volumes.mark_printed(number, starts)
            library.ocr.store(sha, ocr_pages)
        return result


def _cover_title(bodies: list[list[Line]], toc_page: int) -> str:
    """The volume's title from the first line of its cover, if it has one before the 目录."""
    for lines in bodies[:toc_page]:
        if lines:
            return re.sub(r"\s+", "", lines[0].text)
    return ""
