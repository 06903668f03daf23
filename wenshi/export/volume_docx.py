"""The whole volume as one .docx for the typesetter.

A front-matter placeholder, the 目录, then every 栏目 and article in plan order, each part
in its own Word section. All formatting lives in named styles (栏目标题, 文章标题, 正文 …)
so the typesetter restyles a kind of paragraph at once. With ``new_page`` every article
starts a page; with ``right_hand`` an odd page, by an odd-page section break, so Word and
WPS insert the blank left-hand page themselves, as the page estimate assumes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph

from wenshi.export.atomic import check_suffix
from wenshi.export.docx_style import (
    BODY_PT,
    HEI,
    KAI,
    SONG,
    add_text,
    new_document,
    paragraph_style,
    save,
)
from wenshi.export.names import volume_name
from wenshi.export.toc_docx import add_toc
from wenshi.volumes.plan import ItemPlan, VolumePlan

FRONT_NOTE = "（前言、编委会名单等前置内容）"


def write_volume_docx(plan: VolumePlan, bodies: Mapping[int, str], path: Path) -> None:
    """Write ``plan`` with the article texts ``bodies`` (by item id) to ``path`` (.docx).

    An item missing from ``bodies`` is set with its title block only."""
    path = Path(path)
    check_suffix(path, (".docx",), "成书文件")
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

    first = True
    for section in plan.sections:
        if not section.items:
            continue
        _add(document, section.name, "栏目标题", new_page=breaks and not first, odd=odd)
        first = False
        for index, item in enumerate(section.items):
            _add_article(
                document, item, bodies.get(item.id, ""), new_page=breaks and index > 0, odd=odd
            )
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


def _add_article(
    document: Document, item: ItemPlan, body: str, *, new_page: bool, odd: bool
) -> None:
    _add(document, item.title, "文章标题", new_page=new_page, odd=odd)
    if item.subtitle:
        _add(document, f"——{item.subtitle}", "副题")
    if item.credit_line:
        _add(document, item.credit_line, "署名")
    for line in body.splitlines():
        text = line.strip()  # also the 　　 a manuscript may indent with
        if text.startswith("#"):
            heading = text.lstrip("#").strip()
            if heading:
                _add(document, heading, "小标题")
        elif text:
            _add(document, text, "正文")
