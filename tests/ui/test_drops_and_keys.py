"""Files dropped from the file manager are imported as File → Import imports them, and
Ctrl+1/2/3 switch the main views, each with the keys in the field one works in there."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.corpus import FIXTURES
from tests.ui.conftest import wait_idle
from tests.ui.test_workflows import load_sample


def drag_in(window, mime: QMimeData) -> bool:
    """What a file manager's drag delivers to the window: enter, move, and (if the window
    took the drag) the drop. True if it was taken."""
    where = QPointF(window.rect().center())
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(where.toPoint(), action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, move)
    drop = QDropEvent(where, action, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def files(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_a_dropped_folder_is_imported(qtbot, window, tmp_path, monkeypatch):
    inbox = tmp_path / "来稿"
    (inbox / "第二批").mkdir(parents=True)
    shutil.copy(FIXTURES / "mahongbin.txt", inbox)
    shutil.copy(FIXTURES / "lingzhou.txt", inbox / "第二批")
    from ui.widgets.import_dialog import ImportDialog

    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or self.show())
    assert drag_in(window, files(inbox))
    qtbot.waitUntil(lambda: bool(opened))
    dialog = opened[0]
    assert dialog.paths == [str(inbox)]
    wait_idle(qtbot, window)
    table = dialog.table
    assert sorted(table.item(r, 2).text() for r in range(table.rowCount())) == [
        "灵州古城考略",
        "马鸿宾与灵武",
    ]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.summary.text() == "Imported 2, duplicates 0, failed 0"
    assert window.catalog.model.rowCount() == 2


def test_a_drop_of_nothing_importable_says_so_once(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "杂物"
    (folder / "空文件夹").mkdir(parents=True)
    (folder / "照片.zip").write_bytes(b"PK\x03\x04")
    (folder / "说明.exe").write_bytes(b"MZ")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    from ui.widgets.import_dialog import ImportDialog

    monkeypatch.setattr(ImportDialog, "exec", lambda self: told.append("import dialog"))
    assert drag_in(window, files(folder, tmp_path / "账目.xlsx"))
    qtbot.waitUntil(lambda: bool(told))
    wait_idle(qtbot, window)
    qtbot.wait(50)
    assert told == [
        "杂物、账目.xlsx holds nothing wenshi can import (text, Word, WPS, RTF, ODT, PDF or "
        "scanned pages)."
    ]
    assert window.library.queries.stats().manuscripts == 0


def test_a_drag_without_files_is_not_taken(window):
    text = QMimeData()
    text.setText("秦渠谣")
    assert not drag_in(window, text)
    web = QMimeData()
    web.setUrls([QUrl("https://www.nxlw.gov.cn/wenshi.docx")])
    assert not drag_in(window, web)


def test_ctrl_1_2_3_switch_the_views(qtbot, window):
    load_sample(qtbot, window)
    tabs = window.tabs
    assert [tabs.tabToolTip(i) for i in range(3)] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    qtbot.keyClick(window.catalog.text, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.search
    assert QApplication.focusWidget() is window.search.query
    qtbot.keyClick(window.search.query, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert tabs.currentWidget() is window.builder
    assert QApplication.focusWidget() is window.builder.tree
    qtbot.keyClick(window.builder.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is window.split
    assert QApplication.focusWidget() is window.catalog.table
