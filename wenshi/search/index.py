"""The whoosh index of a library: where it lives, keeping it in step, rebuilding it.

The index is a cache of the database. ``state.json`` beside it records the index format,
the library it belongs to and the change counter it has caught up to. Every committed
write stamps manuscripts with the next counter value (``wenshi.db.counter``); ``sync``
indexes everything stamped after the recorded value, so a program that died between the
database commit and the index commit is caught up at the next start. A missing, corrupt,
foreign or old-format index is rebuilt — into a new folder that replaces the old one only
when complete, so searches keep working meanwhile.

Several processes may hold one library: every sync and every swap of a rebuilt index
happens under ``index.lock``, and a sync reads the counter its index has reached from
disk, never from memory, so a rebuild by another process cannot make it skip changes.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock

from wenshi.db.counter import changed_since, current_seq
from wenshi.errors import LibraryError
from wenshi.fsutil import reason
from wenshi.i18n import _
from wenshi.progress import Progress
from wenshi.search.build import build, build_in_child
from wenshi.search.documents import IndexedDocs, index_text, load_infos
from wenshi.search.store import FORMAT, IndexStore, Snapshot

if TYPE_CHECKING:
    from wenshi.library import Library

INDEX_DIR = "index"
LOCK_FILE = "index.lock"
STATE_FILE = "state.json"


def _reporter(progress: Progress) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        progress.update(done, total, _("建立检索索引"))
        progress.check()

    return report


class SearchIndex:
    """Owns ``LIBRARY/index``. Opened lazily; ``notice`` reports automatic rebuilds."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.path = library.path / INDEX_DIR
        self.docs = IndexedDocs(library)
        self.notice: Callable[[str], None] = lambda message: None
        # The names a person:/place: query stands for (the library sets its authority list).
        self.aliases: Callable[[str, str], list[str]] = lambda kind, name: [name]
        self.progress_factory: Callable[[], Progress] = Progress
        # Build a whole index in a child process: the desktop program sets this, since
        # whoosh's long calls hold Python's global lock and would freeze its window.
        self.build_apart = False
        self._lock = FileLock(library.path / LOCK_FILE, thread_local=False)
        self._ix: IndexStore | None = None
        self._generation = ""  # which build of the index ``_ix`` has open
        self._snapshot: Snapshot | None = None
        self.evaluation_cache: tuple | None = None  # see engine.Evaluation

    @property
    def t(self):
        return self.library.tables

    # -- state ---------------------------------------------------------------------------
    def _library_id(self) -> str:
        row = self.t.Meta.get_or_none(self.t.Meta.key == "created_at")
        return row.value if row else ""

    @staticmethod
    def _read_state(folder: Path) -> dict | None:
        try:
            state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _write_state(self, folder: Path, seq: int, generation: str) -> None:
        tmp = folder / (STATE_FILE + ".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "format": FORMAT,
                    "library": self._library_id(),
                    "seq": seq,
                    "generation": generation,
                }
            ),
            encoding="utf-8",
        )
        os.replace(tmp, folder / STATE_FILE)

    def _problem(self, state: dict | None) -> str | None:
        """Why the index on disk cannot be used as it is, or None if it can."""
        if not self.path.is_dir():
            return _("检索索引不存在")
        if state is None:
            return _("检索索引的状态文件缺失或损坏")
        if state.get("format") != FORMAT:
            return _("检索索引的格式已过时")
        if state.get("library") != self._library_id() or state.get("seq", 0) > current_seq(self.t):
            return _("检索索引不属于这个文库（或文库已从备份恢复）")
        return None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the index lock (all processes of this library); OS errors in one line."""
        try:
            with self._lock:
                yield
        except OSError as exc:
            raise LibraryError(
                _("{path}：无法写入检索索引（{reason}）").format(path=self.path, reason=reason(exc))
            ) from exc

    # -- opening -------------------------------------------------------------------------
    def _current(self) -> tuple[IndexStore, dict]:
        """The index on disk and its state, opened (or rebuilt) as needed. Call locked."""
        state = self._read_state(self.path)
        problem = self._problem(state)
        if problem is None and (self._ix is None or state.get("generation") != self._generation):
            self.close()
            try:
                self._ix = IndexStore.open(self.path)
                self._generation = str(state.get("generation", ""))
            except Exception as exc:  # whoosh raises many kinds on a damaged index
                problem = _("检索索引已损坏（{kind}）").format(kind=type(exc).__name__)
                self.close()
        if problem is not None:
            self.notice(_("{problem}，正在重建……").format(problem=problem))
            self._rebuild_locked(self.progress_factory())
            state = self._read_state(self.path) or {}
        assert self._ix is not None
        return self._ix, state

    def close(self) -> None:
        if self._snapshot is not None:
            self._snapshot.close()
            self._snapshot = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None
        self._generation = ""

    def snapshot(self) -> Snapshot:
        """An up-to-date view of the postings (a new one only when the index changed)."""
        with self._locked():
            self._sync_locked()
            self._snapshot = self._ix.snapshot(self._snapshot)
        self.docs.refresh()
        return self._snapshot

    # -- keeping in step -----------------------------------------------------------------
    def sync(self) -> int:
        """Index every manuscript changed since the index's recorded counter; returns how
        many."""
        with self._locked():
            return self._sync_locked()

    def _sync_locked(self) -> int:
        ix, state = self._current()
        done = int(state.get("seq", 0))
        target = current_seq(self.t)
        if target <= done:
            return 0
        changed = changed_since(self.t, done)
        if changed:
            infos = load_infos(self.t, changed)
            bodies = self.docs.originals([m for m in changed if m in infos])
            with ix.writer() as writer:
                for mid in changed:
                    if mid in infos:
                        writer.replace(mid, *index_text(infos[mid], bodies[mid]))
                    else:  # trashed
                        writer.delete(mid)
        self._write_state(self.path, target, self._generation)
        return len(changed)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Build a complete new index beside the old one, then swap; returns documents.
        Changes committed while it builds are caught up before it returns."""
        progress = progress or Progress()
        seq = current_seq(self.t)
        new = self.path.with_name(f"{INDEX_DIR}.new-{os.getpid()}-{id(self):x}")
        count = self._build(new, seq, progress)
        with self._locked():
            self._swap(new)
        self.sync()
        return count

    def _rebuild_locked(self, progress: Progress) -> None:
        seq = current_seq(self.t)
        new = self.path.with_name(f"{INDEX_DIR}.new-{os.getpid()}-{id(self):x}")
        self._build(new, seq, progress)
        self._swap(new)

    def _build(self, folder: Path, seq: int, progress: Progress) -> int:
        session = self.library.session
        if session is not None:
            session.track_temp(folder)
        shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.mkdir(parents=True)
            if self.build_apart:
                count = build_in_child(self.library.db_path, folder, progress)
            else:
                count = build(self.library.db_path, folder, _reporter(progress))
            self._write_state(folder, seq, os.urandom(8).hex())
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise LibraryError(
                _("{path}：无法建立检索索引（{reason}）").format(path=self.path, reason=reason(exc))
            ) from exc
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return count

    def _swap(self, new: Path) -> None:
        """Put a complete new index in place of the old one (call locked)."""
        self.close()
        old = self.path.with_name(f"{INDEX_DIR}.old-{os.getpid()}-{id(self):x}")
        session = self.library.session
        if session is not None:
            session.track_temp(old)
        try:
            if self.path.exists():
                os.replace(self.path, old)
            os.replace(new, self.path)
        except OSError as exc:
            raise LibraryError(
                _("{path}：无法替换检索索引（{reason}）").format(path=self.path, reason=reason(exc))
            ) from exc
        shutil.rmtree(old, ignore_errors=True)
        if session is not None:
            session.untrack_temp(new)
            session.untrack_temp(old)
        self._ix = IndexStore.open(self.path)
        self._generation = str((self._read_state(self.path) or {}).get("generation", ""))
        self.evaluation_cache = None

    def clean_leftovers(self) -> list[str]:
        """Remove half-built or half-swapped index folders no live process is using (those
        of killed runs, including runs of versions that did not record them)."""
        live = {temp for s in self.library.other_sessions() for temp in s.temps}
        removed = []
        for folder in self.path.parent.glob(f"{INDEX_DIR}.*-*"):
            if folder.is_dir() and str(folder) not in live:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(str(folder))
        return removed
