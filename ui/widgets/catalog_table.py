"""The manuscript table itself: column widths that fit the window, a column chooser on the
header, the full text of a cut-off cell as its tooltip, and Tab that leaves the table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from ui.models.catalog_model import Column

# What each column must show whole, as the widest value it commonly holds.
SAMPLES = {
    Column.AUTHORS: "马振华、冯志",
    Column.STATUS: "编辑加工",
    Column.WORDS: "00000",
    Column.VOLUME: "000",
    Column.SECTION: "史海钩沉",
    Column.RECEIVED: "0000-00-00",
}
# When the table is narrow, these go first (the column chooser brings them back): the
# 辑 and 栏目 are in the library browser beside it, the date in the manuscript's details.
HIDE_FIRST = (Column.RECEIVED, Column.SECTION, Column.VOLUME)
TITLE_EMS = 12  # characters of title the table keeps room for before it hides columns
SORT_ARROW = 18  # room the header keeps for the sort indicator


class ElidedTipDelegate(QStyledItemDelegate):
    """A cell cut off with “…” shows its whole text as the tooltip (with the model's own
    tooltip, such as a near-duplicate's note, after it)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        tips = [str(index.data(Qt.ItemDataRole.ToolTipRole) or "")]
        if self._elided(view, option, index):
            tips.insert(0, str(index.data()))
        tip = "\n".join(t for t in tips if t)
        if tip:
            QToolTip.showText(event.globalPos(), tip, view, view.visualRect(index))
        else:
            QToolTip.hideText()
        return True

    def _elided(
        self, view: QAbstractItemView, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        """Whether the text is wider than the room the style paints it in."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = view.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        return opt.fontMetrics.horizontalAdvance(opt.text) > rect.width() - 2 * margin


class CatalogTable(QTableView):
    """Until the user sizes or chooses columns (or a saved layout is restored), the
    columns fit the table: each as wide as what it holds, the title taking the rest, and
    the least needed hidden when the title would get too little."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab moves on to the next field, as in a form
        self.setItemDelegate(ElidedTipDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(self._resized)
        self.auto_fit = True
        self._fitting = False
        self._fitted: dict[Column, int] = {}  # the widths fitting gave

    # -- fitting ---------------------------------------------------------------------------
    def natural_width(self, column: Column) -> int:
        """Room for the column's header (and sort arrow) and its widest common value."""
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        label = str(self.model().headerData(column, Qt.Orientation.Horizontal))
        head = self.horizontalHeader().fontMetrics().horizontalAdvance(label) + SORT_ARROW
        return max(head, self.fontMetrics().horizontalAdvance(SAMPLES[column])) + margin + 8

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        widths = {column: self.natural_width(column) for column in SAMPLES}
        wanted = TITLE_EMS * self.fontMetrics().horizontalAdvance("中")
        hidden: set[Column] = set()
        for column in HIDE_FIRST:
            shown = sum(w for c, w in widths.items() if c not in hidden)
            if self.viewport().width() - shown >= wanted:
                break
            hidden.add(column)
        self._fitting = True
        self._fitted = widths
        try:
            for column, width in widths.items():
                header.setSectionHidden(column, column in hidden)
                self.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit_columns()

    def _resized(self, column: int, _old: int, new: int) -> None:
        """A column sized by the user is theirs: not the title's stretch, nor what fitting
        did (the header carries out some of it later, when it is laid out)."""
        if self._fitting or column == Column.TITLE or new in (0, self._fitted.get(column)):
            return
        self.auto_fit = False

    # -- the column chooser ------------------------------------------------------------------
    def _column_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            label = str(self.model().headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column is not Column.TITLE)  # a row without its title is no row
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.addSeparator()
        menu.addAction(self.tr("Fit columns to the window"), self._refit)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(header.mapToGlobal(pos))

    def show_column(self, column: Column, shown: bool) -> None:
        """Show or hide a column by the user's choice (kept with the window's layout)."""
        self.auto_fit = False
        self.horizontalHeader().setSectionHidden(column, not shown)
        if shown and self.columnWidth(column) < self.natural_width(column) // 2:
            self.setColumnWidth(column, self.natural_width(column))

    def _refit(self) -> None:
        self.auto_fit = True
        self.fit_columns()
