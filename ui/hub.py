"""What every view shares: the open library, the background lane, and change signals.

Core writes run on the lane through ``Hub.write``; when one finishes, ``changed`` tells
every view to re-read what it shows (calibre's listeners / plover's engine adapter, in
one place), and a failure is shown as a dialog with the core's one-line reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.dialogs import show_error
from ui.tasks import Job, TaskManager
from wenshi.library import Library
from wenshi.progress import Progress


class Hub(QObject):
    changed = Signal()  # manuscripts, volumes or images changed
    busy = Signal(bool)
    status_message = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = TaskManager(self)
        self.tasks.busy_changed.connect(self.busy)
        library.search.notice = self.status_message.emit

    def write(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        """Run a core write on the lane; on success emit ``changed`` then call ``on_done``."""

        def done(result: Any) -> None:
            self.changed.emit()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            self.changed.emit()  # a partial batch (e.g. cancelled import) is still shown
            if on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc)

        return self.tasks.run(fn, done, failed, on_progress)

    def read(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        parent: QWidget | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        """Run a slow read (search, export) on the lane, behind any pending write."""
        return self.tasks.run(
            fn, on_done, on_error or (lambda exc: show_error(parent, exc)), on_progress
        )
