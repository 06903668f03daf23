"""The desktop program and the command line on one library: the window shows what the
command line wrote, and a save that would overwrite it is refused with a choice."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import click_row, load_sample
from wenshi.cli.main import main
from wenshi.library import Library


def cli(window, *args: str) -> None:
    """The command line, another hand on the same library folder."""
    assert main(["--library", str(window.library.path), *args]) == 0


def answer_conflict(qtbot, button_text: str, seen: list[str]) -> None:
    """When the conflict box comes up, read it and click one of its buttons."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        names = [b.text() for b in box.buttons()]
        if button_text not in names:
            box.reject()
            raise AssertionError(f"no button {button_text!r} in {names}")
        button = box.buttons()[names.index(button_text)]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, click)


def test_the_window_shows_what_the_command_line_wrote(qtbot, window):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    cli(window, "set", str(mid), "--title", "秦渠谣（修订）", "--tag", "水利")
    editor = window.editor
    qtbot.waitUntil(lambda: editor.fields["title"].text() == "秦渠谣（修订）", timeout=5000)
    assert editor.fields["tags"].text() == "水利"
    wait_idle(qtbot, window)
    titles = [
        window.catalog.model.index(r, 0).data() for r in range(window.catalog.model.rowCount())
    ]
    assert "秦渠谣（修订）" in titles


def test_a_stale_save_offers_reload_and_reload_shows_theirs(qtbot, window):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    editor = window.editor
    type_chinese(editor.fields["title"], "（我的）")
    assert editor.dirty
    cli(window, "set", str(mid), "--title", "命令行改的题")
    seen: list[str] = []
    answer_conflict(qtbot, "Reload", seen)
    qtbot.keyClick(editor.body.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    wait_idle(qtbot, window)
    assert seen[0].startswith(f"稿件 {mid}《命令行改的题》在您打开之后已被修改")
    assert editor.fields["title"].text() == "命令行改的题"
    assert not editor.dirty


def test_a_stale_save_can_keep_mine_and_theirs_stays_in_the_history(qtbot, window):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    editor = window.editor
    editor.fields["title"].selectAll()
    type_chinese(editor.fields["title"], "我改的题")
    cli(window, "set", str(mid), "--title", "命令行改的题", "--author", "李秀兰")
    seen: list[str] = []
    answer_conflict(qtbot, "Save mine", seen)
    qtbot.keyClick(editor.body.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=5000)
    detail = window.library.manuscripts.get(mid)
    # Only what I edited is saved over theirs: their new author stays.
    assert (detail.title, detail.authors) == ("我改的题", ["李秀兰"])
    changes = [(c.label, c.old, c.new) for c in window.library.manuscripts.detail_changes(mid)]
    assert changes[-3:] == [
        ("题名", "秦渠谣", "命令行改的题"),
        ("作者", "冯志远", "李秀兰"),
        ("题名", "命令行改的题", "我改的题"),
    ]


def test_the_status_bar_says_who_else_has_the_library_open(qtbot, window):
    label = window.others_label
    assert not label.isVisible()
    other = Library.open(window.library.path, program="wenshi import")
    try:
        qtbot.waitUntil(label.isVisible, timeout=8000)
        assert label.text() == "Also open elsewhere: 1"
        assert label.toolTip().endswith(f"\nwenshi import (process {os.getpid()})")
    finally:
        other.close()
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=8000)
