"""Lines on a printed page, from a PDF's text layer or from OCR, and what is not body text.

A printed page carries a running head (the book's title on one side, the article's on the
other) and a page number in its margins. They are not the article's text, must not be
counted or searched as such, and the page numbers tell which printed page a PDF page is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from wenshi.errors import ImportFileError
from wenshi.i18n import _
from wenshi.reading.document import PAGE_BREAK, Document, OcrPage

# "12", "- 12 -", "— 12 —", "·12·", "第12页", "(12)": a page number alone on its line.
_PAGE_NUMBER = re.compile(r"^[\s\-—–·•(（〔\[]*(?:第\s*)?(\d{1,4})(?:\s*页)?[\s\-—–·•)）〕\]]*$")
# A running head may carry the page number too: "12 灵武文史" or "灵武文史 · 12".
_NUMBER_AT_END = re.compile(r"^(?:(\d{1,4})[\s·•|]+(\S.*)|(.*\S)[\s·•|]+(\d{1,4}))$")
# The margin lines of a page are this much farther from the text than its line spacing.
_MARGIN_GAP = 1.5
# … and lie in the outer part of the page.
_MARGIN_SHARE = 0.15
# A line ending this many ems short of the right edge ends its paragraph. Ragged (not
# justified) setting and the rule that no line starts with 。，」 leave a full line up to
# two characters short; an indented first line marks most paragraphs anyway.
_SHORT_LINE = 3.0
# A line starting this many ems right of the text's left edge is indented (a paragraph's
# first line: 2 em in Chinese books); an opening 《 or “ alone sets its ink half an em in.
_INDENT = 1.0
# A margin line seen on two pages or more is a running head (a title at the top of a
# page stands there once).
_REPEATS = 2
# … and is short: a line of body text that happens to open two pages alike is not one.
_MAX_HEAD = 20
# A scanner's speck in a margin, read as a letter or a mark.
_SPECK = re.compile(r"^[A-Za-z.,'`~|_\-·]{1,2}$")


@dataclass
class Line:
    """A line of text and its box, in points or pixels, y growing downwards."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    score: float = 1.0  # OCR's confidence in the reading; a text layer is certain

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @staticmethod
    def join_rows(pieces: list[Line]) -> list[Line]:
        """Pieces on one baseline (a line set in two fonts, a 目录 entry with its leader and
        page) joined left to right, rows top to bottom."""
        rows: list[list[Line]] = []
        for piece in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
            middle = (piece.top + piece.bottom) / 2
            if rows and rows[-1][0].top <= middle <= rows[-1][0].bottom:
                rows[-1].append(piece)
            else:
                rows.append([piece])
        joined = []
        for row in rows:
            row.sort(key=lambda p: p.left)
            text = row[0].text
            for before, piece in itertools.pairwise(row):
                gap = piece.left - before.right
                text += (" " if gap > 0.5 * max(piece.height, 1) else "") + piece.text
            joined.append(
                Line(
                    text,
                    min(p.left for p in row),
                    min(p.top for p in row),
                    max(p.right for p in row),
                    max(p.bottom for p in row),
                    min(p.score for p in row),
                )
            )
        return joined


@dataclass
class PageText:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)

    @staticmethod
    def from_ocr(page: OcrPage) -> PageText:
        lines = []
        for line in page.lines:
            xs = [x for x, _ in line["box"]]
            ys = [y for _, y in line["box"]]
            lines.append(Line(line["text"], min(xs), min(ys), max(xs), max(ys), line["score"]))
        return PageText(page.width, page.height, Line.join_rows(lines))


def assemble(pages: list[PageText], kind: str, name: str, ocr_pages: list[OcrPage]) -> Document:
    """One ``Document`` from its pages: body text with form feeds, furniture apart, the
    printed number of the first page found from the page numbers."""
    bodies, furniture, first_page = split_furniture(pages)
    text = join_pages(bodies)
    if not text.replace(PAGE_BREAK, "").strip():
        raise ImportFileError(_("{name}：没有读出任何文字").format(name=name))
    return Document(
        kind=kind,
        text=text,
        first_page=first_page,
        furniture="\n".join(furniture),
        ocr_pages=ocr_pages,
    )


def join_pages(bodies: list[list[Line]]) -> str:
    """The text of consecutive pages: paragraphs one per line, pages apart by form feeds,
    a paragraph that runs over a page break joined across it."""
    text = ""
    open_end = False
    for n, lines in enumerate(bodies):
        paragraphs, starts_new, ends_open = paragraphs_of(lines)
        page = "\n".join(paragraphs)
        if n:
            runs_on = open_end and paragraphs and not starts_new
            text += PAGE_BREAK if runs_on or not text else "\n" + PAGE_BREAK
        text += page
        open_end = ends_open if paragraphs else open_end
    return text


def paragraphs_of(lines: list[Line]) -> tuple[list[str], bool, bool]:
    """A page's lines joined into paragraphs by their geometry, which plain text has lost:
    a line starts a paragraph when it is indented (or centred), when the line before it
    stops short of the right edge, or when more space than a line's stands above it.
    Also: whether the first line starts a paragraph, and whether the last runs on."""
    if not lines:
        return [], True, False
    em = sorted(line.height for line in lines)[len(lines) // 2] or 1.0
    left = min(line.left for line in lines)  # the text block's edges
    right = max(line.right for line in lines)
    pitches = sorted(b.top - a.top for a, b in itertools.pairwise(lines))
    pitch = pitches[len(pitches) // 2] if pitches else 2 * em
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in lines:
        new = (
            previous is None
            or line.left > left + _INDENT * em
            or previous.right < right - _SHORT_LINE * em
            or line.top - previous.top > 1.3 * pitch
        )
        if new or not paragraphs:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = _glue(paragraphs[-1], line.text)
        previous = line
    first, last = lines[0], lines[-1]
    starts_new = first.left > left + _INDENT * em
    ends_open = last.right >= right - _SHORT_LINE * em and len(lines) > 1
    return paragraphs, starts_new, ends_open


def _glue(first: str, second: str) -> str:
    """Two lines of one paragraph: a space only between two Latin letters or digits."""
    latin = first[-1:].isascii() and second[:1].isascii()
    if latin and first[-1:].isalnum() and second[:1].isalnum():
        return f"{first} {second}"
    return first + second


def split_furniture(pages: list[PageText]) -> tuple[list[list[Line]], list[str], int | None]:
    """Each page's body lines, the distinct running heads and footers, and the printed
    number of the first page (None when the pages carry no numbers)."""
    margins = [_margin_lines(page) for page in pages]
    heads = Counter(
        key for lines in margins for key in {_head_key(line.text) for line, _ in lines} if key
    )
    offsets: Counter[int] = Counter()
    for index, margin in enumerate(margins):
        for line, _where in margin:
            number, head = _split_number(line.text)
            if number is not None and (not head or heads[_head_key(head)] >= _REPEATS):
                offsets[number - index] += 1
    first_page = offsets.most_common(1)[0][0] if offsets else None
    bodies: list[list[Line]] = []
    furniture: dict[str, str] = {}  # each head once, as first spelled
    for index, (page, margin) in enumerate(zip(pages, margins, strict=True)):
        dropped: set[int] = set()
        for line, apart in margin:
            number, head = _split_number(line.text)
            if _SPECK.match(line.text):
                dropped.add(id(line))  # a scanner's speck read as a letter
                continue
            if head and (heads[_head_key(head)] < _REPEATS or len(head) > _MAX_HEAD):
                continue  # text seen once in a margin is the page's own (a title at the top)
            if not head and not apart and number != _numbered(first_page, index):
                continue  # a number in the text's own line spacing is the text's
            dropped.add(id(line))
            if head:
                furniture.setdefault(_head_key(head), head)
        bodies.append([line for line in page.lines if id(line) not in dropped])
    return bodies, list(furniture.values()), first_page


def _numbered(first_page: int | None, index: int) -> int | None:
    """The printed number of page ``index``, if the pages are numbered."""
    return None if first_page is None else first_page + index


def _margin_lines(page: PageText) -> list[tuple[Line, bool]]:
    """The first and last line of a page when they lie in its margins, each with whether
    it stands apart from the text block (farther than the line spacing). OCR's boxes make
    a running head look as near as a paragraph gap, so a head is known by repeating."""
    lines = page.lines
    if len(lines) < 2:
        return [(line, True) for line in lines if _split_number(line.text)[0] is not None]
    heights = sorted(line.height for line in lines)
    typical = heights[len(heights) // 2]
    found = []
    first, second = lines[0], lines[1]
    if first.bottom < _MARGIN_SHARE * page.height:
        found.append((first, second.top - first.bottom > _MARGIN_GAP * typical))
    last, before = lines[-1], lines[-2]
    if last.top > (1 - _MARGIN_SHARE) * page.height:
        found.append((last, last.top - before.bottom > _MARGIN_GAP * typical))
    return found


def _split_number(text: str) -> tuple[int | None, str]:
    """A margin line's page number (if any) and its remaining text."""
    text = text.strip()
    alone = _PAGE_NUMBER.match(text)
    if alone:
        return int(alone.group(1)), ""
    both = _NUMBER_AT_END.match(text)
    if both:
        if both.group(1):
            return int(both.group(1)), both.group(2).strip()
        return int(both.group(4)), both.group(3).strip()
    return None, text


def _head_key(text: str) -> str:
    """A running head without its page number, spaces and punctuation (OCR reads a speck
    beside it as a mark), for counting repeats."""
    return re.sub(r"[\W_]+", "", _split_number(text)[1])
