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
from wenshi.i18n import _
from wenshi.manuscripts import Original
from wenshi.progress import Progress
from wenshi.reading import ReadOptions, read_bytes
from wenshi.reading.document import OcrPage
from wenshi.reading.layout import Line, join_pages, split_furniture
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.reading.pdf import read_pdf_pages
from wenshi.reading.scan import CONTENTS_PAGES
from wenshi.records import NewManuscript
from wenshi.text.byline import credited
from wenshi.text.cleanup import clean_paged
from wenshi.text.wordcount import count_text

if TYPE_CHECKING:
    from wenshi.library import Library

# A 目录 entry: title, (author,) page, separated by leaders or space ("秦渠史话……马文华……12").
_LEADER = r"[\s.…·•‥⋯_\-—–]"
_ENTRY = re.compile(
    rf"^(?P<title>\S.*?){_LEADER}+(?:(?P<author>[^\s.…·•‥⋯]\S*?){_LEADER}+)?"
    r"(?P<page>\d{1,4})[.。·]?$"  # a speck after the number is read as a full stop
)
_TOC_HEADING = re.compile(r"^目\s*录$")
# The 目录 is looked for on the first pages; a page holding this many entries is one of it.
_TOC_SEARCH_PAGES = CONTENTS_PAGES
_MIN_ENTRIES = 3
# A 栏目 heading in the 目录 is a short line without a page number; a row starting at the
# left edge (a centred heading does not) and reaching past this share of the page's text
# width is an entry, its page number read or not.
_MAX_SECTION_CHARS = 12
_ENTRY_WIDTH = 0.5
_ENTRY_INDENT = 0.1
# A line is an article's title when it is this similar to the 目录's (OCR misreads some).
_TITLE_SIMILARITY = 0.75
_NAME_SEPARATORS = re.compile(r"[、，,\s]+")


@dataclass
class TocEntry:
    title: str
    authors: list[str]
    page: int | None  # printed; None where it could not be read
    section: str
    score: float = 1.0  # OCR's confidence in the 目录 line


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

    def byline(self) -> tuple[Line, list[str]] | None:
        """The line under the title and the people it credits, if it is a by-line (it
        may stand on the next page when the title ends one)."""
        lines = [line for page in self.pages for line in page[:2]][1:2]
        if lines and (names := credited(lines[0].text)) is not None:
            return lines[0], names
        return None

    def heading(self) -> tuple[str, list[str], bool]:
        """Title and authors, each from the 目录 or from the article's own heading,
        whichever OCR read with more confidence (a misread name or a dropped character
        in one is right in the other), and whether the article has a by-line."""
        entry, title_line = self.entry, self.pages[0][0]
        title = _better_reading(
            (entry.title, entry.score), (re.sub(r"\s+", "", title_line.text), title_line.score)
        )
        byline = self.byline()
        if byline is None:
            return title, entry.authors, False
        line, names = byline
        trusted = bool(entry.authors) and credited("、".join(entry.authors)) == entry.authors
        if not trusted or (names != entry.authors and line.score > entry.score):
            return title, names, True
        return title, entry.authors, True


class NoContentsError(ImportFileError):
    """The 目录 could not be read: the volume can still be imported as one document."""


def parse_contents(pages: list[list[Line]]) -> tuple[list[int], list[TocEntry]]:
    """The pages of the 目录 and its entries in order, 栏目 headings applied."""
    toc_pages: list[int] = []
    for index, lines in enumerate(pages[:_TOC_SEARCH_PAGES]):
        entries = sum(_ENTRY.match(line.text.strip()) is not None for line in lines)
        headed = bool(lines) and _TOC_HEADING.match(lines[0].text.strip()) is not None
        if entries >= _MIN_ENTRIES or (entries and (headed or toc_pages)):
            toc_pages.append(index)  # a page of it, or its last lines on a page of their own
        elif toc_pages:
            break
    entries: list[TocEntry] = []
    section = ""
    for index in toc_pages:
        lines = pages[index]
        left, right = min(line.left for line in lines), max(line.right for line in lines)
        for line in lines:
            text = line.text.strip()
            match = _ENTRY.match(text)
            if match:
                title = match["title"].strip(" .…·")
                authors = [a for a in _NAME_SEPARATORS.split(match["author"] or "") if a]
                page = int(match["page"])
                entries.append(TocEntry(title, authors, page, section, line.score))
            elif line.left - left < _ENTRY_INDENT * (right - left) and (
                line.right - left > _ENTRY_WIDTH * (right - left)
            ):
                entries.append(TocEntry(*_unnumbered_entry(text), None, section, line.score))
            elif not _TOC_HEADING.match(text) and len(_plain(text)) <= _MAX_SECTION_CHARS:
                section = re.sub(r"\s+", "", text)
    in_order = _in_order(entries)
    if 2 * len(in_order) < len(entries):
        raise NoContentsError(_("目录中的页码大多读不出，或不是从前往后排列的"))
    for n, entry in enumerate(entries):
        if n not in in_order:
            entry.page = None  # misread: the article is looked for by its title alone
    return toc_pages, entries


def _unnumbered_entry(text: str) -> tuple[str, list[str]]:
    """Title and authors of a 目录 row whose page number was not read (a faint scan): the
    last part, apart from the title, is its authors if it reads as names, and is dropped
    if not (a name OCR read only in part: the article's by-line gives it)."""
    *head, last = re.split(rf"{_LEADER}+", text)
    if not head:
        return text, []
    return "".join(head), credited(last) or []


def _in_order(entries: list[TocEntry]) -> set[int]:
    """The entries whose page numbers are in order: the longest run that never goes back
    (an OCR misreading of 12 as 2 falls out of it)."""
    known = {n: entry.page for n, entry in enumerate(entries) if entry.page is not None}
    best: dict[int, list[int]] = {}  # the longest such run ending at entry n
    for n, page in known.items():
        runs = [run for m, run in best.items() if known[m] <= page]
        best[n] = [*max(runs, key=len, default=[]), n]
    return set(max(best.values(), key=len, default=[]))


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
    for n, entry in enumerate(entries):
        if entry.page is not None:
            indices = [offset + entry.page + shift for shift in (0, 1, -1, 2)]
        else:  # anywhere before the next entry whose page is known
            later = next((e.page for e in entries[n + 1 :] if e.page is not None), None)
            last = len(bodies) - 1 if later is None else offset + later + 2
            indices = list(range(earliest[0], last + 1))
        found = _find_title(bodies, entry, indices, earliest)
        if found is None:
            where = (
                _("第 {page} 页").format(page=entry.page) if entry.page is not None else _("正文")
            )
            raise NoContentsError(
                _("在{where}没有找到目录中的《{title}》").format(where=where, title=entry.title)
            )
        if entry.page is None:
            entry.page = found[0] - offset
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
    bodies: list[list[Line]], entry: TocEntry, indices: list[int], earliest: tuple[int, int]
) -> tuple[int, int] | None:
    """(page index, line index) of the entry's title on the first of the pages ``indices``
    that has it, not before ``earliest``. Its page is tried first, then a page either side
    (an unnumbered plate page shifts the count)."""
    for index in indices:
        if earliest[0] <= index < len(bodies):
            first = earliest[1] if index == earliest[0] else 0
            for number in range(first, len(bodies[index])):
                if _is_title(bodies[index][number], entry.title):
                    return index, number
    return None


def _offset_from_titles(bodies: list[list[Line]], entries: list[TocEntry], after: int) -> int:
    """Without page numbers in the margins: where the first title stands tells the offset."""
    first = next(entry for entry in entries if entry.page is not None)
    for index in range(after + 1, len(bodies)):
        if any(_is_title(line, first.title) for line in bodies[index]):
            return index - first.page
    raise NoContentsError(_("正文中没有找到目录的第一篇《{title}》").format(title=first.title))


def _better_reading(first: tuple[str, float], second: tuple[str, float]) -> str:
    """Of two OCR readings of one line: the one that has characters the other dropped
    (OCR drops a character far more often than it adds one), else the more confident."""
    (a, a_score), (b, b_score) = first, second
    if _plain(a) == _plain(b):
        return a
    if _is_subsequence(_plain(a), _plain(b)):
        return b
    if _is_subsequence(_plain(b), _plain(a)):
        return a
    return b if b_score > a_score else a


def _is_subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)


def _article_text(cut: _Cut, byline: bool) -> str:
    """The body without its title and by-line lines (the 目录 and the catalog show both);
    the by-line may stand on the next page when the title ends one."""
    pages = [cut.pages[0][1:], *cut.pages[1:]]
    first = next((n for n, lines in enumerate(pages) if lines), None)
    if byline and first is not None:
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
            raise InvalidValueError(_("{path}：整辑导入只接受 PDF 文件").format(path=path))
        if self.library.tables.Volume.get_or_none(self.library.tables.Volume.number == number):
            raise InvalidValueError(
                _("第 {number} 辑已存在；请换一个辑号，或先删除该辑").format(number=number)
            )
        data = read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        existing = self.library.queries.manuscript_with_file(sha)
        if existing is not None:
            raise InvalidValueError(
                _("{path}：这个 PDF 已经导入过（稿件 {existing}）").format(
                    path=path, existing=existing
                )
            )
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
                raise NoContentsError(_("前 20 页中没有找到目录（题名……页码）"))
            if first_page is None:
                offset = _offset_from_titles(bodies, entries, toc_pages[-1])
            else:
                offset = -first_page  # the PDF index of printed page 0
            cuts = cut_articles(bodies, entries, offset, toc_pages[-1])
        except NoContentsError as exc:
            raise NoContentsError(
                _(
                    "{path}：{exc}，无法分篇；可以把整辑作为一篇带页码的文档导"
                    "入：wenshi import {path}"
                ).format(path=path, exc=exc)
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
                article_title, authors, byline = cut.heading()
                body = _article_text(cut, byline)
                end_page = cut.last_index - offset
                mid = library.manuscripts.add(
                    NewManuscript(
                        title=article_title,
                        body=body,
                        authors=authors,
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
                        article_title,
                        authors,
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
