"""Revision history: every saved body, a side-by-side diff against the current text, and
restore (which saves the old text as a new revision, so nothing is dropped)."""

from __future__ import annotations

import difflib
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.hub import Hub
from wenshi.catalog import Catalog

OLD_STYLE = "background:#ffd7d5;text-decoration:line-through"
NEW_STYLE = "background:#ccf0d0"


def side_by_side(old: str, new: str) -> tuple[str, str]:
    """Two HTML texts with what was removed (left) and added (right) marked, per character
    — Chinese has no spaces to diff words by."""
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        a, b = html.escape(old[a0:a1]), html.escape(new[b0:b1])
        if op == "equal":
            left.append(a)
            right.append(b)
            continue
        if a:
            left.append(f'<span style="{OLD_STYLE}">{a}</span>')
        if b:
            right.append(f'<span style="{NEW_STYLE}">{b}</span>')
    wrap = '<div style="white-space:pre-wrap">{}</div>'
    return wrap.format("".join(left)), wrap.format("".join(right))


class HistoryPanel(QWidget):
    restored = Signal(int)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.manuscript_id = 0
        self.revisions = QListWidget()
        self.old = QTextBrowser()
        self.new = QTextBrowser()
        self.restore = QPushButton(self.tr("Restore this revision"))
        self.restore.setEnabled(False)
        diff = QSplitter()
        diff.addWidget(self.old)
        diff.addWidget(self.new)
        right = QVBoxLayout()
        right.addWidget(diff, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        right.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(right)
        split = QSplitter()
        split.addWidget(self.revisions)
        split.addWidget(holder)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.revisions.currentRowChanged.connect(self._show)
        self.restore.clicked.connect(self._restore)

    def load(self, manuscript_id: int) -> None:
        self.manuscript_id = manuscript_id
        self.revisions.clear()
        for rev in reversed(Catalog(self.hub.library).history(manuscript_id)):
            label = (
                self.tr("Revision %1  %2  %3 words\n%4")
                .replace("%1", str(rev.number))
                .replace("%2", rev.created_at.replace("T", " "))
                .replace("%3", str(rev.words))
                .replace("%4", rev.reason)
            )
            item = QListWidgetItem(label + (self.tr("  (current)") if rev.current else ""))
            item.setData(256, rev.number)
            self.revisions.addItem(item)
        self.revisions.setCurrentRow(min(1, self.revisions.count() - 1))

    def _show(self, row: int) -> None:
        item = self.revisions.item(row)
        if item is None:
            self.old.clear()
            self.new.clear()
            self.restore.setEnabled(False)
            return
        catalog = Catalog(self.hub.library)
        old = catalog.revision_text(self.manuscript_id, item.data(256))
        new = catalog.get(self.manuscript_id).body
        left, right = side_by_side(old, new)
        self.old.setHtml(left)
        self.new.setHtml(right)
        self.restore.setEnabled(old != new)

    def _restore(self) -> None:
        item = self.revisions.currentItem()
        if item is None:
            return
        number = item.data(256)
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr("Make revision %d the current text? The current text stays in the history.")
            % number,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        mid = self.manuscript_id
        catalog = Catalog(self.hub.library)
        self.hub.write(
            lambda _p: catalog.restore(mid, number), lambda _r: self.restored.emit(mid), self
        )
