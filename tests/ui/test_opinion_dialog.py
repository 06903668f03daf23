"""The opinion dialog of a review step, used from the keyboard: it names the step, Tab
moves from field to field (never a tab character into the opinion), Ctrl+Enter records;
a long opinion wraps in the trail."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import click_row, load_sample

OPINION = "史料翔实，" * 30  # long: the trail must wrap it, not widen the window


def test_review_step_by_keyboard_names_the_step_and_records_on_ctrl_enter(qtbot, window):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "一条巷子里的两种年")  # 收稿
    panel = window.editor.review
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:  # not shown yet: look again on the next turn
            QTimer.singleShot(50, answer)
            return
        seen["step"] = dialog.step.text()
        seen["button"] = dialog.record.text()
        qtbot.keyClicks(dialog.actor, "Wang")
        qtbot.keyClick(dialog.actor, Qt.Key.Key_Tab)
        seen["focus after tab"] = dialog.opinion.hasFocus()
        type_chinese(dialog.opinion, OPINION)
        qtbot.keyClick(dialog.opinion, Qt.Key.Key_Tab)
        seen["opinion after tab"] = dialog.opinion.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(50, answer)
    button = panel.findChild(type(window.editor.save_button), "review-first_review")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert seen == {
        "step": "《一条巷子里的两种年》：收稿 → 初审",
        "button": "Record 初审",
        "focus after tab": True,
        "opinion after tab": OPINION,
    }
    last = window.library.manuscripts.reviews(mid)[-1]
    assert (last.to_status, last.actor, last.opinion) == ("first_review", "Wang", OPINION)
    trail = panel.trail
    assert trail.item(0, 3).text() == OPINION
    assert trail.rowHeight(0) > 2 * trail.fontMetrics().height()  # wrapped onto lines
    assert trail.horizontalHeader().length() <= trail.viewport().width() + 1
