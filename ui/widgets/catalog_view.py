"""The catalog: a filter bar (status, volume, text) over the manuscript table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.catalog_model import CatalogModel, Column
from wenshi import workflow
from wenshi.queries import Filter, Queries


class CatalogView(QWidget):
    """Emits ``selected(id)`` when the current manuscript changes (0 for none)."""

    selected = Signal(int)

    def __init__(
        self,
        queries: Queries,
        parent: QWidget | None = None,
        run_read: Callable[[Callable[[], Any], Callable[[Any], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = CatalogModel(queries, self, run_read)
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

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for column, width in (
            (Column.TITLE, 190),
            (Column.AUTHORS, 100),
            (Column.STATUS, 52),
            (Column.WORDS, 56),
            (Column.VOLUME, 36),
            (Column.SECTION, 72),
        ):
            self.table.setColumnWidth(column, width)

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
        self.selected.emit(self.model.id_at(current.row()) if current.isValid() else 0)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("catalog/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("catalog/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
