"""Importing the formats of an office's back catalogue: Word 97–2003, WPS, RTF, ODF, PDF
with and without a text layer, and scans. The files are made here, by LibreOffice from a
.docx written with python-docx, and by Pillow from text drawn in a CJK font."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageDraw, ImageFont

from wenshi.errors import CancelledError, ImportFileError
from wenshi.library import Library
from wenshi.progress import Progress
from wenshi.reading import ReadOptions, read_document
from wenshi.reading.limits import Limits
from wenshi.text.wordcount import count_text

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk is not installed")

TITLE = "秦渠的传说与历史"
AUTHOR = "马文华"
SENTENCE = "秦渠是灵武最古老的渠道之一，相传开凿于秦代，引黄河水灌溉农田。"
PARAGRAPHS = [f"{SENTENCE * 3}（第{n}段）" for n in range(1, 41)]


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def _convert(source: Path, target: str, out: Path) -> Path:
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", target, "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / f"{source.stem}.{target.split(':')[0]}"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One manuscript as .docx (header 灵武文史, page numbers in the footer) and as what
    LibreOffice makes of it: .doc, .rtf, .odt, .pdf; a .wps is a .doc as WPS saves it."""
    folder = tmp_path_factory.mktemp("office")
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "灵武文史"
    _page_field(section.footer.paragraphs[0])
    document.add_paragraph(TITLE)
    document.add_paragraph(f"文/{AUTHOR}")
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    source = folder / "秦渠.docx"
    document.save(source)
    files = {"docx": source}
    for kind in ("doc", "rtf", "odt", "pdf"):
        files[kind] = _convert(source, kind, folder)
    files["wps"] = folder / "秦渠.wps"
    shutil.copy(files["doc"], files["wps"])
    return files


@needs_soffice
@pytest.mark.parametrize("kind", ["doc", "wps", "rtf", "odt"])
def test_office_formats_import_through_libreoffice(
    library: Library, office: dict[str, Path], kind: str
) -> None:
    [result] = library.imports.run([office[kind]]).value
    assert (result.status, result.kind) == ("imported", kind)
    detail = library.manuscripts.get(result.id)
    assert (detail.title, detail.authors) == (TITLE, [AUTHOR])
    assert detail.body == "\n".join(PARAGRAPHS)
    assert detail.files[0].original_name == f"秦渠.{kind}"


@needs_soffice
def test_missing_libreoffice_says_what_to_install(
    library: Library, office: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WENSHI_SOFFICE", "/nonexistent/soffice")
    [result] = library.imports.run([office["doc"]]).value
    assert result.error == (
        f"{office['doc']}：需要安装 LibreOffice 才能导入 .doc、.wps、.rtf、.odt 文件"
        "（Debian/Ubuntu：sudo apt install libreoffice-writer；"
        "Windows/macOS：从 libreoffice.org 安装），或在 Word/WPS 中另存为 .docx"
    )


def test_hanging_libreoffice_is_stopped_and_the_rest_imports(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 60\n")
    hang.chmod(hang.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("WENSHI_SOFFICE", str(hang))
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / "旧稿.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (tmp_path / "in" / "新稿.txt").write_text("灵州古城考略\n\n正文。", encoding="utf-8")
    results = library.imports.run([tmp_path / "in"], limits=Limits(convert_timeout=1)).value
    assert [(Path(r.path).name, r.status) for r in results] == [
        ("新稿.txt", "imported"),
        ("旧稿.doc", "error"),
    ]
    assert results[1].error == (
        f"{bad}：LibreOffice 转换超过 1 秒仍未完成，已停止，文件可能已损坏"
        "（可用 --convert-timeout 放宽）"
    )


@needs_soffice
def test_pdf_text_layer_keeps_pages_apart_from_running_heads(
    library: Library, office: dict[str, Path]
) -> None:
    [result] = library.imports.run([office["pdf"]]).value
    detail = library.manuscripts.get(result.id)
    assert (detail.title, detail.authors, result.kind) == (TITLE, [AUTHOR], "pdf")
    pages = detail.body.split("\f")
    assert len(pages) == len(pdfium.PdfDocument(office["pdf"])) >= 3
    # The head and the page numbers are furniture: not in the text, not in 字数.
    assert detail.furniture == "灵武文史"
    assert "灵武文史" not in detail.body
    assert detail.first_page == 1
    # Paragraphs cut by a page break are joined across it; the text is the manuscript's.
    assert detail.body.replace("\f", "") == "\n".join(PARAGRAPHS)
    assert detail.counts["words"] == count_text("\n".join(PARAGRAPHS)).words
    # Every hit says which printed page it is on.
    assert detail.last_page == len(pages)
    [hit] = library.search.search("第40段").hits
    assert [s.page for s in hit.snippets] == [detail.last_page]
    assert hit.to_dict()["snippets"][0]["page"] == detail.last_page
    first, *_ = library.search.concordance("第1段")
    assert (first.page, first.match) == (1, "第1段")


@needs_soffice
def test_encrypted_pdf_asks_for_its_password(tmp_path: Path, office: dict[str, Path]) -> None:
    options = '{"EncryptFile":{"type":"boolean","value":"true"},'
    options += '"DocumentOpenPassword":{"type":"string","value":"lw17"}}'
    locked = _convert(office["docx"], f"pdf:writer_pdf_Export:{options}", tmp_path)
    with pytest.raises(
        ImportFileError, match=r"PDF 已加密，需要密码才能读取（命令行用 --password 指定）$"
    ):
        read_document(locked)
    with pytest.raises(ImportFileError, match=r"：PDF 密码不正确$"):
        read_document(locked, ReadOptions(password="wrong"))
    _, document = read_document(locked, ReadOptions(password="lw17"))
    assert document.text.startswith(f"{TITLE}\n文/{AUTHOR}\n")


@needs_soffice
def test_broken_pdfs_fail_alone(library: Library, tmp_path: Path, office: dict[str, Path]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = office["pdf"].read_bytes()
    (folder / "截断.pdf").write_bytes(data[: len(data) // 3])
    (folder / "乱码.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    (folder / "空白.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
        b"2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    )
    shutil.copy(office["pdf"], folder / "好.pdf")
    results = {Path(r.path).name: r for r in library.imports.run([folder]).value}
    assert results["好.pdf"].status == "imported"
    assert {name: r.error for name, r in results.items() if r.status == "error"} == {
        "截断.pdf": f"{folder / '截断.pdf'}：不是有效的 PDF 文件（文件已损坏或不完整）",
        "乱码.pdf": f"{folder / '乱码.pdf'}：不是有效的 PDF 文件（文件已损坏或不完整）",
        "空白.pdf": f"{folder / '空白.pdf'}：PDF 中没有任何页面",
    }
    assert len(library.queries.list()) == 1


def _scan(lines: list[str], path: Path, pages: int = 1) -> Path:
    """A clean scan: ``lines`` drawn black on white at 40 px (about 10 pt at 300 dpi)."""
    font = ImageFont.truetype(str(FONT), 40)
    images = []
    for page in range(pages):
        image = Image.new("L", (1400, 120 + 80 * len(lines)), 255)
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines):
            draw.text((60, 60 + 80 * n), line.replace("#", str(page + 1)), font=font, fill=0)
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300)
    return path


SCAN_LINES = ["灵州古城考略", "作者：马文华", "灵州城始建于汉代，历代屡有修筑。"]


@needs_font
def test_scanned_image_is_read_by_ocr_and_kept_for_proofreading(
    library: Library, tmp_path: Path
) -> None:
    [result] = library.imports.run([_scan(SCAN_LINES, tmp_path / "扫描.png")]).value
    assert (result.status, result.kind) == ("imported", "image")
    detail = library.manuscripts.get(result.id)
    assert (detail.title, detail.authors, detail.body) == (
        "灵州古城考略",
        ["马文华"],
        "灵州城始建于汉代，历代屡有修筑。",
    )
    # What the engine read is revision 1, the proofreading text the working one.
    assert library.manuscripts.history(result.id)[0].reason == "OCR 识别原文（1 页，未校对）"
    [page] = library.ocr.pages(detail.files[0].sha256)
    assert (page.page, page.width) == (0, 1400)
    assert [line["text"] for line in page.lines] == SCAN_LINES
    assert all(0.5 < conf <= 1 for line in page.lines for conf in line["confs"])


@needs_font
def test_stopped_ocr_resumes_where_it_stopped(tmp_path: Path) -> None:
    scan = _scan(["第#页", *SCAN_LINES[2:]], tmp_path / "两页.tif", pages=2)
    cache = tmp_path / "cache"
    seen: list[tuple[int, int]] = []

    def stop_after_first(done: int, total: int, message: str) -> None:
        seen.append((done, total))
        if done == 1:
            progress.cancel()

    progress = Progress(stop_after_first)
    with pytest.raises(CancelledError):
        read_document(scan, ReadOptions(progress=progress, ocr_cache=cache))
    assert len(list(cache.iterdir())) >= 1
    resumed: list[tuple[int, int]] = []
    options = ReadOptions(
        progress=Progress(lambda d, t, m: resumed.append((d, t))), ocr_cache=cache
    )
    _, document = read_document(scan, options)
    assert resumed[0][0] >= 1  # the first page came from the cache
    assert (
        document.text
        == "第1页\n灵州城始建于汉代，历代屡有修筑。\f第2页\n灵州城始建于汉代，历代屡有修筑。"
    )


@needs_font
def test_scanned_pdf_without_ocr_is_refused(tmp_path: Path) -> None:
    image = Image.open(_scan(SCAN_LINES, tmp_path / "a.png"))
    image.save(tmp_path / "扫描.pdf", resolution=300)
    with pytest.raises(
        ImportFileError, match=r"：PDF 没有文字层（是扫描件），而 OCR 已关闭（--ocr never）$"
    ):
        read_document(tmp_path / "扫描.pdf", ReadOptions(ocr="never"))
