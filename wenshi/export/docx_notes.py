"""Real Word footnotes, which python-docx cannot write: the footnotes part made here.

A typesetter wants a manuscript's ①② notes as footnotes Word and WPS number and place at
the foot of the page themselves, not as a block of text. The part holds the separator
and continuation separator Word requires (ids -1 and 0); the notes are numbered ①② and
start again on each page, as printed 文史 volumes do.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from wenshi.export.docx_style import LATIN, SONG, add_text, set_fonts

TEXT_STYLE = "FootnoteText"  # the ids Word gives its built-in footnote styles
REFERENCE_STYLE = "FootnoteReference"
NOTE_PT = 9  # 小五
_NUMBERING = (("w:numFmt", "decimalEnclosedCircle"), ("w:numRestart", "eachPage"))
_SEPARATORS = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing'
    ' w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


class Footnotes:
    """The footnotes of one document being written; ``finish`` before saving."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.root = parse_xml(_SEPARATORS)
        self.count = 0

    def add(self, paragraph: Paragraph, text: str) -> None:
        """A reference at the end of ``paragraph`` to a new footnote holding ``text``."""
        if not self.count:
            self._define_styles()
        self.count += 1
        paragraph._p.append(_reference_run("w:footnoteReference", self.count))
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{self.count}"><w:p><w:pPr>'
            f'<w:pStyle w:val="{TEXT_STYLE}"/></w:pPr></w:p></w:footnote>'
        )
        note[0].append(_reference_run("w:footnoteRef"))
        add_text(Paragraph(note[0], None), text)
        self.root.append(note)

    def finish(self) -> None:
        """Add the part and number the notes ①② on each page (nothing without notes)."""
        if not self.count:
            return
        document = self.document
        part = XmlPart(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.root, document.part.package
        )
        document.part.relate_to(part, RT.FOOTNOTES)
        settings = document.settings.element
        properties = _properties()
        for separator in ("-1", "0"):
            properties.append(OxmlElement("w:footnote", {qn("w:id"): separator}))
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(properties)
        else:
            settings.append(properties)
        for section in document.sections:  # Word takes the numbering from each section
            sect_pr = section._sectPr
            refs = (qn("w:headerReference"), qn("w:footerReference"))
            later = [child for child in sect_pr if child.tag not in refs]
            if later:
                later[0].addprevious(_properties())
            else:
                sect_pr.append(_properties())

    def _define_styles(self) -> None:
        styles = self.document.styles
        text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        text.element.set(qn("w:styleId"), TEXT_STYLE)
        text.base_style = styles["Normal"]
        set_fonts(text, LATIN, SONG)
        text.font.size = Pt(NOTE_PT)
        fmt = text.paragraph_format
        fmt.first_line_indent = fmt.left_indent = Pt(0)
        reference = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        reference.element.set(qn("w:styleId"), REFERENCE_STYLE)
        reference.font.superscript = True


def _reference_run(tag: str, note_id: int | None = None) -> OxmlElement:
    """A run in the reference style holding ``tag`` (a reference, or the note's own mark)."""
    run = parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{REFERENCE_STYLE}"/></w:rPr></w:r>'
    )
    mark = OxmlElement(tag)
    if note_id is not None:
        mark.set(qn("w:id"), str(note_id))
    run.append(mark)
    return run


def _properties() -> OxmlElement:
    properties = OxmlElement("w:footnotePr")
    for tag, value in _NUMBERING:
        properties.append(OxmlElement(tag, {qn("w:val"): value}))
    return properties
