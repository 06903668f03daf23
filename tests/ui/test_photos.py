"""Photos of a manuscript in the editor: added from files, shown with their thumbnails
(made on the lane), removed."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.ui.conftest import wait_idle
from tests.ui.test_workflows import click_row, load_sample


def add_photos(qtbot, window, tmp_path: Path, monkeypatch, size: tuple[int, int]) -> None:
    """Add 渡口.png and 古城.jpg to the open manuscript with the Add button, the file
    chooser answering with both."""
    files = []
    for name, color in (("渡口.png", "navy"), ("古城.jpg", "olive")):
        Image.new("RGB", size, color).save(tmp_path / name)
        files.append(str(tmp_path / name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    qtbot.mouseClick(window.editor.images.add, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def test_add_show_and_remove_photos(qtbot, window, tmp_path: Path, monkeypatch):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    wait_idle(qtbot, window)
    photos = window.editor.images
    window.editor.tabs.setCurrentWidget(photos)
    assert photos.strip.count() == 0
    add_photos(qtbot, window, tmp_path, monkeypatch, (1200, 800))
    assert [photos.strip.item(r).text() for r in range(photos.strip.count())] == ["图1", "图2"]
    assert photos.strip.item(0).toolTip().splitlines()[:2] == ["渡口.png", "1200×800"]
    assert [i.original_name for i in window.library.images.list(mid)] == ["渡口.png", "古城.jpg"]
    photos.strip.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(photos.remove, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert [photos.strip.item(r).text() for r in range(photos.strip.count())] == ["图1"]
    assert photos.strip.item(0).toolTip().splitlines()[0] == "古城.jpg"
