"""A library: one folder holding ``wenshi.db``, ``files/`` (originals by SHA-256) and the index.

``Library.open`` is the only way in. It creates a library in a missing or empty folder,
opens and upgrades an existing one, and refuses (touching nothing) a folder that holds
something else or a library made by a newer wenshi.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from wenshi.db.connection import open_database
from wenshi.db.models import database_proxy
from wenshi.errors import LibraryError
from wenshi.paths import resolve_library_dir

DB_NAME = "wenshi.db"
FILES_DIR = "files"


class FileStore:
    """Content-addressed originals: ``files/ab/abcdef….ext``, written once, never modified."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str, suffix: str = "") -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def find(self, sha256: str) -> Path | None:
        folder = self.root / sha256[:2]
        if folder.is_dir():
            for candidate in folder.glob(f"{sha256}*"):
                return candidate
        return None

    def put(self, data: bytes, suffix: str = "") -> str:
        """Store ``data`` (atomically: temp file, then rename) and return its SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest, suffix.lower())
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        target.chmod(0o444)
        return digest


class Library:
    """An open library. Use ``Library.open(path)``; close it with ``close()`` or ``with``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db_path = path / DB_NAME
        self.files = FileStore(path / FILES_DIR)
        self.upgrade_backup: Path | None = None
        self._db = None
        # Called after every committed write (outside any transaction); the search index
        # registers here so it follows every change.
        self.listeners: list[Callable[[], None]] = []
        self._depth = 0
        self._held = 0
        self._search = None
        self.index_warning: str | None = None

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, auto_index: bool = True
    ) -> Library:
        """Open the library at ``path`` (resolved like ``--library``), creating it if new.
        With ``auto_index`` every committed write also updates the search index."""
        lib = cls(resolve_library_dir(path).resolve())
        lib._connect()
        if auto_index:
            lib.listeners.append(lib._sync_index)
        return lib

    def _sync_index(self) -> None:
        """Bring the index up to date after a write. The write itself has committed; if
        the index cannot follow now, it catches up at the next search (change counter)."""
        try:
            self.search.sync()
        except Exception as exc:  # never undo a committed write because of the cache
            self.index_warning = f"检索索引暂未更新（{exc}），下次检索时会自动补上"

    def _connect(self) -> None:
        path = self.path
        if path.exists() and not path.is_dir():
            raise LibraryError(f"{path}：不是文件夹，无法作为文库")
        create = not self.db_path.exists()
        if create and path.is_dir() and any(p.name != FILES_DIR for p in path.iterdir()):
            raise LibraryError(
                f"{path}：该文件夹不是 wenshi 文库（没有 {DB_NAME}，且不是空文件夹），已拒绝使用"
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            (path / FILES_DIR).mkdir(exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{path}：无法创建文库文件夹（{exc.strerror}）") from exc
        self._db, self.upgrade_backup = open_database(self.db_path, create=create)
        database_proxy.initialize(self._db)

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction; listeners run once the outermost one has committed."""
        self._depth += 1
        try:
            with self.db.atomic():
                yield
        finally:
            self._depth -= 1
        self._notify()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold listener calls until the block ends (many small transactions, one index
        update). They run even if the block fails: what was committed must be indexed."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            self._notify()

    def _notify(self) -> None:
        if self._depth == 0 and self._held == 0:
            for listener in list(self.listeners):
                listener()

    @property
    def search(self):
        """The full-text index of this library (opened on first use, never at start-up)."""
        if self._search is None:
            from wenshi.search.index import SearchIndex

            self._search = SearchIndex(self)
        return self._search

    @property
    def db(self):
        if self._db is None:
            raise LibraryError(f"{self.path}：文库已关闭")
        return self._db

    def close(self) -> None:
        if self._search is not None:
            self._search.close()
            self._search = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
