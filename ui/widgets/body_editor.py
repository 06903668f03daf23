"""The body of a manuscript in an editor, with the named counts live as you type, the
pages of a paged source marked where they begin, and the hits of a search marked with
next/previous navigation.

A body from a PDF or a scan has a form feed where each page after the first begins. In the
editor each one is an object character drawn as a line of its own, “—— 第 12 页 ——”,
which the cursor steps over like one character: text typed before or after it stays on
its page, Backspace at it joins the pages, and the body read back has its form feeds at
the same places (also when copied and pasted).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPen,
    QPyTextObject,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.find_bar import FindBar
from wenshi.errors import WenshiError
from wenshi.layout import Layout
from wenshi.search.engine import highlight_spans
from wenshi.text.wordcount import Counts, count_text, layout_words

CELL_CHARS = 6  # characters between tab stops
PAGE_BREAK = "\f"
# Where a page begins the editor holds an object character, drawn by ``PageMarker``.
PAGE_OBJECT = "\ufffc"
PAGE_MARKER_TYPE = QTextFormat.ObjectTypes.UserObject + 1
MARKER_COLOR = QColor("#8a6d3b")


def to_editor(text: str) -> str:
    return text.replace(PAGE_BREAK, PAGE_OBJECT)


def from_editor(text: str) -> str:
    return text.replace(PAGE_OBJECT, PAGE_BREAK)


class PageMarker(QPyTextObject):
    """Draws a page break as a line across the editor: “—— 第 N 页 ——”, N the printed
    page that begins there (the body's first page plus the breaks before it)."""

    def __init__(self, edit: PagedTextEdit) -> None:
        super().__init__(edit)
        self.edit = edit
        self._revision = -1
        self._positions: list[int] = []

    def label(self, position: int) -> str:
        document = self.edit.document()
        if document.revision() != self._revision:
            self._revision = document.revision()
            text = document.toPlainText()
            self._positions = [i for i, ch in enumerate(text) if ch == PAGE_OBJECT]
        number = self.edit.first_page + bisect.bisect_left(self._positions, position) + 1
        return QCoreApplication.translate("BodyEditor", "Page %1").replace("%1", str(number))

    def intrinsicSize(self, document: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        # As wide as a line, so it stands on a line of its own wherever it is.
        margin = document.documentMargin()
        width = max(40.0, self.edit.viewport().width() - 2 * margin - 4)
        return QSizeF(width, QFontMetricsF(self.edit.font()).height() * 1.6)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF,
        document: QTextDocument,
        position: int,
        fmt: QTextFormat,
    ) -> None:
        label = f"　{self.label(position)}　"
        painter.save()
        font = QFont(self.edit.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        painter.setPen(QPen(MARKER_COLOR, 1, Qt.PenStyle.DashLine))
        width = QFontMetricsF(font).horizontalAdvance(label)
        middle = rect.center().y()
        left = rect.center().x() - width / 2
        painter.drawLine(QPointF(rect.left() + 2, middle), QPointF(left, middle))
        painter.drawLine(QPointF(left + width, middle), QPointF(rect.right() - 2, middle))
        painter.setPen(MARKER_COLOR)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


class PagedTextEdit(QPlainTextEdit):
    """A plain-text editor whose page breaks show as ``PageMarker`` lines. ``text()``
    and ``set_text()`` speak form feeds; the document holds object characters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_page = 1  # the printed number of the text's first page
        self.marker = PageMarker(self)
        self.document().documentLayout().registerHandler(PAGE_MARKER_TYPE, self.marker)

    def text(self) -> str:
        return from_editor(self.toPlainText())

    def set_text(self, text: str) -> None:
        """Show ``text`` (undo starts afresh, as with ``setPlainText``)."""
        self.setPlainText(to_editor(text))
        if PAGE_BREAK not in text:
            return
        document = self.document()
        document.setUndoRedoEnabled(False)  # marking the breaks is not an edit to undo
        try:
            cursor = QTextCursor(document)
            for position, ch in enumerate(self.toPlainText()):
                if ch == PAGE_OBJECT:
                    cursor.setPosition(position)
                    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(marker_format())
        finally:
            document.setUndoRedoEnabled(True)

    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(from_editor(self.textCursor().selection().toPlainText()))
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted form feeds become page breaks (the text copied from a paged body)."""
        text = source.text().replace(PAGE_OBJECT, "")
        if PAGE_BREAK not in text:
            super().insertFromMimeData(source)
            return
        cursor = self.textCursor()
        plain = QTextCharFormat(cursor.charFormat())
        plain.setObjectType(QTextFormat.ObjectTypes.NoObject)
        cursor.beginEditBlock()
        for n, piece in enumerate(text.split(PAGE_BREAK)):
            if n:
                cursor.insertText(PAGE_OBJECT, marker_format())
            cursor.insertText(piece, plain)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()


def marker_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setObjectType(PAGE_MARKER_TYPE)
    return fmt


class BodyEditor(QWidget):
    counts_changed = Signal(object)  # wenshi.text.wordcount.Counts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = PagedTextEdit()
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

        self.find_bar = FindBar()
        self.find_bar.searched.connect(self._find)
        self.find_bar.step.connect(self.step_hit)
        self.find_bar.closed.connect(self.close_find)
        for key, delta in (("F3", 1), ("Shift+F3", -1)):
            shortcut = QShortcut(QKeySequence(key), self, lambda d=delta: self.step_hit(d))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_bar)
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
        if text != self.editor.text():
            self.editor.set_text(text)
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
        """The body, page breaks as form feeds."""
        return self.editor.text()

    def set_first_page(self, first_page: int | None) -> None:
        """The printed page the text starts on (None: not known; the markers then count
        the text's own pages from 1)."""
        self.editor.first_page = 1 if first_page is None else first_page

    def page_labels(self) -> list[str]:
        """The page-break lines shown, top to bottom (“Page 13” …)."""
        text = self.editor.toPlainText()
        return [self.editor.marker.label(i) for i, ch in enumerate(text) if ch == PAGE_OBJECT]

    def update_counts(self) -> None:
        """Recount now (the editor calls this once per burst of typing)."""
        text = self.editor.text()
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
        self.hits_bar.setVisible(bool(spans) and not self.find_bar.isVisible())
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
        self.find_bar.count.setText(self.hit_label.text())

    def step_hit(self, delta: int) -> None:
        """The next (1) or previous (-1) marked place, round at the ends."""
        self.goto_hit(self._hit + delta)

    # -- find ------------------------------------------------------------------------------
    def open_find(self) -> None:
        """The find bar, its query the selected text if there is one."""
        self.find_bar.open(self.editor.textCursor().selectedText().split("\u2029")[0])

    def _find(self, query: str) -> None:
        try:
            spans = highlight_spans(query, self.editor.text()) if query.strip() else []
        except WenshiError as exc:  # a query still being typed: 'a OR' says what is missing
            self.set_hits([])
            self.find_bar.count.setText(str(exc))
            return
        self.set_hits(spans)
        if not spans:
            self.find_bar.count.setText(self.tr("Not found") if query else "")

    def close_find(self) -> None:
        self.find_bar.hide()
        self.set_hits([])
        self.editor.setFocus()


def _to_utf16(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Qt counts positions in UTF-16 units: a character beyond the BMP (𠀀) takes two."""
    if not spans or text.isascii() or all(ord(c) < 0x10000 for c in text):
        return spans
    prefix = [0]
    for ch in text:
        prefix.append(prefix[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return [(prefix[s], prefix[e]) for s, e in spans]
