"""extract_docx: real .docx structures built with python-docx, and broken files."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from PIL import Image as PILImage

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


def _reference(kind: str, note_id: int):
    """A run holding a footnote or endnote reference, as Word writes it."""
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    return parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def _manuscript() -> Document:
    document = docx.Document()
    document.add_paragraph("马鸿宾与灵武")
    document.add_paragraph("——民国时期宁夏军政往事")
    document.add_paragraph("文/马建国")
    document.add_paragraph("")
    first = document.add_paragraph("　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。")
    first.add_run("当时的灵武城墙多处坍塌。")
    first._p.append(_reference("footnote", 1))
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
    last = document.add_paragraph("　　一九四九年九月，宁夏和平解放。")
    last._p.append(_reference("footnote", 2))
    section = document.sections[0]
    section.header.paragraphs[0].text = "灵武文史 第十七辑"
    section.footer.paragraphs[0].text = "- 1 -"
    _add_notes(document, "footnotes", ["见《灵武县志》卷三。", "据马福祥家谱。"])
    return document


def test_full_manuscript(tmp_path: Path) -> None:
    document = extract_docx(_save(_manuscript(), tmp_path), "稿件.docx")
    assert document.text == "\n".join(
        [
            "马鸿宾与灵武",
            "——民国时期宁夏军政往事",
            "文/马建国",
            "",
            "　　民国二十五年（1936年）秋，马鸿宾率部移驻灵武。当时的灵武城墙多处坍塌。①",
            "",
            "灵武县民国二十五年户口统计",
            "城关\t一千二百户\t六千口",
            "东乡\t不详",
            "　　一九四九年九月，宁夏和平解放。②",
            "",
            "注释：",
            "①见《灵武县志》卷三。",
            "②据马福祥家谱。",
        ]
    )
    # The running head is furniture; the footer is only a page number and is dropped.
    assert document.furniture == "灵武文史 第十七辑"
    assert document.pictures == []


def test_merged_cells_appear_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "纵向合并"
    table.cell(0, 1).text = "甲"
    table.cell(1, 1).text = "乙"
    table.cell(2, 1).text = "丙"
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    # Rows below a vertical merge keep its column, empty, so the cells stay in line.
    assert text.split("\n") == ["纵向合并\t甲", "\t乙", "\t丙"]


def test_cell_paragraphs_tabs_and_nested_table_stay_in_their_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=3)
    outer.cell(0, 0).text = "外层"
    outer.cell(0, 1).text = "第一段"
    outer.cell(0, 1).add_paragraph("第二段\t续")
    inner = outer.cell(0, 2).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "内层一"
    inner.cell(1, 0).text = "内层二"
    document.add_paragraph("表后正文。")
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text.split("\n") == ["外层\t第一段 第二段 续\t内层一 内层二", "表后正文。"]


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


def test_endnotes_after_footnotes_continue_the_numbering(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("第一句。")
    paragraph._p.append(_reference("footnote", 1))
    paragraph.add_run("第二句。")._r.addnext(_reference("endnote", 1))
    paragraph.add_run("第三句。")._r.addnext(_reference("footnote", 2))
    _add_notes(document, "endnotes", ["尾注：采访于2021年。"])
    _add_notes(document, "footnotes", ["脚注一。", "脚注二。"])
    text = extract_docx(_save(document, tmp_path), "a.docx").text
    assert text.split("\n") == [
        "第一句。①第二句。③第三句。②",
        "",
        "注释：",
        "①脚注一。",
        "②脚注二。",
        "③尾注：采访于2021年。",
    ]


def test_notes_in_reference_order_and_past_fifty(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("正文")
    for note_id in range(52, 0, -1):  # referenced last note first
        paragraph._p.append(_reference("footnote", note_id))
    _add_notes(document, "footnotes", [f"注{n}。" for n in range(1, 53)])
    lines = extract_docx(_save(document, tmp_path), "a.docx").text.split("\n")
    assert (
        lines[0]
        == "正文"
        + "".join(
            "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
        )
        + "[51][52]"
    )
    assert lines[2] == "注释："
    assert lines[3] == "①注52。"
    assert lines[22:25] == ["⑳注33。", "㉑注32。", "㉒注31。"]
    assert lines[-3:] == ["㊿注3。", "[51]注2。", "[52]注1。"]


def test_headers_and_footers_are_furniture_not_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一节正文。")
    document.sections[0].header.paragraphs[0].text = "灵武文史"
    document.sections[0].footer.paragraphs[0].text = "第 3 页 共 10 页"
    second = document.add_section()
    document.add_paragraph("第二节正文。")
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "灵武文史"  # the same text again: listed once
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "宁夏灵武市政协文史委员会 编"
    second.footer.add_paragraph("- 4 -")
    result = extract_docx(_save(document, tmp_path), "a.docx")
    # The section break is an empty paragraph of its own.
    assert result.text == "第一节正文。\n\n第二节正文。"
    assert result.furniture == "灵武文史\n宁夏灵武市政协文史委员会 编"


def _png(tmp_path: Path, name: str, color: str, size: tuple[int, int] = (40, 30)) -> Path:
    path = tmp_path / name
    PILImage.new("RGB", size, color).save(path)
    return path


def test_pictures_with_their_captions(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("　　横城渡口是黄河上的老渡口。")
    document.add_picture(str(_png(tmp_path, "渡口.png", "blue")))
    document.add_paragraph("1985年的横城渡口", style="Caption")
    document.add_paragraph("　　渡口边有座龙王庙。")
    document.add_picture(str(_png(tmp_path, "庙.png", "red")))
    document.add_paragraph("")
    document.add_paragraph("图2 龙王庙旧址（马建国 摄）")
    document.add_picture(str(_png(tmp_path, "无题.png", "green")))
    document.add_paragraph("图书馆藏有渡口的老照片，是1950年代拍摄的。")
    # A style named 题注, with an id of its own as Chinese Word gives styles.
    caption = document.styles.add_style("题注", WD_STYLE_TYPE.PARAGRAPH)
    caption.element.set(qn("w:styleId"), "a5")
    document.add_paragraph("上方的题注", style=caption)
    document.add_picture(str(_png(tmp_path, "上.png", "white")))
    document.add_picture(str(_png(tmp_path, "渡口.png", "blue")))  # the same picture again
    result = extract_docx(_save(document, tmp_path), "a.docx")
    assert result.text == "\n".join(
        [
            "　　横城渡口是黄河上的老渡口。",
            "",
            "　　渡口边有座龙王庙。",
            "",
            "图书馆藏有渡口的老照片，是1950年代拍摄的。",
        ]
    )
    assert [(p.suffix, p.caption) for p in result.pictures] == [
        (".png", "1985年的横城渡口"),
        (".png", "图2 龙王庙旧址（马建国 摄）"),
        (".png", ""),  # 图书馆… is text, not a caption
        (".png", "上方的题注"),
    ]
    colors = [PILImage.open(io.BytesIO(p.data)).getpixel((0, 0)) for p in result.pictures]
    assert colors == [(0, 0, 255), (255, 0, 0), (0, 128, 0), (255, 255, 255)]


def test_picture_in_a_table_and_linked_picture(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).paragraphs[0].add_run().add_picture(str(_png(tmp_path, "a.png", "red")))
    table.cell(0, 1).text = "（图为马鸿宾旧居）"
    document.add_paragraph("正文。")
    result = extract_docx(_save(document, tmp_path), "a.docx")
    # A cell beside the picture is part of its row, not a caption.
    assert result.text == "\t（图为马鸿宾旧居）\n正文。"
    assert [p.caption for p in result.pictures] == [""]


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
