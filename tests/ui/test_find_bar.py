"""Find in the open manuscript: Ctrl+F in its text opens the find bar; 繁简 folded as
search folds them; Enter/F3 forward, Shift+Enter/Shift+F3 back; Esc closes. The search
of the whole library keeps Ctrl+Shift+F (and Ctrl+F anywhere but the text)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import click_row, load_sample

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_find_in_the_open_manuscript(qtbot, window):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠与汉渠")
    body = window.library.manuscripts.get(mid).body
    total = body.count("灵武")
    assert total >= 3
    text = window.editor.body.editor
    qtbot.mouseClick(
        text.viewport(), Qt.MouseButton.LeftButton, pos=text.viewport().rect().center()
    )
    qtbot.keyClick(text, Qt.Key.Key_F, CTRL)
    bar = window.editor.body.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    type_chinese(bar.field, "靈武")  # traditional: finds the simplified text
    first = body.index("灵武")
    assert bar.count.text() == f"Hit 1 of {total}"
    cursor = text.textCursor()
    assert (cursor.selectionStart(), cursor.selectedText()) == (first, "灵武")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"Hit 2 of {total}"
    assert text.textCursor().selectionStart() == body.index("灵武", first + 1)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"Hit 3 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert bar.count.text() == f"Hit 1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and text.hasFocus()
    assert text.extraSelections() == []  # the marks go with the bar
    assert window.tabs.currentWidget() is window.split  # no jump to the library search

    qtbot.keyClick(text, Qt.Key.Key_F, CTRL | SHIFT)
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is window.search


def test_find_says_when_nothing_is_found(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "秦渠与汉渠")
    text = window.editor.body.editor
    qtbot.mouseClick(
        text.viewport(), Qt.MouseButton.LeftButton, pos=text.viewport().rect().center()
    )
    qtbot.keyClick(text, Qt.Key.Key_F, CTRL)
    bar = window.editor.body.find_bar
    type_chinese(bar.field, "北京烤鸭")
    assert bar.count.text() == "Not found"
    assert text.extraSelections() == []


def test_ctrl_f_in_the_catalog_searches_the_library(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "秦渠与汉渠")
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_F, CTRL)
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is window.search
    assert not window.editor.body.find_bar.isVisible()
