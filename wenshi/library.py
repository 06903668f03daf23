"""A library: one folder holding ``wenshi.db``, ``files/`` (originals by SHA-256) and the index.

``Library.open`` is the only way in. It creates a library in a missing or empty folder,
opens and upgrades an existing one, and refuses (touching nothing) a folder that holds
something else or a library made by a newer wenshi.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
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

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Library:
        """Open the library at ``path`` (resolved like ``--library``), creating it if new."""
        lib = cls(resolve_library_dir(path).resolve())
        lib._connect()
        return lib

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

    @property
    def db(self):
        if self._db is None:
            raise LibraryError(f"{self.path}：文库已关闭")
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
