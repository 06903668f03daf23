"""History: every saved body with a side-by-side diff against the current text and
restore (which saves the old text as a new revision, so nothing is dropped), and every
change of the manuscript's details with its old and new value."""

from __future__ import annotations

import html
from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.hub import Hub
from wenshi.records import DetailChangeInfo, RevisionInfo

OLD_STYLE = "background:#ffd7d5;text-decoration:line-through"
NEW_STYLE = "background:#ccf0d0"
REVISION_ROLE = Qt.ItemDataRole.UserRole


def side_by_side(pieces: list[tuple[str, str]]) -> tuple[str, str]:
    """Two HTML texts with what was removed (left) and added (right) marked."""
    left, right = [], []
    for op, text in pieces:
        escaped = html.escape(text)
        if op == "equal":
            left.append(escaped)
            right.append(escaped)
        elif op == "delete":
            left.append(f'<span style="{OLD_STYLE}">{escaped}</span>')
        else:
            right.append(f'<span style="{NEW_STYLE}">{escaped}</span>')
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
        self.comparing = QLabel()
        self.comparing.setObjectName("hint")
        self.restore = QPushButton(self.tr("Restore this revision"))
        self.restore.setEnabled(False)
        self.details = QTableWidget(0, 5)
        self.details.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Detail"), self.tr("Was"), self.tr("Now"), self.tr("By")]
        )
        self.details.verticalHeader().hide()
        self.details.horizontalHeader().setStretchLastSection(True)
        self.details.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        diff = QSplitter()
        diff.addWidget(self.old)
        diff.addWidget(self.new)
        right = QVBoxLayout()
        right.addWidget(diff, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.comparing)
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        right.addLayout(buttons)
        holder = QWidget()
        holder.setLayout(right)
        split = QSplitter()
        split.addWidget(self.revisions)
        split.addWidget(holder)
        split.setStretchFactor(1, 3)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(split)
        outer.addWidget(self.details)
        outer.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(outer)
        self.revisions.currentRowChanged.connect(self._show)
        self.restore.clicked.connect(self._restore)
        self._shown = 0  # serial of the comparison asked for last (older answers are dropped)

    def clear(self) -> None:
        """Nothing shown (another manuscript is being read)."""
        self.manuscript_id = 0
        self.revisions.clear()
        self._show(-1)
        self.details.setRowCount(0)

    def show_history(
        self,
        manuscript_id: int,
        revisions: list[RevisionInfo],
        changes: list[DetailChangeInfo],
    ) -> None:
        """List the revisions and detail changes the editor read on the lane, and compare
        the one before the current text (on the lane too)."""
        self.manuscript_id = manuscript_id
        self.revisions.blockSignals(True)
        self.revisions.clear()
        for rev in reversed(revisions):
            label = (
                self.tr("Revision %1  %2  %3 words\n%4")
                .replace("%1", str(rev.number))
                .replace("%2", rev.created_at.replace("T", " "))
                .replace("%3", str(rev.words))
                .replace("%4", rev.reason)
            )
            item = QListWidgetItem(label + (self.tr("  (current)") if rev.current else ""))
            item.setData(REVISION_ROLE, rev.number)
            self.revisions.addItem(item)
        self.revisions.blockSignals(False)
        self.revisions.setCurrentRow(min(1, self.revisions.count() - 1))
        self._show(self.revisions.currentRow())
        self.details.setRowCount(len(changes))
        for row, change in enumerate(reversed(changes)):
            for col, value in enumerate(
                (change.at.replace("T", " "), change.label, change.old, change.new, change.actor)
            ):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.details.setItem(row, col, cell)
        self.details.resizeColumnsToContents()

    def _show(self, row: int) -> None:
        """Compare the chosen revision with the current text, off the GUI thread."""
        item = self.revisions.item(row)
        self._shown += 1
        if item is None:
            self.old.clear()
            self.new.clear()
            self.restore.setEnabled(False)
            return
        serial, mid, number = self._shown, self.manuscript_id, item.data(REVISION_ROLE)
        manuscripts = self.hub.library.manuscripts
        self.comparing.setText(self.tr("Comparing…"))

        def compare() -> tuple[bool, str, str]:
            pieces = manuscripts.compare(mid, number)
            return (any(op != "equal" for op, _text in pieces), *side_by_side(pieces))

        def fill(differs: bool, left: str, right: str) -> Iterator[None]:
            # Each side of a 20,000-字 text is laid out as it is set: one per turn.
            if serial != self._shown:
                return  # a newer comparison was asked for
            self.old.setHtml(left)
            yield
            if serial == self._shown:
                self.new.setHtml(right)
                self.comparing.clear()
                self.restore.setEnabled(differs)

        def shown(result: tuple[bool, str, str]) -> None:
            if serial == self._shown:
                self.hub.tasks.slices(fill(*result))

        self.hub.read(lambda _p: compare(), shown, self)

    def _restore(self) -> None:
        item = self.revisions.currentItem()
        if item is None:
            return
        number = item.data(REVISION_ROLE)
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr("Make revision %d the current text? The current text stays in the history.")
            % number,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        mid, manuscripts = self.manuscript_id, self.hub.library.manuscripts
        self.hub.run_op(
            lambda _p: manuscripts.restore(mid, number), lambda _r: self.restored.emit(mid), self
        )
