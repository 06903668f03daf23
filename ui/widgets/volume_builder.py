"""Building a 辑: sections and their manuscripts in a tree (drag to reorder or move between
sections), the pool of 采用/待用 pieces to drag in, live totals, the page estimate, progress
against the target, a chart of 字数 per section, layout settings, exports with a preview."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import ChoiceDialog
from ui.file_dialogs import save_file
from ui.hub import Hub
from ui.labels import words_label
from ui.widgets.toc_preview import TocPreview
from ui.widgets.volume_settings import VolumeSettingsDialog
from wenshi.changes import Aspect, Changes
from wenshi.errors import WenshiError
from wenshi.export.toc_lines import toc_sections
from wenshi.volumes.plan import VolumePlan
from wenshi.volumes.service import PoolItem, Volumes

MIME = "application/x-wenshi-manuscripts"
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


class SectionChart(QWidget):
    """Bars of 字数 per section: where the volume is heavy or thin."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: list[tuple[str, int]] = []
        self.setMinimumHeight(110)

    def set_data(self, data: list[tuple[str, int]]) -> None:
        self.data = data
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.data:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max(v for _, v in self.data) or 1
        label_w, row_h = 90, max(16, (self.height() - 8) // len(self.data))
        for i, (name, value) in enumerate(self.data):
            y = 4 + i * row_h
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            width = (self.width() - label_w - 70) * value / top
            painter.fillRect(QRectF(label_w, y + 3, width, row_h - 6), QColor("#8a4b2a"))
            painter.drawText(
                QRectF(label_w + width + 4, y, 66, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                f"{value:,}",
            )
        painter.end()


class PoolList(QListWidget):
    """采用/待用 manuscripts in no volume; drag them into the tree."""

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        data.setData(MIME, ",".join(str(i.data(ID_ROLE)) for i in items).encode())
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME]


class VolumeTree(QTreeWidget):
    """Sections with their manuscripts; drops are turned into core moves."""

    dropped = Signal(list, str, int)  # ids, section, 1-based position

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(4)
        self.setHeaderLabels(
            [self.tr("Section / title"), self.tr("Authors"), self.tr("Words"), self.tr("Page")]
        )
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setColumnWidth(0, 300)
        self.setColumnWidth(1, 140)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        ids = [str(i.data(0, ID_ROLE)) for i in items if i.data(0, KIND_ROLE) == "item"]
        data.setData(MIME, ",".join(ids).encode())
        return data

    def dragMoveEvent(self, event) -> None:
        super().dragMoveEvent(event)  # places the drop indicator
        if self._target(event.position().toPoint()) is None:
            event.ignore()

    def dropEvent(self, event) -> None:
        """Every drop, from the pool or from the tree itself, becomes one core move, and the
        tree is rebuilt from the core's plan. Qt's own handling is never reached: for a drag
        that starts in the tree it moves the items itself (a piece dropped on a piece ends
        up nested under it) and the core never hears of it."""
        ids = [int(x) for x in bytes(event.mimeData().data(MIME)).decode().split(",") if x]
        target = self._target(event.position().toPoint())
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the source removes nothing
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if not ids or target is None:
            return
        section, row = target
        # The core counts positions without the pieces moved: those above the drop row in
        # the same section shift it up by one each.
        above = sum(
            1
            for r in range(min(row, section.childCount()))
            if section.child(r).data(0, ID_ROLE) in ids
        )
        self.dropped.emit(ids, section.data(0, ID_ROLE), row - above + 1)

    def _target(self, point) -> tuple[QTreeWidgetItem, int] | None:
        """The section and the row in it where a drop at ``point`` puts the pieces: between
        pieces, or at the end of a section dropped onto; never under a piece."""
        item = self.itemAt(point)
        where = self.dropIndicatorPosition()
        Position = QAbstractItemView.DropIndicatorPosition
        if item is None:  # below the last row: the end of the last section
            count = self.topLevelItemCount()
            last = self.topLevelItem(count - 1) if count else None
            return None if last is None else (last, last.childCount())
        if item.data(0, KIND_ROLE) == "item":
            section = item.parent()
            return section, section.indexOfChild(item) + (where == Position.BelowItem)
        if where == Position.AboveItem:  # between a section's heading and the one above
            above = self.indexOfTopLevelItem(item) - 1
            previous = self.topLevelItem(above) if above >= 0 else None
            return None if previous is None else (previous, previous.childCount())
        if where == Position.BelowItem and item.isExpanded() and item.childCount():
            return item, 0
        return item, item.childCount()


class VolumeBuilder(QWidget):
    open_manuscript = Signal(int)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.plan: VolumePlan | None = None
        self.volume = QComboBox()
        self.new_volume = QPushButton(self.tr("New volume…"))
        self.settings_button = QPushButton(self.tr("Volume settings…"))
        self.add_section = QPushButton(self.tr("Add section…"))
        self.rename_section = QPushButton(self.tr("Rename section…"))
        self.remove_section = QPushButton(self.tr("Remove section"))
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.take_out = QPushButton(self.tr("Take out of volume"))
        self.export_toc = QPushButton(self.tr("Export contents…"))
        self.export_volume = QPushButton(self.tr("Export volume…"))
        self.export_payments = QPushButton(self.tr("Payment sheet…"))
        # The back-of-book indexes from the persons and places list, alone or in the volume.
        self.export_index = QPushButton(self.tr("Index"))
        index_menu = QMenu(self.export_index)
        index_menu.addAction(
            self.tr("Index of persons (人名索引)…"), lambda: self._export_index("person")
        )
        index_menu.addAction(
            self.tr("Index of places (地名索引)…"), lambda: self._export_index("place")
        )
        index_menu.addSeparator()
        index_menu.addAction(
            self.tr("Export volume with both indexes…"),
            lambda: self._export_volume(("person", "place")),
        )
        self.export_index.setMenu(index_menu)
        self.put_in = QPushButton(self.tr("◀ Place in section…"))

        self.tree = VolumeTree()
        self.pool = PoolList()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.progress = QProgressBar()
        self.chart = SectionChart()
        self.preview = TocPreview()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Volume")))
        top.addWidget(self.volume)
        for button in (self.new_volume, self.settings_button):
            top.addWidget(button)
        top.addStretch(1)
        for button in (
            self.export_toc,
            self.export_volume,
            self.export_index,
            self.export_payments,
        ):
            top.addWidget(button)
        tools = QHBoxLayout()
        for button in (
            self.add_section,
            self.rename_section,
            self.remove_section,
            self.up,
            self.down,
            self.take_out,
        ):
            tools.addWidget(button)
        tools.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.tree, 1)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Accepted and held, in no volume (drag into a section)")))
        right.addWidget(self.pool, 1)
        right.addWidget(self.put_in)
        right_box = QWidget()
        right_box.setLayout(right)
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.info = info = QTabWidget()
        stats = QWidget()
        stats_layout = QVBoxLayout(stats)
        stats_layout.addWidget(self.totals)
        stats_layout.addWidget(self.progress)
        stats_layout.addWidget(self.chart, 1)
        info.addTab(stats, self.tr("Totals"))
        info.addTab(self.preview, self.tr("Contents preview"))
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(split)
        outer.addWidget(info)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(outer, 1)

        self.volume.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_volume.clicked.connect(self._new_volume)
        self.settings_button.clicked.connect(self._settings)
        self.add_section.clicked.connect(self._add_section)
        self.rename_section.clicked.connect(self._rename_section)
        self.remove_section.clicked.connect(self._remove_section)
        self.up.clicked.connect(lambda: self._shift(-1))
        self.down.clicked.connect(lambda: self._shift(1))
        self.take_out.clicked.connect(self._take_out)
        self.put_in.clicked.connect(self._put_in)
        self.export_toc.clicked.connect(self._export_toc)
        self.export_volume.clicked.connect(lambda: self._export_volume())
        self.export_payments.clicked.connect(self._export_payments)
        self.tree.dropped.connect(self._dropped)
        self.tree.itemDoubleClicked.connect(self._open)
        self.pool.itemDoubleClicked.connect(lambda i: self.open_manuscript.emit(i.data(ID_ROLE)))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.pool.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pool.customContextMenuRequested.connect(self._pool_menu)
        self._stale = True
        self._serial = 0

    # -- reading ---------------------------------------------------------------------------
    @property
    def volumes(self) -> Volumes:
        return self.hub.library.volumes

    def changed(self, changes: Changes) -> None:
        """Re-read after an operation that may change what the builder shows; while the
        builder is hidden, only note that it must re-read when shown."""
        if not changes.touches(
            Aspect.VOLUME,
            Aspect.PLACEMENT,
            Aspect.STATUS,
            Aspect.BODY,
            Aspect.DETAILS,
            Aspect.TRASH,
            Aspect.IMAGES,
            Aspect.CREATED,
        ):
            return
        if self.isVisible():
            self.reload_volumes()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload_volumes()

    @property
    def number(self) -> int | None:
        return self.volume.currentData()

    def reload_volumes(self, select: int | None = None) -> None:
        keep = select if select is not None else self.number
        self.volume.blockSignals(True)
        self.volume.clear()
        for summary in self.volumes.list():
            self.volume.addItem(f"第{summary.number}辑　{summary.title}", summary.number)
        index = self.volume.findData(keep)
        self.volume.setCurrentIndex(index if index >= 0 else self.volume.count() - 1)
        self.volume.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        number = self.number
        has = number is not None
        for widget in (
            self.settings_button,
            self.add_section,
            self.rename_section,
            self.remove_section,
            self.up,
            self.down,
            self.take_out,
            self.export_toc,
            self.export_volume,
            self.export_index,
            self.export_payments,
            self.put_in,
        ):
            widget.setEnabled(has)
        self._serial += 1
        serial, volumes, selected = self._serial, self.volumes, self._selected_id()

        def read() -> tuple[VolumePlan | None, list[PoolItem]]:
            return (volumes.plan(number) if has else None), volumes.pool()

        def show(result: tuple[VolumePlan | None, list[PoolItem]]) -> None:
            if serial != self._serial:
                return  # a newer refresh is on its way
            self.plan, pool = result
            self._fill_pool(pool)
            if self.plan is None:
                self.tree.clear()
                self.totals.setText(self.tr("No volume yet: create one with “New volume…”."))
                self.preview.show_sections([])
                self.chart.set_data([])
                return
            self._fill_tree(selected)
            self._fill_totals()
            self.preview.show_sections(toc_sections(self.plan))
            self._freeze(self.plan.frozen)

        # The page estimate reads every text of the volume: on the lane, shown on arrival.
        self.hub.read(lambda _p: read(), show, self)

    def _changing_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.add_section,
            self.rename_section,
            self.remove_section,
            self.up,
            self.down,
            self.take_out,
            self.put_in,
        )

    def _freeze(self, reason: str | None) -> None:
        """A published volume: the buttons that would change it are off, and say why."""
        for button in self._changing_buttons():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def _fill_tree(self, selected: int | None) -> None:
        self.tree.clear()
        assert self.plan is not None
        for section in self.plan.sections:
            t = section.totals
            heading = self.tr("%1　(%2)").replace("%1", section.name).replace("%2", str(t.articles))
            top = QTreeWidgetItem([heading, "", f"{t.words:,}", ""])
            top.setData(0, ID_ROLE, section.name)
            top.setData(0, KIND_ROLE, "section")
            top.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDropEnabled
            )
            self.tree.addTopLevelItem(top)
            for item in section.items:
                child = QTreeWidgetItem(
                    [item.title, item.credit_line, f"{item.words:,}", str(item.start_page)]
                )
                child.setData(0, ID_ROLE, item.id)
                child.setData(0, KIND_ROLE, "item")
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                child.setFlags(  # not a drop target: pieces go between pieces
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                top.addChild(child)
                if item.id == selected:
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)

    def _fill_totals(self) -> None:
        plan = self.plan
        assert plan is not None
        t = plan.totals
        self.totals.setText(
            self.tr(
                "%1 articles · %2 words (Han %3) · layout words %4 · %5 photos · "
                "about %6 pages (%7, %8×%9)"
            )
            .replace("%1", str(t.articles))
            .replace("%2", f"{t.words:,}")
            .replace("%3", f"{t.han:,}")
            .replace("%4", f"{t.layout_words:,}")
            .replace("%5", str(t.images))
            .replace("%6", str(t.pages))
            .replace("%7", plan.settings.paper)
            .replace("%8", str(plan.settings.chars_per_line))
            .replace("%9", str(plan.settings.lines_per_page))
        )
        if plan.target_words:
            self.progress.setMaximum(plan.target_words)
            self.progress.setValue(min(t.words, plan.target_words))
            self.progress.setFormat(
                self.tr("%1 of target %2 words (%p%)")
                .replace("%1", f"{t.words:,}")
                .replace("%2", f"{plan.target_words:,}")
            )
            self.progress.show()
        else:
            self.progress.hide()
        self.chart.set_data([(s.name, s.totals.words) for s in plan.sections])

    def _fill_pool(self, pool: list[PoolItem]) -> None:
        self.pool.clear()
        for piece in pool:
            authors = "、".join(piece.authors)
            text = f"{piece.title}　{authors}　{words_label(piece.words)}　{piece.status_label}"
            if piece.section_wish:
                text += f"　→{piece.section_wish}"
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, piece.id)
            self.pool.addItem(item)

    def _selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item and item.data(0, KIND_ROLE) == "item" else None

    def _selected_section(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        if item.data(0, KIND_ROLE) == "item":
            item = item.parent()
        return self.plan.sections[self.tree.indexOfTopLevelItem(item)].name if self.plan else None

    # -- context menus ---------------------------------------------------------------------
    def _menu(self, owner: QWidget) -> QMenu:
        menu = QMenu(owner)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)  # a disabled entry says why
        return menu

    def _frozen_entries(self, actions) -> None:
        reason = self.plan.frozen if self.plan else None
        for action in actions:
            if reason:
                action.setEnabled(False)
                action.setToolTip(reason)

    def _tree_menu(self, pos: QPoint) -> None:
        """A piece's or a section's actions where the pointer is: the same operations as the
        buttons and drags, each undoable; off, with the core's reason, on a published volume."""
        item = self.tree.itemAt(pos)
        plan = self.plan
        if item is None or plan is None:
            return
        self.tree.setCurrentItem(item)
        menu = self._menu(self.tree)
        if item.data(0, KIND_ROLE) == "item":
            mid, section = item.data(0, ID_ROLE), item.parent()
            s_index = self.tree.indexOfTopLevelItem(section)
            row = section.indexOfChild(item)
            menu.addAction(self.tr("Open"), lambda: self.open_manuscript.emit(mid))
            menu.addSeparator()
            up = menu.addAction(self.tr("Move up"), lambda: self._shift(-1))
            up.setEnabled(s_index > 0 or row > 0)
            down = menu.addAction(self.tr("Move down"), lambda: self._shift(1))
            down.setEnabled(s_index + 1 < len(plan.sections) or row + 1 < section.childCount())
            to = menu.addMenu(self.tr("Move to section"))
            for k, other in enumerate(plan.sections):
                if k != s_index:
                    to.addAction(other.name, lambda name=other.name: self._move_to(mid, name))
            to.setEnabled(len(plan.sections) > 1)
            menu.addSeparator()
            out = menu.addAction(self.tr("Take out of volume"), self._take_out)
            self._frozen_entries([up, down, to.menuAction(), out])
        else:
            s_index = self.tree.indexOfTopLevelItem(item)
            name = plan.sections[s_index].name
            rename = menu.addAction(self.tr("Rename section…"), self._rename_section)
            up = menu.addAction(self.tr("Move section up"), lambda: self._move_section(name, -1))
            up.setEnabled(s_index > 0)
            down = menu.addAction(self.tr("Move section down"), lambda: self._move_section(name, 1))
            down.setEnabled(s_index + 1 < len(plan.sections))
            menu.addSeparator()
            add = menu.addAction(self.tr("Add section…"), self._add_section)
            remove = menu.addAction(self.tr("Remove section"), self._remove_section)
            self._frozen_entries([rename, up, down, add, remove])
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _pool_menu(self, pos: QPoint) -> None:
        """The selected pool pieces (the one under the pointer joins them): add them to a
        section of this volume, or open the one under the pointer."""
        item = self.pool.itemAt(pos)
        if item is None:
            return
        if not item.isSelected():
            self.pool.setCurrentItem(item)
        ids = [i.data(ID_ROLE) for i in self.pool.selectedItems()]
        menu = self._menu(self.pool)
        mid = item.data(ID_ROLE)
        menu.addAction(self.tr("Open"), lambda: self.open_manuscript.emit(mid))
        menu.addSeparator()
        plan = self.plan
        add = menu.addMenu(
            self.tr("Add to volume %1").replace("%1", str(plan.number))
            if plan
            else self.tr("Add to volume")
        )
        for section in plan.sections if plan else []:
            add.addAction(section.name, lambda name=section.name: self._dropped(ids, name, 0))
        add.setEnabled(bool(plan and plan.sections))
        if plan is not None and not plan.sections:
            add.menuAction().setToolTip(self.tr("Add a section first."))
        self._frozen_entries([add.menuAction()])
        menu.popup(self.pool.viewport().mapToGlobal(pos))

    def _move_to(self, mid: int, section: str) -> None:
        number, volumes = self.number, self.volumes
        self._write(lambda: volumes.move(number, mid, section), undo=self._moving([mid], section))

    def _move_section(self, name: str, delta: int) -> None:
        plan, volumes = self.plan, self.volumes
        if plan is None:
            return
        at = [s.name for s in plan.sections].index(name) + 1 + delta
        label = self.tr("move section %1").replace("%1", name)
        self._write(lambda: volumes.move_section(plan.number, name, at), undo=label)

    # -- writing ---------------------------------------------------------------------------
    def _write(self, fn, select: int | None = None, undo: str | None = None) -> None:
        """Run a volume operation; the hub's change signal brings the view up to date.
        With ``undo`` (what the Undo item calls it) the volume's arrangement before the
        change is kept, and Undo puts it back."""
        number, volumes = self.number, self.volumes
        before: list = []

        def write(_progress):
            if undo is not None and number is not None:
                before.append(volumes.arrangement(number))
            return fn()

        def done(_result) -> None:
            if before:
                self.hub.undo.push(undo, lambda: volumes.rearrange(number, before[0]))
            if select is not None:
                self.reload_volumes(select)

        self.hub.run_op(write, done, self)

    def _new_volume(self) -> None:
        numbers = [v.number for v in self.volumes.list()]
        number, ok = QInputDialog.getInt(
            self,
            self.tr("New volume"),
            self.tr("Volume number"),
            (max(numbers) + 1) if numbers else 1,
            1,
            9999,
        )
        if not ok:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("New volume"), self.tr("Title"), text=f"《灵武文史》第{number}辑"
        )
        if ok:
            volumes = self.volumes
            self._write(lambda: volumes.create(number, title), select=number)

    def _settings(self) -> None:
        if self.plan is None:
            return
        dialog = VolumeSettingsDialog(self, self.plan)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.changes():
            number, changes, volumes = self.plan.number, dialog.changes(), self.volumes
            self._write(lambda: volumes.update(number, **changes))

    def _add_section(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add section"), self.tr("Section name"))
        if ok and name.strip():
            number, volumes = self.number, self.volumes
            label = self.tr("add section %1").replace("%1", name.strip())
            self._write(lambda: volumes.add_section(number, name), undo=label)

    def _rename_section(self) -> None:
        old = self._selected_section()
        if old is None:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename section"), self.tr("New name"), text=old
        )
        if ok and new.strip():
            number, volumes = self.number, self.volumes
            label = self.tr("rename section %1 to %2").replace("%1", old).replace("%2", new)
            self._write(lambda: volumes.rename_section(number, old, new), undo=label)

    def _remove_section(self) -> None:
        name = self._selected_section()
        if name is not None:
            number, volumes = self.number, self.volumes
            label = self.tr("remove section %1").replace("%1", name)
            self._write(lambda: volumes.remove_section(number, name), undo=label)

    def _shift(self, delta: int) -> None:
        """Move the selected manuscript up or down, into the neighbouring section at the ends."""
        mid, plan = self._selected_id(), self.plan
        if mid is None or plan is None:
            return
        where = next(
            (k, [i.id for i in s.items].index(mid))
            for k, s in enumerate(plan.sections)
            if mid in [i.id for i in s.items]
        )
        s_index, index = where
        sections = plan.sections
        target, position = sections[s_index].name, index + 1 + delta
        if position < 1 and s_index > 0:
            target, position = sections[s_index - 1].name, len(sections[s_index - 1].items) + 1
        elif position > len(sections[s_index].items) and s_index + 1 < len(sections):
            target, position = sections[s_index + 1].name, 1
        position = max(1, position)
        number, volumes = plan.number, self.volumes
        self._write(lambda: volumes.move(number, mid, target, position), undo=self._moving([mid]))

    def _take_out(self) -> None:
        mid = self._selected_id()
        if mid is not None:
            number, volumes = self.number, self.volumes
            label = self.tr("take out of the volume: %1").replace("%1", self._titles([mid]))
            self._write(lambda: volumes.remove(number, mid), undo=label)

    def _put_in(self) -> None:
        ids = [item.data(ID_ROLE) for item in self.pool.selectedItems()]
        if not ids or self.plan is None:
            return
        names = [s.name for s in self.plan.sections]
        if not names:
            QMessageBox.information(self, self.tr("No section"), self.tr("Add a section first."))
            return
        dialog = ChoiceDialog(self, self.tr("Place in section"), self.tr("Section"), names)
        current = self._selected_section()
        if current:
            dialog.combo.setCurrentText(current)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._dropped(ids, dialog.combo.currentText(), 0)

    def _dropped(self, ids: list[int], section: str, position: int) -> None:
        number, volumes = self.number, self.volumes
        self._write(
            lambda: volumes.place(number, ids, section, position or None),
            undo=self._moving(ids, section),
        )

    def _titles(self, ids: list[int]) -> str:
        """The pieces named as the tree and the pool show them: 《秦渠谣》, or a count."""
        titles = (
            {item.id: item.title for section in self.plan.sections for item in section.items}
            if self.plan
            else {}
        )
        for row in range(self.pool.count()):
            piece = self.pool.item(row)
            titles.setdefault(piece.data(ID_ROLE), piece.text().split("　")[0])
        if len(ids) == 1 and ids[0] in titles:
            return f"《{titles[ids[0]]}》"
        return self.tr("%1 pieces").replace("%1", str(len(ids)))

    def _moving(self, ids: list[int], section: str | None = None) -> str:
        if section is None:
            return self.tr("move %1").replace("%1", self._titles(ids))
        return self.tr("place %1 in %2").replace("%1", self._titles(ids)).replace("%2", section)

    def _open(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND_ROLE) == "item":
            self.open_manuscript.emit(item.data(0, ID_ROLE))

    # -- exports ---------------------------------------------------------------------------
    def _export(self, title: str, filters: str, default: str, write) -> None:
        path = save_file(self, title, default, filters, "exports")
        if not path:
            return
        from pathlib import Path

        self.hub.read(
            lambda _p: write(Path(path)),
            lambda _r: self.hub.status_message.emit(self.tr("Saved %s") % path),
            self,
        )

    def _export_toc(self) -> None:
        plan, exports = self.plan, self.hub.library.exports
        if plan is not None:
            self._export(
                self.tr("Export contents"),
                "Word (*.docx);;Markdown (*.md);;HTML (*.html);;CSV (*.csv)",
                f"第{plan.number}辑目录.docx",
                lambda p: exports.toc(plan.number, p),
            )

    def _export_volume(self, indexes: tuple[str, ...] = ()) -> None:
        plan = self.plan
        if plan is None:
            return
        exports = self.hub.library.exports
        self._export(
            self.tr("Export volume"),
            "Word (*.docx)",
            f"第{plan.number}辑.docx",
            lambda p: exports.volume(plan.number, p, indexes),
        )

    def _export_index(self, kind: str) -> None:
        plan = self.plan
        if plan is None:
            return
        exports = self.hub.library.exports
        name = "人名索引" if kind == "person" else "地名索引"
        self._export(
            self.tr("Export index"),
            "Word (*.docx);;CSV (*.csv)",
            f"第{plan.number}辑{name}.docx",
            lambda p: exports.name_index(plan.number, kind, p),
        )

    def _export_payments(self) -> None:
        plan = self.plan
        if plan is None:
            return
        rate, ok = QInputDialog.getDouble(
            self,
            self.tr("Payment sheet"),
            self.tr("Rate for manuscripts without their own (yuan per 1,000 words)"),
            80,
            1,
            100000,
            1,
        )
        if not ok:
            return
        volumes, number, exports = self.volumes, plan.number, self.hub.library.exports

        def write(path) -> None:
            exports.payments(number, path, rate)

        try:
            volumes.payments(number, rate)
        except WenshiError as exc:
            QMessageBox.warning(self, self.tr("Payment sheet"), str(exc))
            return
        self._export(
            self.tr("Payment sheet"),
            "Excel (*.xlsx);;CSV (*.csv)",
            f"第{plan.number}辑稿酬.xlsx",
            write,
        )
