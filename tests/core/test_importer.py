"""Importing folders of real-looking manuscripts: encodings, .docx, cleanup, duplicates,
bad files, and that nothing is half-imported."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.corpus import (
    DOCX_PARAGRAPHS,
    DOCX_TABLE,
    DOCX_TITLE,
    FIXTURES,
    SAMPLE,
    TRADITIONAL,
    docx_with_picture,
)
from wenshi.errors import CancelledError
from wenshi.imports import ImportResult
from wenshi.library import Library
from wenshi.progress import Progress


def by_name(results) -> dict[str, ImportResult]:
    return {Path(r.path).name: r for r in results}


def import_paths(library: Library, paths, **kw) -> list[ImportResult]:
    return library.imports.run(paths, **kw).value


def test_folder_with_every_encoding_and_docx(library: Library, manuscripts_dir: Path):
    results = by_name(import_paths(library, [manuscripts_dir]))
    assert set(results) == {
        "mahongbin.txt",
        "shuidonggou-gbk.txt",
        "lingzhou-utf16.txt",
        "traditional-big5.txt",
        "changzao.docx",
    }  # .DS_Store and Word's ~$ lock file are not manuscripts
    assert {r.status for r in results.values()} == {"imported"}
    assert results["mahongbin.txt"].encoding == "utf-8"
    assert results["shuidonggou-gbk.txt"].encoding == "gb18030"
    assert results["lingzhou-utf16.txt"].encoding == "utf-16"
    assert results["traditional-big5.txt"].encoding == "big5"
    assert results["changzao.docx"].encoding is None
    assert {name: r.words for name, r in results.items()} == {
        "mahongbin.txt": 194,
        "shuidonggou-gbk.txt": 213,
        "lingzhou-utf16.txt": 171,
        "traditional-big5.txt": 84,
        "changzao.docx": 75,
    }
    catalog = library.manuscripts

    gbk = catalog.get(results["shuidonggou-gbk.txt"].id)
    assert gbk.title == "水洞沟遗址发现记"
    assert gbk.narrators == ["王福林"] and gbk.compilers == ["李秀兰"]
    # The body is the file without its title and by-line, "桑志华（Émile Licent）" intact.
    text = (FIXTURES / "shuidonggou.txt").read_text(encoding="utf-8")
    assert gbk.body == text.split("\n\n", 1)[1].strip()

    big5 = catalog.get(results["traditional-big5.txt"].id)
    assert big5.title == "靈武舊事" and big5.authors == ["陳國棟"]
    assert big5.body == TRADITIONAL.split("\n", 2)[2].strip()  # as written, never converted

    docx = catalog.get(results["changzao.docx"].id)
    assert docx.title == DOCX_TITLE and docx.authors == ["杨振宇"]
    # The table a row to a line, cells separated by tabs, between the paragraphs.
    rows = ["\t".join(row) for row in DOCX_TABLE]
    assert docx.body == "\n".join([DOCX_PARAGRAPHS[0], *rows, DOCX_PARAGRAPHS[1]])
    assert (
        docx.files[0].kind == "docx"
        and Path(docx.files[0].path).read_bytes()
        == (manuscripts_dir / "第十七辑" / "changzao.docx").read_bytes()
    )


def test_docx_furniture_notes_and_pictures(library: Library, tmp_path: Path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from PIL import Image as PILImage

    from tests.core.test_docx_extract import _add_notes

    photo = tmp_path / "枣园.png"
    PILImage.new("RGB", (60, 40), "red").save(photo)
    document = docx.Document()
    document.add_paragraph("灵武长枣")
    document.add_paragraph("文/杨振宇")
    document.add_paragraph("　　灵武长枣，果实长圆，皮薄肉脆。")
    document.add_picture(str(photo))
    document.add_paragraph("图1 东塔寺枣园", style="Caption")
    paragraph = document.add_paragraph("　　2020年，全市种植面积达14万亩。")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    _add_notes(document, "footnotes", ["据灵武市林业局统计。"])
    section = document.sections[0]
    section.header.paragraphs[0].text = "《灵武文史》第十八辑征稿"
    section.footer.paragraphs[0].text = "灵武市政协文史委员会"
    path = tmp_path / "长枣.docx"
    document.save(str(path))

    [result] = import_paths(library, [path])
    detail = library.manuscripts.get(result.id)
    assert detail.title == "灵武长枣" and detail.authors == ["杨振宇"]
    assert detail.body == (
        "　　灵武长枣，果实长圆，皮薄肉脆。\n\n　　2020年，全市种植面积达14万亩。①\n\n"
        "注释：\n①据灵武市林业局统计。"
    )
    assert detail.furniture == "《灵武文史》第十八辑征稿\n灵武市政协文史委员会"
    # 字数: 15 (灵武长枣，果实长圆，皮薄肉脆。) + 15 (2020年，全市种植面积达14万亩。①:
    # 12 East Asian, 2020 14 ① words) + 3 (注释：) + 11 (①据灵武市林业局统计。) = 44;
    # the header (12) and footer (10) made it 66 before.
    assert result.words == detail.counts["words"] == 44
    [image] = library.images.list(result.id)
    assert (image.original_name, image.caption, image.width, image.height) == (
        "长枣-图1.png",
        "图1 东塔寺枣园",
        60,
        40,
    )
    assert Path(image.path).read_bytes() == photo.read_bytes()  # the picture as embedded


def test_docx_with_a_broken_picture_is_not_half_imported(library: Library, tmp_path: Path):
    path = docx_with_picture(tmp_path / "坏图.docx", b"\x89PNG broken")
    [result] = import_paths(library, [path])
    assert result.status == "error"
    assert result.error == f"{path}：坏图-图1.png：不是可识别的图片（UnidentifiedImageError）"
    assert library.queries.list() == []  # no manuscript without its pictures
    assert list(library.files.all_files()) == []  # refused as it was read: nothing stored


def test_counts_match_the_stored_body(library: Library):
    from wenshi.text.wordcount import count_text

    [r] = import_paths(library, [FIXTURES / "mahongbin.txt"])
    d = library.manuscripts.get(r.id)
    assert d.counts == count_text(d.body).as_dict()
    # Three paragraphs: 161 汉字 and 30 marks, plus 1930, 1936 and 1958.
    assert d.counts == {
        "words": 194,
        "cjk": 191,
        "non_cjk_words": 3,
        "han": 161,
        "chars_no_spaces": 203,
        "chars_with_spaces": 203,
        "paragraphs": 3,
    }
    assert r.words == 194


def test_ocr_sample_is_cleaned_reversibly(library: Library):
    if not SAMPLE.exists():
        pytest.skip("shared sample not present")
    [r] = import_paths(library, [SAMPLE])
    catalog = library.manuscripts
    d = catalog.get(r.id)
    assert d.title == "汇聚奋进力量 写好履职答卷"
    assert d.subtitle == "2022年灵武市政协工作综述"
    assert d.authors == ["毕竞"]
    assert "人民政协“重要阵地、重要平台、重要渠道”作用" in d.body
    assert "改疾儿童" in d.body and "康复明练" in d.body  # misreadings are a person's job
    # Revision 1 is the raw extracted text: restoring it undoes the cleanup.
    raw = catalog.revision_text(r.id, 1)
    assert raw == SAMPLE.read_text(encoding="utf-8")
    assert "人民 政协" in raw
    # The original bytes are kept, unmodified.
    assert Path(d.files[0].path).read_bytes() == SAMPLE.read_bytes()


def test_bad_files_fail_alone(library: Library, bad_dir: Path):
    results = by_name(import_paths(library, [bad_dir, bad_dir / "missing.txt"]))
    assert results["good.txt"].status == "imported"
    errors = {name: r.error for name, r in results.items() if r.status == "error"}
    assert errors == {
        "binary.txt": f"{bad_dir / 'binary.txt'}：不是文本文件（含二进制数据）",
        "empty.txt": f"{bad_dir / 'empty.txt'}：文件为空",
        "fake.docx": f"{bad_dir / 'fake.docx'}："
        "不是有效的 .docx 文件（文件已损坏或不是 Word 文档）",
        "old.doc": f"{bad_dir / 'old.doc'}：LibreOffice 无法打开此文件"
        "（文件已损坏、加了密码，或不是 Word 97–2003 文档）",
        "photo.jpg": f"{bad_dir / 'photo.jpg'}：不是可识别的图片（UnidentifiedImageError）",
        "missing.txt": f"{bad_dir / 'missing.txt'}：无法读取（{os.strerror(errno.ENOENT)}）",
    }
    assert [r.title for r in library.queries.list()] == ["灵州古城考略"]
    stored = [p for p in library.files.root.rglob("*") if p.is_file()]
    assert len(stored) == 1  # nothing of the bad files reached the library


def test_identical_bytes_are_refused_with_the_existing_id(library: Library, tmp_path: Path):
    [first] = import_paths(library, [FIXTURES / "lingzhou.txt"])
    copy = tmp_path / "copy-of-lingzhou.txt"
    copy.write_bytes((FIXTURES / "lingzhou.txt").read_bytes())
    [again] = import_paths(library, [copy])
    assert again.status == "duplicate" and again.id == first.id
    assert again.error == f"{copy}：与库中稿件 {first.id} 的原始文件完全相同，未重复导入"
    assert len(library.queries.list()) == 1


def test_retyped_manuscript_is_imported_but_flagged(library: Library, tmp_path: Path):
    [first] = import_paths(library, [FIXTURES / "mahongbin.txt"])
    text = (FIXTURES / "mahongbin.txt").read_text(encoding="utf-8")
    retyped = text.replace("，", ",").replace("六百余人", "六百多人").replace("旬日", "十日")
    (tmp_path / "retyped.txt").write_text(retyped, encoding="gb18030")
    (tmp_path / "other.txt").write_bytes((FIXTURES / "shuidonggou.txt").read_bytes())
    results = by_name(import_paths(library, [tmp_path]))
    assert results["retyped.txt"].status == "imported"
    assert results["retyped.txt"].similar_to == first.id
    assert results["other.txt"].similar_to is None
    assert library.manuscripts.get(results["retyped.txt"].id).similar_to == first.id


def test_same_file_twice_in_one_batch(library: Library, tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes((FIXTURES / "poem.txt").read_bytes())
    results = by_name(import_paths(library, [tmp_path]))
    assert results["a.txt"].status == "imported"
    assert results["b.txt"].status == "duplicate" and results["b.txt"].id == results["a.txt"].id


def test_prepare_writes_nothing(library: Library, manuscripts_dir: Path):
    items = library.imports.prepare([manuscripts_dir])
    assert [(i.path.name, i.error, i.header.title) for i in items] == [
        ("mahongbin.txt", None, "马鸿宾与灵武"),
        ("shuidonggou-gbk.txt", None, "水洞沟遗址发现记"),
        ("changzao.docx", None, "灵武长枣栽培史话"),
        ("lingzhou-utf16.txt", None, "灵州古城考略"),
        ("traditional-big5.txt", None, "靈武舊事"),
    ]
    assert library.queries.list() == []
    assert not any(p.is_file() for p in library.files.root.rglob("*"))


def test_encoding_override(library: Library, tmp_path: Path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("灵武".encode("gbk"))  # too short to tell GBK from Big5 with confidence
    [auto] = import_paths(library, [f])
    assert auto.status == "error"
    assert auto.error == (
        f"{f}：无法可靠地判断文件编码（不是 UTF-8，可能是 gb18030、big5），"
        "请用 --encoding 指定编码，例如 --encoding gb18030"
    )
    [forced] = import_paths(library, [f], encoding="gbk")
    assert forced.status == "imported" and library.manuscripts.get(forced.id).title == "灵武"


def test_status_on_import_and_review_trail(library: Library):
    [r] = import_paths(library, [FIXTURES / "lingzhou.txt"], status="已刊")
    d = library.manuscripts.get(r.id)
    assert d.status == "published"
    assert [e.to_status for e in library.manuscripts.reviews(r.id)] == ["published"]


def test_cancel_stops_between_files_and_keeps_what_was_done(library: Library, manuscripts_dir):
    items = library.imports.prepare([manuscripts_dir])
    holder: dict[str, Progress] = {}

    def cancel_after_two(done: int, total: int, msg: str) -> None:
        if done == 2:
            holder["progress"].cancel()

    progress = holder["progress"] = Progress(cancel_after_two)
    with pytest.raises(CancelledError):
        library.imports.commit(items, progress=progress)
    assert [r.title for r in library.queries.list()] == ["马鸿宾与灵武", "水洞沟遗址发现记"]
