"""Regenerate the screenshots in docs/ from the sample library (Chinese interface).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [NAME …]

NAME (welcome, manuscript, batch, review, history, search, volume, toc, names,
proofreading) makes only those.
Needs a CJK font (Debian: fonts-noto-cjk), or Chinese shows as boxes; the proofreading
view needs LibreOffice too (it typesets the volume that is scanned and read by OCR, which
takes a minute or two).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(names: list[str]) -> None:
    from PySide6.QtCore import QSettings

    settings_dir = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from ui.app import make_app

    app = make_app(["wenshi"])
    from ui.main_window import MainWindow

    window = MainWindow(str(Path(tempfile.mkdtemp()) / "library"))
    window.resize(1280, 800)
    window.show()

    def settle() -> None:
        """Let the lane finish and the window repaint (at least 0.3 s, at most 30 s)."""
        start = time.time()
        while time.time() - start < 30 and (window.hub.tasks.busy or time.time() - start < 0.3):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        if not names or name in names:
            window.grab().save(str(ROOT / "docs" / f"screenshot-{name}.png"))

    shot("welcome")
    window.welcome.sample_button.click()
    settle()
    model = window.catalog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "横城古渡忆旧")
    window.catalog.select(model.id_at(row))
    shot("manuscript")
    if not names or "batch" in names:
        batch(window, settle)
    window.editor.tabs.setCurrentWidget(window.editor.review)
    shot("review")
    window.editor.tabs.setCurrentWidget(window.editor.history)
    shot("history")
    window.focus_search()
    window.search.query.setText("灵武 横城 OR 水洞沟")
    window.search.search()
    shot("search")
    window.tabs.setCurrentWidget(window.builder)
    window.builder.volume.setCurrentIndex(window.builder.volume.findData(17))
    shot("volume")
    window.builder.info.setCurrentWidget(window.builder.preview)
    window.builder.info.parentWidget().setSizes([250, 500])  # the preview's page in sight
    shot("toc")
    authorities = window.library.authorities
    authorities.add("place", "灵武", note="今宁夏灵武市")
    authorities.alias("place", "灵武", "灵州", type_="旧名", period="北魏—明")
    authorities.alias("place", "灵武", "靈武", type_="繁体")
    window.tabs.setCurrentWidget(window.names)
    window.names.kind.setCurrentIndex(1)
    shot("names")
    if not names or "proofreading" in names:
        proofreading(window, settle)
    window.hub.tasks.shutdown()
    window.library.close()


def batch(window, settle) -> None:
    """The four 采用 pieces of volume 17 selected in the catalog and right-clicked, the
    menu open on "Review step for all" with the steps they share. A menu is a window of
    its own, so it is painted onto the window's picture where it stands."""
    from PySide6.QtCore import QItemSelectionModel, QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QMenu

    catalog = window.catalog
    model, table = catalog.model, catalog.table
    table.clearSelection()
    rows = [r for r in range(model.rowCount()) if model.summary_at(r).status == "accepted"]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        table.selectionModel().select(model.index(row, 0), flags)
    settle()
    menu = QMenu(window)
    catalog.fill_selection_menu(menu)
    where = table.visualRect(model.index(rows[1], 0)).center() + QPoint(40, 0)
    menu.popup(table.viewport().mapToGlobal(where))
    steps = next(a for a in menu.actions() if a.menu() is not None)
    menu.setActiveAction(steps)
    steps.menu().popup(menu.mapToGlobal(menu.actionGeometry(steps).topRight()))
    settle()
    picture = window.grab()
    painter = QPainter(picture)
    for shown in (menu, steps.menu()):
        painter.drawPixmap(window.mapFromGlobal(shown.pos()), shown.grab())
    painter.end()
    picture.save(str(ROOT / "docs" / "screenshot-batch.png"))
    steps.menu().hide()
    menu.hide()
    catalog.select(window.editor.manuscript_id)  # the manuscript open before, alone again
    settle()


def proofreading(window, settle) -> None:
    """A scanned volume (bench/volume_corpus.py, typeset by LibreOffice, rasterised with a
    scanner's defects) imported with OCR, one of its articles proofread on its second page:
    a misread corrected (green), the cursor on a character OCR was unsure of (red)."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from bench.volume_corpus import build, scan
    from wenshi.changes import Changes

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: no proofreading screenshot")
        return
    folder = Path(tempfile.mkdtemp())
    volume = build(folder, count=3, paragraphs=(5, 7), soffice=soffice)
    scanned = scan(volume.pdf, folder / "扫描.pdf")
    result = window.library.volume_imports.run(scanned, 18)
    window.hub.changed.emit(Changes.everything())
    article = result.articles[-1]
    window.open_manuscript(article.id)
    settle()
    window.proofread(article.id)
    settle()
    dialog = window.proofreader
    dialog.resize(1280, 860)
    QTest.keyClick(dialog.text, Qt.Key.Key_PageDown)
    settle()
    QTest.keyClick(dialog.text, Qt.Key.Key_F3)  # the first unsure character: a stray mark
    QTest.keyClick(dialog.text, Qt.Key.Key_Delete)
    QTest.keyClick(dialog.text, Qt.Key.Key_F3)  # the next: the cursor stays on it
    settle()
    dialog.grab().save(str(ROOT / "docs" / "screenshot-proofreading.png"))
    dialog.hide()  # (closing would ask whether to save the correction)


if __name__ == "__main__":
    main(sys.argv[1:])
