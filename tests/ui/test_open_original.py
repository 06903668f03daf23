"""Details → Open original file: a copy under the file's own name, opened by the system."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from tests.corpus import FIXTURES
from tests.ui.conftest import wait_idle
from tests.ui.test_workflows import click_row
from wenshi.cli.main import main


def test_open_original_file_opens_a_copy_with_its_own_name(qtbot, window, tmp_path, monkeypatch):
    source = tmp_path / "灵州古城考略（初稿）.txt"
    shutil.copy(FIXTURES / "lingzhou.txt", source)
    assert main(["--library", str(window.library.path), "import", str(source)]) == 0
    qtbot.waitUntil(lambda: window.catalog.model.rowCount() == 1, timeout=8000)
    opened: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    click_row(qtbot, window, "灵州古城考略")
    editor = window.editor
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())  # Details
    button = editor.open_original
    qtbot.waitUntil(button.isVisible)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    [copy] = [Path(p) for p in opened]
    assert copy.name == "灵州古城考略（初稿）.txt"
    assert copy.read_bytes() == source.read_bytes()
    stored = window.library.files.find(
        window.library.manuscripts.get(editor.manuscript_id).files[0].sha256
    )
    assert copy != stored and stored.read_bytes() == source.read_bytes()


def test_a_manuscript_made_in_wenshi_has_no_original_to_open(qtbot, window):
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New manuscript
    wait_idle(qtbot, window)
    assert window.editor.files.text() == "—"
    assert not window.editor.open_original.isEnabled()
