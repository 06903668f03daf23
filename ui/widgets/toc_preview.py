"""The 目录 preview of the volume builder, drawn as the exported Word 目录 prints it: the
heading centred, 栏目 in 黑体, entries in 宋体 indented two characters, a dot leader to the
page number at the right margin. Qt's rich text has no leaders or tab fills, so the page is
painted; its content is the core's ``toc_sections``, the same the export writes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QScrollArea, QWidget

from wenshi.export.toc_lines import TocSection

SONG = ["Noto Serif CJK SC", "Songti SC", "SimSun", "宋体", "serif"]
HEI = ["Noto Sans CJK SC", "Heiti SC", "SimHei", "黑体", "sans-serif"]
PAGE_WIDTH = 620  # px: a 16开 page's text block at screen size, never stretched wider
MARGIN = 32
PAPER = QColor("#fffdf8")
INK = QColor("#1a1a1a")


@dataclass(frozen=True)
class Placed:
    """One thing drawn: what, its text, where. The leader of an entry runs from the end
    of its last line to its page number."""

    kind: str  # heading | section | text | leader | page
    text: str
    rect: QRectF


def _font(families: list[str], points: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    return font


class TocPage(QWidget):
    """The painted page; ``placed`` is what the last layout put where."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[TocSection] = []
        self.placed: list[Placed] = []
        self.heading_font = _font(HEI, 16)
        self.section_font = _font(HEI, 12)
        self.entry_font = _font(SONG, 10.5)

    def show_sections(self, sections: list[TocSection]) -> None:
        self.sections = sections
        self._relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        self.placed = self._layout(self.width())
        bottom = max((p.rect.bottom() for p in self.placed), default=0)
        self.setMinimumHeight(int(bottom + MARGIN))
        self.update()

    def _layout(self, width: int) -> list[Placed]:
        page = min(PAGE_WIDTH, max(width - 16, 200))
        left = (width - page) / 2 + MARGIN
        right = (width + page) / 2 - MARGIN
        placed: list[Placed] = []
        heading = QFontMetricsF(self.heading_font)
        y = MARGIN
        w = heading.horizontalAdvance("目录")
        placed.append(Placed("heading", "目录", QRectF((width - w) / 2, y, w, heading.height())))
        y += heading.height() * 2
        section_m, entry_m = QFontMetricsF(self.section_font), QFontMetricsF(self.entry_font)
        em = entry_m.horizontalAdvance("国")
        for section in self.sections:
            y += section_m.height() * 0.5
            w = section_m.horizontalAdvance(section.name)
            placed.append(Placed("section", section.name, QRectF(left, y, w, section_m.height())))
            y += section_m.height() * 1.3
            for entry in section.entries:
                y = self._place_entry(placed, entry.text, str(entry.page), left + 2 * em, right, y)
        return placed

    def _place_entry(
        self, placed: list[Placed], text: str, page: str, left: float, right: float, y: float
    ) -> float:
        """Lay out one entry from ``y``: its text wrapped within the column that leaves room
        for a leader and the page number, as Word wraps a tabbed line; returns the next y."""
        metrics = QFontMetricsF(self.entry_font)
        line_h = metrics.height() * 1.25
        page_w = metrics.horizontalAdvance(page)
        em = metrics.horizontalAdvance("国")
        room = right - left - page_w - 2 * em
        lines = [""]
        for char in text:
            if lines[-1] and metrics.horizontalAdvance(lines[-1] + char) > room:
                lines.append("")
            lines[-1] += char
        for line in lines:
            w = metrics.horizontalAdvance(line)
            placed.append(Placed("text", line, QRectF(left, y, w, metrics.height())))
            y += line_h
        y -= line_h
        end = left + metrics.horizontalAdvance(lines[-1]) + em / 2
        start = right - page_w - em / 2
        placed.append(Placed("leader", "", QRectF(end, y, start - end, metrics.height())))
        placed.append(Placed("page", page, QRectF(right - page_w, y, page_w, metrics.height())))
        return y + line_h

    def rows(self) -> list[str]:
        """The page as lines of text, a leader shown as ……: what a reader sees, row by row."""
        rows: dict[float, str] = {}
        for item in self.placed:
            top = round(item.rect.top(), 1)
            rows[top] = rows.get(top, "") + ("……" if item.kind == "leader" else item.text)
        return list(rows.values())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = min(PAGE_WIDTH, max(self.width() - 16, 200))
        painter.fillRect(QRectF((self.width() - page) / 2, 0, page, self.height()), PAPER)
        painter.setPen(INK)
        fonts = {"heading": self.heading_font, "section": self.section_font}
        step = QFontMetricsF(self.entry_font).horizontalAdvance("国") / 2
        for item in self.placed:
            if item.kind == "leader":
                # dots on a grid counted from the right margin, so they line up down the page
                baseline = item.rect.top() + QFontMetricsF(self.entry_font).ascent() - 1.5
                x = item.rect.right() - step / 2
                painter.setBrush(INK)
                while x > item.rect.left():
                    painter.drawEllipse(QPointF(x, baseline), 0.9, 0.9)
                    x -= step
                continue
            painter.setFont(fonts.get(item.kind, self.entry_font))
            painter.drawText(item.rect, Qt.TextFlag.TextDontClip, item.text)
        painter.end()


class TocPreview(QScrollArea):
    """The page in a scroll area: a long volume's 目录 scrolls like a document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = TocPage()
        self.setWidget(self.page)
        self.setWidgetResizable(True)
        self.setBackgroundRole(self.page.backgroundRole())

    def show_sections(self, sections: list[TocSection]) -> None:
        self.page.show_sections(sections)
