"""extract_docx: real .docx structures built with python-docx, and broken files."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from wenshi.errors import ImportFileError
from wenshi.reading.docx import extract_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _save(document: Document, tmp_path: Path, name: str = "稿件.docx") -> bytes:
    path = tmp_path / name
    document.save(str(path))
    return path.read_bytes()


def _add_notes(document: Document, kind: str, notes: list[str]) -> None:
    """Add a footnotes or endnotes part as Word writes it, separators included."""
    tag = kind.rstrip("s")
    body = "".join(
        f'<w:{tag} w:id="{i}"><w:p><w:r><w:{tag}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>'
        for i, text in enumerate(notes, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind} {W}>'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{tag}>{body}</w:{kind}>"
    )
    content_type = CT.WML_FOOTNOTES if kind == "footnotes" else CT.WML_ENDNOTES
    reltype = RT.FOOTNOTES if kind == "footnotes" else RT.ENDNOTES
    part = Part(PackURI(f"/word/{kind}.xml"), content_type, xml.encode(), document.part.package)
    document.part.relate_to(part, reltype)


def _manuscript() -> Document:
    document = docx.Document()
    document.add_paragraph("马鸿宾与灵武")
    document.add_paragraph("——民国时期宁夏军政往事")
    document.add_paragraph("文/马建国")
    document.add_paragraph("")
    first = document.add_paragraph("　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。")
    first.add_run("当时的灵武城墙多处坍塌。")
    reference = parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
    )
    first._p.append(reference)
    document.add_paragraph("")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "灵武县民国二十五年户口统计"
    table.cell(1, 0).text = "城关"
    table.cell(1, 1).text = "一千二百户"
    table.cell(1, 2).text = "六千口"
    table.cell(2, 0).text = "东乡"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "不详"
    document.add_paragraph("　　一九四九年九月，宁夏和平解放。")
    section = document.sections[0]
    section.header.paragraphs[0].text = "灵武文史 第十七辑"
    section.footer.paragraphs[0].text = "- 1 -"
    _add_notes(document, "footnotes", ["见《灵武县志》卷三。", "据马福祥家谱。"])
    return document


def test_full_manuscript(tmp_path: Path) -> None:
    text = extract_docx(_save(_manuscript(), tmp_path), "稿件.docx").text
    assert text == "\n".join(
        [
            "马鸿宾与灵武",
            "——民国时期宁夏军政往事",
            "文/马建国",
            "",
            "　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。当时的灵武城墙多处坍塌。",
            "",
            "灵武县民国二十五年户口统计",
            "城关",
            "一千二百户",
            "六千口",
            "东乡",
            "不详",
            "　　一九四九年九月，宁夏和平解放。",
            "",
            "见《灵武县志》卷三。",
            "据马福祥家谱。",
            "",
            "灵武文史 第十七辑",
        ]
    )


def test_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "纵向合并"
    table.cell(0, 1).text = "甲"
    table.cell(1, 1).text = "乙"
    table.cell(2, 1).text = "丙"
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text.count("纵向合并") == 1
    assert text.split("\n") == ["纵向合并", "甲", "", "乙", "", "丙"]


def test_nested_table(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "内层一"
    inner.cell(1, 0).text = "内层二"
    document.add_paragraph("表后正文。")
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    # A cell holding a table starts and ends with an (empty) paragraph, as Word requires.
    assert text.split("\n") == ["外层", "", "内层一", "内层二", "", "表后正文。"]


def test_tabs_breaks_and_spaces_kept(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("本报记者")
    paragraph.add_run(" ")
    paragraph.add_run("毕 竞\t文/图")
    paragraph.add_run("第一行").add_break()
    paragraph.add_run("第二行")
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text == "本报记者 毕 竞\t文/图第一行\n第二行"


def test_empty_paragraph_runs_collapse(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ["", "", "第一段。", "", "", "", "第二段。", "", ""]:
        document.add_paragraph(line)
    assert extract_docx(_save(document, tmp_path), "a.docx").text == "第一段。\n\n第二段。"


def test_endnotes_after_footnotes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文。")
    _add_notes(document, "endnotes", ["尾注：采访于2021年。"])
    _add_notes(document, "footnotes", ["脚注一。"])
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text == "正文。\n\n脚注一。\n\n尾注：采访于2021年。"


def test_distinct_headers_of_all_sections(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一节正文。")
    document.sections[0].header.paragraphs[0].text = "灵武文史"
    second = document.add_section()
    document.add_paragraph("第二节正文。")
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "灵武文史"  # the same text again: listed once
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "宁夏灵武市政协文史委员会 编"
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    # The section break is an empty paragraph of its own.
    assert text == "第一节正文。\n\n第二节正文。\n\n灵武文史\n宁夏灵武市政协文史委员会 编"


def test_tracked_deletions_and_field_codes_are_not_text(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="编辑" w:date="2023-01-01T00:00:00Z">'
            "<w:r><w:delText>删去的字</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="编辑" w:date="2023-01-01T00:00:00Z">'
            "<w:r><w:t>插入的字</w:t></w:r></w:ins>"
        )
    )
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>7</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {nsdecls('w')}>", 1)))
    assert extract_docx(_save(document, tmp_path), "a.docx").text == "保留插入的字7"


def test_text_box_follows_its_paragraph_once(tmp_path: Path) -> None:
    document = docx.Document()
    anchor = document.add_paragraph("图注所在段。")
    box = (
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>文本框里的说明</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>文本框里的说明</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    anchor._p.append(parse_xml(box))
    document.add_paragraph("下一段。")
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text == "图注所在段。\n文本框里的说明\n下一段。"


def test_document_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    with pytest.raises(ImportFileError, match=r"^空\.docx：文档中没有文字"):
        extract_docx(_save(document, tmp_path), "空.docx")


def _zip(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BROKEN = "不是有效的 .docx 文件（文件已损坏或不是 Word 文档）"


def test_random_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(ImportFileError) as caught:
        extract_docx(data, "扫描.docx")
    assert str(caught.value) == f"扫描.docx：{BROKEN}"


def test_text_file_renamed(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx("马鸿宾与灵武".encode(), "a.docx")


def test_zip_without_document(tmp_path: Path) -> None:
    data = _zip({"readme.txt": "照片", "images/1.jpg": "x"})
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx(data, "a.docx")


def test_zip_with_content_types_but_no_document_xml(tmp_path: Path) -> None:
    data = _zip(
        {
            "[Content_Types].xml": (
                '<?xml version="1.0"?><Types xmlns='
                '"http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
            ),
            "_rels/.rels": (
                '<?xml version="1.0"?><Relationships xmlns='
                '"http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
            ),
        }
    )
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx(data, "a.docx")


def test_spreadsheet_renamed(tmp_path: Path) -> None:
    data = _save(_manuscript(), tmp_path)
    source = zipfile.ZipFile(io.BytesIO(data))
    files: dict[str, str | bytes] = {name: source.read(name) for name in source.namelist()}
    files["[Content_Types].xml"] = (
        source.read("[Content_Types].xml")
        .decode()
        .replace("wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml")
    )
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx(_zip(files), "a.docx")


def test_damaged_document_xml(tmp_path: Path) -> None:
    data = _save(_manuscript(), tmp_path)
    source = zipfile.ZipFile(io.BytesIO(data))
    files: dict[str, str | bytes] = {name: source.read(name) for name in source.namelist()}
    files["word/document.xml"] = source.read("word/document.xml")[:500]
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx(_zip(files), "a.docx")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    data = _save(_manuscript(), tmp_path)
    with pytest.raises(ImportFileError, match=BROKEN):
        extract_docx(data[: int(len(data) * keep)], "a.docx")


def test_flipped_bytes_never_escape_as_other_errors(tmp_path: Path) -> None:
    data = bytearray(_save(_manuscript(), tmp_path))
    for position in range(0, len(data), max(1, len(data) // 150)):
        damaged = bytearray(data)
        damaged[position] ^= 0x5A
        with contextlib.suppress(ImportFileError):
            extract_docx(bytes(damaged), "a.docx")


def test_old_word_or_encrypted_document() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    with pytest.raises(ImportFileError) as caught:
        extract_docx(data, "旧稿.docx")
    message = str(caught.value)
    assert message.startswith("旧稿.docx：")
    assert ".doc" in message
    assert "另存为 .docx" in message
