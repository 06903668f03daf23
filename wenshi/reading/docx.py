"""Text, notes, furniture and pictures of a Word .docx manuscript, nothing left behind.

python-docx reads the package; the text is collected from the XML directly because
``document.paragraphs`` leaves tables out, ``row.cells`` repeats merged cells, and there
is no API for footnotes, endnotes, text boxes or the pictures in the text.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from wenshi.errors import ImportFileError
from wenshi.i18n import _
from wenshi.reading.document import NOTES_HEADING, Document, Picture, note_mark
from wenshi.reading.limits import DEFAULT_LIMITS, Limits
from wenshi.reading.package import check_package

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
# Footnotes, then endnotes: the key of their references, part and element.
_NOTE_KINDS = (
    ("f", qn("w:footnoteReference"), RT.FOOTNOTES, qn("w:footnote")),
    ("e", qn("w:endnoteReference"), RT.ENDNOTES, qn("w:endnote")),
)
_NOTE_REFERENCES = {ref: key for key, ref, _, _ in _NOTE_KINDS}
# Stands for a note reference until every note is numbered; XML text cannot hold a NUL.
_PLACEHOLDER = re.compile("\x00([fe])(-?\\d+)\x00")
_HEADER_FOOTER_REFS = (qn("w:headerReference"), qn("w:footerReference"))
# A running head or foot of nothing but a page number: "- 3 -", "第 3 页 共 10 页".
_PAGE_NUMBER = re.compile(r"[\s\d\-–—·.第页共/／]*")
# Pictures: DrawingML's blip (Word 2007 on), VML's imagedata (older files); what Pillow
# reads (EMF/WMF drawings are not photos and cannot be shown).
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_R_EMBED, _R_ID = qn("r:embed"), qn("r:id")
_PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
# Word's caption style ("caption" is its name whatever the style id), or a short paragraph
# below a picture that reads like one: 图1 …, 图一 …, 图：…, 图为 …, （图 …）.
_CAPTION_STYLES = {"caption", "题注", "图注"}
_CAPTION_TEXT = re.compile(r"(图\s*[\d一二三四五六七八九十〇]|图[\s：:、.．为]|[（(]图)")
_CAPTION_MAX = 80


def extract_docx(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a .docx as ``Document`` text (see its conventions): the body with tables in
    place and text boxes after their paragraph, then footnotes and endnotes under
    ``注释：``; the distinct headers and footers as furniture; the pictures of the body with
    their captions (taken out of the text: they print below the picture). A package over
    one of the ``limits`` is refused before it is parsed."""
    if data.startswith(_OLE2):
        raise ImportFileError(
            _(
                "{name}：是旧版 Word 文档（.doc）或加了密码的文档，请在 W"
                "ord 或 WPS 中去掉密码并另存为 .docx 后再导入"
            ).format(name=name)
        )
    broken = ImportFileError(
        _("{name}：不是有效的 .docx 文件（文件已损坏或不是 Word 文档）").format(name=name)
    )
    try:
        check_package(data, name, limits)
        document = docx.Document(io.BytesIO(data))
        part, body = document.part, document.element.body
    except _BROKEN:
        raise broken from None
    try:
        reader = _Reader(part)
        lines, pictures = reader.body(body)
        furniture = reader.furniture(body)
    except etree.LxmlError:  # a notes part python-docx left unparsed
        raise broken from None
    text = "\n".join(_collapse_blank(lines))
    if not text.strip():
        raise ImportFileError(_("{name}：文档中没有文字（可能只有图片）").format(name=name))
    return Document(kind="docx", text=text, furniture=furniture, pictures=pictures)


def _root(part: Part) -> etree._Element:
    """The XML of a package part; parts python-docx does not model are parsed here."""
    if isinstance(part, XmlPart):
        return part.element
    return parse_xml(part.blob)


@dataclass
class _Para:
    """A paragraph or a table row as one line, with what the line needs to find captions."""

    text: str
    style: str = ""  # style name, lower case
    pictures: list[str] = field(default_factory=list)  # relationship ids, in order
    caption: bool = False  # taken as a picture's caption, so not part of the text


class _Reader:
    """One package read: note references are numbered once every note is known."""

    def __init__(self, part: Part) -> None:
        self.part = part
        self.styles = {
            style.get(qn("w:styleId"), ""): (
                name.get(qn("w:val"), "") if name is not None else ""
            ).lower()
            for style in part.styles.element.iterchildren(qn("w:style"))
            for name in [style.find(qn("w:name"))]
        }
        self.references: dict[tuple[str, str], None] = {}  # in the order they appear

    def body(self, body: etree._Element) -> tuple[list[str], list[Picture]]:
        paras = self.blocks(body)
        pictures = self._pictures(paras)
        notes = self._notes()
        lines = [_PLACEHOLDER.sub(notes.mark, p.text) for p in paras if not p.caption]
        if notes.lines:
            lines += ["", NOTES_HEADING, *notes.lines]
        return lines, pictures

    # -- text --------------------------------------------------------------------------
    def blocks(self, container: etree._Element) -> list[_Para]:
        """Paragraphs of a body, cell, header or note, tables and text boxes in place."""
        paras: list[_Para] = []
        for child in _unwrapped(container):
            if child.tag == _P:
                paras += self._paragraph(child)
            elif child.tag == _TBL:
                paras += (self._row(row) for row in _unwrapped(child) if row.tag == _TR)
        return paras

    def _row(self, row: etree._Element) -> _Para:
        """A table row as one line, cells separated by tabs; a merged cell is one w:tc."""
        cells: list[str] = []
        pictures: list[str] = []
        for cell in _unwrapped(row):
            if cell.tag == _TC:
                paras = self.blocks(cell)
                text = " ".join(t for p in paras if (t := p.text.strip()))
                cells.append(" ".join(text.split()))  # a tab or break inside is no new cell
                pictures += (rid for p in paras for rid in p.pictures)
        return _Para("\t".join(cells), pictures=pictures)

    def _paragraph(self, p: etree._Element) -> list[_Para]:
        """The paragraph's own text, then the paragraphs of text boxes anchored in it."""
        parts: list[str] = []
        boxes: list[etree._Element] = []
        pictures: list[str] = []
        self._inline(p, parts, boxes, pictures)
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = self.styles.get(style.get(qn("w:val"), ""), "") if style is not None else ""
        paras = [_Para("".join(parts), name, pictures)]
        for box in boxes:
            paras += self.blocks(box)
        return paras

    def _inline(
        self,
        element: etree._Element,
        parts: list[str],
        boxes: list[etree._Element],
        pictures: list[str],
    ) -> None:
        """Collect visible text below ``element`` in order; set text boxes aside, note
        where pictures and note references are."""
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
            elif tag in _NOTE_REFERENCES:
                key = (_NOTE_REFERENCES[tag], child.get(qn("w:id"), ""))
                self.references.setdefault(key)
                parts.append(f"\x00{key[0]}{key[1]}\x00")
            elif tag in (_BLIP, _IMAGEDATA):
                rid = child.get(_R_EMBED if tag == _BLIP else _R_ID)
                if rid:
                    pictures.append(rid)
            elif tag not in _SKIPPED:
                self._inline(child, parts, boxes, pictures)

    # -- notes -------------------------------------------------------------------------
    def _notes(self) -> _Notes:
        """Footnotes in the order of their references (then any never referenced), then
        endnotes the same way, numbered on from the footnotes."""
        notes = _Notes()
        for key, _ref, reltype, tag in _NOTE_KINDS:
            texts = self._note_texts(reltype, tag)
            ordered = [i for k, i in self.references if k == key and i in texts]
            ordered += (i for i in texts if i not in ordered)
            for note_id in ordered:
                notes.add((key, note_id), texts[note_id])
        return notes

    def _note_texts(self, reltype: str, tag: str) -> dict[str, str]:
        """Id -> text of the real notes of one kind, each on one line; separators have a
        w:type and are skipped. Word puts a space after the note's number: not text."""
        texts: dict[str, str] = {}
        for rel in self.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                for note in _root(rel.target_part).iterchildren(tag):
                    if note.get(qn("w:type"), "normal") == "normal":
                        lines = (p.text.strip() for p in self.blocks(note))
                        texts[note.get(qn("w:id"), "")] = " ".join(t for t in lines if t)
        return texts

    # -- pictures ----------------------------------------------------------------------
    def _pictures(self, paras: list[_Para]) -> list[Picture]:
        """Each picture once, in order, with the caption below it (or a caption-styled one
        above): the last picture of a paragraph takes the caption below, the first the one
        above."""
        pictures: list[Picture] = []
        seen: set[str] = set()
        for index, para in enumerate(paras):
            found = [p for rid in para.pictures if (p := self._picture(rid, seen))]
            if not found:
                continue
            below = _neighbour(paras, index, 1)
            if below is not None and _is_caption(below, below_picture=True):
                below.caption = True
                found[-1].caption = below.text.strip()
            above = _neighbour(paras, index, -1)
            if above is not None and not found[0].caption and _is_caption(above, False):
                above.caption = True
                found[0].caption = above.text.strip()
            pictures += found
        return pictures

    def _picture(self, rid: str, seen: set[str]) -> Picture | None:
        rel = self.part.rels.get(rid)
        if rel is None or rel.is_external:
            return None
        target = rel.target_part
        suffix = "." + target.partname.ext.lower()
        if target.partname in seen or suffix not in _PICTURE_SUFFIXES:
            return None
        seen.add(target.partname)
        return Picture(target.blob, ".jpg" if suffix == ".jpeg" else suffix)

    # -- furniture ---------------------------------------------------------------------
    def furniture(self, body: etree._Element) -> str:
        """Distinct lines of the headers and footers of all sections, in section order;
        lines of nothing but a page number (``- 3 -``) are left out."""
        seen: dict[str, None] = {}
        for sect_pr in body.iter(qn("w:sectPr")):
            for ref in sect_pr:
                if ref.tag not in _HEADER_FOOTER_REFS:
                    continue
                rel = self.part.rels.get(ref.get(qn("r:id"), ""))
                if rel is None or rel.is_external:
                    continue
                for para in self.blocks(_root(rel.target_part)):
                    for line in para.text.split("\n"):
                        line = " ".join(line.split())
                        if not _PAGE_NUMBER.fullmatch(line):
                            seen.setdefault(line)
        return "\n".join(seen)


class _Notes:
    """Notes numbered in order: their lines, and the mark that replaces each reference."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}
        self.lines: list[str] = []

    def add(self, key: tuple[str, str], text: str) -> None:
        self.numbers[key] = len(self.numbers) + 1
        self.lines.append(note_mark(self.numbers[key]) + text)

    def mark(self, match: re.Match[str]) -> str:
        """A reference's mark; one to a note the package lacks is dropped."""
        number = self.numbers.get((match[1], match[2]))
        return note_mark(number) if number else ""


def _neighbour(paras: list[_Para], index: int, step: int) -> _Para | None:
    """The next paragraph with text before or after ``index`` (empty ones skipped)."""
    index += step
    while 0 <= index < len(paras):
        if paras[index].text.strip():
            return paras[index]
        index += step
    return None


def _is_caption(para: _Para, below_picture: bool) -> bool:
    if para.caption or para.pictures or "\t" in para.text:
        return False
    if para.style in _CAPTION_STYLES:
        return True
    text = para.text.strip()
    return below_picture and len(text) <= _CAPTION_MAX and _CAPTION_TEXT.match(text) is not None


def _unwrapped(element: etree._Element) -> Iterator[etree._Element]:
    """Children of ``element``, looking through content controls and custom XML."""
    for child in element:
        if child.tag in _BLOCK_WRAPPERS:
            yield from _unwrapped(child)
        else:
            yield child


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
