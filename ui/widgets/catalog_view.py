"""The catalog: a filter bar (status, volume, text) over the manuscript table, narrowed
further by what the library browser chose, with a menu on each row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ui.models.catalog_model import CatalogModel
from ui.widgets.catalog_table import CatalogTable
from wenshi import workflow
from wenshi.browse import Facet
from wenshi.queries import Filter, Queries

STATE_KEY = "catalog/columns"  # not the old "catalog/header": that one predates fitting


class CatalogView(QWidget):
    """Emits ``selected(id)`` when the current manuscript changes (0 for none); from a
    row's menu (or Enter, a double-click) ``open_requested(id)``, ``review_requested(id,
    target state)`` and ``add_to_volume(ids, titles)``, which the window carries out."""

    selected = Signal(int)
    open_requested = Signal(int)
    review_requested = Signal(int, str)
    add_to_volume = Signal(list, list)

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

        self.table = CatalogTable(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(search_row)
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
        """Query the core again (off the GUI thread), keeping the current manuscript
        selected if still shown; ``then`` runs once the new list is shown."""
        keep = self.current_id()
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
            if keep:
                self.select(keep)
            if then is not None:
                then()

        self.count.setText(self.tr("Reading…"))
        self.model.reload(flt, shown)

    def set_facet(self, facet: Facet | None) -> None:
        """Show only what the library browser chose (None: everything again)."""
        if facet != self.facet:
            self.facet = facet
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

    def _current_changed(self, current, _previous) -> None:
        self.selected.emit(self._id(current))

    def _id(self, index: QModelIndex) -> int:
        return self.model.id_at(index.row()) if index.isValid() else 0

    def _row_menu(self, pos: QPoint) -> None:
        """What can be done to the row right-clicked (the press made it current) and the
        rows selected with it; the window's own actions on the table (Move to trash) too."""
        index = self.table.indexAt(pos)
        summary = self.model.summary_at(index.row()) if index.isValid() else None
        if summary is None:
            return
        mid, ids, titles = summary.id, self.selected_ids(), self.selected_titles()
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(mid))
        steps = menu.addMenu(self.tr("Review step"))
        targets = () if summary.deleted_at else workflow.allowed_next(summary.status)
        for target in targets:
            label = self.tr("→ %s…") % workflow.label(target)
            steps.addAction(label, lambda t=target: self.review_requested.emit(mid, t))
        steps.setEnabled(bool(targets) and ids == [mid])  # one piece, one opinion
        menu.addSeparator()
        menu.addActions(self.table.actions())
        menu.addAction(self.tr("Add to volume…"), lambda: self.add_to_volume.emit(ids, titles))
        menu.addSeparator()
        menu.addAction(
            self.tr("Copy title"), lambda: QApplication.clipboard().setText("\n".join(titles))
        )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def save_state(self, settings: QSettings) -> None:
        """The columns as the user left them (widths, order, sort, hidden ones)."""
        settings.setValue(STATE_KEY, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(STATE_KEY)
        if state is not None and self.table.horizontalHeader().restoreState(state):
            self.table.auto_fit = False
