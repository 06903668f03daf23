"""Save and open dialogs start in the documents folder, then where the user went last."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import wait_idle


def back_up_by_the_menu(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    menu = window.menuBar().actions()[0].menu()
    qtbot.waitUntil(menu.isVisible)
    QTest.keyClick(menu, Qt.Key.Key_B)  # &Back up library…
    wait_idle(qtbot, window)


def test_a_save_dialog_starts_in_documents_then_in_the_folder_last_used(
    qtbot, window, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    chosen = tmp_path / "备份" / "灵武文史备份.zip"
    chosen.parent.mkdir()
    offered: list[str] = []

    def ask(_parent, _title, start, _filters):
        offered.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    back_up_by_the_menu(qtbot, window)
    assert offered == [str(home / "Documents" / "wenshi-backup.zip")]
    assert chosen.is_file()
    back_up_by_the_menu(qtbot, window)
    assert offered[1] == str(chosen.parent / "wenshi-backup.zip")


def test_an_open_dialog_starts_where_the_last_import_came_from(
    qtbot, window, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    home.mkdir()  # no documents folder: the home folder
    monkeypatch.setenv("HOME", str(home))
    inbox = tmp_path / "来稿"
    inbox.mkdir()
    offered: list[str] = []

    def ask(_parent, _title, start, _filters):
        offered.append(start)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", ask)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))
    from ui.widgets.import_dialog import ImportDialog

    monkeypatch.setattr(ImportDialog, "exec", lambda self: self.show())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # Import files…
    assert offered == [str(home)]
    QTest.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # Import a folder…: 来稿
    wait_idle(qtbot, window)
    for dialog in window.findChildren(ImportDialog):
        dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert offered[1] == str(inbox)
    assert Path(offered[1]).is_dir()
