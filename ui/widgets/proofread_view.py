"""Proofreading an OCR'd manuscript against its scan, page by page.

The page image (rendered from the stored file at the resolution OCR read it) beside the
text of that page. Characters OCR was unsure of (confidence under 0.8) are outlined in red
on the image and shaded in the text; once corrected they turn green. Clicking a character
on the image selects it in the text, ready to be typed over; moving the text cursor
marks its character on the image and tells what OCR read there and how sure it was.
PageUp/PageDown (or the buttons) turn the pages. The corrections are saved as one new
revision of the body, form feeds and all, through the ordinary edit of a manuscript.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_error
from ui.hub import Hub
from ui.labels import volume_place
from wenshi.proofread import OcrChar, ProofPage, ProofSource, align, ocr_chars, read_source

UNSURE = QColor("#d62728")
CORRECTED = QColor("#2ca02c")
CURRENT = QColor(30, 110, 220)
UNSURE_TEXT = QColor("#fadbd8")
CURRENT_TEXT = QColor("#cfe2ff")
ZOOMS = (1.0, 1.5, 2.0, 3.0)
PAGE_MARGIN = 14  # around the page in its pane, where its shadow falls


def render_page(path: str, kind: str, index: int) -> QImage:
    """Page ``index`` of the stored file as OCR saw it (PDF pages at ``RENDER_DPI``, an
    image's frame as it is). Runs on the lane: a QImage may be made off the GUI thread."""
    if kind == "pdf":
        import pypdfium2 as pdfium

        from wenshi.reading.scan import RENDER_DPI
        from wenshi.reading.scan import render_page as render

        pdf = pdfium.PdfDocument(path)
        try:
            image = render(pdf, index, RENDER_DPI)
        finally:
            pdf.close()
    else:
        from PIL import Image

        with Image.open(path) as opened:
            opened.seek(index)
            image = opened.convert("RGB")
    image = image.convert("RGB")
    data = image.tobytes()
    return QImage(
        data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888
    ).copy()


@dataclass
class PageState:
    """The characters OCR read on one page and where each now is in its text.

    ``ours`` and ``unplaced`` are fixed when the page is shown: the characters on lines of
    this manuscript (a page may hold the end of the article before it), and those the text
    did not have even then. A character of ours the text has lost since was deleted or
    rewritten by the proofreader: dealt with, like one typed over."""

    chars: list[OcrChar]
    offsets: list[int | None]  # per character, its offset in the page's text
    at: dict[int, int]  # text offset -> character
    ours: set[int]
    unplaced: set[int]

    @staticmethod
    def of(chars: list[OcrChar], text: str, shown: PageState | None = None) -> PageState:
        offsets = align(chars, text)
        at = {o: n for n, o in enumerate(offsets) if o is not None}
        if shown is not None:
            return PageState(chars, offsets, at, shown.ours, shown.unplaced)
        lines: dict[int, list[int]] = {}
        for n, char in enumerate(chars):
            lines.setdefault(char.line, []).append(n)
        ours = {
            n
            for members in lines.values()
            if 2 * sum(offsets[m] is not None for m in members) >= len(members)
            for n in members
        }
        unplaced = {n for n, offset in enumerate(offsets) if offset is None}
        return PageState(chars, offsets, at, ours, unplaced)

    def corrected(self, n: int, text: str) -> bool:
        offset = self.offsets[n]
        if offset is None:
            return n not in self.unplaced
        return text[offset] != self.chars[n].char


class PageImage(QWidget):
    """The page image, scaled to the widget, with the OCR characters marked on it."""

    clicked = Signal(int)  # the index of the character clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.scale_x = self.scale_y = 1.0  # image pixels per OCR pixel
        self.chars: list[OcrChar] = []
        self.corrected: set[int] = set()
        self.ours: set[int] = set()  # what is not this manuscript's is dimmed
        self.current: int | None = None
        self.message = ""
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_page(
        self, image: QImage | None, ocr_size: tuple[int, int] | None, chars: list[OcrChar]
    ) -> None:
        self.image = image
        self.chars = chars
        self.current = None
        self.corrected = set()
        self.ours = set(range(len(chars)))
        if image is not None and ocr_size and ocr_size[0] and ocr_size[1]:
            self.scale_x = image.width() / ocr_size[0]
            self.scale_y = image.height() / ocr_size[1]
        else:
            self.scale_x = self.scale_y = 1.0
        self.update()

    def aspect(self) -> float:
        if self.image is None or self.image.width() == 0:
            return 1.414
        return self.image.height() / self.image.width()

    def _factor(self) -> float:
        """Widget pixels per image pixel."""
        if self.image is None or not self.image.width():
            return 1.0
        return (self.width() - 2 * PAGE_MARGIN) / self.image.width()

    def page_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(PAGE_MARGIN, PAGE_MARGIN, -PAGE_MARGIN, -PAGE_MARGIN)

    def height_for(self, width: float) -> int:
        return round((width - 2 * PAGE_MARGIN) * self.aspect() + 2 * PAGE_MARGIN)

    def polygon(self, n: int) -> QPolygonF:
        """Character ``n``'s box in widget pixels."""
        f, m = self._factor(), PAGE_MARGIN
        return QPolygonF(
            [
                QPointF(m + x * self.scale_x * f, m + y * self.scale_y * f)
                for x, y in self.chars[n].box
            ]
        )

    def char_at(self, point: QPointF) -> int | None:
        """The character whose box holds ``point``, else the nearest within half its size."""
        best, distance = None, float("inf")
        for n in range(len(self.chars)):
            box = self.polygon(n)
            if box.containsPoint(point, Qt.FillRule.OddEvenFill):
                return n
            rect = box.boundingRect()
            d = (rect.center() - point).manhattanLength()
            if d < distance and d < max(rect.width(), rect.height()):
                best, distance = n, d
        return best

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e9e6df"))
        if self.image is None:
            painter.setPen(QColor("#666"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = self.page_rect()
        for spread, alpha in ((6, 12), (4, 22), (2, 40)):  # a soft shadow under the sheet
            painter.fillRect(page.adjusted(-1, 0, spread, spread), QColor(60, 50, 30, alpha))
        painter.drawImage(page, self.image)
        band = self._band()
        if band is not None:  # the rest of the page belongs to other articles
            veil = QColor(255, 255, 255, 170)
            top, bottom = max(page.top(), band[0]), min(page.bottom(), band[1])
            painter.fillRect(QRectF(page.left(), page.top(), page.width(), top - page.top()), veil)
            painter.fillRect(
                QRectF(page.left(), bottom, page.width(), page.bottom() - bottom), veil
            )
        for n, char in enumerate(self.chars):
            if char.unsure and n in self.ours:
                color = CORRECTED if n in self.corrected else UNSURE
                painter.setPen(QPen(color, 1.6))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPolygon(self.polygon(n))
        if self.current is not None and self.current < len(self.chars):
            fill = QColor(CURRENT)
            fill.setAlpha(60)
            painter.setPen(QPen(CURRENT, 2))
            painter.setBrush(QBrush(fill))
            painter.drawPolygon(self.polygon(self.current))

    def _band(self) -> tuple[float, float] | None:
        """The top and bottom (widget pixels) of this manuscript's lines, when the page
        holds more than them."""
        if not self.ours or len(self.ours) == len(self.chars):
            return None
        rects = [self.polygon(n).boundingRect() for n in self.ours]
        pad = max(r.height() for r in rects) * 0.4
        return min(r.top() for r in rects) - pad, max(r.bottom() for r in rects) + pad

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.char_at(event.position())
            if found is not None:
                self.clicked.emit(found)


class PageText(QPlainTextEdit):
    """The text of one page; PageUp/PageDown turn the page rather than scroll."""

    turn = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in (
            Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown,
        ):
            self.turn.emit(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return
        super().keyPressEvent(event)


class ProofreadDialog(QDialog):
    """Open with ``load(manuscript_id)``; saving stores the corrected body as a revision."""

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.source: ProofSource | None = None
        self.texts: list[str] = []  # the body's pages as edited here
        self.page = 0
        self.shown = False  # a page of this source is in the text box
        self.state: PageState | None = None
        self.images: dict[int, QImage] = {}
        self.zoom = 0
        self.setWindowTitle(self.tr("Proofread against the scan"))
        self.resize(1280, 860)

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.prev_page = QPushButton(self.tr("◀ Previous page"))
        self.next_page = QPushButton(self.tr("Next page ▶"))
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(240)
        self.zoom_out = QPushButton("−")
        self.zoom_in = QPushButton("+")
        for button in (self.zoom_out, self.zoom_in):
            button.setFixedWidth(32)
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.prev_page)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_page)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)

        self.image = PageImage()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.image)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setStyleSheet("QScrollArea { background: #e9e6df; }")
        # A bar always there keeps the fitted width from changing with the page's height.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.text = PageText()
        self.text.setFont(QFont(["Noto Serif CJK SC", "SimSun", "Songti SC", "serif"], 13))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.legend = QLabel(
            self.tr(
                '<span style="color:#d62728">▢</span> OCR unsure (confidence under 80%)　'
                '<span style="color:#2ca02c">▢</span> corrected　'
                '<span style="color:#1e6edc">▣</span> at the cursor'
            )
        )
        self.legend.setObjectName("hint")
        self.unsure = QLabel()
        self.next_unsure = QPushButton(self.tr("Next unsure character ▶"))
        self.next_unsure.setToolTip(self.tr("Select the next character OCR was unsure of (F3)"))
        self.char_info = QLabel()
        self.char_info.setObjectName("counts")
        right = QVBoxLayout()
        right.setContentsMargins(6, 0, 0, 0)
        counts = QHBoxLayout()
        counts.addWidget(self.unsure, 1)
        counts.addWidget(self.next_unsure)
        right.addLayout(counts)
        right.addWidget(self.text, 1)
        right.addWidget(self.char_info)
        right.addWidget(self.legend)
        right_box = QWidget()
        right_box.setLayout(right)
        self.split = QSplitter()
        self.split.addWidget(self.scroll)
        self.split.addWidget(right_box)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)

        self.reason = QLineEdit(self.tr("Proofread against the scan"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Reason")))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.split, 1)
        layout.addLayout(bottom)

        self.prev_page.clicked.connect(lambda: self.turn(-1))
        self.next_page.clicked.connect(lambda: self.turn(1))
        self.text.turn.connect(self.turn)
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom + 1))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom - 1))
        for keys, step in (("Ctrl++", 1), ("Ctrl+=", 1), ("Ctrl+-", -1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.set_zoom(self.zoom + step))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.turn(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.turn(1))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, self.goto_next_unsure)
        self.next_unsure.clicked.connect(self.goto_next_unsure)
        self.image.clicked.connect(self._image_clicked)
        self.text.textChanged.connect(self._edited)
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self._realign = QTimer(self, singleShot=True, interval=150)
        self._realign.timeout.connect(self._align)
        self._showing = False
        self._sized = False
        self.set_zoom(0)

    # -- loading ---------------------------------------------------------------------------
    def load(self, manuscript_id: int, page: int = 0) -> None:
        library = self.hub.library
        self.heading.setText(self.tr("Reading…"))
        self.hub.read(
            lambda _p: read_source(library, manuscript_id),
            lambda source: self._loaded(source, page),
            self,
        )

    def _loaded(self, source: ProofSource, page: int) -> None:
        if self.source is None or self.source.detail.id != source.detail.id:
            self.images.clear()  # (the same manuscript again, after a save, keeps them)
        self.source = source
        self.texts = source.texts
        self.shown = False
        detail = source.detail
        place = volume_place(detail.volume, detail.section)
        about = "　".join(part for part in ("、".join(detail.authors), place) if part)
        self.heading.setText(
            f"<b>#{detail.id} {html.escape(detail.title)}</b>"
            + (
                f'　<span style="color:#666;font-size:11pt">{html.escape(about)}</span>'
                if about
                else ""
            )
        )
        self.show_page(min(page, len(self.texts) - 1))
        self._set_dirty()
        self.text.setFocus()

    @property
    def body(self) -> str:
        """The body with the edits made here."""
        texts = list(self.texts)
        if self.shown:
            texts[self.page] = self.text.toPlainText()
        return "\f".join(texts)

    # -- pages -----------------------------------------------------------------------------
    def turn(self, step: int) -> None:
        target = self.page + step
        if self.source is not None and 0 <= target < len(self.texts):
            self.show_page(target)

    def show_page(self, index: int) -> None:
        """Show page ``index`` of the body: its text at once, its image when rendered."""
        assert self.source is not None
        if self.shown:
            self.texts[self.page] = self.text.toPlainText()
        self.page = index
        self.shown = True
        page = self.source.pages[index]
        self._showing = True
        try:
            self.text.setPlainText(self.texts[index])
        finally:
            self._showing = False
        self.text.document().setModified(False)
        self.page_label.setText(self._page_text(page))
        self.prev_page.setEnabled(index > 0)
        self.next_page.setEnabled(index + 1 < len(self.texts))
        chars = ocr_chars(page.ocr) if page.ocr is not None else []
        self.state = PageState.of(chars, self.texts[index])
        size = (page.ocr.width, page.ocr.height) if page.ocr is not None else None
        image = self.images.get(page.source) if page.source is not None else None
        self.image.message = "" if page.source is not None else self.tr("No scan of this page")
        self.image.show_page(image, size, chars)
        self._layout_image()
        self.scroll.verticalScrollBar().setValue(0)
        self._align()
        self._cursor_moved()
        if image is None and page.source is not None:
            self.image.message = self.tr("Rendering the page…")
            self._render(page)
        self._prefetch(index + 1)

    def _page_text(self, page: ProofPage) -> str:
        count = len(self.texts)
        place = f"{page.index + 1}/{count}"
        if page.source is None:
            return (
                self.tr("Page %1 · %2").replace("%1", str(page.printed or "—")).replace("%2", place)
            )
        if page.printed is None:
            return (
                self.tr("Page %1 of the file · %2")
                .replace("%1", str(page.source + 1))
                .replace("%2", place)
            )
        return (
            self.tr("Page %1 (page %2 of the file) · %3")
            .replace("%1", str(page.printed))
            .replace("%2", str(page.source + 1))
            .replace("%3", place)
        )

    def _render(self, page: ProofPage) -> None:
        source, index = self.source, page.source
        assert source is not None and index is not None

        def shown(image: QImage) -> None:
            self.images[index] = image
            current = self.source.pages[self.page] if self.source is not None else None
            if self.source is source and current is not None and current.source == index:
                chars = self.state.chars if self.state is not None else []
                size = (page.ocr.width, page.ocr.height) if page.ocr is not None else None
                self.image.show_page(image, size, chars)
                self._layout_image()
                self._align()
                self._cursor_moved()

        self.hub.read(lambda _p: render_page(source.path, source.kind, index), shown, self)

    def _prefetch(self, index: int) -> None:
        """Render the next page while this one is read."""
        if self.source is None or index >= len(self.source.pages):
            return
        page = self.source.pages[index]
        if page.source is None or page.source in self.images:
            return
        source, number = self.source, page.source
        self.hub.read(
            lambda _p: render_page(source.path, source.kind, number),
            lambda image: self.images.setdefault(number, image),
            self,
            on_error=lambda _exc: None,  # shown when the page itself is asked for
        )

    # -- zoom ------------------------------------------------------------------------------
    def set_zoom(self, zoom: int) -> None:
        self.zoom = max(0, min(len(ZOOMS) - 1, zoom))
        self.zoom_out.setEnabled(self.zoom > 0)
        self.zoom_in.setEnabled(self.zoom + 1 < len(ZOOMS))
        self._layout_image()
        self._show_current()

    def _layout_image(self) -> None:
        """Fit the page to the width of its pane, times the zoom."""
        width = max(100, self.scroll.viewport().width()) * ZOOMS[self.zoom]
        self.image.resize(QSize(int(width), self.image.height_for(int(width))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout_image()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.split.width()
            self.split.setSizes([width * 11 // 20, width * 9 // 20])
        self._layout_image()

    # -- image and text in step ------------------------------------------------------------
    def _edited(self) -> None:
        if self._showing:
            return
        self._set_dirty()
        self._realign.start()

    def _align(self) -> None:
        """Where each OCR character now is in the (edited) text; what is marked."""
        self._realign.stop()
        if self.state is None:
            return
        text = self.text.toPlainText()
        self.state = PageState.of(self.state.chars, text, self.state)
        state = self.state
        unsure = [n for n, c in enumerate(state.chars) if c.unsure and n in state.ours]
        corrected = {n for n in unsure if state.corrected(n, text)}
        self.image.corrected = corrected
        self.image.ours = state.ours
        self.image.update()
        fmt = QTextCharFormat()
        fmt.setBackground(UNSURE_TEXT)
        selections = []
        for n in unsure:
            offset = state.offsets[n]
            if offset is None or n in corrected:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(offset)
            cursor.setPosition(offset + 1, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)
        if not state.chars:
            self.unsure.setText(self.tr("OCR did not read this page."))
        else:
            self.unsure.setText(
                self.tr("Unsure characters on this page: %1 (corrected: %2)")
                .replace("%1", str(len(unsure)))
                .replace("%2", str(len(corrected)))
            )

    def goto_next_unsure(self) -> None:
        """Select the next character OCR was unsure of and nobody corrected yet: after the
        cursor on this page, else on the pages after it."""
        if self.source is None or self.state is None:
            return
        if self._realign.isActive():
            self._align()
        cursor = self.text.textCursor()
        start = cursor.selectionEnd()  # past a selected character, or at the cursor
        for index in range(self.page, len(self.texts)):
            if index == self.page:
                state, text = self.state, self.text.toPlainText()
            else:
                page = self.source.pages[index]
                text = self.texts[index]
                state = PageState.of(ocr_chars(page.ocr) if page.ocr else [], text)
                start = 0
            offsets = sorted(
                offset
                for n, char in enumerate(state.chars)
                if char.unsure
                and n in state.ours
                and (offset := state.offsets[n]) is not None
                and offset >= start
                and text[offset] == char.char
            )
            if offsets:
                if index != self.page:
                    self.show_page(index)
                self._select(offsets[0])
                return
        self.char_info.setText(self.tr("No more unsure characters after this one."))

    def _select(self, offset: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(offset)
        cursor.setPosition(offset + 1, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    def _image_clicked(self, n: int) -> None:
        """Select the clicked character in the text (typing replaces it)."""
        if self._realign.isActive():
            self._align()
        assert self.state is not None
        offset = self.state.offsets[n]
        if offset is None:
            self.image.current = n
            self.image.update()
            self._describe(n)
            return
        self._select(offset)

    def _cursor_moved(self) -> None:
        """Mark on the image the character at the text cursor."""
        if self.state is None:
            return
        if self._realign.isActive():
            self._align()
        cursor = self.text.textCursor()
        position = min(cursor.position(), cursor.anchor())
        found = self.state.at.get(position)
        if found is None and not cursor.hasSelection():
            found = self.state.at.get(position - 1)
        self.image.current = found
        self.image.update()
        self._describe(found)
        self._show_current()

    def _describe(self, n: int | None) -> None:
        if n is None:
            self.char_info.setText(
                self.tr("Click a character on the scan to find it in the text.")
                if self.state is not None and self.state.chars
                else ""
            )
            return
        char = self.state.chars[n] if self.state is not None else None
        if char is None:
            return
        text = self.text.toPlainText()
        offset = self.state.offsets[n] if self.state is not None else None
        if offset is None:
            info = self.tr("OCR read “%1” here (%2% sure); not in this text")
        elif text[offset] != char.char:
            info = self.tr("OCR read “%1” here (%2% sure); corrected to “%3”")
        else:
            info = self.tr("OCR read “%1” here (%2% sure)")
        self.char_info.setText(
            info.replace("%1", char.char)
            .replace("%2", str(round(char.conf * 100)))
            .replace("%3", text[offset] if offset is not None else "")
        )

    def _show_current(self) -> None:
        if self.image.current is None:
            return
        rect = self.image.polygon(self.image.current).boundingRect().toRect()
        self.scroll.ensureVisible(rect.center().x(), rect.center().y(), 40, 120)

    # -- saving ----------------------------------------------------------------------------
    def _set_dirty(self) -> None:
        dirty = self.source is not None and self.body != self.source.detail.body
        self.save_button.setEnabled(dirty)

    def save(self) -> None:
        if self.source is None or self.body == self.source.detail.body:
            return
        detail, body = self.source.detail, self.body
        reason = self.reason.text().strip() or self.tr("Proofread against the scan")
        manuscripts, page = self.hub.library.manuscripts, self.page
        self.save_button.setEnabled(False)
        self.hub.run_op(
            lambda _p: manuscripts.edit_body(
                detail.id, body, reason, expected_version=detail.version
            ),
            lambda _changes: self.load(detail.id, page),
            self,
            on_error=self._not_saved,
        )

    def _not_saved(self, exc: BaseException) -> None:
        self._set_dirty()
        show_error(self, exc, self.tr("Not saved"))

    def closeEvent(self, event) -> None:
        if self.source is not None and self.body != self.source.detail.body:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved corrections"),
                self.tr("Save the corrections to “%s” first?") % self.source.detail.title,
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save()
        event.accept()
