"""What an editor's day needs in both of its tests (by the keyboard in
tests/ui/test_editors_day.py, by the mouse in tests/ui/test_volume_drag.py): the
morning's folder of new manuscripts, and answering the modal dialogs the program opens
while they run, as a person at the desk does."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

MORNING = {
    "渡口.txt": ("横城渡口的最后一条船", "马建国", "民国年间，横城渡口有船三条，往来黄河两岸。"),
    "长枣.txt": ("灵武长枣的老树", "杨振宇", "老城东门外的枣园里，有一棵三百年的长枣树。"),
    "秦腔.txt": ("崇兴镇的秦腔班子", "李秀兰", "崇兴镇的秦腔班子，农闲时走村串户唱大戏。"),
}
TITLES = [title for title, _, _ in MORNING.values()]
REVIEW_STEPS = ("初审", "复审", "终审", "采用")


def write_morning(folder) -> None:
    folder.mkdir()
    for name, (title, author, text) in MORNING.items():
        (folder / name).write_text(f"{title}\n作者：{author}\n\n{text}\n", encoding="utf-8")


FAILED_ANSWERS: list[BaseException] = []


def when_dialog(answer: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog with ``answer(dialog)`` while it runs. An answer that
    fails closes the dialog (else it would wait for ever) and fails the test there."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, QDialog) and dialog.isVisible()):
            QTimer.singleShot(20, look)
            return
        dialog.activateWindow()  # a desktop gives a new dialog the keyboard
        deadline = time.monotonic() + 3
        while not dialog.isActiveWindow() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        try:
            answer(dialog)
        except BaseException as exc:
            FAILED_ANSWERS.append(exc)
            dialog.reject()

    QTimer.singleShot(0, look)


def answered() -> None:
    """Raise what went wrong in a dialog's answer, if anything did."""
    if FAILED_ANSWERS:
        raise FAILED_ANSWERS.pop()


def state_of(window, title: str) -> str:
    [row] = [m for m in window.library.queries.list() if m.title == title]
    return row.status_label
