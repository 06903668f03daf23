"""GUI test setup: offscreen Qt, settings in a temporary folder, a main window on a fresh
library, and helpers to wait for the background lane."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings (window layout, language) go to a temporary folder, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    yield


@pytest.fixture
def window(qtbot, tmp_path: Path):
    from ui.main_window import MainWindow

    win = MainWindow(str(tmp_path / "lib"))
    win.show()
    wait_idle(qtbot, win)  # the views are made over a few event-loop turns
    yield win
    # Closed here rather than by qtbot (which closes before fixtures are torn down): a test
    # that ends with unsaved edits answers the "save first?" box with Discard.
    from PySide6.QtWidgets import QMessageBox

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
        win.close()
    win.hub.tasks.shutdown()
    win.library.close()
    win.deleteLater()


def wait_idle(qtbot, win, timeout: int = 20000) -> None:
    """Wait until the background lane has delivered every result to the GUI."""
    qtbot.waitUntil(lambda: not win.hub.tasks.busy, timeout=timeout)


def type_chinese(widget, text: str) -> None:
    """Type Chinese the way a user does: the input method commits the composed text.
    (QTest's key clicks only know Latin-1 keys.)"""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
