"""One background lane for all database and index work, results back on the GUI thread.

Like Anki's taskman: a single worker thread runs jobs in order (so writes never race),
each job gets a ``wenshi.progress.Progress`` whose updates and whose result or error are
delivered to the GUI thread through queued signals. The window never waits on the lane.

What must happen on the GUI thread but is long — building a window's views, filling a
20,000-字 manuscript's widgets, twenty rich-text search results — runs as *slices*: a
generator stepped once per event-loop turn, so the window repaints and takes keys between
the steps. Slices count as busy like a job on the lane, so "idle" means everything asked
for is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from wenshi.progress import Progress


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(object, int, int, str)
    finished = Signal(object, object)
    failed = Signal(object, object)


class Job:
    """A submitted job: cancel it, or follow it through its callbacks."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def cancel(self) -> None:
        self.progress.cancel()


class Slices(QObject):
    """GUI-thread work cut into steps: ``next(steps)`` once per event-loop turn."""

    def __init__(self, manager: TaskManager, steps: Iterator[object]) -> None:
        super().__init__(manager)
        self._manager = manager
        self._steps: Iterator[object] | None = steps
        manager._begin()
        manager._slices.add(self)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def cancel(self) -> None:
        """Drop the steps not yet run (a newer search or manuscript replaces them)."""
        if self._steps is not None:
            self._finish()

    def _finish(self) -> None:
        steps, self._steps = self._steps, None
        self._timer.stop()
        close = getattr(steps, "close", None)
        if close is not None:
            close()
        self._manager._slices.discard(self)
        self._manager._end()
        self.deleteLater()

    def _step(self) -> None:
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration:
            self._finish()
            return
        except BaseException:
            self._finish()
            raise  # to the exception hook: a dialog with the details
        self._timer.start()


class TaskManager(QObject):
    """Run ``fn(progress)`` on the lane; ``on_done(result)`` / ``on_error(exc)`` /
    ``on_progress(done, total, message)`` are called on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="wenshi-lane")
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None, Callable | None]] = {}
        self._pending = 0
        self._slices: set[Slices] = set()
        self._closed = False

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        job = Job(Progress(lambda d, t, m: self._bridge.progressed.emit(job, d, t, m)))
        if self._closed:
            return job  # the window has closed: nothing is left to show an answer in
        self._callbacks[id(job)] = (on_done, on_error, on_progress)
        self._begin()

        def work() -> None:
            try:
                result = fn(job.progress)
            except BaseException as exc:  # delivered to the GUI, never lost in the thread
                self._bridge.failed.emit(job, exc)
            else:
                self._bridge.finished.emit(job, result)

        self._executor.submit(work)
        return job

    def slices(self, steps: Iterator[object]) -> Slices:
        """Run the generator ``steps`` on the GUI thread, one step per event-loop turn
        (the first in the next turn), busy until its last step; ``cancel()`` drops the
        rest. Each step should take a few milliseconds."""
        slices = Slices(self, steps)
        if self._closed:
            slices.cancel()
        return slices

    def _begin(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _end(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    @Slot(object, int, int, str)
    def _on_progress(self, job: Job, done: int, total: int, message: str) -> None:
        callback = self._callbacks.get(id(job), (None, None, None))[2]
        if callback is not None:
            callback(done, total, message)

    # The callback runs before the job stops counting as busy: what it starts (a re-read,
    # slices filling a view) keeps the lane busy without a gap in between.
    @Slot(object, object)
    def _on_finished(self, job: Job, result: object) -> None:
        on_done = self._callbacks.pop(id(job), (None, None, None))[0]
        try:
            if on_done is not None:
                on_done(result)
        finally:
            self._end()

    @Slot(object, object)
    def _on_failed(self, job: Job, exc: BaseException) -> None:
        on_error = self._callbacks.pop(id(job), (None, None, None))[1]
        try:
            if on_error is None:
                raise exc
            on_error(exc)
        finally:
            self._end()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Wait for queued jobs (they are writes the user asked for) and stop the lane;
        slices still to run are dropped, as is what is asked for afterwards."""
        self._closed = True
        for slices in list(self._slices):
            slices.cancel()
        self._executor.shutdown(wait=True)
