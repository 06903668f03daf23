"""python-docx helpers shared by the Word exports.

python-docx's ``font.name`` sets only the Latin fonts, and the default template takes the
Chinese one from the theme, so Word and WPS would show a fallback font for the Chinese text.
Everything here sets ``w:eastAsia`` explicitly, keeps formatting in named styles (an editor
restyles all titles at once in Word) and sets the page to the volume's 开本.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.shared import Length, Mm, Pt
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

LATIN = "Times New Roman"
SONG = "宋体"
HEI = "黑体"
KAI = "楷体"
BODY_PT = 10.5  # 五号: the body size of the printed volumes

# 开本 -> page width, height, top, bottom, left, right margin in mm; anything else is A4.
_PAGES = {
    "16开": (185, 260, 22, 20, 20, 20),
    "32开": (148, 210, 18, 16, 16, 16),
}
_A4 = (210, 297, 25.4, 25.4, 31.8, 31.8)
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(target: BaseStyle | Run, latin: str, east_asia: str) -> None:
    """Set ``w:ascii``/``w:hAnsi`` to ``latin`` and ``w:eastAsia`` to ``east_asia``."""
    _set_rfonts(target.element.get_or_add_rPr(), latin, east_asia)


def _set_rfonts(rpr: CT_RPr, latin: str, east_asia: str) -> None:
    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONTS:  # a theme font on the same element wins over a named one
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def new_document(paper: str, title: str) -> Document:
    """A blank Chinese document on the given 开本: defaults 宋体/Times New Roman 五号,
    language zh-CN, no space after paragraphs, justified like a printed page."""
    document = docx.Document()
    for rpr in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr"):
        _set_rfonts(rpr, LATIN, SONG)
    for lang in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal = document.styles["Normal"]
    set_fonts(normal, LATIN, SONG)
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    width, height, top, bottom, left, right = _PAGES.get(paper, _A4)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)

    document.core_properties.title = title
    document.core_properties.language = "zh-CN"
    return document


def text_width(document: Document) -> Length:
    """Width of the type area: where a right tab stop meets the right margin."""
    section = document.sections[-1]
    return Length(section.page_width - section.left_margin - section.right_margin)


def paragraph_style(
    document: Document,
    name: str,
    *,
    east_asia: str = SONG,
    size: float = BODY_PT,
    align: WD_ALIGN_PARAGRAPH | None = None,
    before: float = 0,
    after: float = 0,
    first_indent: float = 0,
    left_indent: float = 0,
    keep_next: bool = False,
    outline: int | None = None,
) -> ParagraphStyle:
    """The paragraph style ``name`` (added on first use) set to these values; sizes in pt.

    ``outline`` is the heading level (0 = top) shown in Word's navigation pane."""
    styles = document.styles
    if name in styles:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
    set_fonts(style, LATIN, east_asia)
    style.font.size = Pt(size)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.first_line_indent, fmt.left_indent = Pt(first_indent), Pt(left_indent)
    fmt.keep_with_next = keep_next
    if outline is not None:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = outline
    return style


def add_text(paragraph: Paragraph, text: str) -> Run:
    """Add ``text`` as a run hinted East Asian: Word would otherwise set “”、——、…… in the
    Latin font, where they come out half-width."""
    run = paragraph.add_run(text)
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hint"), "eastAsia")
    return run


def save(document: Document, path: Path) -> None:
    document.save(str(path))
