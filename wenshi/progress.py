"""Progress reporting and cancellation for long jobs, with no Qt in sight.

A job takes a ``Progress``; it calls ``progress.update(done, total, message)`` as it goes and
``progress.check()`` at safe points, which raises ``CancelledError`` once someone called
``cancel()``. The GUI wraps ``update`` in a signal; the CLI prints a bar on stderr.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from wenshi.errors import CancelledError
from wenshi.i18n import _

Callback = Callable[[int, int, str], None]


class Progress:
    """A (done, total, message) reporter plus a thread-safe cancel flag."""

    def __init__(self, callback: Callback | None = None) -> None:
        self._callback = callback
        self._cancelled = threading.Event()

    def update(self, done: int, total: int, message: str = "") -> None:
        if self._callback is not None:
            self._callback(done, total, message)

    def cancel(self) -> None:
        self._cancelled.set()

    def within(self, callback: Callback) -> Progress:
        """A reporter for one part of this job: its updates go to ``callback`` (which
        places them in the whole), and it is cancelled whenever this one is."""
        inner = Progress(callback)
        inner._cancelled = self._cancelled
        return inner

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Raise ``CancelledError`` if cancel() was called; call it between units of work."""
        if self._cancelled.is_set():
            raise CancelledError(_("操作已取消"))
