"""The photo strip's context menu: each photo's actions where the pointer is, through the
same code as the buttons (Remove asks first and is undone by Undo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import wait_idle
from tests.ui.gestures import choose, entries, right_click
from tests.ui.test_photos import add_photos
from tests.ui.test_undo import press_undo, undo_item
from tests.ui.test_workflows import click_row, load_sample


def test_photo_context_menu(qtbot, window, tmp_path: Path, monkeypatch):
    """A right-click on a photo offers its actions: view the original, copy its 图注, and
    remove it — which asks first and is undone by Undo."""
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    wait_idle(qtbot, window)
    photos = window.editor.images
    window.editor.tabs.setCurrentWidget(photos)
    add_photos(qtbot, window, tmp_path, monkeypatch, (400, 300))
    first = window.library.images.list(mid)[0]
    window.library.images.update(first.id, caption="1985年的横城渡口")
    photos.load(mid)
    wait_idle(qtbot, window)

    def at(row: int):
        return photos.strip.visualItemRect(photos.strip.item(row)).center()

    menu = right_click(qtbot, photos.strip.viewport(), at(0))
    assert entries(menu) == ["View photo", "Caption…", "Copy caption", "Remove"]
    choose(qtbot, menu, "Copy caption")
    assert QGuiApplication.clipboard().text() == "1985年的横城渡口"

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    choose(qtbot, right_click(qtbot, photos.strip.viewport(), at(1)), "View photo")
    assert opened == [window.library.images.list(mid)[1].path]

    menu = right_click(qtbot, photos.strip.viewport(), at(1))
    assert not next(a for a in menu.actions() if a.text() == "Copy caption").isEnabled()
    menu.close()

    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    choose(qtbot, right_click(qtbot, photos.strip.viewport(), at(0)), "Remove")
    wait_idle(qtbot, window)
    assert asked == ["Remove photo “1985年的横城渡口” from this manuscript? Undo brings it back."]
    assert [i.original_name for i in window.library.images.list(mid)] == ["古城.jpg"]
    assert undo_item(window) == ("&Undo remove photo “1985年的横城渡口”", True)
    qtbot.mouseClick(photos.strip.viewport(), Qt.MouseButton.LeftButton, pos=at(0))
    # the offscreen platform leaves the closed menu the active window; a desktop gives
    # the main window back, where Ctrl+Z is its shortcut
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    press_undo(qtbot, window, photos.strip)
    wait_idle(qtbot, window)
    assert [i.original_name for i in window.library.images.list(mid)] == ["渡口.png", "古城.jpg"]
