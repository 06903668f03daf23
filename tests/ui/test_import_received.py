"""收稿日期 is asked once for the whole import: today unless the editor changes it."""

from __future__ import annotations

import shutil
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from tests.corpus import FIXTURES
from tests.ui.conftest import wait_idle
from ui.widgets.import_dialog import ImportDialog


def test_the_import_dialog_sets_one_received_date_for_the_batch(
    qtbot, window, tmp_path, monkeypatch
):
    inbox = tmp_path / "来稿"
    inbox.mkdir()
    for name in ("mahongbin.txt", "lingzhou.txt"):
        shutil.copy(FIXTURES / name, inbox)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))
    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or self.show())
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = opened[0]
    wait_idle(qtbot, window)
    today = date.today()
    assert dialog.received.text() == today.isoformat()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Received on
    assert dialog.received.hasFocus()
    edit = dialog.received
    QTest.keyClick(edit, Qt.Key.Key_Home)  # the year
    for _ in range(4):
        QTest.keyClick(edit, Qt.Key.Key_Down)
    QTest.keyClick(edit, Qt.Key.Key_End)  # the day
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(edit, "24")
    expected = f"{today.year - 4}-{today.month:02}-24"
    assert edit.text() == expected
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    ids = [r.id for r in dialog.results]
    assert len(ids) == 2
    got = {window.library.manuscripts.get(mid).received_date for mid in ids}
    assert got == {expected}
