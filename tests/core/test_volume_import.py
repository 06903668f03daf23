"""A published volume's PDF, text layer or scan, split into its articles at the right pages.

The volume is written here (bench/volume_corpus.py) and typeset by LibreOffice, so every
article's title, author, 栏目, text and printed start page are known."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from bench.backcatalogue import accuracy
from bench.volume_corpus import Volume, build, scan
from wenshi.errors import InvalidValueError
from wenshi.library import Library
from wenshi.volume_import import NoContentsError

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> Volume:
    return build(tmp_path_factory.mktemp("volume"), count=10, soffice=SOFFICE)


def test_text_layer_volume_becomes_its_articles(library: Library, volume: Volume) -> None:
    result = library.volume_imports.run(volume.pdf, 18)
    assert (result.volume, result.ocr_pages) == (18, 0)
    assert [(a.title, a.authors, a.section, a.start_page) for a in result.articles] == [
        (a.title, [a.author], a.section, a.start_page) for a in volume.articles
    ]
    for article, truth in zip(result.articles, volume.articles, strict=True):
        detail = library.manuscripts.get(article.id)
        assert detail.body.replace("\f", "") == truth.text
        assert (detail.status, detail.volume, detail.first_page) == (
            "published",
            18,
            truth.start_page,
        )
        assert detail.last_page == article.end_page
        assert detail.files[0].original_name == volume.pdf.name
    # Each article ends on the page before the next begins, or on the page it begins.
    for article, after in zip(result.articles, result.articles[1:], strict=False):
        assert after.start_page - 1 <= article.end_page <= after.start_page
    plan = library.volumes.plan(18)
    assert plan.status == "published"
    assert [s.name for s in plan.sections] == [
        "史海钩沉",
        "人物春秋",
        "文化遗存",
        "乡土风情",
        "往事回眸",
    ]
    assert [i.start_page for s in plan.sections for i in s.items] == [
        a.start_page for a in volume.articles
    ]


@pytest.fixture(scope="module")
def short_volume(tmp_path_factory: pytest.TempPathFactory) -> Volume:
    """Five articles over five 栏目: enough pages for every case of the scan (a 目录 page,
    running heads, articles sharing a page), half the OCR time of the full volume."""
    return build(tmp_path_factory.mktemp("short"), count=5, soffice=SOFFICE)


def test_scanned_volume_becomes_its_articles(library: Library, short_volume: Volume) -> None:
    """The scan of a volume, turned, blurred and speckled: OCR misreads a few
    characters, but every article is found at its page with its title, author and 栏目,
    the running head and page numbers are not in any text, and the text is as printed
    but for the misread characters."""
    volume = short_volume
    scanned = scan(volume.pdf, volume.pdf.with_name("扫描.pdf"))
    result = library.volume_imports.run(scanned, 18)
    assert (result.pages, result.ocr_pages) == (len(volume_pages(volume)), result.pages)
    assert [(a.title, a.authors, a.section, a.start_page) for a in result.articles] == [
        (a.title, [a.author], a.section, a.start_page) for a in volume.articles
    ]
    bodies = [library.manuscripts.get(article.id).body for article in result.articles]
    assert not any("灵武文史" in body for body in bodies)
    assert accuracy([a.text for a in volume.articles], bodies) > 0.97
    history = library.manuscripts.history(result.articles[0].id)
    assert [revision.reason for revision in history] == [
        f"OCR 识别原文（{result.pages} 页，未校对）",
        "导入：分出题名与署名，清理排版",
    ]


def volume_pages(volume: Volume) -> list[int]:
    import pypdfium2 as pdfium

    return list(range(len(pdfium.PdfDocument(volume.pdf))))


def test_a_hit_cites_its_printed_page(library: Library, volume: Volume) -> None:
    library.volume_imports.run(volume.pdf, 18)
    last = volume.articles[-1]
    paragraph = last.paragraphs[-1]  # sentences repeat across articles; paragraphs do not
    [hit] = library.search.search(f'"{paragraph}"').hits
    assert hit.title == last.title
    detail = library.manuscripts.get(hit.id)
    assert hit.snippets[0].page == detail.last_page


def test_a_hit_is_cited_at_its_printed_page(
    library: Library, volume: Volume, tmp_path: Path
) -> None:
    library.volume_imports.run(volume.pdf, 18)
    # Published as it was printed; its year and editor are added afterwards.
    library.volumes.update(18, year=2023, editor="政协灵武市委员会文史资料委员会", place="灵武")
    last = volume.articles[-1]
    [hit] = library.search.search(f'"{last.paragraphs[-1]}"').hits
    page = hit.snippets[0].page
    assert library.citations.cite([hit.id], page=page) == (
        f"{last.author}. {last.title}[M]//政协灵武市委员会文史资料委员会. "
        f"灵武文史: 第18辑. 灵武: [出版者不详], 2023: {page}.\n"
    )
    out = tmp_path / "索引.csv"
    library.exports.concordance(f'"{last.paragraphs[-1]}"', out)
    with out.open(encoding="utf-8-sig") as f:
        [_header, row] = list(csv.reader(f))
    assert (row[3], row[-1]) == (str(page), library.citations.cite([hit.id], page=page).strip())


def test_the_same_pdf_or_number_twice_is_refused(library: Library, volume: Volume) -> None:
    library.volume_imports.run(volume.pdf, 18)
    with pytest.raises(InvalidValueError, match=r"^第 18 辑已存在；请换一个辑号，或先删除该辑$"):
        library.volume_imports.run(volume.pdf, 18)
    with pytest.raises(InvalidValueError, match=r"：这个 PDF 已经导入过（稿件 1）$"):
        library.volume_imports.run(volume.pdf, 19)
    assert len(library.queries.list()) == len(volume.articles)


def test_without_contents_it_offers_one_document(
    library: Library, tmp_path: Path, volume: Volume
) -> None:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(volume.pdf)
    body_only = pdfium.PdfDocument.new()
    body_only.import_pages(source, list(range(3, len(source))))  # cover and 目录 left out
    path = tmp_path / "无目录.pdf"
    body_only.save(path)
    with pytest.raises(NoContentsError) as refused:
        library.volume_imports.run(path, 18)
    assert str(refused.value) == (
        f"{path}：前 20 页中没有找到目录（题名……页码），无法分篇；"
        f"可以把整辑作为一篇带页码的文档导入：wenshi import {path}"
    )
    assert library.queries.list() == [] and library.volumes.list() == []
