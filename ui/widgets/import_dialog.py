"""Import: choose files or a folder, see what will happen to each (encoding, counts,
duplicates, errors) before anything is stored, then import with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.file_dialogs import choose_folder, open_files
from ui.hub import Hub
from ui.tasks import Job
from wenshi import workflow
from wenshi.changes import Changes
from wenshi.fsutil import printable
from wenshi.imports import ImportResult, Prepared

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog",
    "Manuscripts and scans (*.txt *.md *.docx *.doc *.wps *.rtf *.odt *.pdf *.jpg *.jpeg *.png"
    " *.tif *.tiff *.bmp);;All files (*)",
)
WARN = QColor("#fff3cd")
BAD = QColor("#f8d7da")


class ImportDialog(QDialog):
    def __init__(self, hub: Hub, paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.paths = paths
        self.items: list[Prepared] = []
        self.results: list[ImportResult] = []
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import manuscripts"))
        self.resize(900, 520)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Encoding"),
                self.tr("Title"),
                self.tr("Authors"),
                self.tr("Words"),
                self.tr("Note"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QComboBox()
        for key, label in workflow.LABELS.items():
            self.status.addItem(label, key)
        # 收稿日期, asked once for the whole batch: the day they came in, today by default.
        self.received = QDateEdit(QDate.currentDate())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMaximumDate(QDate.currentDate())
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.cancel_job = QPushButton(self.tr("Cancel"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("State after import")))
        bottom.addWidget(self.status)
        received_label = QLabel(self.tr("&Received on"))
        received_label.setBuddy(self.received)
        bottom.addWidget(received_label)
        bottom.addWidget(self.received)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_job)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self.cancel_job.clicked.connect(self._cancel)
        self.import_button.clicked.connect(self._commit)
        self.close_button.clicked.connect(self.reject)
        self._prepare()

    # -- stage 1: read and check, nothing stored ---------------------------------------------
    def _prepare(self) -> None:
        imports, paths = self.hub.library.imports, self.paths
        self._busy(True)
        self.summary.setText(self.tr("Reading files…"))
        self.job = self.hub.read(
            lambda p: imports.prepare(paths, progress=p),
            self._prepared,
            self,
            on_progress=self._progress,
            on_error=self._failed,
        )

    def _prepared(self, items: list[Prepared]) -> None:
        self._busy(False)
        self.items = items
        self.table.setRowCount(len(items))
        good = 0
        for row, item in enumerate(items):
            header = item.header
            note, color = "", None
            if item.error:
                note, color = item.error, BAD
            elif item.duplicate_of:
                note, color = (
                    self.tr("Already in the library as #%d: skipped") % item.duplicate_of,
                    WARN,
                )
            elif item.same_as_earlier:
                earlier = printable(item.same_as_earlier.name)
                note, color = self.tr("Same bytes as %s: skipped") % earlier, WARN
            elif item.similar_to:
                note, color = self.tr("Looks like a near-duplicate of #%d") % item.similar_to, WARN
            if not item.error and not item.duplicate_of and not item.same_as_earlier:
                good += 1
            values = [
                printable(item.path.name),
                (item.document.encoding or item.kind) if item.document else "",
                header.title if header else "",
                "、".join(header.authors) if header else "",
                str(item.counts.words) if item.counts else "",
                note,
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(printable(item.path) if col == 0 else value)
                if color is not None:
                    cell.setBackground(color)
                if col == 4:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%1 files: %2 to import, %3 with problems")
            .replace("%1", str(len(items)))
            .replace("%2", str(good))
            .replace("%3", str(len(items) - good))
        )
        self.import_button.setEnabled(good > 0)

    # -- stage 2: store ------------------------------------------------------------------------
    def _commit(self) -> None:
        imports, items, status = self.hub.library.imports, self.items, self.status.currentData()
        received = self.received.date().toString("yyyy-MM-dd")
        self._busy(True)
        self.import_button.setEnabled(False)
        self.job = self.hub.run_op(
            lambda progress: imports.commit(items, status, progress, received),
            self._committed,
            self,
            on_progress=self._progress,
            on_error=self._failed,
        )

    def _committed(self, changes: Changes) -> None:
        self._busy(False)
        results: list[ImportResult] = changes.value
        self.results = results
        done = sum(r.status == "imported" for r in results)
        dup = sum(r.status == "duplicate" for r in results)
        bad = sum(r.status == "error" for r in results)
        self.summary.setText(
            self.tr("Imported %1, duplicates %2, failed %3")
            .replace("%1", str(done))
            .replace("%2", str(dup))
            .replace("%3", str(bad))
        )
        self.close_button.setText(self.tr("Done"))
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)

    # -- shared ------------------------------------------------------------------------------
    def _progress(self, done: int, total: int, message: str) -> None:
        """The bar fills file by file and, while OCR reads one, page by page; the message
        names the file and the page (“扫描.pdf：OCR 识别（3/10）”)."""
        self.progress.setFormat(f"%p%  {message}")
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        from ui.dialogs import show_error
        from wenshi.errors import CancelledError

        if isinstance(exc, CancelledError):
            self.summary.setText(self.tr("Cancelled. What was already imported stays imported."))
        else:
            show_error(self, exc)

    def _busy(self, busy: bool) -> None:
        self.cancel_job.setEnabled(busy)
        self.progress.setVisible(busy)

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()


def ask_paths(parent: QWidget, folder: bool) -> list[str]:
    if folder:
        chosen = choose_folder(
            parent, QCoreApplication.translate("ImportDialog", "Import a folder"), "imports"
        )
        return [chosen] if chosen else []
    return open_files(
        parent,
        QCoreApplication.translate("ImportDialog", "Import files"),
        QCoreApplication.translate("ImportDialog", FILE_FILTER),
        "imports",
    )
