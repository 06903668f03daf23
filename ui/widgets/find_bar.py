"""Find in the open manuscript, as in a word processor: type, and every place is marked
and the first selected; Enter or F3 goes to the next, Shift+Enter or Shift+F3 back, Esc
closes. It finds and counts as the library search does (the core's ``highlight_spans``):
繁简 and width folded, so 靈武 finds 灵武, and a result's "N in the text" is its count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindField(QLineEdit):
    """The query field: Enter forward, Shift+Enter back, Esc closes."""

    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if shift else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """The bar above the text: ``searched`` gives the query as typed, ``step`` asks for
    the next (1) or previous (-1) place, ``closed`` when it is put away."""

    searched = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = FindField()
        self.field.setPlaceholderText(self.tr("Find in this manuscript (繁简 alike)"))
        self.count = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("▲")
        previous.setToolTip(self.tr("Previous (Shift+F3)"))
        following.setText("▼")
        following.setToolTip(self.tr("Next (F3)"))
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.count, previous, following, close):
            layout.addWidget(widget)
        previous.clicked.connect(lambda: self.step.emit(-1))
        following.clicked.connect(lambda: self.step.emit(1))
        close.clicked.connect(self.closed)
        self.field.textChanged.connect(self.searched)
        self.field.step.connect(self.step)
        self.field.closed.connect(self.closed)
        self.hide()

    def open(self, query: str = "") -> None:
        """Show the bar with the query field focused (``query``: the editor's selection)."""
        self.show()
        if query:
            self.field.setText(query)
        self.field.setFocus()
        self.field.selectAll()
        self.searched.emit(self.field.text())
