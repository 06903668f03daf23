"""The authority list as a view (人物与地名): persons or places on the left; on the right
the chosen entry's names and every article that mentions it under any of them, by
volume and year — a person's page. Every change is one core operation on the lane."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.file_dialogs import open_file, save_file
from ui.hub import Hub
from ui.widgets.candidates_dialog import CandidatesDialog
from wenshi.authorities import PERSON_TYPES, PLACE_TYPES, Entry, Mention
from wenshi.changes import Aspect, Changes


class NameDialog(QDialog):
    """A name to add: the entry's 正名 (new entry) or another name with its type."""

    def __init__(self, parent: QWidget, kind: str, entry: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("New entry")
            if entry is None
            else self.tr("Another name of %1").replace("%1", entry)
        )
        form = QFormLayout(self)
        self.name = QLineEdit()
        form.addRow(self.tr("Name"), self.name)
        self.type = QComboBox()
        self.period = QLineEdit()
        self.dates = QLineEdit()
        if entry is not None:
            self.type.addItems(list((PERSON_TYPES if kind == "person" else PLACE_TYPES)[1:]))
            form.addRow(self.tr("Type"), self.type)
            if kind == "place":
                self.period.setPlaceholderText("北魏—明")
                form.addRow(self.tr("Period"), self.period)
        elif kind == "person":
            self.dates.setPlaceholderText("1884—1960")
            form.addRow(self.tr("Dates"), self.dates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class NamesView(QWidget):
    open_manuscript = Signal(int)
    search_requested = Signal(str)  # a query for the Search view: person:"马鸿宾"

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.entry: Entry | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Persons"), "person")
        self.kind.addItem(self.tr("Places"), "place")
        self.entries = QListWidget()
        self.add_entry = QPushButton(self.tr("New entry…"))
        self.add_name = QPushButton(self.tr("Add a name…"))
        self.remove = QPushButton(self.tr("Remove…"))
        self.import_csv = QPushButton(self.tr("Import CSV…"))
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.suggest = QPushButton(self.tr("Suggestions from the archive…"))
        self.suggest.setToolTip(
            self.tr(
                "Names the texts and by-lines use most that the list lacks: add, merge or reject"
            )
        )
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.names = QTableWidget(0, 3)
        self.names.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Period")])
        self.mentions_label = QLabel()
        self.mentions = QTableWidget(0, 6)
        self.mentions.setHorizontalHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Volume"),
                self.tr("Year"),
                self.tr("Names used"),
                self.tr("Hits"),
                self.tr("Passage"),
            ]
        )
        self.export_mentions = QPushButton(self.tr("Export the list…"))
        self.search_names = QPushButton(self.tr("Search under all its names"))
        for table in (self.names, self.mentions):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
        self.mentions.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )

        left = QVBoxLayout()
        left.addWidget(self.kind)
        left.addWidget(self.entries, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_entry)
        row.addWidget(self.remove)
        left.addLayout(row)
        left.addWidget(self.suggest)
        row = QHBoxLayout()
        row.addWidget(self.import_csv)
        row.addWidget(self.export_csv)
        left.addLayout(row)
        left_box = QWidget()
        left_box.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.names, 1)
        right.addWidget(self.add_name, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.mentions_label)
        right.addWidget(self.mentions, 3)
        row = QHBoxLayout()
        row.addWidget(self.export_mentions)
        row.addWidget(self.search_names)
        row.addStretch(1)
        right.addLayout(row)
        right_box = QWidget()
        right_box.setLayout(right)
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.entries.currentItemChanged.connect(lambda item, _old: self._choose(item))
        self.add_entry.clicked.connect(self._add_entry)
        self.add_name.clicked.connect(self._add_name)
        self.remove.clicked.connect(self._remove)
        self.import_csv.clicked.connect(self._import)
        self.suggest.clicked.connect(self._suggest)
        self.export_csv.clicked.connect(self._export)
        self.export_mentions.clicked.connect(self._export_mentions)
        self.search_names.clicked.connect(self._search_names)
        self.mentions.cellDoubleClicked.connect(
            lambda row, _col: self.open_manuscript.emit(
                self.mentions.item(row, 0).data(Qt.ItemDataRole.UserRole)
            )
        )
        hub.changed.connect(self._changed)
        self._loaded = False  # read when first shown: most days it is not opened at all
        self._keep: str | None = None  # the entry to show once the list is read again
        self._show(None, [])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    @property
    def current_kind(self) -> str:
        return self.kind.currentData()

    @property
    def authorities(self):
        return self.hub.library.authorities

    # -- reading ---------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if not self._loaded:
            return
        if changes.touches(Aspect.AUTHORITY) or changes.all:
            self.reload()
        elif self.entry is not None and changes.touches(
            Aspect.BODY, Aspect.CREATED, Aspect.DETAILS, Aspect.PLACEMENT, Aspect.TRASH
        ):  # texts changed: who mentions the entry may too
            self._choose(self.entries.currentItem())

    def reload(self) -> None:
        keep = self._keep or (self.entry.name if self.entry else None)
        kind, authorities = self.current_kind, self.authorities
        self.hub.read(lambda _p: authorities.list(kind), lambda e: self._fill(e, keep), self)

    def _fill(self, entries: list[Entry], keep: str | None) -> None:
        self._keep = None
        self.entries.blockSignals(True)
        self.entries.clear()
        chosen = None
        for entry in entries:
            others = "、".join(n.name for n in entry.names[1:])
            item = QListWidgetItem(f"{entry.name}　{others}".strip())
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            self.entries.addItem(item)
            if entry.name == keep:
                chosen = item
        self.entries.blockSignals(False)
        if chosen is None and self.entries.count():
            chosen = self.entries.item(0)
        self.entries.setCurrentItem(chosen)
        self._choose(chosen)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self._show(None, [])
            return
        kind, name, authorities = (
            self.current_kind,
            item.data(Qt.ItemDataRole.UserRole),
            self.authorities,
        )
        self.hub.read(
            lambda _p: (authorities.get(kind, name), authorities.mentions(kind, name)),
            lambda found: self._show(*found),
            self,
        )

    def _show(self, entry: Entry | None, mentions: list[Mention]) -> None:
        self.entry = entry
        for widget in (self.add_name, self.remove, self.export_mentions, self.search_names):
            widget.setEnabled(entry is not None)
        if entry is None:
            self.heading.setText(self.tr("No entry yet: add a person or place with its names."))
            self.names.setRowCount(0)
            self.mentions.setRowCount(0)
            self.mentions_label.clear()
            return
        self.heading.setText("　".join(p for p in (entry.name, entry.dates, entry.note) if p))
        self.names.setRowCount(len(entry.names))
        for r, name in enumerate(entry.names):
            for c, text in enumerate((name.name, name.type, name.period)):
                self.names.setItem(r, c, QTableWidgetItem(text))
        self.mentions_label.setText(
            self.tr("Mentioned in %1 manuscript(s)").replace("%1", str(len(mentions)))
        )
        self.mentions.setRowCount(len(mentions))
        for r, m in enumerate(mentions):
            cells = (
                m.title,
                self.tr("Volume %1").replace("%1", str(m.volume)) if m.volume else "",
                str(m.year or ""),
                "、".join(m.names),
                str(m.hits),
                m.snippet,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.mentions.setItem(r, c, item)
            self.mentions.item(r, 0).setData(Qt.ItemDataRole.UserRole, m.id)

    # -- writing ---------------------------------------------------------------------------
    def _add_entry(self) -> None:
        kind = self.current_kind
        dialog = NameDialog(self, kind, None)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
            return
        name, dates, authorities = dialog.name.text(), dialog.dates.text(), self.authorities
        self._keep = name.strip()  # the new entry is shown when the change comes back
        self.hub.run_op(lambda _p: authorities.add(kind, name, dates=dates), parent=self)

    def _add_name(self) -> None:
        if self.entry is None:
            return
        kind, entry = self.current_kind, self.entry.name
        dialog = NameDialog(self, kind, entry)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
            return
        alias, type_, period = dialog.name.text(), dialog.type.currentText(), dialog.period.text()
        authorities = self.authorities
        self.hub.run_op(
            lambda _p: authorities.alias(kind, entry, alias, type_=type_, period=period),
            parent=self,
        )

    def _remove(self) -> None:
        """The selected name, or the whole entry when its 正名 (or nothing) is selected."""
        if self.entry is None:
            return
        kind, entry, authorities = self.current_kind, self.entry.name, self.authorities
        row = self.names.currentRow()
        alias = self.entry.names[row].name if row > 0 else None
        question = (
            self.tr("Remove the name %1 of %2?").replace("%1", alias).replace("%2", entry)
            if alias
            else self.tr("Remove %1 with all its names?").replace("%1", entry)
        )
        if (
            QMessageBox.question(self, self.tr("Remove"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.hub.run_op(lambda _p: authorities.remove(kind, entry, alias), parent=self)

    def _suggest(self) -> None:
        entries = [
            self.entries.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.entries.count())
        ]
        CandidatesDialog(self, self.hub, self.current_kind, entries).exec()

    def _import(self) -> None:
        path = open_file(self, self.tr("Import names"), self.tr("CSV (*.csv)"), "names")
        if path:
            kind, authorities = self.current_kind, self.authorities
            self.hub.run_op(lambda _p: authorities.import_csv(kind, path), parent=self)

    def _export(self) -> None:
        label = self.kind.currentText()
        path = save_file(
            self, self.tr("Export names"), f"{label}.csv", self.tr("CSV (*.csv)"), "names"
        )
        if path:
            kind, authorities = self.current_kind, self.authorities
            self.hub.read(lambda _p: authorities.export_csv(kind, path), lambda _n: None, self)

    def _search_names(self) -> None:
        if self.entry is not None:
            self.search_requested.emit(f'{self.current_kind}:"{self.entry.name}"')

    def _export_mentions(self) -> None:
        if self.entry is None:
            return
        kind, name, exports = self.current_kind, self.entry.name, self.hub.library.exports
        path = save_file(
            self,
            self.tr("Export the list"),
            f"{name}.xlsx",
            self.tr("Spreadsheet (*.xlsx);;CSV (*.csv)"),
            "exports",
        )
        if path:
            self.hub.read(lambda _p: exports.mentions(kind, name, path), lambda _n: None, self)
