"""Importing a published volume's PDF from the File menu, as a user does it: the dialog's
file chooser, number and options, progress (page by page while OCR reads) and cancel, the
articles found, the volume in the volume views; a PDF without a readable 目录 offered as
one document. And OCR in the ordinary import dialog: page progress and cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bench.volume_corpus import Volume, build, scan
from tests.ui.conftest import wait_idle
from tests.ui.scans import SOFFICE, draw_scan, needs_font, needs_soffice
from ui.models.catalog_model import Column
from ui.widgets.volume_import_dialog import VolumeImportDialog
from wenshi.text.wordcount import count_text


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> Volume:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    return build(tmp_path_factory.mktemp("volume"), count=3, paragraphs=(5, 7), soffice=SOFFICE)


def open_dialog(qtbot, window, monkeypatch, pdf: Path) -> VolumeImportDialog:
    """File → Import a published volume; the file chooser answers ``pdf``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pdf), ""))
    opened: list[VolumeImportDialog] = []
    monkeypatch.setattr(VolumeImportDialog, "exec", lambda self: opened.append(self) or self.show())
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act_import_volume in file_menu.actions()
    window.act_import_volume.trigger()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    wait_idle(qtbot, window)  # the numbers taken are read on the lane
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.path.text() == str(pdf)
    return dialog


def set_number(qtbot, dialog: VolumeImportDialog, number: int) -> None:
    spin = dialog.number
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, str(number))


def texts_shown(bar) -> list[str]:
    """Every text the progress bar shows from now on."""
    seen: list[str] = []
    bar.valueChanged.connect(lambda _v: seen.append(bar.text()))
    return seen


def table_rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@needs_soffice
def test_a_volume_pdf_becomes_its_articles(qtbot, window, monkeypatch, volume):
    dialog = open_dialog(qtbot, window, monkeypatch, volume.pdf)
    assert dialog.number.text() == "1"  # the next free number of an empty library
    set_number(qtbot, dialog, 18)
    seen = texts_shown(dialog.progress)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=60000)

    assert "读取 PDF 文字层 5/5" in seen  # page x of y while it reads
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Section", "Title", "Authors", "Pages", "Words"]
    pages = ["1", "2", "2–3"]
    assert table_rows(dialog.table) == [
        [a.section, a.title, a.author, page, str(count_text(a.text).words)]
        for a, page in zip(volume.articles, pages, strict=True)
    ]
    assert dialog.summary.text() == (
        "Volume 18: 3 articles from 5 pages (0 read by OCR), stored as published."
    )
    assert dialog.close_button.text() == "Done"
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    # The volume is in the volume views, its articles in the catalog, published.
    window.tabs.setCurrentWidget(window.builder)
    wait_idle(qtbot, window)
    combo = window.builder.volume
    assert [combo.itemData(i) for i in range(combo.count())] == [18]
    model = window.catalog.model
    assert sorted(
        (model.index(r, Column.TITLE).data(), model.index(r, Column.STATUS).data())
        for r in range(model.rowCount())
    ) == sorted((a.title, "已刊") for a in volume.articles)

    # The same number again is refused in one dialog; the next free number is offered.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    again = open_dialog(qtbot, window, monkeypatch, volume.pdf)
    assert again.number.text() == "19"
    set_number(qtbot, again, 18)
    qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert warnings == ["第 18 辑已存在；请换一个辑号，或先删除该辑"]
    assert again.import_button.isEnabled()  # the user may correct the number and retry


@needs_soffice
def test_without_contents_it_offers_one_document(qtbot, window, monkeypatch, volume, tmp_path):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(volume.pdf)
    body_only = pdfium.PdfDocument.new()
    body_only.import_pages(source, list(range(2, len(source))))  # no cover, no 目录
    pdf = tmp_path / "无目录.pdf"
    body_only.save(pdf)
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = open_dialog(qtbot, window, monkeypatch, pdf)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=60000)
    assert asked == [
        f"{pdf}：前 20 页中没有找到目录（题名……页码），无法分篇；可以把整辑作为一篇带页码的"
        f"文档导入：wenshi import {pdf}\n\nImport the PDF as one document with its pages "
        "instead? It can be split up later."
    ]
    [summary] = window.library.queries.list()
    detail = window.library.manuscripts.get(summary.id)
    assert dialog.summary.text() == (
        f"Imported as one document: #{detail.id} “{detail.title}”, {detail.counts['words']} words."
    )
    assert (detail.first_page, detail.last_page) == (1, 3)
    assert window.library.volumes.list() == []


@needs_soffice
def test_scanned_volume_cancelled_then_resumed_becomes_its_articles(
    qtbot, window, monkeypatch, volume
):
    scanned = scan(volume.pdf, volume.pdf.with_name("扫描.pdf"))
    dialog = open_dialog(qtbot, window, monkeypatch, scanned)
    set_number(qtbot, dialog, 18)
    seen = texts_shown(dialog.progress)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "OCR: page 1 of 5" in seen, timeout=60000)
    qtbot.mouseClick(dialog.cancel_job, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=120000)
    assert dialog.summary.text() == (
        "Cancelled: nothing was stored. The pages OCR has read are kept, so the next "
        "import continues from them."
    )
    assert window.library.volumes.list() == [] and window.library.queries.list() == []
    assert dialog.import_button.isEnabled()

    read_before = max(int(text.split()[2]) for text in seen if text.startswith("OCR: page"))
    seen.clear()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # the same, again
    wait_idle(qtbot, window, timeout=180000)
    first = next(text for text in seen if text.startswith("OCR: page"))
    assert int(first.split()[2]) >= read_before  # it went on from the pages already read
    assert [row[:4] for row in table_rows(dialog.table)] == [
        [a.section, a.title, a.author, page]
        for a, page in zip(volume.articles, ["1", "2", "2–3"], strict=True)
    ]
    assert dialog.summary.text() == (
        "Volume 18: 3 articles from 5 pages (5 read by OCR), stored as published."
    )


PAGES = [
    ["灵州古城考略", "作者：马文华", "灵州城始建于汉代，历代屡有修筑。"],
    ["明清两代，灵州为西北重镇。"],
]


@needs_font
def test_ordinary_import_shows_ocr_pages_and_can_be_cancelled(qtbot, window, monkeypatch, tmp_path):
    from ui.widgets.import_dialog import ImportDialog

    tif = draw_scan(PAGES, tmp_path / "扫描.tif")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tif)], ""))
    opened: list[ImportDialog] = []
    seen: list[str] = []

    def show(self):
        opened.append(self)
        if len(opened) == 2:
            self.progress.valueChanged.connect(lambda _v: seen.append(self.progress.text()))
        self.show()

    monkeypatch.setattr(ImportDialog, "exec", show)
    window.act_import.trigger()
    first = opened[0]
    # The bar names the file and the pages while OCR reads it; Cancel stops it there.
    qtbot.waitUntil(lambda: first.progress.text() == "0%  扫描.tif：OCR 识别（0/2）", timeout=30000)
    qtbot.mouseClick(first.cancel_job, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window, timeout=120000)
    assert first.summary.text() == "Cancelled. What was already imported stays imported."
    assert first.table.rowCount() == 0 and not first.import_button.isEnabled()

    window.act_import.trigger()
    wait_idle(qtbot, window, timeout=120000)
    second = opened[1]
    assert "100%  扫描.tif：OCR 识别（2/2）" in seen
    cells = [second.table.item(0, c).text() for c in range(second.table.columnCount())]
    assert cells == ["扫描.tif", "image", "灵州古城考略", "马文华", "29", ""]
