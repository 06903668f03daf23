"""Review actions (only the allowed next states, each asking for the opinion) and the trail."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import OpinionDialog
from ui.hub import Hub
from wenshi import workflow
from wenshi.records import ManuscriptDetail, ReviewInfo


class ReviewPanel(QWidget):
    reviewed = Signal(int)

    def __init__(self, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.manuscript_id = 0
        self._title = self._status_label = ""
        self.state = QLabel()
        self.actions_row = QHBoxLayout()
        self.trail = QTableWidget(0, 4)
        self.trail.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("State"), self.tr("By"), self.tr("Opinion")]
        )
        self.trail.horizontalHeader().setStretchLastSection(True)
        self.trail.setWordWrap(True)
        self.trail.verticalHeader().hide()
        self.trail.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addStretch(1)
        top.addLayout(self.actions_row)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.trail)
        self.actor = ""

    def clear(self) -> None:
        """Nothing shown (another manuscript is being read)."""
        self.manuscript_id = 0
        self.state.clear()
        self._set_actions(())
        self.trail.setRowCount(0)

    def show_trail(self, detail: ManuscriptDetail, events: list[ReviewInfo]) -> None:
        """Show the state, its allowed next steps and the trail, read on the lane by the
        editor (nothing here touches the database on the GUI thread)."""
        self.manuscript_id = detail.id
        self._title, self._status_label = detail.title, detail.status_label
        self.state.setText(self.tr("Current state: <b>%s</b>") % detail.status_label)
        self._set_actions(() if detail.deleted_at else workflow.allowed_next(detail.status))
        self.trail.setRowCount(len(events))
        for row, event in enumerate(reversed(events)):
            for col, value in enumerate(
                (event.at.replace("T", " "), event.to_label, event.actor, event.opinion)
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.trail.setItem(row, col, item)
        for column in range(3):  # the opinion takes the rest of the width, wrapped
            self.trail.resizeColumnToContents(column)
        self.trail.resizeRowsToContents()

    def _set_actions(self, targets: Iterable[str]) -> None:
        while self.actions_row.count():
            widget = self.actions_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for target in targets:
            button = QPushButton(self.tr("→ %s") % workflow.label(target))
            button.setObjectName(f"review-{target}")
            button.clicked.connect(lambda _=False, t=target: self.step(t))
            self.actions_row.addWidget(button)

    def step(self, target: str) -> None:
        step = f"《{self._title}》：{self._status_label} → {workflow.label(target)}"
        dialog = OpinionDialog(self, workflow.label(target), self.actor, step)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.actor = dialog.actor.text().strip()
        opinion = dialog.opinion.toPlainText().strip()
        mid = self.manuscript_id
        manuscripts, actor = self.hub.library.manuscripts, self.actor
        before: dict[str, object] = {}

        def take_step(_progress) -> object:
            detail = manuscripts.get(mid)  # where it stood, for the undo
            before["status"], before["title"] = detail.status, detail.title
            if detail.volume is not None and detail.section is not None:
                before["place"] = (detail.volume, detail.section, (detail.position or 0) + 1)
            return manuscripts.transition(mid, target, actor, opinion)

        def done(_result) -> None:
            step = (str(before["status"]), target)
            place = before.get("place")
            label = (
                self.tr("review step %1: 《%2》")
                .replace("%1", f"{workflow.label(step[0])} → {workflow.label(target)}")
                .replace("%2", str(before["title"]))
            )
            self.hub.undo.push(
                label, lambda: manuscripts.undo_step(mid, step, actor, back_in=place)
            )
            self.reviewed.emit(mid)

        self.hub.run_op(take_step, done, self)
