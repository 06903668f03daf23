"""Plain text of a Word .docx manuscript, with nothing an editor typed left behind.

python-docx reads the package; the text is collected from the XML directly because
``document.paragraphs`` leaves tables out, ``row.cells`` repeats merged cells, and there
is no API for footnotes, endnotes or text boxes.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from wenshi.errors import ImportFileError
from wenshi.reading.document import Document

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a damaged or foreign package makes python-docx, zipfile or lxml raise on opening;
# python-docx trusts the structure of the XML, so a wrong element raises AttributeError.
_BROKEN = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    NotImplementedError,
    EOFError,
    AttributeError,
    TypeError,
    etree.LxmlError,
)

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _PTAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_TXBX_CONTENT = qn("w:txbxContent")
# Block containers whose children are paragraphs and tables in reading order.
_BLOCK_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
# Inline content that is not visible text: deletions, text moved away, field codes, the
# VML copy of a drawing (its DrawingML twin is read instead), paragraph properties.
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:pPr"), _MC_FALLBACK}
_NOTE_TYPES = {RT.FOOTNOTES: qn("w:footnote"), RT.ENDNOTES: qn("w:endnote")}
_HEADER_FOOTER_REFS = (qn("w:headerReference"), qn("w:footerReference"))


def extract_docx(data: bytes, name: str) -> Document:
    """Read a .docx: its text one paragraph per line.

    Order: body (tables in place, cell by cell, text boxes after their paragraph), then
    footnotes, endnotes, and the distinct headers and footers: page furniture comes last
    but is kept, except page numbers alone. Each group after the body follows one empty line.
    """
    if data.startswith(_OLE2):
        raise ImportFileError(
            f"{name}：是旧版 Word 文档（.doc）或加了密码的文档，"
            "请在 Word 或 WPS 中去掉密码并另存为 .docx 后再导入"
        )
    broken = ImportFileError(f"{name}：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）")
    try:
        document = docx.Document(io.BytesIO(data))
        part, body = document.part, document.element.body
    except _BROKEN:
        raise broken from None
    try:
        lines = list(_blocks(body))
        for reltype, note_tag in _NOTE_TYPES.items():
            for rel in part.rels.values():
                if rel.reltype == reltype and not rel.is_external:
                    lines += ["", *_notes(_root(rel.target_part), note_tag)]
        lines += ["", *_headers_and_footers(body, part)]
    except etree.LxmlError:  # a notes part python-docx left unparsed
        raise broken from None
    text = "\n".join(_collapse_blank(lines))
    if not text.strip():
        raise ImportFileError(f"{name}：文档中没有文字（可能只有图片）")
    return Document(kind="docx", text=text)


def _root(part: Part) -> etree._Element:
    """The XML of a package part; parts python-docx does not model are parsed here."""
    if isinstance(part, XmlPart):
        return part.element
    return parse_xml(part.blob)


def _blocks(container: etree._Element) -> Iterator[str]:
    """Paragraph texts of a body, cell, header or note, tables and text boxes in place."""
    for child in _unwrapped(container):
        if child.tag == _P:
            yield from _paragraph(child)
        elif child.tag == _TBL:
            for row in _unwrapped(child):
                if row.tag == _TR:
                    for cell in _unwrapped(row):
                        if cell.tag == _TC:  # a merged cell is one w:tc
                            yield from _blocks(cell)


def _unwrapped(element: etree._Element) -> Iterator[etree._Element]:
    """Children of ``element``, looking through content controls and custom XML."""
    for child in element:
        if child.tag in _BLOCK_WRAPPERS:
            yield from _unwrapped(child)
        else:
            yield child


def _paragraph(p: etree._Element) -> Iterator[str]:
    """The paragraph's own text, then the paragraphs of text boxes anchored in it."""
    parts: list[str] = []
    boxes: list[etree._Element] = []
    _inline(p, parts, boxes)
    yield "".join(parts)
    for box in boxes:
        yield from _blocks(box)


def _inline(element: etree._Element, parts: list[str], boxes: list[etree._Element]) -> None:
    """Collect visible text below ``element`` in order; set text boxes aside."""
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _TXBX_CONTENT:
            boxes.append(child)
        elif tag not in _SKIPPED:
            _inline(child, parts, boxes)


def _notes(root: etree._Element, note_tag: str) -> list[str]:
    """Texts of the real footnotes or endnotes; separators have a w:type and are skipped.

    Leading spaces are dropped: Word puts one after the note number, which is not text.
    """
    lines: list[str] = []
    for note in root.iterchildren(note_tag):
        if note.get(qn("w:type"), "normal") == "normal":
            lines += (line.strip() for line in _blocks(note))
    return lines


def _headers_and_footers(body: etree._Element, part: Part) -> list[str]:
    """Distinct headers and footers of all sections, in section order.

    Ones without any letter or Han character (page numbers like ``- 3 -``) are left out.
    """
    seen: set[str] = set()
    lines: list[str] = []
    for sect_pr in body.iter(qn("w:sectPr")):
        for ref in sect_pr:
            if ref.tag not in _HEADER_FOOTER_REFS:
                continue
            rel = part.rels.get(ref.get(qn("r:id"), ""))
            if rel is None or rel.is_external:
                continue
            text = "\n".join(_collapse_blank(list(_blocks(_root(rel.target_part)))))
            if text not in seen and any(ch.isalpha() for ch in text):
                seen.add(text)
                lines.append(text)
    return lines


def _collapse_blank(lines: list[str]) -> list[str]:
    """Drop empty paragraphs except one between two pieces of text."""
    kept: list[str] = []
    for line in lines:
        if line.strip():
            kept.append(line)
        elif kept and kept[-1]:
            kept.append("")
    if kept and not kept[-1]:
        kept.pop()
    return kept
