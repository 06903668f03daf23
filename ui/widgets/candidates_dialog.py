"""Candidates for the authority list, worked through one by one: the archive is scanned on
the lane (progress, cancel), then each candidate is accepted as a new entry, merged into
an entry as another of its names, or rejected so it is not offered again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.hub import Hub
from wenshi.errors import CancelledError
from wenshi.name_candidates import Candidate


class CandidatesDialog(QDialog):
    def __init__(self, parent: QWidget, hub: Hub, kind: str, entries: list[str]) -> None:
        super().__init__(parent)
        self.hub, self.kind, self.entries = hub, kind, entries
        self.candidates: list[Candidate] = []
        self.setWindowTitle(
            self.tr("Suggested persons") if kind == "person" else self.tr("Suggested places")
        )
        self.resize(640, 480)
        self.status = QLabel(self.tr("Reading every manuscript…"))
        self.progress = QProgressBar()
        self.cancel_scan = QPushButton(self.tr("Cancel"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Times"),
                self.tr("Manuscripts"),
                self.tr("Also written"),
                self.tr("Found in"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("Add as an entry"))
        self.merge_button = QPushButton(self.tr("Another name of…"))
        self.reject_button = QPushButton(self.tr("Not a name"))
        self.close_button = QPushButton(self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_scan)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.merge_button, self.reject_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(self._accept_one)
        self.merge_button.clicked.connect(self._merge_one)
        self.reject_button.clicked.connect(self._reject_one)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()
        candidates = hub.library.name_candidates
        self.job = hub.read(
            lambda progress: candidates.suggest(kind, limit=200, progress=progress),
            self._show,
            self,
            on_progress=self._progress,
            on_error=self._failed,
        )
        self.cancel_scan.clicked.connect(self.job.cancel)

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        from ui.dialogs import show_error

        self._scanned()
        if isinstance(error, CancelledError):
            self.status.setText(self.tr("Stopped: no suggestions"))
        else:
            show_error(self, error)

    def _scanned(self) -> None:
        for widget in (self.progress, self.cancel_scan):
            widget.hide()

    def _show(self, candidates: list[Candidate]) -> None:
        self._scanned()
        self.candidates = candidates
        self.status.setText(
            self.tr("%1 names the list lacks, the most frequent first").replace(
                "%1", str(len(candidates))
            )
        )
        self.table.setRowCount(len(candidates))
        for r, c in enumerate(candidates):
            cells = (
                c.name,
                str(c.count),
                str(c.manuscripts),
                "、".join(c.spellings[1:]),
                "、".join(c.sources),
            )
            for col, text in enumerate(cells):
                self.table.setItem(r, col, QTableWidgetItem(text))
        if candidates:
            self.table.selectRow(0)

    def _enable(self) -> None:
        chosen = self.table.currentRow() >= 0 and bool(self.table.selectedItems())
        for button in (self.accept_button, self.merge_button, self.reject_button):
            button.setEnabled(chosen)
        self.merge_button.setEnabled(chosen and bool(self.entries))

    def _current(self) -> tuple[int, str] | None:
        row = self.table.currentRow()
        return (row, self.candidates[row].name) if 0 <= row < len(self.candidates) else None

    def _done(self, row: int) -> None:
        """The candidate is dealt with: off the list, the next one chosen."""
        del self.candidates[row]
        self.table.removeRow(row)
        if self.candidates:
            self.table.selectRow(min(row, len(self.candidates) - 1))
        self._enable()

    def _accept_one(self) -> None:
        current = self._current()
        if current is not None:
            row, name = current
            authorities, kind = self.hub.library.authorities, self.kind
            self.entries.append(name)
            self.hub.run_op(
                lambda _p: authorities.add(kind, name), lambda _r: self._done(row), self
            )

    def _merge_one(self) -> None:
        current = self._current()
        if current is None:
            return
        row, name = current
        entry, ok = QInputDialog.getItem(
            self,
            self.tr("Another name of…"),
            self.tr("%1 is another name of").replace("%1", name),
            self.entries,
            0,
            False,
        )
        if ok and entry:
            authorities, kind = self.hub.library.authorities, self.kind
            type_ = "别名"
            self.hub.run_op(
                lambda _p: authorities.alias(kind, entry, name, type_=type_),
                lambda _r: self._done(row),
                self,
            )

    def _reject_one(self) -> None:
        current = self._current()
        if current is not None:
            row, name = current
            candidates, kind = self.hub.library.name_candidates, self.kind
            self.hub.run_op(
                lambda _p: candidates.reject(kind, name), lambda _r: self._done(row), self
            )
