"""What reading a file of any format yields: the text, its pages, and what is not text.

Every reader (plain text, Markdown, Word, office formats through LibreOffice, PDF, scans
through OCR) returns a ``Document``, so the importer has one path from there on.

Conventions of ``Document.text``, which become the manuscript's body:

- one paragraph per line;
- a form feed (``PAGE_BREAK``) at the point where each page after the first begins, so a
  page boundary moves with the text when an editor changes it, the 字数 ignores it (it is
  white space) and the page of any character is ``first_page`` plus the form feeds before it;
- a table is one line per row, cells separated by tabs;
- a footnote or endnote is a circled number (①②…, see ``note_mark``) at its reference, and
  the notes follow the body under a line ``注释：``, one per line, each starting with its number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

PAGE_BREAK = "\f"
NOTES_HEADING = "注释："
# Unicode has circled numbers up to 50 in three blocks; later notes are written [51].
_CIRCLED = (("①", 1, 20), ("㉑", 21, 35), ("㊱", 36, 50))
NOTE_MARK_RE = re.compile(r"[①-⑳㉑-㉟㊱-㊿]|\[[1-9]\d*\]")


def note_mark(number: int) -> str:
    """The mark of note ``number``: ①…⑳, ㉑…㊿, then [51], [52] …"""
    for first, low, high in _CIRCLED:
        if low <= number <= high:
            return chr(ord(first) + number - low)
    return f"[{number}]"


def note_number(mark: str) -> int:
    """The number a mark matched by ``NOTE_MARK_RE`` stands for."""
    if mark.startswith("["):
        return int(mark[1:-1])
    code = ord(mark)
    return next(
        low + code - ord(first)
        for first, low, high in _CIRCLED
        if 0 <= code - ord(first) <= high - low
    )


@dataclass
class Picture:
    """A picture found inside a document, with its caption where the document has one."""

    data: bytes
    suffix: str  # ".png", ".jpg" …
    caption: str = ""


@dataclass
class OcrPage:
    """What OCR read on one page: per text line, its box, characters, and each character's
    box and confidence (0–1), so a proofreader can be shown where the engine was unsure."""

    page: int  # 0-based index of the page in its file
    width: int
    height: int
    engine: str
    lines: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line["text"] for line in self.lines)

    def lines_json(self) -> str:
        return json.dumps(self.lines, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Document:
    """A file read: ``text`` follows the conventions in this module's docstring."""

    kind: str  # txt md docx doc wps rtf odt pdf image
    text: str
    encoding: str = ""  # of a plain-text file; "" for everything else
    first_page: int | None = None  # printed number of the text's first page (paged sources)
    furniture: str = ""  # running heads and footers, one per line
    pictures: list[Picture] = field(default_factory=list)
    ocr_pages: list[OcrPage] = field(default_factory=list)
    converted_by: str = ""  # e.g. "LibreOffice": shown in the file's details

    @property
    def pages(self) -> list[str]:
        return self.text.split(PAGE_BREAK)


def page_of(text: str, offset: int, first_page: int | None) -> int | None:
    """The printed page the character at ``offset`` of ``text`` is on (None: no pages)."""
    if first_page is None:
        return None
    return first_page + text.count(PAGE_BREAK, 0, max(0, offset))
