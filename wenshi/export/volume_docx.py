"""The whole volume as one .docx for the typesetter.

A front-matter placeholder, the 目录, then every 栏目 and article in plan order, each part
in its own Word section. All formatting lives in named styles (栏目标题, 文章标题, 正文 …)
so the typesetter restyles a kind of paragraph at once. With ``new_page`` every article
starts a page; with ``right_hand`` an odd page, by an odd-page section break, so Word and
WPS insert the blank left-hand page themselves, as the page estimate assumes.

An article's text follows the ``Document`` conventions, and prints as a book does: rows of
tab-separated cells are a Word table, the notes under ``注释：`` are footnotes at their
①② references, and the article's photos follow its text, as wide as the type area
(and at most half as high), each with its 图注 below.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Emu
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from PIL import Image as PILImage
from PIL import ImageOps

from wenshi.export.atomic import check_suffix
from wenshi.export.docx_notes import NOTE_PT, Footnotes
from wenshi.export.docx_style import (
    BODY_PT,
    HEI,
    KAI,
    SONG,
    add_text,
    new_document,
    paragraph_style,
    save,
    text_width,
)
from wenshi.export.index_docx import add_index
from wenshi.export.names import volume_name
from wenshi.export.toc_docx import add_toc
from wenshi.i18n import _
from wenshi.reading.document import NOTE_MARK_RE, NOTES_HEADING, note_mark, note_number
from wenshi.volumes.name_index import VolumeIndex
from wenshi.volumes.plan import VolumePlan

FRONT_NOTE = "（前言、编委会名单等前置内容）"
_ORIENTATION = 0x0112  # EXIF: Word ignores it, so a turned photo is turned upright here
_EMBEDDED_AS_IS = {"JPEG", "PNG", "GIF", "BMP"}  # what Word and WPS all show


@dataclass(frozen=True)
class Figure:
    """A photo printed with its article: its stored original and its 图注."""

    path: Path
    caption: str = ""


def write_volume_docx(
    plan: VolumePlan,
    bodies: Mapping[int, str],
    path: Path,
    figures: Mapping[int, Sequence[Figure]] | None = None,
    indexes: Sequence[VolumeIndex] = (),
) -> None:
    """Write ``plan`` with the article texts ``bodies`` and photos ``figures`` (by item id)
    to ``path`` (.docx), and at its end the 人名/地名索引 in ``indexes``.

    An item missing from ``bodies`` is set with its title block only."""
    path = Path(path)
    check_suffix(path, (".docx",), _("成书文件"))
    settings = plan.settings
    odd = settings.right_hand
    breaks = settings.new_page or settings.right_hand
    part = WD_SECTION.ODD_PAGE if odd else WD_SECTION.NEW_PAGE

    document = new_document(settings.paper, volume_name(plan))
    _define_styles(document)
    _add(document, volume_name(plan), "书名")
    _add(document, FRONT_NOTE, "前置说明")
    document.add_section(part)
    add_toc(document, plan)
    document.add_section(part)

    footnotes = Footnotes(document)
    figures = figures or {}
    first = True
    for section in plan.sections:
        if not section.items:
            continue
        _add(document, section.name, "栏目标题", new_page=breaks and not first, odd=odd)
        first = False
        for index, item in enumerate(section.items):
            _add(document, item.title, "文章标题", new_page=breaks and index > 0, odd=odd)
            if item.subtitle:
                _add(document, f"——{item.subtitle}", "副题")
            if item.credit_line:
                _add(document, item.credit_line, "署名")
            article = _Article(document, footnotes, bodies.get(item.id, ""))
            article.write()
            for figure in figures.get(item.id, ()):
                _add_figure(document, figure)
            article.write_unreferenced_notes()
    for name_index in indexes:
        add_index(document, plan, name_index, new_page=True)
    footnotes.finish()
    save(document, path)


def _define_styles(document: Document) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    paragraph_style(document, "书名", east_asia=HEI, size=26, align=center, before=160, after=36)
    paragraph_style(document, "前置说明", size=12, align=center)
    paragraph_style(
        document,
        "栏目标题",
        east_asia=HEI,
        size=18,
        align=center,
        before=36,
        after=18,
        keep_next=True,
        outline=0,
    )
    paragraph_style(
        document,
        "文章标题",
        east_asia=HEI,
        size=16,
        align=center,
        before=24,
        after=6,
        keep_next=True,
        outline=1,
    )
    paragraph_style(document, "副题", size=12, align=center, after=6, keep_next=True)
    paragraph_style(
        document, "署名", east_asia=KAI, size=12, align=center, after=12, keep_next=True
    )
    body = paragraph_style(document, "正文", east_asia=SONG, first_indent=2 * BODY_PT)
    body.paragraph_format.line_spacing = 1.25
    paragraph_style(
        document,
        "小标题",
        east_asia=HEI,
        first_indent=2 * BODY_PT,
        before=6,
        after=3,
        keep_next=True,
    )
    paragraph_style(document, "表格", size=NOTE_PT)
    paragraph_style(document, "图", align=center, before=6, after=3, keep_next=True)
    paragraph_style(document, "图注", east_asia=KAI, size=NOTE_PT, align=center, after=9)
    paragraph_style(document, "注释", size=NOTE_PT)


def _add(
    document: Document, text: str, style: str, *, new_page: bool = False, odd: bool = False
) -> Paragraph:
    """Append a paragraph; ``new_page`` starts it on a new (with ``odd``, odd) page."""
    if new_page and odd:
        document.add_section(WD_SECTION.ODD_PAGE)
    paragraph = document.add_paragraph(style=style)
    add_text(paragraph, text)
    if new_page and not odd:
        paragraph.paragraph_format.page_break_before = True
    return paragraph


class _Article:
    """One article's text: paragraphs, 小标题 (``#``), tables, and its notes as footnotes
    where the text refers to them."""

    def __init__(self, document: Document, footnotes: Footnotes, body: str) -> None:
        self.document = document
        self.footnotes = footnotes
        self.lines, self.notes = _split_notes(body)
        self.referenced: set[int] = set()

    def write(self) -> None:
        rows: list[str] = []
        for line in [*self.lines, ""]:
            if "\t" in line:
                rows.append(line)
                continue
            if rows:
                self._table(rows)
                rows = []
            text = line.strip()  # also the 　　 a manuscript may indent with
            if text.startswith("#"):
                heading = text.lstrip("#").strip()
                if heading:
                    self._marked(self.document.add_paragraph(style="小标题"), heading)
            elif text:
                self._marked(self.document.add_paragraph(style="正文"), text)

    def write_unreferenced_notes(self) -> None:
        """Notes no ①② in the text points to stay a list under 注释：."""
        left = [(n, text) for n, text in self.notes.items() if n not in self.referenced]
        if left:
            _add(self.document, NOTES_HEADING, "注释")
        for number, text in left:
            _add(self.document, note_mark(number) + text, "注释")

    def _table(self, rows: list[str]) -> None:
        """Rows of tab-separated cells as a Word table; a row with fewer cells than the
        widest spans its last cell to the end (a merged cell is written once)."""
        cells = [[cell.strip() for cell in row.split("\t")] for row in rows]
        columns = max(map(len, cells))
        table = self.document.add_table(rows=len(cells), cols=columns)
        table.style = self.document.styles["Table Grid"]
        for r, row in enumerate(cells):
            if len(row) < columns:
                table.cell(r, len(row) - 1).merge(table.cell(r, columns - 1))
            for c, text in enumerate(row):
                self._cell(table.cell(r, c), text)

    def _cell(self, cell: _Cell, text: str) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = self.document.styles["表格"]
        self._marked(paragraph, text)

    def _marked(self, paragraph: Paragraph, text: str) -> None:
        """``text`` into ``paragraph``, each first mark of a note a footnote reference."""
        start = 0
        for match in NOTE_MARK_RE.finditer(text):
            number = note_number(match[0])
            if number in self.notes and number not in self.referenced:
                self.referenced.add(number)
                if match.start() > start:
                    add_text(paragraph, text[start : match.start()])
                self.footnotes.add(paragraph, self.notes[number])
                start = match.end()
        if start < len(text):
            add_text(paragraph, text[start:])


def _split_notes(body: str) -> tuple[list[str], dict[int, str]]:
    """The lines before the last ``注释：`` line, and the notes after it by number (a line
    without a number goes on the note before it). No notes if what follows is not a list
    of numbered notes."""
    lines = body.splitlines()
    heading = next(
        (i for i in range(len(lines) - 1, -1, -1) if lines[i].strip() == NOTES_HEADING), None
    )
    if heading is None:
        return lines, {}
    notes: dict[int, str] = {}
    number = None
    for line in lines[heading + 1 :]:
        text = line.strip()
        match = NOTE_MARK_RE.match(text)
        if match:
            number = note_number(match[0])
            notes[number] = text[match.end() :].strip()
        elif text and number is None:
            return lines, {}
        elif text and number is not None:
            notes[number] += text
    return lines[:heading], notes


def _add_figure(document: Document, figure: Figure) -> None:
    """The photo as wide as the type area (at most half as high), its 图注 below."""
    image, (width, height) = _upright(figure.path)
    section = document.sections[-1]
    room = section.page_height - section.top_margin - section.bottom_margin
    scale = min(text_width(document) / width, room / 2 / height)
    paragraph = document.add_paragraph(style="图")
    paragraph.add_run().add_picture(
        image, width=Emu(int(width * scale)), height=Emu(int(height * scale))
    )
    if figure.caption:
        _add(document, figure.caption, "图注")


def _upright(path: Path) -> tuple[str | io.BytesIO, tuple[int, int]]:
    """What to embed for the photo at ``path``, and its upright size: the file itself, or
    a PNG turned upright by its EXIF orientation (or of a format Word cannot show)."""
    with PILImage.open(path) as image:
        if image.format in _EMBEDDED_AS_IS and image.getexif().get(_ORIENTATION, 1) == 1:
            return str(path), image.size
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            upright = upright.convert("RGB")
        stream = io.BytesIO()
        upright.save(stream, "PNG")
        stream.seek(0)
        return stream, upright.size
