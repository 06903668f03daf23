"""One background lane for all database and index work, results back on the GUI thread.

Like Anki's taskman: a single worker thread runs jobs in order (so writes never race),
each job gets a ``wenshi.progress.Progress`` whose updates and whose result or error are
delivered to the GUI thread through queued signals. The window never waits on the lane.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

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

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        job = Job(Progress(lambda d, t, m: self._bridge.progressed.emit(job, d, t, m)))
        self._callbacks[id(job)] = (on_done, on_error, on_progress)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def work() -> None:
            try:
                result = fn(job.progress)
            except BaseException as exc:  # delivered to the GUI, never lost in the thread
                self._bridge.failed.emit(job, exc)
            else:
                self._bridge.finished.emit(job, result)

        self._executor.submit(work)
        return job

    def _done(self, job: Job) -> tuple[Callable | None, Callable | None, Callable | None]:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        return self._callbacks.pop(id(job), (None, None, None))

    @Slot(object, int, int, str)
    def _on_progress(self, job: Job, done: int, total: int, message: str) -> None:
        callback = self._callbacks.get(id(job), (None, None, None))[2]
        if callback is not None:
            callback(done, total, message)

    @Slot(object, object)
    def _on_finished(self, job: Job, result: object) -> None:
        on_done = self._done(job)[0]
        if on_done is not None:
            on_done(result)

    @Slot(object, object)
    def _on_failed(self, job: Job, exc: BaseException) -> None:
        on_error = self._done(job)[1]
        if on_error is None:
            raise exc
        on_error(exc)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Wait for queued jobs (they are writes the user asked for) and stop the lane."""
        self._executor.shutdown(wait=True)
