"""PDF files: the text layer page by page, OCR where a page has none worth reading.

pypdfium2 (Google's PDFium, the engine of Chrome's PDF viewer) reads the text layer: on
the Chinese test volume it is several times faster than pdfminer.six and places CJK lines
as reliably (figures in docs/benchmarks.md), and it renders pages for OCR and for the
proofreading view from the same open document. Pages are read one at a time and closed,
so a 2,000-page PDF never sits in memory at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from wenshi.errors import ImportFileError
from wenshi.i18n import _
from wenshi.reading.document import Document, OcrPage
from wenshi.reading.layout import Line, PageText, assemble
from wenshi.text.decode import common_share

if TYPE_CHECKING:
    from wenshi.reading import ReadOptions

# A text layer is garbage when this share of its characters cannot be real text (unmapped
# glyphs come out as U+FFFD, private-use code points or control characters) …
_MAX_BAD_SHARE = 0.02
# … or when it has this many non-ASCII characters and few of them are common Chinese.
_MIN_JUDGED = 30
_MIN_COMMON_SHARE = 0.15
_NO_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")
# Fewer visible characters than this on a page with a picture: a scanned page.
_MIN_TEXT_CHARS = 10


def open_pdf(data: bytes, name: str, password: str | None = None) -> pdfium.PdfDocument:
    """The open PDF, or one line saying why it cannot be opened."""
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            if password:
                raise ImportFileError(_("{name}：PDF 密码不正确").format(name=name)) from None
            raise ImportFileError(
                _("{name}：PDF 已加密，需要密码才能读取（命令行用 --password 指定）").format(
                    name=name
                )
            ) from None
        if _NO_PAGES.search(data):  # PDFium refuses a page tree with no pages as damaged
            raise ImportFileError(_("{name}：PDF 中没有任何页面").format(name=name)) from None
        raise ImportFileError(
            _("{name}：不是有效的 PDF 文件（文件已损坏或不完整）").format(name=name)
        ) from None
    if len(pdf) == 0:
        pdf.close()
        raise ImportFileError(_("{name}：PDF 中没有任何页面").format(name=name))
    return pdf


def read_pdf(data: bytes, name: str, options: ReadOptions) -> Document:
    """The text of every page, running heads and page numbers set apart."""
    pages, ocr_pages = read_pdf_pages(data, name, options)
    return assemble(pages, "pdf", name, ocr_pages)


def read_pdf_pages(
    data: bytes, name: str, options: ReadOptions
) -> tuple[list[PageText], list[OcrPage]]:
    """The lines of every page, from the text layer or, for pages without a usable one
    (or all, with ``ocr="always"``), from OCR; and what OCR read."""
    pdf = open_pdf(data, name, options.password)
    try:
        pages, scanned = _text_layer(pdf, name, options)
    finally:
        pdf.close()
    ocr_pages: list[OcrPage] = []
    if scanned and options.ocr != "never":
        from wenshi.reading.scan import ocr_pdf_pages

        ocr_pages = ocr_pdf_pages(data, scanned, name, options)
        for ocr in ocr_pages:
            pages[ocr.page] = PageText.from_ocr(ocr)
    elif scanned and all(not page.lines for page in pages):
        raise ImportFileError(
            _("{name}：PDF 没有文字层（是扫描件），而 OCR 已关闭（--ocr never）").format(name=name)
        )
    return pages, ocr_pages


def _text_layer(
    pdf: pdfium.PdfDocument, name: str, options: ReadOptions
) -> tuple[list[PageText], list[int]]:
    """Each page's lines from the text layer, and the pages to be read by OCR instead."""
    pages: list[PageText] = []
    scanned: list[int] = []
    count = len(pdf)
    for index in range(count):
        options.progress.check()
        if index % 20 == 0:
            options.progress.update(index, count, _("读取 PDF 文字层"))
        page = pdf[index]
        try:
            width, height = page.get_size()
            lines = _page_lines(page, height) if options.ocr != "always" else []
            pages.append(PageText(width, height, lines))
            if options.ocr == "always" or _needs_ocr(lines, lambda p=page: _has_image(p)):
                scanned.append(index)
        finally:
            page.close()
    options.progress.update(count, count, _("读取 PDF 文字层"))
    return pages, scanned


def _page_lines(page: pdfium.PdfPage, height: float) -> list[Line]:
    """The text lines of a page, top to bottom; y grows downwards.

    PDFium ends each line with a generated CR LF and puts a generated space wherever two
    glyphs stand apart. Next to a Han character a narrow gap is only typesetting (the
    quarter em between 汉字 and digits) and is dropped; a gap of half an em or more was
    typed (a heading's "第一篇 秦渠") and stays.
    """
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        lines = []
        start = 0
        for raw in text.split("\r\n"):
            end = start + len(raw)
            kept = "".join(
                ch
                for i, ch in enumerate(raw)
                if not (ch == " " and _typeset_space(textpage, raw, i, start + i))
            )
            if kept.strip():
                lines.append(_line_box(textpage, kept, start, end, height))
            start = end + 2
    finally:
        textpage.close()
    return Line.join_rows(lines)


def _typeset_space(textpage: pdfium.PdfTextPage, raw: str, i: int, index: int) -> bool:
    if not 0 < i < len(raw) - 1 or not (_is_wide(raw[i - 1]) or _is_wide(raw[i + 1])):
        return False
    if raw[i - 1] in _CLOSING or raw[i + 1] in _OPENING:
        return True  # the ink of 。 or “ fills half its em: the rest only looks like a gap
    if not pdfium_c.FPDFText_IsGenerated(textpage.raw, index):
        return False
    before, after = textpage.get_charbox(index - 1), textpage.get_charbox(index + 1)
    em = max(before[3] - before[1], after[3] - after[1], 1.0)
    return after[0] - before[2] < 0.5 * em


_CLOSING = frozenset("。，、；：？！”’）》〉」』】〕…")
_OPENING = frozenset("“‘（《〈「『【〔")


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _line_box(textpage: pdfium.PdfTextPage, text: str, start: int, end: int, height: float) -> Line:
    """The box of the characters ``start..end`` (their first and last drawn glyph)."""
    boxes = [textpage.get_charbox(i) for i in (start, end - 1)]
    left = min(box[0] for box in boxes)
    right = max(box[2] for box in boxes)
    bottom = min(box[1] for box in boxes)
    top = max(box[3] for box in boxes)
    return Line(text, left, height - top, right, height - bottom)


def _needs_ocr(lines: list[Line], has_image: Callable[[], bool]) -> bool:
    """True for a page whose text layer is missing (a scan) or not real text."""
    text = "".join(line.text for line in lines)
    visible = [ch for ch in text if not ch.isspace()]
    if len(visible) < _MIN_TEXT_CHARS:
        return has_image()
    bad = sum(_is_bad(ch) for ch in visible)
    if bad / len(visible) > _MAX_BAD_SHARE:
        return True
    wide = sum(ord(ch) > 0x7F for ch in visible)
    return wide >= _MIN_JUDGED and common_share(text) < _MIN_COMMON_SHARE


def _is_bad(ch: str) -> bool:
    code = ord(ch)
    return code == 0xFFFD or 0xE000 <= code <= 0xF8FF or code < 0x20 or 0x7F <= code < 0xA0


def _has_image(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
