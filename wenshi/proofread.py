"""Proofreading an OCR'd text against its scan: which character of the page image is which
character of the body, and where the engine was unsure.

A body from a scan has a form feed where each page after the first begins; its page ``k``
is ``body.split("\\f")[k]``, and it is page ``source_index(k)`` of the stored file. The
characters OCR read on that page (``OcrPage.lines``, each with its box and confidence)
are set in reading order and aligned to the page's text, spaces left out on both sides:
where the two agree, or differ by as many characters (a misread corrected in place), each
OCR character knows its offset in the text. Where the text was rewritten, it has none.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wenshi.reading.document import PAGE_BREAK, OcrPage

if TYPE_CHECKING:
    from wenshi.library import Library
    from wenshi.records import ManuscriptDetail

# A character read with less confidence than this is marked for the proofreader.
LOW_CONFIDENCE = 0.8

Point = tuple[float, float]


@dataclass(frozen=True)
class OcrChar:
    """One character OCR read: what, where (four corners, pixels of the page image, clockwise
    from top left), how sure (0–1), and on which of the page's lines."""

    char: str
    box: tuple[Point, Point, Point, Point]
    conf: float
    line: int

    @property
    def unsure(self) -> bool:
        return self.conf < LOW_CONFIDENCE


def ocr_chars(page: OcrPage) -> list[OcrChar]:
    """The page's characters in reading order: rows top to bottom, pieces of a row left to
    right (as the reader joined them into the text). A piece the engine boxed as one
    (a number, a Latin word) shares its box among its characters."""
    order = _reading_order(page.lines)
    chars: list[OcrChar] = []
    for number in order:
        line = page.lines[number]
        tokens = line.get("chars") or list(line.get("text", ""))
        boxes = line.get("boxes") or []
        confs = line.get("confs") or []
        if len(boxes) != len(tokens):
            boxes = _split_box(line["box"], len(tokens))
        score = float(line.get("score", 1.0))
        for n, token in enumerate(tokens):
            conf = float(confs[n]) if n < len(confs) else score
            parts = _split_box(boxes[n], len(token)) if len(token) > 1 else [boxes[n]]
            for ch, box in zip(token, parts, strict=True):
                if not ch.isspace():
                    chars.append(OcrChar(ch, _corners(box), conf, number))
    return chars


def _reading_order(lines: list[dict]) -> list[int]:
    def extent(n: int) -> tuple[float, float, float]:
        ys = [y for _, y in lines[n]["box"]]
        return min(ys), max(ys), min(x for x, _ in lines[n]["box"])

    rows: list[list[int]] = []
    for n in sorted(range(len(lines)), key=lambda n: sum(extent(n)[:2]) / 2):
        top, bottom, _left = extent(n)
        middle = (top + bottom) / 2
        if rows and extent(rows[-1][0])[0] <= middle <= extent(rows[-1][0])[1]:
            rows[-1].append(n)
        else:
            rows.append([n])
    return [n for row in rows for n in sorted(row, key=lambda n: extent(n)[2])]


def _corners(box: list) -> tuple[Point, Point, Point, Point]:
    a, b, c, d = ((float(x), float(y)) for x, y in box)
    return a, b, c, d


def _split_box(box: list, parts: int) -> list[list[Point]]:
    """``parts`` equal slices of a four-cornered box, left to right."""
    (ax, ay), (bx, by), (cx, cy), (dx, dy) = box
    out = []
    for n in range(max(parts, 0)):
        f0, f1 = n / parts, (n + 1) / parts
        out.append(
            [
                (ax + (bx - ax) * f0, ay + (by - ay) * f0),
                (ax + (bx - ax) * f1, ay + (by - ay) * f1),
                (dx + (cx - dx) * f1, dy + (cy - dy) * f1),
                (dx + (cx - dx) * f0, dy + (cy - dy) * f0),
            ]
        )
    return out


def align(chars: list[OcrChar], text: str) -> list[int | None]:
    """For each OCR character, its offset in ``text`` (one page of the body), or None
    where the text no longer has it."""
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    seen = "".join(c.char for c in chars)
    kept = "".join(text[i] for i in offsets)
    found: list[int | None] = [None] * len(chars)
    matcher = difflib.SequenceMatcher(None, seen, kept, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for n in range(i2 - i1):
                found[i1 + n] = offsets[j1 + n]
    return found


def file_pages(spec: str) -> tuple[int, int] | None:
    """The 0-based first and last page of a file a manuscript is ("8-9" → (7, 8)); None
    when it is the whole file."""
    if not spec:
        return None
    first, _, last = spec.partition("-")
    return int(first) - 1, int(last or first) - 1


@dataclass
class ProofPage:
    """Page ``index`` of the body: page ``source`` of the stored file (None: the file has
    no page for it), its printed number if known, and what OCR read there."""

    index: int
    source: int | None
    printed: int | None
    ocr: OcrPage | None


@dataclass
class ProofSource:
    """What the proofreading view shows of one manuscript."""

    detail: ManuscriptDetail
    path: str  # the stored file
    kind: str  # pdf | image
    pages: list[ProofPage]

    @property
    def texts(self) -> list[str]:
        return self.detail.body.split(PAGE_BREAK)


def ocr_page_count(library: Library, detail: ManuscriptDetail) -> int:
    """How many pages of this manuscript OCR read (0: nothing to proofread)."""
    if not detail.files:
        return 0
    source = detail.files[0]
    numbers = library.ocr.page_numbers(source.sha256)
    span = file_pages(source.pages)
    if span is None:
        return len(numbers)
    return sum(span[0] <= n <= span[1] for n in numbers)


def read_source(library: Library, manuscript_id: int) -> ProofSource:
    """The manuscript, its stored file and, per page of its body, what OCR read."""
    detail = library.manuscripts.get(manuscript_id)
    if not detail.files:
        return ProofSource(detail, "", "", [])
    source = detail.files[0]
    ocr = {page.page: page for page in library.ocr.pages(source.sha256)}
    span = file_pages(source.pages)
    first, last = span if span is not None else (0, None)
    pages = []
    for index in range(detail.body.count(PAGE_BREAK) + 1):
        number = first + index
        inside = last is None or number <= last
        printed = None if detail.first_page is None else detail.first_page + index
        pages.append(
            ProofPage(
                index, number if inside else None, printed, ocr.get(number) if inside else None
            )
        )
    return ProofSource(detail, source.path, source.kind, pages)
