"""Undo in the desktop program: each undoable action leaves behind the core operation that
takes it back, named for the menu ("Undo move to trash: 《秦渠谣》").

The core keeps every old version, so an undo is itself an ordinary write — recorded,
in one transaction, refused with a message when the library has moved on so that it no
longer applies (a piece undeleted by someone else, a volume published since).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from wenshi.changes import Changes

if TYPE_CHECKING:
    from ui.hub import Hub

# Enough to take back a morning's slips; older steps are forgotten.
DEPTH = 50


@dataclass(frozen=True)
class Step:
    label: str  # the action, as the menu names it: "move to trash: 《秦渠谣》"
    undo: Callable[[], Changes]  # the core operation that takes it back


class UndoStack(QObject):
    """The actions that can be taken back, newest last; undone on the background lane."""

    changed = Signal()

    def __init__(self, hub: Hub) -> None:
        super().__init__(hub)
        self.hub = hub
        self._steps: list[Step] = []

    def push(self, label: str, undo: Callable[[], Changes]) -> None:
        self._steps = [*self._steps[-(DEPTH - 1) :], Step(label, undo)]
        self.changed.emit()

    @property
    def next_label(self) -> str | None:
        """What Undo would take back, or None."""
        return self._steps[-1].label if self._steps else None

    def undo(self, parent: QWidget | None = None) -> None:
        if not self._steps:
            return
        step = self._steps.pop()
        self.changed.emit()
        self.hub.run_op(lambda _progress: step.undo(), parent=parent)
