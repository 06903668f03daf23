"""A library: one folder holding ``wenshi.db``, ``files/`` (originals by SHA-256), the
search index and ``sessions/``. ``Library`` is the open library and everything on it.

``Library.open`` is the only way in. It creates a library in a missing or empty folder,
opens and upgrades an existing one, and refuses (touching nothing) a folder that holds
something else or a library made by a newer wenshi. The object owns the database handle
and the model classes bound to it, the file store, the search index, and the services
through which every user action runs as one operation (``library.manuscripts``,
``.volumes``, ``.images``, ``.queries``, ``.search``, ``.exports``, ``.imports``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee

from wenshi import sessions
from wenshi.authorities import Authorities
from wenshi.changes import Changes, Recorder
from wenshi.citations import Citations
from wenshi.db.connection import BUSY_TIMEOUT_MS, LOW_SPACE, open_database
from wenshi.db.counter import changed_since, current_seq, next_seq
from wenshi.db.models import Tables, define_tables
from wenshi.errors import LibraryBusyError, LibraryError
from wenshi.exports import Exports
from wenshi.files import FileStore
from wenshi.i18n import _
from wenshi.images import Images
from wenshi.imports import Imports
from wenshi.manuscripts import Manuscripts
from wenshi.name_candidates import NameCandidates
from wenshi.ocr_results import OcrResults
from wenshi.paths import resolve_library_dir
from wenshi.queries import Queries
from wenshi.search.index import SearchIndex
from wenshi.search.service import Search
from wenshi.volume_import import VolumeImports
from wenshi.volumes.service import Volumes

DB_NAME = "wenshi.db"
FILES_DIR = "files"
# What a library folder may hold besides the database (a folder with anything else and
# no database is not a library, and is refused).
OWN_NAMES = {FILES_DIR, sessions.SESSIONS_DIR}


class Library:
    """An open library. Use ``Library.open(path)``; close it with ``close()`` or ``with``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db_path = path / DB_NAME
        self.upgrade_backup: Path | None = None
        self.cleaned: list[str] = []  # leftovers of killed runs removed at open
        self._db: peewee.SqliteDatabase | None = None
        self._tables: Tables | None = None
        self.session: sessions.Session | None = None
        self.files = FileStore(path / FILES_DIR, before_put=self._track_original)
        # Called with the changes of every committed operation (outside any transaction);
        # the search index registers here so it follows every change.
        self.listeners: list[Callable[[Changes], None]] = []
        self._local = threading.local()
        self.index_warning: str | None = None
        self.index = SearchIndex(self)
        self.manuscripts = Manuscripts(self)
        self.volumes = Volumes(self)
        self.images = Images(self)
        self.queries = Queries(self)
        self.search = Search(self)
        self.exports = Exports(self)
        self.imports = Imports(self)
        self.ocr = OcrResults(self)
        self.volume_imports = VolumeImports(self)
        self.citations = Citations(self)
        self.authorities = Authorities(self)
        self.name_candidates = NameCandidates(self)
        # person:/place: search for every name of the entry (the index knows no names).
        self.index.aliases = self.authorities.names_for

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        auto_index: bool = True,
        program: str | None = None,
    ) -> Library:
        """Open the library at ``path`` (resolved like ``--library``), creating it if new.
        With ``auto_index`` every committed write also updates the search index."""
        lib = cls(resolve_library_dir(path).resolve())
        lib._connect(program)
        if auto_index:
            lib.listeners.append(lib._sync_index)
        return lib

    def _sync_index(self, _changes: Changes) -> None:
        """Bring the index up to date after a write. The write itself has committed; if
        the index cannot follow now, it catches up at the next search (change counter)."""
        try:
            self.index.sync()
        except Exception as exc:  # never undo a committed write because of the cache
            self.index_warning = _("检索索引暂未更新（{exc}），下次检索时会自动补上").format(
                exc=exc
            )

    def _connect(self, program: str | None) -> None:
        path = self.path
        if path.exists() and not path.is_dir():
            raise LibraryError(_("{path}：不是文件夹，无法作为文库").format(path=path))
        create = not self.db_path.exists()
        if create and path.is_dir() and any(p.name not in OWN_NAMES for p in path.iterdir()):
            raise LibraryError(
                _(
                    "{path}：该文件夹不是 wenshi 文库（没有 {DB_NAME}，且不是空文件夹），已拒绝使用"
                ).format(path=path, DB_NAME=DB_NAME)
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            (path / FILES_DIR).mkdir(exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                _("{path}：无法创建文库文件夹（{strerror}）").format(
                    path=path, strerror=exc.strerror
                )
            ) from exc
        self._db, self.upgrade_backup = open_database(self.db_path, create=create)
        self._tables = define_tables(self._db)
        try:
            self.session = sessions.Session(path, program)
        except OSError as exc:
            self._db.close()
            raise LibraryError(
                _("{path}：无法登记本程序（{value}）").format(path=path, value=exc.strerror or exc)
            ) from exc
        self.cleaned = sessions.clean_dead(path, self._referenced_files())
        self.cleaned += self.index.clean_leftovers()

    def _referenced_files(self) -> set[str]:
        t = self.tables
        stored = {s for (s,) in t.StoredFile.select(t.StoredFile.sha256).tuples()}
        return stored | {s for (s,) in t.Image.select(t.Image.sha256).tuples()}

    def _track_original(self, path: Path) -> None:
        if self.session is not None:
            self.session.track_original(path)

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Recorder]:
        """One write transaction, begun IMMEDIATE (the write lock is taken before anything
        is read, so a write never fails half-way for a lock another writer took). Nested
        calls join the outer one. Listeners hear the changes once the outermost commits."""
        outer = getattr(self._local, "recorder", None)
        if outer is not None:
            yield outer
            return
        recorder = Recorder()
        self._local.recorder = recorder
        try:
            with translate_db_errors(self), self.db.atomic("IMMEDIATE"):
                if self.session is not None:
                    self.session.mark_writer()
                yield recorder
                if recorder.changes:
                    next_seq(self.tables)  # other processes see that something moved
        finally:
            self._local.recorder = None
        if self.session is not None:
            self.session.originals_committed()
        self._notify(recorder.changes)

    @contextmanager
    def batch(self) -> Iterator[Recorder]:
        """Many transactions (one per imported file), listeners told once at the end. They
        are told even if the batch fails: what was committed must be indexed."""
        held = getattr(self._local, "batch", None)
        if held is not None:
            yield held
            return
        recorder = Recorder()
        self._local.batch = recorder
        try:
            yield recorder
        finally:
            self._local.batch = None
            self._notify(recorder.changes)

    def _notify(self, changes: Changes) -> None:
        held = getattr(self._local, "batch", None)
        if held is not None:
            held.changes = held.changes | changes
            return
        if changes:
            for listener in list(self.listeners):
                listener(changes)

    @property
    def tables(self) -> Tables:
        if self._tables is None:
            raise LibraryError(_("{path}：文库已关闭").format(path=self.path))
        return self._tables

    @property
    def db(self) -> peewee.SqliteDatabase:
        if self._db is None:
            raise LibraryError(_("{path}：文库已关闭").format(path=self.path))
        return self._db

    def data_version(self) -> int:
        """SQLite's ``data_version``: moves when another connection commits (a cheap poll)."""
        return int(self.db.execute_sql("PRAGMA data_version").fetchone()[0])

    def change_seq(self) -> int:
        """The library's change counter: it moves with every committed operation."""
        return current_seq(self.tables)

    def changed_since(self, seq: int) -> list[int]:
        """Manuscripts (trash included) changed after counter value ``seq``."""
        return changed_since(self.tables, seq)

    def other_sessions(self) -> list[sessions.SessionInfo]:
        own = self.session.info.id if self.session else ""
        return sessions.others(self.path, own)

    def close(self) -> None:
        self.index.close()
        if self._db is not None:
            self._db.close()
            self._db = None
        if self.session is not None:
            self.session.close()
            self.session = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sqlite_error(exc: BaseException) -> BaseException | None:
    """The first SQLite error in an exception's chain (a failed rollback hides the cause)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (peewee.OperationalError, sqlite3.OperationalError)):
            text = str(seen)
            if "cannot rollback" not in text and "no transaction is active" not in text:
                return seen
        seen = seen.__context__
    return None


def _low_space(place: Path) -> bool:
    try:
        return shutil.disk_usage(place).free < LOW_SPACE
    except OSError:
        return False


@contextmanager
def translate_db_errors(library: Library) -> Iterator[None]:
    """SQLite's failures as one clear line naming the library and the reason."""
    try:
        yield
    except (peewee.OperationalError, sqlite3.OperationalError) as exc:
        cause = _sqlite_error(exc) or exc
        text = str(cause).lower()
        place = library.path
        if "locked" in text or "busy" in text:
            holder = sessions.writer(place)
            who = (
                _("{program}（进程 {pid}）").format(program=holder[1], pid=holder[0])
                if holder
                else _("另一个程序")
            )
            raise LibraryBusyError(
                _(
                    "{place}：文库正忙，{who}正在写入，等待 {value:g} 秒后仍未"
                    "结束；什么也没有改动，请稍后再试"
                ).format(place=place, who=who, value=BUSY_TIMEOUT_MS / 1000)
            ) from exc
        if "full" in text or ("disk i/o" in text and _low_space(place)):
            raise LibraryError(
                _("{place}：磁盘已满，未能保存（什么也没有改动）").format(place=place)
            ) from exc
        if "readonly" in text or "read-only" in text:
            raise LibraryError(
                _("{place}：文库是只读的，无法保存（什么也没有改动）").format(place=place)
            ) from exc
        if "unable to open" in text or "disk i/o" in text or not place.exists():
            raise LibraryError(
                _("{place}：无法访问文库（文件夹可能已被移走、删除或断开），未能保存").format(
                    place=place
                )
            ) from exc
        raise
