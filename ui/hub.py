"""What every view shares: the open library, the background lane, and change signals.

Core operations run on the lane through ``Hub.run_op``; when one finishes, ``changed``
carries its ``Changes`` so each view re-reads only what it shows of them (Anki's
``OpChanges`` / calibre's listeners, in one place). Writes by another process — the
command line, a second window — are noticed by polling SQLite's ``data_version`` and
arrive the same way. A failure is shown as a dialog with the core's one-line reason.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.dialogs import show_error
from ui.tasks import Job, TaskManager
from ui.undo import UndoStack
from wenshi.changes import EVERY_ASPECT, Changes
from wenshi.library import Library
from wenshi.progress import Progress
from wenshi.sessions import SessionInfo

POLL_MS = 1000
OTHERS_EVERY = 3  # polls between looks at who else has the library open
# The lane and the GUI thread share the GIL. The GUI thread releases it on every row SQLite
# returns and must then wait for the lane to let go, up to the switch interval each time
# (5 ms by default): while the lane computes, reading a few thousand rows took seconds.
SWITCH_INTERVAL_S = 0.0002


def freeze_heap() -> None:
    """Move every object alive now out of the cyclic garbage collector's way.

    A full collection walks every tracked object with the GIL held, in whichever thread
    happened to allocate — often the lane: the 76,000 objects of an opened window (modules,
    classes, PySide's wrappers, which traverse slowly) took 40 ms, and the window froze
    that long in the middle of a catalog read. What exists at start-up lives as long as
    the program, so it is frozen (``gc.freeze``, cheap), once before the views are made
    and once after; later collections see only what was made since.
    """
    gc.freeze()


class Hub(QObject):
    changed = Signal(object)  # a wenshi.changes.Changes
    busy = Signal(bool)
    status_message = Signal(str)
    others_changed = Signal(list)  # the SessionInfo of other programs on this library
    index_progress = Signal(int, int)  # manuscripts indexed, of how many, while it builds

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        freeze_heap()
        self.tasks = TaskManager(self)
        self.undo = UndoStack(self)  # what the views' actions can take back
        self.tasks.busy_changed.connect(self.busy)
        library.index.notice = self.status_message.emit
        library.index.build_apart = True
        library.index.progress_factory = self._index_progress
        self._data_version = library.data_version()
        self._seen = library.change_seq()
        self._own: set[int] = set()  # manuscripts our own operations changed since the poll
        self._own_ops = 0
        self.others: list[SessionInfo] = []  # other programs holding the library, as last seen
        self._polls = 0
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.check_external)
        self._poll.start()

    def run_op(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        """Run a core operation on the lane; on success call ``on_done``, then emit its
        ``Changes`` (the result, or everything if it returned something else) — in that
        order, so the view that asked has already shown the result when the others look."""

        def done(result: Any) -> None:
            changes = result if isinstance(result, Changes) else Changes.everything()
            self._own |= changes.manuscripts
            self._own_ops += 1
            if on_done is not None:
                on_done(result)
            self.changed.emit(changes)

        def failed(exc: BaseException) -> None:
            # A partial batch (e.g. a cancelled import) is still shown.
            self.changed.emit(Changes.everything())
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

    def _index_progress(self) -> Progress:
        """A rebuild's progress, from the lane to whoever shows it (a queued signal)."""
        return Progress(lambda done, total, _message: self.index_progress.emit(done, total))

    def prepare_index(self) -> Job:
        """Bring the search index up to date now, building it if the library has none
        (first open, an index from an older version, a damaged one): the first search
        then does not wait for it."""
        index = self.library.index
        return self.read(
            lambda _p: index.sync(),
            lambda _n: None,
            on_error=lambda e: self.status_message.emit(str(e)),
        )

    def check_others(self) -> None:
        """Tell the window when another program opens or closes this library."""
        try:
            others = self.library.other_sessions()
        except OSError:
            return
        if [o.id for o in others] != [o.id for o in self.others]:
            self.others = others
            self.others_changed.emit(others)

    def check_external(self) -> None:
        """Tell the views about writes committed by other connections since the last look
        (our own lane's writes, already announced, are left out)."""
        self._polls += 1
        if self._polls % OTHERS_EVERY == 1:
            self.check_others()
        try:
            version = self.library.data_version()
            if version == self._data_version:
                return
            self._data_version = version
            seq = self.library.change_seq()
            if seq <= self._seen:
                return
            ids = self.library.changed_since(self._seen)
            self._seen = seq
        except Exception as exc:  # the library folder vanished, the disk failed …
            self._poll.stop()
            self.status_message.emit(str(exc))
            return
        own, own_ops = self._own, self._own_ops
        self._own, self._own_ops = set(), 0
        if own_ops and set(ids) <= own:
            return  # only what our own operations did, already shown
        self.changed.emit(
            Changes(frozenset(ids), aspects=EVERY_ASPECT, all=not ids, value="external")
        )
