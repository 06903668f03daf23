"""The 目录 in Word: 栏目 headings, entries with a right tab stop and dot leader at the
margin (never dots typed in, so it survives the typesetter's changes of font or margin)."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER

from wenshi.export.docx_style import (
    BODY_PT,
    HEI,
    SONG,
    add_text,
    new_document,
    paragraph_style,
    save,
    text_width,
)
from wenshi.export.names import filled_sections, series_name, volume_name
from wenshi.export.toc_lines import toc_sections
from wenshi.volumes.plan import VolumePlan


def write_toc_docx(plan: VolumePlan, path: Path) -> None:
    document = new_document(plan.settings.paper, f"{volume_name(plan)} 目录")
    add_toc(document, plan)
    save(document, path)


def write_all_volumes_docx(plans: list[VolumePlan], path: Path) -> None:
    """The 总目录 of ``plans`` (in volume order), in the newest volume's name and 开本: a
    总目录 is printed in the latest volume."""
    first, last = plans[0].number, plans[-1].number
    span = f"第{first}辑" if first == last else f"第{first}—{last}辑"
    heading = f"《{series_name(plans[-1])}》总目录（{span}）"
    document = new_document(plans[-1].settings.paper, heading)
    _define_styles(document)
    _add_text_paragraph(document, heading, "目录标题")
    for plan in plans:
        if filled_sections(plan):
            year = f"（{plan.year}）" if plan.year else ""
            _add_text_paragraph(document, volume_name(plan) + year, "目录辑名")
            _add_sections(document, plan)
    save(document, path)


def add_toc(document: Document, plan: VolumePlan) -> None:
    """Append the 目录 of ``plan`` to ``document`` (also used inside the volume itself)."""
    _define_styles(document)
    _add_text_paragraph(document, "目录", "目录标题")
    _add_sections(document, plan)


def _define_styles(document: Document) -> None:
    paragraph_style(
        document,
        "目录标题",
        east_asia=HEI,
        size=16,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=18,
        keep_next=True,
    )
    paragraph_style(
        document,
        "目录辑名",
        east_asia=HEI,
        size=14,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=18,
        after=6,
        keep_next=True,
    )
    paragraph_style(
        document,
        "目录栏目",
        east_asia=HEI,
        size=12,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        before=9,
        after=3,
        keep_next=True,
    )
    entry = paragraph_style(
        document,
        "目录条目",
        east_asia=SONG,
        size=BODY_PT,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        after=3,
        left_indent=2 * BODY_PT,
    )
    entry.paragraph_format.line_spacing = 1.25


def _add_text_paragraph(document: Document, text: str, style: str) -> None:
    add_text(document.add_paragraph(style=style), text)


def _add_sections(document: Document, plan: VolumePlan) -> None:
    right = text_width(document)
    for section in toc_sections(plan):
        _add_text_paragraph(document, section.name, "目录栏目")
        for entry in section.entries:
            paragraph = document.add_paragraph(style="目录条目")
            add_text(paragraph, f"{entry.text}\t{entry.page}")
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
