"""The program starts where the user left it: the last library, its view, its manuscript;
File → Open library… and Recent libraries switch to another one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import wait_idle
from tests.ui.test_workflows import click_row, load_sample
from ui.app import library_to_open
from ui.main_window import OPEN_WINDOWS, MainWindow


def close(window: MainWindow) -> None:
    window.close()
    window.shutdown()
    window.deleteLater()


def test_the_next_start_reopens_the_library_view_and_manuscript(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("WENSHI_LIBRARY", raising=False)
    first = MainWindow(str(tmp_path / "灵武文史"))
    first.show()
    wait_idle(qtbot, first)
    load_sample(qtbot, first)
    mid = click_row(qtbot, first, "秦渠谣")
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    QTest.keyClick(first, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Volumes
    assert first.tabs.currentIndex() == 2
    close(first)

    again = MainWindow(library_to_open(None))
    again.show()
    try:
        wait_idle(qtbot, again)
        assert again.library.path == (tmp_path / "灵武文史").resolve()
        qtbot.waitUntil(lambda: again.editor.manuscript_id == mid, timeout=5000)
        wait_idle(qtbot, again)
        assert again.editor.fields["title"].text() == "秦渠谣"
        assert again.tabs.currentIndex() == 2
    finally:
        close(again)


def test_file_open_library_replaces_the_window_and_recent_libraries_goes_back(
    qtbot, window, tmp_path, monkeypatch
):
    other = tmp_path / "银川文史"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = window.menuBar().actions()[0].menu()
    qtbot.waitUntil(menu.isVisible)
    QTest.keyClick(menu, Qt.Key.Key_O)  # &Open library…
    qtbot.waitUntil(lambda: bool(OPEN_WINDOWS), timeout=5000)
    new = OPEN_WINDOWS[-1]
    try:
        wait_idle(qtbot, new)
        assert new.library.path == other.resolve()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: window.shut, timeout=5000)
        new.activateWindow()
        qtbot.waitUntil(new.isActiveWindow)
        QTest.keyClick(new, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
        file_menu = new.menuBar().actions()[0].menu()
        qtbot.waitUntil(file_menu.isVisible)
        QTest.keyClick(file_menu, Qt.Key.Key_R)  # &Recent libraries
        recent = new.recent_menu
        qtbot.waitUntil(recent.isVisible)
        entries = [(a.text(), a.isEnabled()) for a in recent.actions()]
        assert entries == [(str(other.resolve()), False), (str(window.library.path), True)]
        QTest.keyClick(recent, Qt.Key.Key_Escape)
        QTest.keyClick(file_menu, Qt.Key.Key_Escape)
    finally:
        close(new)


@pytest.fixture(autouse=True)
def no_windows_left():
    yield
    OPEN_WINDOWS.clear()
