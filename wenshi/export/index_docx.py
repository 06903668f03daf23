"""A volume's 人名索引 / 地名索引 in Word, as a book prints one: its heading, the entries
in two columns under their initial letters, each name with its pages right-aligned at the
column's edge, and the cross-references (马子寅 见 马鸿宾)."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

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
from wenshi.export.names import volume_name
from wenshi.volumes.name_index import VolumeIndex
from wenshi.volumes.plan import VolumePlan

TITLES = {"person": "人名索引", "place": "地名索引"}
COLUMN_GAP_PT = 21  # 两栏之间约两个五号字


def write_index_docx(plan: VolumePlan, index: VolumeIndex, path: Path) -> None:
    document = new_document(plan.settings.paper, f"{volume_name(plan)} {TITLES[index.kind]}")
    add_index(document, plan, index, new_page=False)
    save(document, path)


def add_index(document: Document, plan: VolumePlan, index: VolumeIndex, new_page: bool) -> None:
    """Append the index to ``document`` (also at the end of the exported volume)."""
    title = TITLES[index.kind]
    if new_page:
        document.add_section(start_type=WD_SECTION.NEW_PAGE)
        _one_column(document)
    paragraph_style(
        document, "索引标题", east_asia=HEI, size=16, align=WD_ALIGN_PARAGRAPH.CENTER, after=6
    )
    paragraph_style(
        document, "索引说明", east_asia=SONG, size=9, align=WD_ALIGN_PARAGRAPH.CENTER, after=12
    )
    paragraph_style(
        document, "索引字母", east_asia=HEI, size=BODY_PT, before=6, after=3, keep_next=True
    )
    entry_style = paragraph_style(document, "索引条目", east_asia=SONG, size=BODY_PT)
    entry_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    add_text(document.add_paragraph(style="索引标题"), title)
    note = f"{volume_name(plan)}　按汉语拼音排序"
    if index.estimated:
        note += "　页码为编排中的估算页码"
    add_text(document.add_paragraph(style="索引说明"), note)
    # The entries in a section of their own, set in two columns.
    columns = document.add_section(start_type=WD_SECTION.CONTINUOUS)
    cols = columns._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        columns._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(COLUMN_GAP_PT * 20))
    column_width = (text_width(document) - Pt(COLUMN_GAP_PT)) // 2
    letter = None
    for entry in index.entries:
        if entry.initial != letter:
            letter = entry.initial
            add_text(document.add_paragraph(style="索引字母"), letter)
        paragraph = document.add_paragraph(style="索引条目")
        if entry.see:
            add_text(paragraph, f"{entry.name}　见 {entry.see}")
            continue
        add_text(paragraph, f"{entry.name}\t{', '.join(map(str, entry.pages))}")
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            column_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )


def _one_column(document: Document) -> None:
    """A section that follows the volume's text: no columns carried over."""
    cols = document.sections[-1]._sectPr.find(qn("w:cols"))
    if cols is not None:
        cols.set(qn("w:num"), "1")
