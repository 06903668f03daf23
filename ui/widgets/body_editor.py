"""The body of a manuscript in an editor, with the named counts live as you type, and the
hits of a search marked with next/previous navigation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from wenshi.layout import Layout
from wenshi.text.wordcount import Counts, count_text, layout_words

CELL_CHARS = 6  # characters between tab stops


class BodyEditor(QWidget):
    counts_changed = Signal(object)  # wenshi.text.wordcount.Counts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFont(["Noto Serif CJK SC", "SimSun", "Songti SC", "serif"], 12))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # Table rows are tab-separated cells: a stop every few characters puts short cells
        # (一千二百户) of every row in one column.
        width = QFontMetricsF(self.editor.font()).horizontalAdvance("汉")
        self.editor.setTabStopDistance(CELL_CHARS * width)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)  # a long line of figures must not widen the window
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hit_label = QLabel()
        self.prev_hit = QPushButton(self.tr("◀ Previous hit"))
        self.next_hit = QPushButton(self.tr("Next hit ▶"))
        self.prev_hit.clicked.connect(lambda: self.goto_hit(self._hit - 1))
        self.next_hit.clicked.connect(lambda: self.goto_hit(self._hit + 1))
        hits = QHBoxLayout()
        hits.addWidget(self.hit_label)
        hits.addStretch(1)
        hits.addWidget(self.prev_hit)
        hits.addWidget(self.next_hit)
        self.hits_bar = QWidget()
        self.hits_bar.setLayout(hits)
        self.hits_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hits_bar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counts)

        self.layout_spec = Layout()
        self.verse = False
        self._spans: list[tuple[int, int]] = []
        self._hit = -1
        self._recount = QTimer(self, singleShot=True, interval=0)
        self._recount.timeout.connect(self.update_counts)
        self.editor.textChanged.connect(self._recount.start)

    # -- text ------------------------------------------------------------------------------
    def set_text(self, text: str, counts: tuple[Counts, int] | None = None) -> None:
        """Show ``text``; the same text again (a reload after saving) is left as it is, so
        a long manuscript is not laid out anew and the cursor stays where it was.
        ``counts`` (its counts and layout words, worked out on the lane) are shown instead
        of counting the text again here."""
        if text != self.editor.toPlainText():
            self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.set_hits([])
        self._recount.stop()  # setting the text asked for a recount: it is done here
        if counts is None:
            self.update_counts()
        else:
            self.show_counts(*counts)

    def clear_text(self) -> None:
        """Empty, counts too (while another manuscript is read)."""
        self.editor.clear()
        self.editor.document().setModified(False)
        self.set_hits([])
        self._recount.stop()
        self.counts.clear()

    def text(self) -> str:
        return self.editor.toPlainText()

    def update_counts(self) -> None:
        """Recount now (the editor calls this once per burst of typing)."""
        text = self.editor.toPlainText()
        self.show_counts(count_text(text), layout_words(text, self.layout_spec, verse=self.verse))

    def show_counts(self, counts: Counts, layout: int) -> None:
        self.counts.setText(
            self.tr(
                "Words (Word) %1   Han %2   Characters (no spaces) %3   "
                "Characters (with spaces) %4   Paragraphs %5   Layout words (%6) %7"
            )
            .replace("%1", str(counts.words))
            .replace("%2", str(counts.han))
            .replace("%3", str(counts.chars_no_spaces))
            .replace("%4", str(counts.chars_with_spaces))
            .replace("%5", str(counts.paragraphs))
            .replace("%6", f"{self.layout_spec.chars_per_line}×{self.layout_spec.lines_per_page}")
            .replace("%7", str(layout))
        )
        self.counts_changed.emit(counts)

    # -- hits ------------------------------------------------------------------------------
    def set_hits(self, spans: list[tuple[int, int]]) -> None:
        """Mark these [start, end) spans (Python string offsets) and show the first one."""
        spans = _to_utf16(self.editor.toPlainText(), spans)
        self._spans = spans
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe08a"))
        selections = []
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)
        self.hits_bar.setVisible(bool(spans))
        self._hit = -1
        if spans:
            self.goto_hit(0)

    def goto_hit(self, index: int) -> None:
        if not self._spans:
            return
        self._hit = index % len(self._spans)
        start, end = self._spans[self._hit]
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.hit_label.setText(
            self.tr("Hit %1 of %2")
            .replace("%1", str(self._hit + 1))
            .replace("%2", str(len(self._spans)))
        )


def _to_utf16(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Qt counts positions in UTF-16 units: a character beyond the BMP (𠀀) takes two."""
    if not spans or text.isascii() or all(ord(c) < 0x10000 for c in text):
        return spans
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return [(prefix[s], prefix[e]) for s, e in spans]
