"""The library browser beside the catalog (calibre's tag browser): 辑 → 栏目, states, tags,
years received and authors, each with its count; a click shows only those manuscripts in
the catalog, a click on the same entry (or “Show all”) everything again.

The counts are read on the lane (``wenshi.browse.counts``) whenever an operation changes
what they count, and only while the panel is shown (otherwise once it is shown again);
the entries are made a few hundred per event-loop turn, so a library of thousands of
authors never holds the window.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.hub import Hub
from ui.settings import settings
from ui.tasks import Slices
from wenshi import browse
from wenshi.browse import Facet
from wenshi.changes import Aspect, Changes

CHUNK = 300  # entries made per event-loop turn
FACET_ROLE = Qt.ItemDataRole.UserRole + 1
# What the counts depend on: text, photos, fees and the index never change them.
COUNTED = (
    Aspect.CREATED,
    Aspect.DETAILS,
    Aspect.STATUS,
    Aspect.PLACEMENT,
    Aspect.TRASH,
    Aspect.VOLUME,
)
CATEGORIES = (
    ("volumes", QT_TRANSLATE_NOOP("BrowserPanel", "Volumes")),
    ("statuses", QT_TRANSLATE_NOOP("BrowserPanel", "States")),
    ("tags", QT_TRANSLATE_NOOP("BrowserPanel", "Tags")),
    ("years", QT_TRANSLATE_NOOP("BrowserPanel", "Years")),
    ("authors", QT_TRANSLATE_NOOP("BrowserPanel", "Authors")),
)
OPEN_AT_FIRST = {"volumes", "statuses"}  # the long lists start folded


class BrowserPanel(QWidget):
    """Emits ``chosen(facet)`` with the entry clicked, or None for everything."""

    chosen = Signal(object)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.facet: Facet | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("browser")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)  # a click already folds a category
        # A 栏目 sits two levels in: a narrow indent leaves its name room in a narrow panel.
        self.tree.setIndentation(self.fontMetrics().horizontalAdvance("中"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        enter = QAction(self.tree)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(lambda: self._clicked(self.tree.currentItem()))
        self.tree.addAction(enter)
        self.show_all = QPushButton(self.tr("Show all"))
        self.show_all.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Browse")), 1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._open: set[object] = set(OPEN_AT_FIRST)  # category keys and volume facets
        self._serial = 0
        self._filling: Slices | None = None
        self._stale = True
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemExpanded.connect(lambda item: self._folded(item, False))
        self.tree.itemCollapsed.connect(lambda item: self._folded(item, True))
        self.show_all.clicked.connect(lambda: self.choose(None))
        hub.changed.connect(self._changed)

    # -- choosing --------------------------------------------------------------------------
    def choose(self, facet: Facet | None) -> None:
        """Show ``facet``'s manuscripts in the catalog (None: all of them)."""
        self.facet = facet
        self.show_all.setEnabled(facet is not None)
        self._mark_chosen()
        self.chosen.emit(facet)

    def _clicked(self, item: QTreeWidgetItem | None) -> None:
        facet = item.data(0, FACET_ROLE) if item is not None else None
        if isinstance(facet, Facet):
            self.choose(None if facet == self.facet else facet)
        elif item is not None:  # a category: it folds and unfolds
            item.setExpanded(not item.isExpanded())

    def _folded(self, item: QTreeWidgetItem, folded: bool) -> None:
        """Keep which categories and volumes are open when the entries are made again."""
        key = item.data(0, FACET_ROLE)
        (self._open.discard if folded else self._open.add)(key)

    def _mark_chosen(self) -> None:
        self.tree.clearSelection()
        item = self._item_of(self.facet) if self.facet is not None else None
        if item is not None:
            item.setSelected(True)
            self.tree.setCurrentItem(item)

    def _item_of(self, facet: Facet) -> QTreeWidgetItem | None:
        for top in range(self.tree.topLevelItemCount()):
            stack = [self.tree.topLevelItem(top)]
            while stack:
                item = stack.pop()
                if item.data(0, FACET_ROLE) == facet:
                    return item
                stack += [item.child(i) for i in range(item.childCount())]
        return None

    # -- reading ---------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(*COUNTED):
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Count again on the lane; an answer overtaken by a newer question is dropped."""
        self._stale = False
        self._serial += 1
        serial, library = self._serial, self.hub.library

        def show(found: browse.Browse) -> None:
            if serial == self._serial:
                if self._filling is not None:
                    self._filling.cancel()
                self._filling = self.hub.tasks.slices(self._fill(found))

        self.hub.read(lambda _p: browse.counts(library), show, self)

    def _fill(self, found: browse.Browse) -> Iterator[None]:
        """Make the entries off-tree, ``CHUNK`` per turn, then put them in at once."""
        tops, made = [], 0
        for key, name in CATEGORIES:
            top = QTreeWidgetItem([self.tr(name)])
            top.setData(0, FACET_ROLE, key)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            tops.append(top)
            for node in getattr(found, key):
                top.addChild(self._entry(node))
                made += 1 + len(node.children)
                if made >= CHUNK:
                    made = 0
                    yield
        self.tree.clear()
        self.tree.addTopLevelItems(tops)
        opened = set(self._open)  # (unfolding one below a folded category adds nothing)
        for top in tops:
            top.setExpanded(top.data(0, FACET_ROLE) in opened)
            for row in range(top.childCount()):
                child = top.child(row)
                child.setExpanded(child.data(0, FACET_ROLE) in opened)
        self._filling = None
        if self.facet is not None and self._item_of(self.facet) is None:
            self.choose(None)  # what was chosen holds nothing any more
        else:
            self._mark_chosen()

    def _entry(self, node: browse.Node) -> QTreeWidgetItem:
        label = self._label(node)
        item = QTreeWidgetItem([label, str(node.count)])
        item.setData(0, FACET_ROLE, node.facet)
        item.setToolTip(0, node.label if node.facet.kind == "volume" and node.label else label)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setForeground(1, Qt.GlobalColor.darkGray)
        item.addChildren([self._entry(child) for child in node.children])
        return item

    def _label(self, node: browse.Node) -> str:
        kind, value = node.facet.kind, node.facet.value
        if kind == "volume":
            return self.tr("Not in a volume") if value is None else self.tr("Vol. %d") % value
        if kind == "year" and value is None:
            return self.tr("No date received")
        return node.label


class BrowserSplitter(QSplitter):
    """The browser at the left of the catalog. Until its handle is moved it takes a fifth
    of the room (between 11 and 16 characters); the width the user gives it is kept in
    the settings at once (the window's own layout does not know this splitter)."""

    KEY = "window/browser-split"

    def __init__(self, browser: BrowserPanel, catalog: QWidget) -> None:
        super().__init__()
        self.addWidget(browser)
        self.addWidget(catalog)
        self.setStretchFactor(1, 1)
        self.setCollapsible(1, False)
        state = settings().value(self.KEY)
        self.placed = state is not None and self.restoreState(state)
        self.splitterMoved.connect(self._moved)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.placed:
            em = self.fontMetrics().horizontalAdvance("中")
            left = min(max(self.width() // 5, 11 * em), 16 * em)
            self.setSizes([left, self.width() - left])

    def _moved(self) -> None:
        self.placed = True
        settings().setValue(self.KEY, self.saveState())
