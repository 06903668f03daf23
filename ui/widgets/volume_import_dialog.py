"""Import a published volume from its PDF: choose the file, the volume's number and title
and how OCR is used; the 目录 is read, the articles cut out at their pages and stored as
the volume's published pieces, with progress (page by page while OCR reads) and cancel.
The articles found are listed at the end. A PDF whose 目录 cannot be read can still come
in as one document with its pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_error
from ui.file_dialogs import open_file
from ui.hub import Hub
from ui.tasks import Job
from ui.widgets.manuscript_editor import page_span
from wenshi.changes import Changes
from wenshi.errors import CancelledError, ImportFileError
from wenshi.imports import ImportResult
from wenshi.volume_import import NoContentsError, VolumeImport

OCR_MODES = (
    ("auto", QT_TRANSLATE_NOOP("VolumeImportDialog", "Pages without a text layer (auto)")),
    ("always", QT_TRANSLATE_NOOP("VolumeImportDialog", "Every page (always)")),
    ("never", QT_TRANSLATE_NOOP("VolumeImportDialog", "No OCR (never)")),
)
PDF_FILTER = QT_TRANSLATE_NOOP("VolumeImportDialog", "PDF (*.pdf);;All files (*)")


class VolumeImportDialog(QDialog):
    def __init__(self, hub: Hub, path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.job: Job | None = None
        self.outcome: VolumeImport | None = None
        self.imported = False  # something was imported: the dialog only shows it now
        self.setWindowTitle(self.tr("Import a published volume"))
        self.resize(860, 560)

        self.path = QLineEdit(path)
        self.path.setPlaceholderText(self.tr("The volume's PDF (printer's file or scan)"))
        self.browse = QPushButton(self.tr("Choose…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.number = QSpinBox()
        self.number.setRange(1, 9999)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Optional: read from the cover when empty"))
        self.ocr = QComboBox()
        for key, label in OCR_MODES:
            self.ocr.addItem(self.tr(label), key)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Only for an encrypted PDF"))
        form = QFormLayout()
        form.addRow(self.tr("PDF file"), file_row)
        form.addRow(self.tr("Volume number"), self.number)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("OCR"), self.ocr)
        form.addRow(self.tr("Password"), self.password)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Section"),
                self.tr("Title"),
                self.tr("Authors"),
                self.tr("Pages"),
                self.tr("Words"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(
            self.tr(
                "The 目录 is read from the first pages; each article is cut out at its page "
                "and stored as a published piece of the volume, the PDF as its source."
            )
        )
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_job = QPushButton(self.tr("Cancel"))
        self.cancel_job.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_job)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(self._update_button)
        self.import_button.clicked.connect(self.start)
        self.cancel_job.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.reject)
        self._update_button()
        volumes = hub.library.volumes
        self.hub.read(lambda _p: [v.number for v in volumes.list()], self._numbers, self)

    def _numbers(self, taken: list[int]) -> None:
        """The next free volume number after the last one."""
        if self.outcome is None:
            self.number.setValue(max(taken, default=0) + 1)

    def _browse(self) -> None:
        path = open_file(
            self,
            self.tr("Choose the volume's PDF"),
            QCoreApplication.translate("VolumeImportDialog", PDF_FILTER),
            "volumes",
        )
        if path:
            self.path.setText(path)

    def _update_button(self) -> None:
        running = self.cancel_job.isEnabled()
        ready = bool(self.path.text().strip()) and not running and not self.imported
        self.import_button.setEnabled(ready)

    def _options(self) -> dict:
        return dict(
            ocr=self.ocr.currentData(),
            password=self.password.text() or None,
        )

    # -- the volume ------------------------------------------------------------------------
    def start(self) -> None:
        path = Path(self.path.text().strip())
        number, title = self.number.value(), self.title.text().strip() or None
        imports, options = self.hub.library.volume_imports, self._options()
        self._busy(True, self.tr("Reading %s…") % path.name)
        self.job = self.hub.run_op(
            lambda p: imports.run(path, number, title=title, progress=p, **options),
            self._imported,
            self,
            on_progress=self._progress,
            on_error=lambda exc: self._failed(exc, path),
        )

    def _imported(self, result: VolumeImport) -> None:
        self._busy(False)
        self.outcome = result
        articles = result.articles
        self.table.setRowCount(len(articles))
        for row, article in enumerate(articles):
            values = [
                article.section,
                article.title,
                "、".join(article.authors),
                page_span(article.start_page, article.end_page),
                str(article.words),
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, article.id)
                if col >= 3:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        text = (
            self.tr("Volume %1: %2 articles from %3 pages (%4 read by OCR), stored as published.")
            .replace("%1", str(result.volume))
            .replace("%2", str(len(articles)))
            .replace("%3", str(result.pages))
            .replace("%4", str(result.ocr_pages))
        )
        self.summary.setText(text)
        self._finished()

    # -- one document instead ----------------------------------------------------------------
    def _as_one_document(self, path: Path, reason: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("No contents found"),
            self.tr(
                "%1\n\nImport the PDF as one document with its pages instead? It can be "
                "split up later."
            ).replace("%1", reason),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.summary.setText(self.tr("Nothing was imported."))
            return
        imports, options = self.hub.library.imports, self._options()
        self._busy(True, self.tr("Importing %s as one document…") % path.name)
        self.job = self.hub.run_op(
            lambda p: imports.run([path], progress=p, **options),
            self._document_imported,
            self,
            on_progress=self._progress,
            on_error=lambda exc: self._failed(exc, path, offer=False),
        )

    def _document_imported(self, changes: Changes) -> None:
        self._busy(False)
        [result] = changes.value
        result: ImportResult
        if result.status != "imported":
            self.summary.setText(result.error or "")
            show_error(self, ImportFileError(result.error or ""))
            return
        self.summary.setText(
            self.tr("Imported as one document: #%1 “%2”, %3 words.")
            .replace("%1", str(result.id))
            .replace("%2", result.title or "")
            .replace("%3", str(result.words))
        )
        self._finished()

    # -- shared ------------------------------------------------------------------------------
    def _progress(self, done: int, total: int, message: str) -> None:
        """Page x of y: of the text layer first, then of the pages OCR reads."""
        if message.startswith("OCR"):
            self.progress.setFormat(
                self.tr("OCR: page %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
        else:
            self.progress.setFormat(f"{message} %v/%m")
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _failed(self, exc: BaseException, path: Path, offer: bool = True) -> None:
        self._busy(False)
        if isinstance(exc, CancelledError):
            self.summary.setText(
                self.tr(
                    "Cancelled: nothing was stored. The pages OCR has read are kept, so "
                    "the next import continues from them."
                )
            )
        elif isinstance(exc, NoContentsError) and offer:
            self._as_one_document(path, str(exc))
        else:
            self.summary.setText(str(exc))
            show_error(self, exc)

    def _finished(self) -> None:
        self.imported = True
        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Done"))
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)

    def _busy(self, busy: bool, message: str = "") -> None:
        if not busy:
            self.job = None
        self.cancel_job.setEnabled(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.summary.setText(message)
        for widget in (self.path, self.browse, self.number, self.title, self.ocr, self.password):
            widget.setEnabled(not busy)
        self._update_button()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.summary.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        if self.job is not None:  # closing stops the import (nothing half-stored)
            self.job.cancel()
        super().reject()
