"""The catalog table: a model over manuscript ids and their rows, read off the GUI thread.

Filtering and sorting are the core's (``wenshi.queries``): ``reload`` asks for the ordered
ids and their rows through ``run_read`` (the hub's lane in the program), and the table
shows them when they arrive — the GUI thread never waits on the database for the list.
Without ``run_read`` (a model on its own, in tests) it reads at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from wenshi.queries import Filter, Queries
from wenshi.records import ManuscriptSummary

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    AUTHORS = 1
    STATUS = 2
    WORDS = 3
    VOLUME = 4
    SECTION = 5
    RECEIVED = 6


HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("CatalogModel", "Title"),
    Column.AUTHORS: QT_TRANSLATE_NOOP("CatalogModel", "Authors"),
    Column.STATUS: QT_TRANSLATE_NOOP("CatalogModel", "Status"),
    Column.WORDS: QT_TRANSLATE_NOOP("CatalogModel", "Words"),
    Column.VOLUME: QT_TRANSLATE_NOOP("CatalogModel", "Volume"),
    Column.SECTION: QT_TRANSLATE_NOOP("CatalogModel", "Section"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("CatalogModel", "Received"),
}
SORT_KEY = {
    Column.TITLE: "title",
    Column.AUTHORS: "author",
    Column.STATUS: "status",
    Column.WORDS: "words",
    Column.VOLUME: "volume",
    Column.SECTION: "section",
    Column.RECEIVED: "received",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CatalogModel(QAbstractTableModel):
    def __init__(
        self,
        queries: Queries,
        parent=None,
        run_read: Callable[[Callable[[], Any], Callable[[Any], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.queries = queries
        self.run_read = run_read
        self.filter = Filter()
        self._ids: list[int] = []
        self._rows: dict[int, ManuscriptSummary] = {}
        self._serial = 0

    # -- data ------------------------------------------------------------------------------
    def reload(self, flt: Filter | None = None, then: Callable[[], None] | None = None) -> None:
        """Ask the core again (after a filter, sort or data change); ``then`` runs once the
        new rows are shown. A reload asked for while another is on its way replaces it."""
        if flt is not None:
            self.filter = flt
        self._serial += 1
        serial, wanted, queries = self._serial, replace(self.filter), self.queries

        def read() -> tuple[list[int], list[ManuscriptSummary]]:
            ids = queries.ordered_ids(wanted)
            return ids, queries.summaries(ids)

        def show(result: tuple[list[int], list[ManuscriptSummary]]) -> None:
            if serial != self._serial:
                return
            self.beginResetModel()
            self._ids = result[0]
            self._rows = {row.id: row for row in result[1]}
            self.endResetModel()
            if then is not None:
                then()

        if self.run_read is None:
            show(read())
        else:
            self.run_read(read, show)

    def summary_at(self, row: int) -> ManuscriptSummary | None:
        """The row's summary (read with its block of rows if not yet in)."""
        mid = self._ids[row]
        if mid not in self._rows:
            start = row - row % BLOCK
            for summary in self.queries.summaries(self._ids[start : start + BLOCK]):
                self._rows[summary.id] = summary
        return self._rows.get(mid)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, manuscript_id: int) -> int:
        try:
            return self._ids.index(manuscript_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CatalogModel", HEADERS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        summary = self.summary_at(index.row())
        return None if summary is None else _value(summary, Column(index.column()), role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:
        """Every role of a cell in one call (Qt's delegate asks for seven per cell when
        painting): each call into Python waits its turn for the GIL while the lane reads,
        and a click that scrolled the table and opened a 20,000-字 manuscript made 1,000."""
        valid = index.isValid() and 0 <= index.row() < len(self._ids)
        summary = self.summary_at(index.row()) if valid else None
        column = Column(index.column()) if valid else Column.TITLE
        for role_data in roleDataSpan:
            role = role_data.role()
            if valid and role == ID_ROLE:
                value = self._ids[index.row()]
            else:
                value = None if summary is None else _value(summary, column, role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.filter.sort = SORT_KEY[Column(column)] if 0 <= column < len(Column) else "id"
        self.filter.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def _value(summary: ManuscriptSummary, column: Column, role: int) -> Any:
    """What one cell shows in ``role`` (None: nothing)."""
    if role == Qt.ItemDataRole.DisplayRole:
        if column is Column.TITLE:
            return summary.title
        if column is Column.AUTHORS:
            return "、".join(summary.authors)
        if column is Column.STATUS:
            return summary.status_label
        if column is Column.WORDS:
            return summary.words
        if column is Column.VOLUME:
            return summary.volume if summary.volume is not None else ""
        if column is Column.SECTION:
            return summary.section or ""
        return summary.received_date or ""
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.WORDS, Column.VOLUME):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if role == Qt.ItemDataRole.ToolTipRole and summary.similar_to:
        return (
            QCoreApplication.translate(
                "CatalogModel", "Looks like a near-duplicate of manuscript #%d"
            )
            % summary.similar_to
        )
    return None
