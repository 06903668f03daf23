"""Failures reach the user as dialogs: the core's one-line reason, or details to copy."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from ui.dialogs import install_exception_hook, show_error
from wenshi.errors import NotFoundError


def test_core_failure_shows_its_one_line_reason(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    show_error(None, NotFoundError("稿件 42 不存在"))
    assert shown == ["稿件 42 不存在"]


def test_unexpected_exception_shows_details_and_the_program_goes_on(qtbot, monkeypatch):
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    saved_hook = sys.excepthook
    install_exception_hook()
    try:
        try:
            raise ZeroDivisionError("division by zero in a slot")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = saved_hook
    [box] = boxes
    assert "ZeroDivisionError" in box.informativeText()
    assert "Traceback" in box.detailedText() and "division by zero" in box.detailedText()
