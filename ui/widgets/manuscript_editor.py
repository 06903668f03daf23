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
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
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
from ui.widgets.body_editor import BodyEditor
from ui.widgets.history_panel import HistoryPanel
from ui.widgets.image_strip import ImageStrip
from ui.widgets.review_panel import ReviewPanel
from wenshi.changes import Aspect, Changes
from wenshi.errors import StaleError, WenshiError
from wenshi.layout import Layout
from wenshi.records import GENRES, ManuscriptDetail

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


class ManuscriptEditor(QWidget):
    saved = Signal(int)

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
        self.files = QLabel()
        self.files.setWordWrap(True)
        form.addRow(self.tr("Original file"), self.files)
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
        top.addWidget(self.reason)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.save_button.clicked.connect(lambda: self.save())
        for edit in self.fields.values():
            edit.textEdited.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.genre.activated.connect(self._mark_dirty)
        self.body.editor.textChanged.connect(self._mark_dirty)
        self._loading = False
        self._edits = 0
        self.dirty = False
        self.setEnabled(False)

    @property
    def manuscript_id(self) -> int:
        return self.detail.id if self.detail else 0

    # -- loading -----------------------------------------------------------------------------
    def load(self, manuscript_id: int) -> None:
        if not manuscript_id:
            self.detail = None
            self.setEnabled(False)
            self.heading.clear()
            return
        self._loading = True
        detail = self.hub.library.manuscripts.get(manuscript_id)
        self.detail = detail
        self.setEnabled(True)
        self.heading.setText(
            f"<b>#{detail.id} {detail.title}</b>　{detail.status_label}"
            + (f"　第{detail.volume}辑·{detail.section}" if detail.volume else "")
            + (self.tr("　(in the trash)") if detail.deleted_at else "")
        )
        for name, _label in TEXT_FIELDS:
            self.fields[name].setText(getattr(detail, name) or "")
        for _role, attr, _label in PEOPLE:
            self.fields[attr].setText("、".join(getattr(detail, attr)))
        self.fields["tags"].setText("、".join(detail.tags))
        self.genre.setCurrentIndex(max(0, self.genre.findData(detail.genre)))
        self.notes.setPlainText(detail.notes)
        self.files.setText(
            "\n".join(f"{f.original_name}（{f.kind}，{f.encoding or '—'}）" for f in detail.files)
            or "—"
        )
        self.body.verse = detail.genre == "verse"
        self.body.layout_spec = self._layout_for(detail)
        self.body.set_text(detail.body)
        self.reason.clear()
        self.review.load(detail.id)
        self.history.load(detail.id)
        self.images.load(detail.id)
        self._loading = False
        self._set_dirty(False)

    def reload(self, _manuscript_id: int = 0) -> None:
        """Re-read after a review step, a restore or any change elsewhere. With unsaved
        edits only the review trail and history are refreshed: typing is never discarded."""
        if not self.detail:
            return
        if self.dirty:
            self.review.load(self.detail.id)
            self.history.load(self.detail.id)
        else:
            self.load(self.detail.id)

    def changed(self, changes: Changes) -> None:
        """An operation (ours or another process's) changed manuscripts: re-read this one
        if it is among them and what it shows is out of date."""
        if self.detail is None or not changes.touches_manuscript(self.detail.id):
            return
        mid = self.detail.id
        try:
            current = self.hub.library.manuscripts.get(mid)
        except WenshiError:
            self._set_dirty(False)
            self.load(0)
            return
        if changes.touches(Aspect.IMAGES):
            self.images.load(mid)
        if current.version != self.detail.version or current.volume != self.detail.volume:
            self.reload()
        elif changes.touches(Aspect.BODY, Aspect.STATUS):
            self.history.load(mid)

    def _layout_for(self, detail: ManuscriptDetail) -> Layout:
        if detail.volume is None:
            return Layout()
        return self.hub.library.volumes.settings(detail.volume)

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
