"""One manuscript: metadata form, body with live counts, review, history, photos.

Edits are held in the widgets until saved (Ctrl+S); switching away with unsaved changes
asks first, so nothing typed is lost. Saving is one operation on the lane with what the
editor changed — details, people, tags and, if the body changed, a new revision with the
reason given — and the version it was loaded at: if someone else (the command line, a
second window) changed the manuscript meanwhile, the save is refused and the editor offers
to reload or to save over it (what the other one saved stays in the history).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import show_error
from ui.hub import Hub
from ui.labels import volume_place
from ui.tasks import Slices
from ui.widgets.body_editor import BodyEditor
from ui.widgets.history_panel import HistoryPanel
from ui.widgets.image_strip import ImageStrip
from ui.widgets.review_panel import ReviewPanel
from wenshi.changes import Aspect, Changes
from wenshi.errors import NotFoundError, StaleError
from wenshi.layout import Layout
from wenshi.library import Library
from wenshi.originals import copy_originals
from wenshi.proofread import ocr_page_count
from wenshi.records import (
    GENRES,
    DetailChangeInfo,
    ManuscriptDetail,
    ReviewInfo,
    RevisionInfo,
)
from wenshi.text.periods import ranges_label
from wenshi.text.wordcount import Counts, count_text, layout_words

_NAMES = re.compile(r"[、，,；;\s]+")

TEXT_FIELDS = (
    ("title", QT_TRANSLATE_NOOP("ManuscriptEditor", "Title")),
    ("subtitle", QT_TRANSLATE_NOOP("ManuscriptEditor", "Subtitle")),
    ("unit", QT_TRANSLATE_NOOP("ManuscriptEditor", "Author's unit")),
    ("identity", QT_TRANSLATE_NOOP("ManuscriptEditor", "Identity")),
    ("phone", QT_TRANSLATE_NOOP("ManuscriptEditor", "Phone")),
    ("address", QT_TRANSLATE_NOOP("ManuscriptEditor", "Address")),
    ("received_date", QT_TRANSLATE_NOOP("ManuscriptEditor", "Received")),
    ("received_via", QT_TRANSLATE_NOOP("ManuscriptEditor", "Received via")),
    ("section_wish", QT_TRANSLATE_NOOP("ManuscriptEditor", "Section wished")),
)
PEOPLE = (
    ("author", "authors", QT_TRANSLATE_NOOP("ManuscriptEditor", "Authors")),
    ("narrator", "narrators", QT_TRANSLATE_NOOP("ManuscriptEditor", "Narrated by")),
    ("compiler", "compilers", QT_TRANSLATE_NOOP("ManuscriptEditor", "Compiled by")),
)


def split_names(text: str) -> list[str]:
    return [n for n in _NAMES.split(text.strip()) if n]


@dataclass(frozen=True)
class EditorView:
    """Everything the editor shows of one manuscript, read on the lane in one job."""

    detail: ManuscriptDetail
    layout: Layout
    counts: Counts
    layout_words: int
    reviews: list[ReviewInfo]
    revisions: list[RevisionInfo]
    detail_changes: list[DetailChangeInfo]
    ocr_pages: int = 0  # pages of its source OCR read: it can be proofread against the scan


def read_editor_view(library: Library, manuscript_id: int) -> EditorView:
    """Read (on the lane) what ``ManuscriptEditor`` shows, counts included: counting a
    20,000-字 text is work the GUI thread need not do when a manuscript opens."""
    manuscripts = library.manuscripts
    detail = manuscripts.get(manuscript_id)
    layout = Layout() if detail.volume is None else library.volumes.settings(detail.volume)
    return EditorView(
        detail=detail,
        layout=layout,
        counts=count_text(detail.body),
        layout_words=layout_words(detail.body, layout, verse=detail.genre == "verse"),
        reviews=manuscripts.reviews(manuscript_id),
        revisions=manuscripts.history(manuscript_id),
        detail_changes=manuscripts.detail_changes(manuscript_id),
        ocr_pages=ocr_page_count(library, detail),
    )


class Refill(Enum):
    """What a re-read shows: everything (the user opened or reloaded the manuscript), or
    only what moved after a change (the history too if the body or status changed)."""

    ALL = "all"
    IF_MOVED = "if moved"
    IF_MOVED_OR_HISTORY = "if moved or history"


def page_span(first: int | None, last: int | None) -> str:
    """“12–15”, “12”, or “—” for a text without pages."""
    if first is None:
        return "—"
    return str(first) if last in (None, first) else f"{first}–{last}"


class ManuscriptEditor(QWidget):
    saved = Signal(int)
    proofread = Signal(int)  # the manuscript to proofread against its scan
    proofreadable = Signal(bool)  # whether the manuscript shown has OCR'd pages

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.detail: ManuscriptDetail | None = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setEnabled(False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for this change (kept in the history)"))
        self.proofread_button = QPushButton(self.tr("Proofread against the scan…"))
        self.proofread_button.hide()
        self.ocr_pages = 0

        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label in TEXT_FIELDS:
            self.fields[name] = QLineEdit()
            form.addRow(self.tr(label), self.fields[name])
        for _role, attr, label in PEOPLE:
            self.fields[attr] = QLineEdit()
            self.fields[attr].setPlaceholderText(self.tr("Separate names with 、"))
            form.addRow(self.tr(label), self.fields[attr])
        self.fields["tags"] = QLineEdit()
        form.addRow(self.tr("Tags"), self.fields["tags"])
        self.genre = QComboBox()
        for key, label in GENRES.items():
            self.genre.addItem(label, key)
        form.addRow(self.tr("Genre"), self.genre)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("Notes"), self.notes)
        self.pages = QLabel()  # the printed pages the text spans
        form.addRow(self.tr("Pages"), self.pages)
        self.years = QLabel()  # the years the text talks about: what period: finds it by
        self.years.setWordWrap(True)
        self.years.setToolTip(self.tr("Search by them with period:1930-1939 or period:民国"))
        form.addRow(self.tr("Years mentioned"), self.years)
        self.files = QLabel()
        self.files.setWordWrap(True)
        self.open_original = QPushButton(self.tr("&Open original file"))
        self.open_original.setToolTip(
            self.tr("Opens a copy under its own name: the archived file stays as it came")
        )
        self.open_original.setEnabled(False)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(self.open_original, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Original file"), files_row)
        self.furniture = QLabel()  # the source's running heads and footers: kept, not text
        self.furniture.setWordWrap(True)
        form.addRow(self.tr("Running heads (not counted)"), self.furniture)
        info = QWidget()
        info.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(info)
        scroll.setWidgetResizable(True)

        self.body = BodyEditor()
        self.review = ReviewPanel(hub)
        self.history = HistoryPanel(hub)
        self.images = ImageStrip(hub)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.body, self.tr("Text"))
        self.tabs.addTab(scroll, self.tr("Details"))
        self.tabs.addTab(self.review, self.tr("Review"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.images, self.tr("Photos"))

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.proofread_button)
        top.addWidget(self.reason)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.save_button.clicked.connect(lambda: self.save())
        self.proofread_button.clicked.connect(lambda: self.proofread.emit(self.manuscript_id))
        self.open_original.clicked.connect(self.show_original)
        for edit in self.fields.values():
            edit.textEdited.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.genre.activated.connect(self._mark_dirty)
        self.body.editor.textChanged.connect(self._mark_dirty)
        self._loading = False
        self._edits = 0
        self.dirty = False
        self._wanted = 0  # the manuscript shown or on its way
        self._serial = 0  # of the read asked for last (older answers are dropped)
        self._reading = False
        self._filling: Slices | None = None
        self._waiting: list[tuple[int, Callable[[], None]]] = []
        self.setEnabled(False)

    @property
    def manuscript_id(self) -> int:
        """The manuscript shown, or asked for and on its way from the lane."""
        return self._wanted

    # -- loading -----------------------------------------------------------------------------
    def load(self, manuscript_id: int) -> None:
        """Show a manuscript. It is read on the lane with its trail and history (another
        one shows “Reading…” meanwhile, the form disabled), then filled in over a few
        event-loop turns: a 20,000-字 text and 200 revisions never block the window."""
        self._cancel_fill()
        if not manuscript_id:
            self._serial += 1
            self._wanted = 0
            self.detail = None
            self._waiting.clear()
            self.setEnabled(False)
            self.heading.clear()
            return
        if self.detail is None or self.detail.id != manuscript_id:
            self._show_reading(manuscript_id)
        self._read(manuscript_id, Refill.ALL)

    def when_shown(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the text of the manuscript asked for is in the editor (now,
        if it already is)."""
        if self._reading or self.detail is None or self.detail.id != self._wanted:
            self._waiting.append((self._wanted, then))
        else:
            then()

    def changed(self, changes: Changes) -> None:
        """An operation (ours or another process's) changed manuscripts: re-read this one
        if it is among them and what it shows is out of date."""
        mid = self._wanted
        if not mid or not changes.touches_manuscript(mid):
            return
        if changes.touches(Aspect.IMAGES):
            self.images.load(mid)
        if self._reading and changes.value != "external":
            # A read asked for after this operation ran is on its way (the lane runs in
            # order, answers arrive in order): it already shows what the operation did.
            return
        refill = Refill.IF_MOVED
        if changes.touches(Aspect.BODY, Aspect.STATUS):
            refill = Refill.IF_MOVED_OR_HISTORY
        self._read(mid, refill)

    def _show_reading(self, manuscript_id: int) -> None:
        """The busy state while another manuscript is read: nothing of the previous one
        stays on screen to be typed into."""
        self._loading = True
        try:
            self.detail = None
            self._set_dirty(False)
            self.setEnabled(False)
            self.heading.setText(
                self.tr("Reading manuscript #%1…").replace("%1", str(manuscript_id))
            )
            for edit in self.fields.values():
                edit.clear()
            self.notes.clear()
            self.pages.clear()
            self.years.clear()
            self.files.clear()
            self.open_original.setEnabled(False)
            self._show_ocr(0)
            self.furniture.clear()
            self.reason.clear()
            self.body.clear_text()
            self.review.clear()
            self.history.clear()
        finally:
            self._loading = False

    def _read(self, manuscript_id: int, refill: Refill) -> None:
        self._serial += 1
        self._wanted = manuscript_id
        self._reading = True
        serial, edits, library = self._serial, self._edits, self.hub.library
        if refill is Refill.ALL:
            self.images.load(manuscript_id)

        def arrived(view: EditorView) -> None:
            if serial == self._serial:
                self._reading = False
                self._cancel_fill()
                self._filling = self.hub.tasks.slices(self._fill(view, refill, edits))

        def failed(exc: BaseException) -> None:
            if serial != self._serial:
                return
            self._reading = False
            gone = isinstance(exc, NotFoundError)  # purged elsewhere: just cleared
            if gone or self.detail is None or self.detail.id != manuscript_id:
                self._set_dirty(False)
                self.load(0)
            if not gone:  # a re-read of the one shown failed: it stays, edits and all
                show_error(self, exc)

        self.hub.read(
            lambda _p: read_editor_view(library, manuscript_id), arrived, self, on_error=failed
        )

    def _cancel_fill(self) -> None:
        if self._filling is not None:
            self._filling.cancel()
            self._filling = None

    def _fill(self, view: EditorView, refill: Refill, edits: int) -> Iterator[None]:
        """Show what was read, a part per event-loop turn: form and text, trail, history."""
        detail, shown = view.detail, self.detail
        same = shown is not None and shown.id == detail.id
        moved = not same or detail.version != shown.version or detail.volume != shown.volume
        if same and not moved and refill is not Refill.ALL:
            if refill is Refill.IF_MOVED_OR_HISTORY:
                self.history.show_history(detail.id, view.revisions, view.detail_changes)
            return
        if not (same and (self.dirty or self._edits != edits)):
            self._show_detail(view)
        # else: unsaved edits (or typing since the read was asked for) stay; the version
        # they were made on stays too, so saving them is checked against what was read.
        self._run_waiting()
        yield
        self.review.show_trail(detail, view.reviews)
        yield
        self.history.show_history(detail.id, view.revisions, view.detail_changes)

    def _show_detail(self, view: EditorView) -> None:
        detail = view.detail
        self._loading = True
        try:
            self.detail = detail
            self.setEnabled(True)
            self.heading.setText(
                f"<b>#{detail.id} {detail.title}</b>　{detail.status_label}"
                + (f"　{volume_place(detail.volume, detail.section)}" if detail.volume else "")
                + (self.tr("　(in the trash)") if detail.deleted_at else "")
            )
            for name, _label in TEXT_FIELDS:
                self.fields[name].setText(getattr(detail, name) or "")
            for _role, attr, _label in PEOPLE:
                self.fields[attr].setText("、".join(getattr(detail, attr)))
            self.fields["tags"].setText("、".join(detail.tags))
            self.genre.setCurrentIndex(max(0, self.genre.findData(detail.genre)))
            self.notes.setPlainText(detail.notes)
            self.pages.setText(page_span(detail.first_page, detail.last_page))
            self.years.setText(ranges_label(detail.periods) or "—")
            self.files.setText("\n".join(self._file_line(f) for f in detail.files) or "—")
            self.open_original.setEnabled(bool(detail.files))
            self._show_ocr(view.ocr_pages)
            self.furniture.setText(detail.furniture.replace("\n", " / ") or "—")
            self.body.verse = detail.genre == "verse"
            self.body.layout_spec = view.layout
            self.body.set_first_page(detail.first_page)
            self.body.set_text(detail.body, (view.counts, view.layout_words))
            self.reason.clear()
        finally:
            self._loading = False
        self._set_dirty(False)

    def show_original(self) -> None:
        """Copy the original out (under its own name, into a fresh temporary folder) and
        open the copy with the program the system uses for it."""
        manuscript_id, library = self.manuscript_id, self.hub.library
        if manuscript_id is None:
            return

        def copy(_progress) -> list[Path]:
            folder = Path(tempfile.mkdtemp(prefix=f"wenshi-{manuscript_id}-"))
            return copy_originals(library, manuscript_id, folder)

        def open_copies(copies: list[Path]) -> None:
            for path in copies:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self.hub.read(copy, open_copies, self)

    def _file_line(self, f) -> str:
        """“灵武文史第18辑.pdf（pdf，—）, pages 8–9 of the file”."""
        line = f"{f.original_name}（{f.kind}，{f.encoding or '—'}）"
        if f.pages:
            first, _, last = f.pages.partition("-")
            line += self.tr(", pages %1 of the file").replace(
                "%1", page_span(int(first), int(last or first))
            )
        return line

    def _show_ocr(self, pages: int) -> None:
        """Offer proofreading when OCR read some of the manuscript's pages."""
        self.ocr_pages = pages
        self.proofread_button.setVisible(pages > 0)
        self.proofreadable.emit(pages > 0)
        self.proofread_button.setToolTip(
            self.tr(
                "Check the text page by page against the scanned pages (%1 read by OCR)"
            ).replace("%1", str(pages))
        )

    def _run_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for mid, then in waiting:
            if mid == self.manuscript_id:
                then()

    # -- dirty state -------------------------------------------------------------------------
    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._edits += 1
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)

    def confirm_leave(self, then: Callable[[], None] | None = None) -> bool:
        """Ask before unsaved edits are left behind. True: the caller may go on now.
        False: it may not — either the user cancelled, or chose Save, in which case
        ``then`` runs once the save has been stored (never if it fails: the edits stay)."""
        if not self.dirty or self.detail is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “%s” first?") % self.detail.title,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save(then)
            return False
        if answer == QMessageBox.StandardButton.Discard:
            self._set_dirty(False)
            return True
        return False

    # -- saving ------------------------------------------------------------------------------
    def _edits_made(self) -> dict[str, object]:
        """What the user changed, compared with the manuscript as it was loaded."""
        detail = self.detail
        assert detail is not None
        fields = {
            name: self.fields[name].text()
            for name, _label in TEXT_FIELDS
            if self.fields[name].text().strip() != (getattr(detail, name) or "")
        }
        if self.genre.currentData() != detail.genre:
            fields["genre"] = self.genre.currentData()
        if self.notes.toPlainText().strip() != detail.notes:
            fields["notes"] = self.notes.toPlainText()
        people = {
            role: names
            for role, attr, _l in PEOPLE
            if (names := split_names(self.fields[attr].text())) != getattr(detail, attr)
        }
        tags = split_names(self.fields["tags"].text())
        body = self.body.text()
        return {
            "fields": fields,
            "people": people,
            "tags": tags if sorted(tags) != sorted(detail.tags) else None,
            "body": body if body != detail.body else None,
            "reason": self.reason.text().strip(),
        }

    def save(self, then: Callable[[], None] | None = None, *, force: bool = False) -> None:
        """Store every edit in one operation on the lane; ``then`` runs after it succeeded.
        ``force`` saves over changes made elsewhere since the manuscript was loaded."""
        if self.detail is None or not self.dirty:
            if then is not None:
                then()
            return
        mid, version = self.detail.id, None if force else self.detail.version
        edits = self._edits_made()
        manuscripts = self.hub.library.manuscripts

        # The edits stay "unsaved" until the write has succeeded, so nothing re-reads the
        # manuscript over them meanwhile; typing after this point is a newer edit.
        serial = self._edits
        self.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.saved.emit(mid)
            if self.manuscript_id == mid and self._edits == serial:
                self._set_dirty(False)
                self.load(mid)
            elif self.manuscript_id == mid:
                self.save_button.setEnabled(True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)  # still unsaved: what was typed stays
            if isinstance(exc, StaleError) and self.manuscript_id == mid:
                self._resolve_conflict(exc, then)
            else:
                show_error(self, exc, self.tr("Not saved"))

        self.hub.run_op(
            lambda _p: manuscripts.update(mid, expected_version=version, **edits),
            done,
            self,
            on_error=failed,
        )

    def _resolve_conflict(self, exc: StaleError, then: Callable[[], None] | None) -> None:
        """Someone else changed this manuscript since it was opened: never overwrite
        silently — reload theirs, or save ours over it (theirs stays in the history)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed elsewhere"))
        box.setText(str(exc))
        box.setInformativeText(
            self.tr(
                "Reload shows their version and drops your edits. Save mine keeps your "
                "edits as the newest version; theirs stays in the history."
            )
        )
        reload = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Save mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is reload:
            self._set_dirty(False)
            self.load(self.manuscript_id)
        elif box.clickedButton() is keep:
            self.save(then, force=True)
