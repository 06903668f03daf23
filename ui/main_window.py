"""The main window: composition only — menus, toolbar, status bar, and the three views
(manuscripts, search, volumes) wired to the hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ui.batch import Batch
from ui.citing import add_styles, copy_citation, not_citable
from ui.dialogs import show_error
from ui.file_dialogs import choose_folder, save_file
from ui.hub import Hub, freeze_heap
from ui.language import apply_language
from ui.settings import (
    LANGUAGES,
    recent_libraries,
    remember_library,
    save_place,
    saved_place,
    settings,
)
from ui.widgets.browser_panel import BrowserPanel, BrowserSplitter
from ui.widgets.catalog_view import CatalogView
from ui.widgets.import_dialog import ImportDialog, ask_paths
from ui.widgets.manuscript_editor import ManuscriptEditor
from ui.widgets.names_view import NamesView
from ui.widgets.place_dialog import add_to_volume
from ui.widgets.proofread_view import ProofreadDialog
from ui.widgets.search_panel import SearchPanel
from ui.widgets.volume_builder import VolumeBuilder
from ui.widgets.volume_import_dialog import VolumeImportDialog
from ui.widgets.welcome import WelcomePage
from wenshi.backup import backup_library
from wenshi.changes import Aspect, Changes
from wenshi.errors import NotFoundError, WenshiError
from wenshi.imports import importable
from wenshi.library import Library
from wenshi.queries import Stats
from wenshi.records import NewManuscript
from wenshi.sample import load_sample
from wenshi.sessions import SessionInfo

STYLE = """
QLabel#welcome-title { font-size: 26pt; font-weight: bold; color: #6b2f14; }
QLabel#hint { color: #666; }
QLabel#heading { font-size: 13pt; }
QLabel#counts { color: #444; padding: 3px; }
QPushButton#big { font-size: 13pt; }
QLabel#notice { background: #fff3cd; color: #5c4400; padding: 3px 6px; }
"""


OPEN_WINDOWS: list[MainWindow] = []  # windows opened on another library, kept alive here


class MainWindow(QMainWindow):
    """Opened in steps: the window with its status bar at once, then one view per
    event-loop turn (each costs Qt's first-use work of its widget kinds), then the menus
    and the first reads. ``built`` is set, and the lane is busy, until the last step."""

    def __init__(self, library_path: str | None = None) -> None:
        super().__init__()
        self.library = Library.open(library_path, program="wenshi-gui")
        remember_library(self.library.path)
        self.shut = False
        self.leaving = False  # closing to make way for another library's window
        self.hub = Hub(self.library, self)
        self.setWindowTitle(self.tr("wenshi 文史 — %s") % self.library.path)
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        self.built = False

        self.welcome = WelcomePage(str(self.library.path))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.path_label = QLabel(str(self.library.path))
        self.totals_label = QLabel()
        self.others_label = QLabel()  # shown while another program has the library open
        self.others_label.setObjectName("others")
        self.others_label.hide()
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(220)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.others_label)
        self.statusBar().addPermanentWidget(self.totals_label)
        self.statusBar().addPermanentWidget(self.busy)
        self.hub.busy.connect(self.busy.setVisible)
        self.hub.index_progress.connect(self._index_progress)
        self.hub.others_changed.connect(self._show_others)
        self.hub.check_others()
        geometry = settings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.hub.tasks.slices(self._build())

    def _index_progress(self, done: int, total: int) -> None:
        self.statusBar().showMessage(
            self.tr("Building the search index: %1 of %2 manuscripts")
            .replace("%1", str(done))
            .replace("%2", str(total)),
            3000,
        )

    def _show_others(self, others: list[SessionInfo]) -> None:
        """Say in the status bar that someone else works on this library too: their
        changes show up here within seconds, and a save over one not yet seen is refused."""
        self.others_label.setVisible(bool(others))
        self.others_label.setText(
            self.tr("Also open elsewhere: %1").replace("%1", str(len(others)))
        )
        who = "\n".join(
            self.tr("%1 (process %2)").replace("%1", o.program).replace("%2", str(o.pid))
            for o in others
        )
        self.others_label.setToolTip(
            self.tr(
                "Their changes appear here within seconds; saving over a change you have "
                "not seen yet is refused, never silently overwritten.\n%1"
            ).replace("%1", who)
        )

    def _build(self) -> Iterator[None]:
        """The views, one per event-loop turn, then menus, signals and the first reads."""
        self.catalog = CatalogView(
            self.library.queries,
            run_read=lambda read, show: self.hub.read(lambda _p: read(), show, self),
        )
        yield
        self.editor = ManuscriptEditor(self.hub)
        yield
        self.search = SearchPanel(self.hub)
        yield
        self.builder = VolumeBuilder(self.hub)
        yield
        self.names = NamesView(self.hub)
        yield
        self.browser = BrowserPanel(self.hub)
        split = QSplitter()
        split.addWidget(BrowserSplitter(self.browser, self.catalog))
        split.addWidget(self.editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.split = split
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Manuscripts"))
        self.tabs.addTab(self.search, self.tr("Search"))
        self.tabs.addTab(self.builder, self.tr("Volumes"))
        self.tabs.addTab(self.names, self.tr("Persons and places"))
        self.stack.addWidget(self.tabs)
        yield
        self._make_actions()
        self._connect()
        self._connect_desk()
        self._restore_layout()
        self.built = True
        freeze_heap()
        self.refresh(Changes.everything())
        self.hub.prepare_index()
        self._restore_place()

    # -- actions ---------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.act_import = a(self.tr("&Import files…"), self.import_files, "Ctrl+I")
        self.act_import_folder = a(self.tr("Import a &folder…"), self.import_folder, "Ctrl+Shift+I")
        self.act_import_volume = a(self.tr("Import a &published volume (PDF)…"), self.import_volume)
        self.act_sample = a(self.tr("Load the &sample library"), self.load_sample)
        self.act_backup = a(self.tr("&Back up library…"), self.backup)
        self.act_open_library = a(self.tr("&Open library…"), self.choose_library)
        self.recent_menu = QMenu(self.tr("&Recent libraries"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_quit = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_new = a(self.tr("&New manuscript"), self.new_manuscript, "Ctrl+N")
        self.act_save = a(self.tr("&Save"), lambda: self.editor.save(), "Ctrl+S")
        self.act_delete = a(
            self.tr("Move to &trash"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.act_undelete = a(self.tr("&Restore from trash"), self.undelete_selected)
        self.act_undo = a(
            self.tr("&Undo"), lambda: self.hub.undo.undo(self), QKeySequence.StandardKey.Undo
        )
        self.hub.undo.changed.connect(self._name_undo)
        self._name_undo()
        self.act_proofread = a(
            self.tr("&Proofread against the scan…"),
            lambda: self.proofread(self.editor.manuscript_id),
        )
        self.act_proofread.setEnabled(False)  # until a manuscript with OCR'd pages shows
        # Delete acts on the catalog's selection, so only where the catalog has the focus:
        # pressed in the volume tree or a text field it must not trash a hidden row.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.catalog.table.addAction(self.act_delete)
        self.tabs.currentChanged.connect(self._follow_tab)
        self.act_find = a(self.tr("&Search all manuscripts…"), self.focus_search, "Ctrl+Shift+F")
        # Ctrl+F finds in the open manuscript while its text is in front; anywhere else it
        # is the search of the whole library, as before.
        self.act_find_here = a(self.tr("&Find in this manuscript…"), self.find_here, "Ctrl+F")
        self.act_reindex = a(self.tr("&Rebuild search index"), self.reindex)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (
            self.act_import,
            self.act_import_folder,
            self.act_import_volume,
            self.act_sample,
            None,
            self.act_open_library,
            self.recent_menu.menuAction(),
            self.act_backup,
            None,
            self.act_quit,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = self.edit_menu = self.menuBar().addMenu(self.tr("&Manuscript"))
        for action in (
            self.act_undo,
            None,
            self.act_new,
            self.act_save,
            None,
            self.act_proofread,
            None,
            self.act_delete,
            self.act_undelete,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        search_menu = self.menuBar().addMenu(self.tr("S&earch"))
        search_menu.addAction(self.act_find_here)
        search_menu.addAction(self.act_find)
        search_menu.addAction(self.act_reindex)
        settings_menu = self.menuBar().addMenu(self.tr("Se&ttings"))
        language_menu = settings_menu.addMenu(self.tr("Interface language"))
        current = str(settings().value("language", "zh_CN"))
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == current)
            action.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            language_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About wenshi"), self.about))
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.act_import,
            self.act_import_folder,
            self.act_new,
            self.act_save,
            self.act_find,
        ):
            toolbar.addAction(action)

    def _connect(self) -> None:
        self.catalog.selected.connect(self._select)
        self.search.open_hit.connect(self.open_hit)
        self.builder.open_manuscript.connect(self.open_manuscript)
        self.names.open_manuscript.connect(self.open_manuscript)
        self.names.search_requested.connect(self.search_for)
        self.editor.proofread.connect(self.proofread)
        self.editor.proofreadable.connect(self.act_proofread.setEnabled)
        self.hub.changed.connect(self.refresh)
        self.hub.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.welcome.import_folder.connect(self.import_folder)
        self.welcome.load_sample.connect(self.load_sample)
        if self.library.upgrade_backup is not None:
            self.statusBar().showMessage(
                self.tr("The library was upgraded; a copy of the old database is at %s")
                % self.library.upgrade_backup
            )
        elif self.library.cleaned:
            self.statusBar().showMessage(
                self.tr("Removed %d temporary files left by an interrupted run")
                % len(self.library.cleaned),
                8000,
            )

    # -- the desk's conventions: library browser, row menu, view keys, dropped files -------
    def _connect_desk(self) -> None:
        """The browser narrows the catalog; the catalog's row menu opens, reviews and places
        through the window's own operations; Ctrl+1/2/3 switch views (to the field one
        types in there); files and folders dropped from the file manager are imported."""
        self.browser.chosen.connect(self.catalog.set_facet)
        self.catalog.everything_requested.connect(self._show_everything)
        self.catalog.open_requested.connect(self._open_from_catalog)
        self.catalog.review_requested.connect(self._review_from_catalog)
        self.catalog.add_to_volume.connect(
            lambda ids, titles: add_to_volume(self.hub, ids, titles, self)
        )
        self.batch = Batch(self.hub, self)
        self.catalog.review_many.connect(self.batch.review)
        self.catalog.tag_requested.connect(self.batch.tag)
        self.catalog.cite_requested.connect(
            lambda ids, style: copy_citation(self.hub, self, ids, style)
        )
        # The open manuscript cited from the Manuscript menu, where it is placed in a volume.
        cite = self.cite_menu = QMenu(self.tr("&Copy citation of this manuscript"), self)
        add_styles(cite, lambda style: copy_citation(self.hub, self, [self._cited()], style))
        self.edit_menu.aboutToShow.connect(self._name_citable)
        self.edit_menu.insertMenu(self.act_proofread, cite)
        selection = QMenu(self.tr("Se&lected manuscripts"), self)
        selection.aboutToShow.connect(lambda: self._fill_selection(selection))
        self.edit_menu.insertMenu(self.act_delete, selection)
        self.edit_menu.insertSeparator(self.act_delete)
        views = (
            (self.split, self.catalog.table),
            (self.search, self.search.query),
            (self.builder, self.builder.tree),
            (self.names, self.names.entries),
        )
        for number, (view, field) in enumerate(views, 1):
            key = QAction(self, shortcut=QKeySequence(f"Ctrl+{number}"))
            key.triggered.connect(lambda _c=False, v=view, f=field: self._show_view(v, f))
            self.addAction(key)
            self.tabs.setTabToolTip(number - 1, f"Ctrl+{number}")
        self.setAcceptDrops(True)

    def _fill_selection(self, menu: QMenu) -> None:
        """The catalog's row menu, for the rows selected there (from the keyboard too);
        only while the catalog is in sight, so it never acts on a hidden selection."""
        menu.clear()
        if self.tabs.currentWidget() is self.split:
            self.catalog.fill_selection_menu(menu)
        else:
            menu.addAction(self.tr("Select manuscripts in the Manuscripts view")).setEnabled(False)

    def _show_view(self, view: QWidget, field: QWidget) -> None:
        self.tabs.setCurrentWidget(view)
        field.setFocus()

    def _open_from_catalog(self, manuscript_id: int) -> None:
        """Open a row (its menu, Enter, a double-click): the text, ready to type in."""
        self.open_manuscript(manuscript_id)
        if self.editor.manuscript_id == manuscript_id:
            self.editor.when_shown(self.editor.body.editor.setFocus)

    def _review_from_catalog(self, manuscript_id: int, target: str) -> None:
        """The review step as the review panel takes it, once the panel shows the row."""
        self.open_manuscript(manuscript_id)
        review = self.editor.review

        def step() -> None:
            if review.manuscript_id == manuscript_id:
                review.step(target)
            elif self.editor.manuscript_id == manuscript_id:  # its trail is on its way
                QTimer.singleShot(10, step)

        step()

    @staticmethod
    def _dropped_paths(mime: QMimeData) -> list[str]:
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import what was dropped as File → Import does; folders are looked through on
        the lane, and a drop holding nothing importable is told so once."""
        paths = self._dropped_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        self.hub.read(
            lambda _p: importable(paths),
            lambda found: QTimer.singleShot(0, lambda: self._import_dropped(paths, found)),
            self,
        )

    def _import_dropped(self, paths: list[str], found: list[Path]) -> None:
        if found:
            self._import(paths)
            return
        names = "、".join(Path(p).name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        QMessageBox.information(
            self,
            self.tr("Nothing to import"),
            self.tr(
                "%1 holds nothing wenshi can import (text, Word, WPS, RTF, ODT, PDF or "
                "scanned pages)."
            ).replace("%1", names),
        )

    # -- state -----------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        """Re-read what the views show of ``changes`` (after an operation, ours or another
        process's)."""
        if changes.aspects <= {Aspect.INDEX, Aspect.FEE, Aspect.IMAGES} and not changes.all:
            if changes.touches(Aspect.IMAGES):
                self.builder.changed(changes)
                self.editor.changed(changes)
            return
        queries = self.library.queries
        self.hub.read(lambda _p: queries.stats(), self._show_totals, self)
        if changes.touches(Aspect.VOLUME, Aspect.PLACEMENT):
            volumes = self.library.volumes
            self.hub.read(
                lambda _p: ([v.number for v in volumes.list()], queries.section_names()),
                lambda choices: self.catalog.set_choices(*choices),
                self,
            )
        self.catalog.refresh()
        self.builder.changed(changes)
        self.editor.changed(changes)

    def _show_totals(self, stats: Stats) -> None:
        """The totals in the status bar; an empty library shows the welcome page."""
        empty = stats.manuscripts == 0 and stats.in_trash == 0
        first_view = not empty and self.stack.currentWidget() is not self.tabs
        self.stack.setCurrentWidget(self.welcome if empty else self.tabs)
        if first_view and not self._split_restored:
            # First time the views show: give the browser and the catalog half the width
            # (the splitter would otherwise follow the size hints and squeeze the table).
            self._split_restored = True
            self.split.setSizes([self.width() // 2, self.width() - self.width() // 2])
        self.totals_label.setText(
            self.tr("%1 manuscripts · %2 words")
            .replace("%1", str(stats.manuscripts))
            .replace("%2", f"{stats.words:,}")
        )

    def _select(self, manuscript_id: int) -> None:
        """The catalog's current row changed: show that manuscript, unless unsaved edits
        of the one shown must be saved first (then it follows once they are stored)."""
        if manuscript_id == self.editor.manuscript_id:
            return
        shown = self.editor.manuscript_id
        if self.editor.confirm_leave(then=lambda: self.open_manuscript(manuscript_id)):
            self.editor.load(manuscript_id)
        else:
            self.catalog.select(shown)

    def open_manuscript(self, manuscript_id: int) -> None:
        if self.editor.manuscript_id != manuscript_id and not self.editor.confirm_leave(
            then=lambda: self.open_manuscript(manuscript_id)
        ):
            return
        self.tabs.setCurrentIndex(0)
        if self.editor.manuscript_id != manuscript_id:
            self.editor.load(manuscript_id)
        if self.catalog.model.row_of(manuscript_id) < 0:
            self.catalog.note_outside(manuscript_id)  # the user's filters stay
        else:
            self.catalog.select(manuscript_id)

    def _show_everything(self) -> None:
        """Clear every filter of the catalog and the browser: the open manuscript shows."""
        self.catalog.clear_filters()
        self.browser.choose(None)

    def open_hit(self, manuscript_id: int, text: str) -> None:
        """Open a search result with the body scrolled to the first hit, hits marked."""
        self.open_manuscript(manuscript_id)
        if self.editor.manuscript_id == manuscript_id:
            self.editor.tabs.setCurrentIndex(0)
            search, body = self.library.search, self.editor.body
            # The text may still be on its way from the lane: mark the hits once it is in.
            self.editor.when_shown(lambda: body.set_hits(search.highlight_spans(text, body.text())))

    # -- commands --------------------------------------------------------------------------
    def import_files(self) -> None:
        self._import(ask_paths(self, folder=False))

    def import_folder(self) -> None:
        self._import(ask_paths(self, folder=True))

    def _import(self, paths: list[str]) -> None:
        if paths:
            ImportDialog(self.hub, paths, self).exec()

    def import_volume(self) -> None:
        VolumeImportDialog(self.hub, parent=self).exec()

    def proofread(self, manuscript_id: int) -> None:
        """The manuscript's text beside its scanned pages; unsaved edits in the editor are
        saved (or dropped) first, so the two never edit one body at once."""
        if not manuscript_id or not self.editor.confirm_leave(
            then=lambda: self.proofread(manuscript_id)
        ):
            return
        dialog = ProofreadDialog(self.hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.proofreader = dialog
        dialog.load(manuscript_id)
        dialog.show()

    def load_sample(self) -> None:
        self.statusBar().showMessage(self.tr("Loading the sample library…"))
        self.hub.run_op(
            lambda p: load_sample(self.library, progress=p),
            lambda changes: self.statusBar().showMessage(
                self.tr("Sample library loaded: %d manuscripts") % changes.value, 8000
            ),
            self,
        )

    def new_manuscript(self) -> None:
        manuscripts, title = self.library.manuscripts, self.tr("Untitled")
        self.hub.run_op(
            lambda _p: manuscripts.add(NewManuscript(title=title)),
            lambda changes: self.open_manuscript(changes.value),
            self,
        )

    def _follow_tab(self, _index: int) -> None:
        """Trash and restore apply to the catalog: offered only while it is shown."""
        on_catalog = self.tabs.currentWidget() is self.split
        self.act_delete.setEnabled(on_catalog)
        self.act_undelete.setEnabled(on_catalog)

    def delete_selected(self) -> None:
        ids = self.catalog.selected_ids()
        if not ids or self.tabs.currentWidget() is not self.split:
            return  # the catalog's selection is not in sight: act on nothing
        titles = "、".join(f"《{t}》" for t in self.catalog.selected_titles()[:3])
        if len(ids) > 3:
            titles += "…"
        answer = QMessageBox.question(
            self,
            self.tr("Move to trash"),
            self.tr("Move %1 manuscript(s) to the trash: %2? They can be restored.")
            .replace("%1", str(len(ids)))
            .replace("%2", titles),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.editor.manuscript_id in ids and not self.editor.confirm_leave(
            then=self.delete_selected
        ):
            return
        manuscripts = self.library.manuscripts
        label = self.tr("move to trash: %1").replace("%1", titles)
        self.hub.run_op(
            lambda _p: manuscripts.delete(ids),
            lambda _r: self.hub.undo.push(label, lambda: manuscripts.undelete(ids)),
            self,
        )

    def _cited(self) -> int:
        return self.editor.manuscript_id

    def _name_citable(self) -> None:
        """The citation entry is on for an open manuscript placed in a volume, else off
        with the reason."""
        detail = self.editor.detail
        reason = (
            not_citable([detail.volume])
            if detail is not None
            else self.tr("Open a manuscript first")
        )
        self.cite_menu.setEnabled(reason is None)
        self.cite_menu.menuAction().setToolTip(reason or "")
        self.edit_menu.setToolTipsVisible(True)

    def _name_undo(self) -> None:
        """The Undo item names what it takes back ("Undo move to trash: 《秦渠谣》")."""
        label = self.hub.undo.next_label
        self.act_undo.setEnabled(label is not None)
        self.act_undo.setText(
            self.tr("&Undo %1").replace("%1", label) if label else self.tr("&Undo")
        )

    def undelete_selected(self) -> None:
        ids = self.catalog.selected_ids()
        if ids:
            manuscripts = self.library.manuscripts
            self.hub.run_op(lambda _p: manuscripts.undelete(ids), parent=self)

    def find_here(self) -> None:
        body = self.editor.body
        if body.isVisible() and body.isAncestorOf(QApplication.focusWidget()):
            body.open_find()
        else:
            self.focus_search()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search)
        self.search.focus_query()

    def search_for(self, query: str) -> None:
        """The Search view, showing the results of ``query`` (a person's names, say)."""
        self.focus_search()
        self.search.query.setText(query)
        self.search.search()

    def reindex(self) -> None:
        search = self.library.search
        self.hub.run_op(
            lambda p: search.reindex(p),
            lambda changes: self.statusBar().showMessage(
                self.tr("Search index rebuilt: %d manuscripts") % changes.value, 8000
            ),
            self,
            on_progress=self._progress,
        )

    def backup(self) -> None:
        path = save_file(
            self, self.tr("Back up library"), "wenshi-backup.zip", "Zip (*.zip)", "backups"
        )
        if path:
            self.hub.read(
                lambda p: backup_library(self.library, Path(path), p),
                lambda n: self.statusBar().showMessage(self.tr("Backed up to %s") % path, 8000),
                self,
            )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.statusBar().showMessage(f"{message} {done}/{total}")

    # -- libraries -------------------------------------------------------------------------
    def choose_library(self) -> None:
        folder = choose_folder(
            self, self.tr("Open or create a library"), "libraries", self.library.path.parent
        )
        if folder:
            self.open_library(folder)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_libraries():
            action = self.recent_menu.addAction(path)
            action.setEnabled(Path(path) != self.library.path)
            action.triggered.connect(lambda _c=False, path=path: self.open_library(path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def open_library(self, folder: str) -> None:
        """Open another library in a new window that takes this one's place (this one
        closes, asking first about unsaved edits, and lets its library go)."""
        if Path(folder).resolve() == self.library.path:
            return
        try:
            other = MainWindow(folder)
        except (WenshiError, OSError) as exc:
            show_error(self, exc)
            return
        OPEN_WINDOWS.append(other)
        other.setGeometry(self.geometry())
        other.show()
        self.leaving = True
        self.close()

    def set_language(self, code: str) -> None:
        """Switch the interface language now, no restart: the window is made anew in it on
        the same library, at the same view and manuscript (unsaved edits are asked about
        first, as on leaving the manuscript)."""
        if code == str(settings().value("language", "zh_CN")):
            return
        if not self.editor.confirm_leave(then=lambda: self.set_language(code)):
            return
        settings().setValue("language", code)
        apply_language(QApplication.instance(), code)
        self._remake()

    def _remake(self) -> None:
        """This window closes (keeping its place and layout, letting its library go) and a
        new one opens where it was, built with the translators now installed."""
        app = QApplication.instance()
        quits = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the program goes on between the two windows
        geometry, path = self.geometry(), str(self.library.path)
        try:
            self.leaving = True
            self.close()
            self.shutdown()
            other = MainWindow(path)
        except (WenshiError, OSError) as exc:  # the library went away meanwhile
            show_error(None, exc)
            app.quit()
            return
        finally:
            app.setQuitOnLastWindowClosed(quits)
        OPEN_WINDOWS.append(other)
        other.setGeometry(geometry)
        other.show()

    def about(self) -> None:
        from wenshi import __version__

        QMessageBox.about(
            self,
            self.tr("About wenshi"),
            self.tr(
                "<b>wenshi 文史</b> %s<br>Archive manager for Chinese local-history publications."
            )
            % __version__,
        )

    # -- layout persistence ----------------------------------------------------------------
    def _restore_layout(self) -> None:
        """The toolbar, splitter and catalog columns as left (the size is restored when
        the window is made)."""
        s = settings()
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        split = s.value("window/split")
        self._split_restored = split is not None
        if split is not None:
            self.split.restoreState(split)
        self.catalog.restore_state(s)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:  # closed while opening: nothing to save yet
            event.accept()
            return
        if not self.editor.confirm_leave(then=self.close):
            event.ignore()
            return
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/split", self.split.saveState())
        self.catalog.save_state(s)
        save_place(self.library.path, self.tabs.currentIndex(), self.editor.manuscript_id)
        event.accept()
        if self.leaving:  # replaced by another library's window: let this one go now
            QTimer.singleShot(0, self.shutdown)

    def _restore_place(self) -> None:
        """Back where the user left this library: the same main view, the same manuscript
        open (unless it has gone to the trash since)."""
        view, manuscript = saved_place(self.library.path)
        if 0 <= view < self.tabs.count():
            self.tabs.setCurrentIndex(view)
        if manuscript is None:
            return
        manuscripts = self.library.manuscripts

        def still_there(_progress) -> bool:
            try:
                manuscripts.get(manuscript, include_deleted=False)
            except NotFoundError:
                return False
            return True

        def reopen(there: bool) -> None:
            if there:
                self.open_manuscript(manuscript)
                self.tabs.setCurrentIndex(view)

        self.hub.read(still_there, reopen, self)

    def shutdown(self) -> None:
        """Let queued writes finish, then close the library (once)."""
        if self.shut:
            return
        self.shut = True
        self.hub.tasks.shutdown()
        self.library.close()
        if self in OPEN_WINDOWS:
            OPEN_WINDOWS.remove(self)
