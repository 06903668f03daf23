"""The catalog: a filter bar (status, volume, text) over the manuscript table, narrowed
further by what the library browser chose, with a menu on each row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.citing import citation_menu, not_citable
from ui.models.catalog_model import CatalogModel
from ui.widgets.catalog_table import CatalogTable
from wenshi import workflow
from wenshi.browse import Facet
from wenshi.queries import Filter, Queries
from wenshi.records import ManuscriptSummary

STATE_KEY = "catalog/columns"  # not the old "catalog/header": that one predates fitting


class CatalogView(QWidget):
    """Emits ``selected(id)`` when the current manuscript changes (0 for none); from a
    row's menu (or Enter, a double-click) ``open_requested(id)``, ``review_requested(id,
    target state)`` and ``add_to_volume(ids, titles)``, which the window carries out."""

    selected = Signal(int)
    open_requested = Signal(int)
    review_requested = Signal(int, str)
    review_many = Signal(list, list, list, str)  # ids, titles, their states, the target
    tag_requested = Signal(list, list, bool)  # ids, titles, add (else remove)
    add_to_volume = Signal(list, list)
    cite_requested = Signal(list, str)  # ids, citation style
    everything_requested = Signal()  # "Show all" under the notice of a hidden manuscript

    def __init__(
        self,
        queries: Queries,
        parent: QWidget | None = None,
        run_read: Callable[[Callable[[], Any], Callable[[Any], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = CatalogModel(queries, self, run_read)
        self.facet: Facet | None = None
        self.status = QComboBox()
        self.status.addItem(self.tr("All states"), "")
        for key, label in workflow.LABELS.items():
            self.status.addItem(label, key)
        self.status.addItem(self.tr("Trash"), "__trash__")
        self.volume = QComboBox()
        self.section = QComboBox()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter by title or author"))
        self.text.setClearButtonEnabled(True)
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("State")))
        bar.addWidget(self.status)
        bar.addWidget(QLabel(self.tr("Volume")))
        bar.addWidget(self.volume)
        bar.addWidget(QLabel(self.tr("Section")))
        bar.addWidget(self.section)
        bar.addStretch(1)
        search_row = QHBoxLayout()
        search_row.addWidget(self.text, 1)
        search_row.addWidget(self.count)
        # Shown when the manuscript open in the editor is one the filters hide (opened
        # from a search hit or the volume tree): the filters stay as the user set them.
        self.outside_id = 0
        self.outside = QLabel(
            self.tr("The manuscript open on the right is not in this list: the filters hide it.")
        )
        self.outside.setObjectName("notice")
        self.outside.setWordWrap(True)
        self.show_everything = QPushButton(self.tr("Show all"))
        self.outside_bar = QWidget()
        outside_row = QHBoxLayout(self.outside_bar)
        outside_row.setContentsMargins(0, 0, 0, 0)
        outside_row.addWidget(self.outside, 1)
        outside_row.addWidget(self.show_everything)
        self.outside_bar.hide()
        self.show_everything.clicked.connect(self.everything_requested)

        self.table = CatalogTable(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(search_row)
        layout.addWidget(self.outside_bar)
        layout.addWidget(self.table)

        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.refresh())
        self.text.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.volume.currentIndexChanged.connect(lambda _i: self.refresh())
        self.section.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda index: self.open_requested.emit(self._id(index)))
        self.table.customContextMenuRequested.connect(self._row_menu)

    def set_choices(self, volumes: list[int], sections: list[str]) -> None:
        """Offer the volumes and sections that exist, keeping the current choices."""
        for combo, values, label in (
            (self.volume, volumes, self.tr("Vol. %d")),
            (self.section, sections, "%s"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(label % value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Query the core again (off the GUI thread), keeping the current manuscript and
        the rest of the selection (a batch just reviewed, for its next step) where still
        shown; ``then`` runs once the new list is shown."""
        kept, also = self.current_id(), self.selected_ids()
        status = self.status.currentData() or None
        flt = Filter(
            status=None if status == "__trash__" else status,
            trash=status == "__trash__",
            volume=self.volume.currentData(),
            section=self.section.currentData(),
            text=self.text.text(),
            facet=self.facet,
            sort=self.model.filter.sort,
            descending=self.model.filter.descending,
        )

        def shown() -> None:
            self.count.setText(self.tr("%d manuscripts") % self.model.rowCount())
            if self.outside_id and self.model.row_of(self.outside_id) >= 0:
                keep = self.outside_id  # the hidden manuscript is in the list again
                self.outside_id = 0
                self.outside_bar.hide()
            else:
                keep = kept
            if keep:
                self.select(keep)
            if keep == kept:
                self._select_also([mid for mid in also if mid != keep])
            if then is not None:
                then()

        self.count.setText(self.tr("Reading…"))
        self.model.reload(flt, shown)

    def set_facet(self, facet: Facet | None) -> None:
        """Show only what the library browser chose (None: everything again)."""
        if facet != self.facet:
            self.facet = facet
            self.refresh()

    def note_outside(self, manuscript_id: int) -> None:
        """The editor shows ``manuscript_id`` though the filters hide it: say so (no row
        stays selected, it would name another manuscript) and leave the filters alone."""
        self.outside_id = manuscript_id
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # not a choice of "no manuscript" for the editor
        selection.clear()
        selection.blockSignals(False)
        self.table.viewport().update()
        self.outside_bar.show()

    def clear_filters(self) -> None:
        """Every filter back to “all” (the browser's choice is cleared by the window)."""
        for combo in (self.status, self.volume, self.section):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.facet = None
        self.refresh()

    def current_id(self) -> int:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else 0

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    def selected_titles(self) -> list[str]:
        """The 题名 of the selected rows, in row order (what a confirmation names)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [str(self.model.index(r, 0).data()) for r in rows]

    def select(self, manuscript_id: int) -> None:
        row = self.model.row_of(manuscript_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _select_also(self, ids: list[int]) -> None:
        """Add these rows to the selection, the current row (the open manuscript) left."""
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for mid in ids:
            row = self.model.row_of(mid)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid() and self.outside_id:
            self.outside_id = 0
            self.outside_bar.hide()
        self.selected.emit(self._id(current))

    def _id(self, index: QModelIndex) -> int:
        return self.model.id_at(index.row()) if index.isValid() else 0

    def _row_menu(self, pos: QPoint) -> None:
        """What can be done to the row right-clicked (the press made it current) and the
        rows selected with it; the window's own actions on the table (Move to trash) too."""
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        self.fill_selection_menu(menu)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def selected_summaries(self) -> list[ManuscriptSummary]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [s for s in map(self.model.summary_at, rows) if s is not None]

    def fill_selection_menu(self, menu: QMenu) -> None:
        """The actions on the selected rows — one open, one review step with one opinion
        for all of them, tags, trash, a volume — for the row menu and the window's menu."""
        summaries = self.selected_summaries()
        if not summaries:
            menu.addAction(self.tr("No manuscript selected")).setEnabled(False)
            return
        ids, titles = [s.id for s in summaries], [s.title for s in summaries]
        if len(ids) == 1:
            menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(ids[0]))
        live = [s for s in summaries if not s.deleted_at]
        targets = workflow.common_steps(s.status for s in live) if len(live) == len(ids) else ()
        steps = menu.addMenu(
            self.tr("Review step") if len(ids) == 1 else self.tr("Review step for all")
        )
        statuses = [s.status for s in summaries]
        for target in targets:
            label = self.tr("→ %s…") % workflow.label(target)
            if len(ids) == 1:
                steps.addAction(label, lambda t=target: self.review_requested.emit(ids[0], t))
            else:
                steps.addAction(
                    label, lambda t=target: self.review_many.emit(ids, titles, statuses, t)
                )
        steps.setEnabled(bool(targets))
        if not targets and len(ids) > 1:
            steps.setToolTip(self.tr("The selected manuscripts have no review step in common"))
        tags = menu.addMenu(self.tr("Tags"))
        tags.addAction(self.tr("Add a tag…"), lambda: self.tag_requested.emit(ids, titles, True))
        tags.addAction(
            self.tr("Remove a tag…"), lambda: self.tag_requested.emit(ids, titles, False)
        )
        menu.addSeparator()
        menu.addActions(self.table.actions())
        menu.addAction(self.tr("Add to volume…"), lambda: self.add_to_volume.emit(ids, titles))
        menu.addSeparator()
        menu.addAction(
            self.tr("Copy title"), lambda: QApplication.clipboard().setText("\n".join(titles))
        )
        citation_menu(
            menu,
            lambda style: self.cite_requested.emit(ids, style),
            not_citable([s.volume for s in summaries]),
        )

    def save_state(self, settings: QSettings) -> None:
        """The columns as the user left them (widths, order, sort, hidden ones)."""
        settings.setValue(STATE_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(STATE_KEY)
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self.table.auto_fit = False
