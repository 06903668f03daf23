"""Dialogs shared by the views: errors, unexpected exceptions, a review opinion."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from wenshi.errors import WenshiError


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """A failure from the core: its one-line reason. Anything else: details to copy."""
    if isinstance(exc, WenshiError):
        QMessageBox.warning(
            parent, title or QCoreApplication.translate("dialogs", "Cannot do that"), str(exc)
        )
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "dialogs",
            "Something went wrong. Nothing you saved is lost; the program keeps "
            "running. Please copy the details below into a bug report.",
        )
    )
    box.setInformativeText(f"{type(exc).__name__}: {exc}")
    box.setDetailedText(format_exception(exc))
    box.exec()


def format_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def install_exception_hook() -> None:
    """Unexpected exceptions in slots show a dialog instead of killing the program."""

    def hook(kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        show_error(None, exc)

    sys.excepthook = hook


class OpinionDialog(QDialog):
    """Ask who takes a review step and the opinion that goes with it. The dialog names
    the step (《秦渠谣》：采用 → 待用) and its button says what it records; Tab moves on
    from the opinion as from any field, and Ctrl+Enter records it from anywhere."""

    def __init__(
        self, parent: QWidget | None, target_label: str, actor: str = "", step: str = ""
    ) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.setWindowTitle(translate("dialogs", "Review: %s") % target_label)
        form = QFormLayout(self)
        self.step = QLabel(step)
        self.step.setWordWrap(True)
        if step:
            form.addRow(self.step)
        self.actor = QLineEdit(actor)
        self.actor.setPlaceholderText(translate("dialogs", "Your name"))
        self.opinion = QPlainTextEdit()
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(
            translate("dialogs", "Opinion (recorded in the review trail; Ctrl+Enter records)")
        )
        form.addRow(translate("dialogs", "By"), self.actor)
        form.addRow(translate("dialogs", "Opinion"), self.opinion)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.record = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.record.setText(translate("dialogs", "Record %s") % target_label)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, self.accept)


class ChoiceDialog(QDialog):
    """Pick one of a few strings (e.g. the section to place a manuscript in)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, choices: list[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.combo = QComboBox()
        self.combo.addItems(choices)
        form.addRow(label, self.combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
