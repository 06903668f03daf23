"""Opening ``wenshi.db``: pragmas, identity check, and upgrades with a copy taken first."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import OperationalError, SqliteDatabase

from wenshi.db.migrations import APP_ID, SCHEMA_VERSION, migrate
from wenshi.errors import LibraryError
from wenshi.i18n import _
from wenshi.search.fold import fold

# How long a writer waits for another process's write to finish before saying so (a
# library on a slow network share may want longer: WENSHI_BUSY_TIMEOUT_MS).
BUSY_TIMEOUT_MS = int(os.environ.get("WENSHI_BUSY_TIMEOUT_MS", "10000"))
LOW_SPACE = 1 << 20  # below this much free space, an I/O error is a full disk
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def _read_meta(db_path: Path) -> dict[str, str]:
    """Read the meta table with plain sqlite3, without writing anything."""
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "meta" not in tables:
                return {}
            return dict(con.execute("SELECT key, value FROM meta").fetchall())
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise open_error(db_path, exc) from exc


def open_error(db_path: Path, exc: Exception) -> LibraryError:
    """Why a database could not be opened, in words: a full disk or a read-only folder
    look to SQLite like I/O errors, and must not be reported as a damaged file."""
    folder = db_path.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    if not folder.is_dir():
        return LibraryError(
            _("{folder}：文库文件夹不存在（可能已被移走、删除或断开）").format(folder=folder)
        )
    if free is not None and free < LOW_SPACE:
        return LibraryError(
            _("{folder}：磁盘已满，无法打开文库（请先腾出空间；什么也没有改动）").format(
                folder=folder
            )
        )
    if not os.access(folder, os.W_OK):
        return LibraryError(
            _("{folder}：文库文件夹是只读的，无法打开（需要写入权限）").format(folder=folder)
        )
    if isinstance(exc, sqlite3.OperationalError | OperationalError) and "locked" in str(exc):
        return LibraryError(
            _("{db_path}：数据库正被另一个程序锁定，请稍后再试").format(db_path=db_path)
        )
    return LibraryError(
        _("{db_path}：数据库文件已损坏或不是 SQLite 数据库（{exc}）").format(
            db_path=db_path, exc=exc
        )
    )


def _backup_copy(db_path: Path, version: int) -> Path:
    """Copy the database with SQLite's backup API before an upgrade touches it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.v{version}-{stamp}.bak")
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def open_database(db_path: Path, *, create: bool) -> tuple[SqliteDatabase, Path | None]:
    """Open (or create) the library database at the current schema version.

    Returns the database and the path of the pre-upgrade copy, if an upgrade happened.
    A database of another program or of a newer wenshi is refused untouched.
    """
    version = 0
    if not create and db_path.stat().st_size > 0:
        meta = _read_meta(db_path)
        if meta.get("app") != APP_ID:
            raise LibraryError(
                _("{db_path}：不是 wenshi 文库的数据库，已拒绝打开（未作任何修改）").format(
                    db_path=db_path
                )
            )
        try:
            version = int(meta.get("schema_version", "0"))
        except ValueError as exc:
            raise LibraryError(
                _("{db_path}：数据库的架构版本无法识别").format(db_path=db_path)
            ) from exc
        if version > SCHEMA_VERSION:
            raise LibraryError(
                _(
                    "{db_path}：此文库由更新版本的 wenshi 创建（架构版本 {version}"
                    "，本程序支持到 {SCHEMA_VERSION}），请升级 wenshi 后再打开"
                ).format(db_path=db_path, version=version, SCHEMA_VERSION=SCHEMA_VERSION)
            )
    try:
        backup = _backup_copy(db_path, version) if 0 < version < SCHEMA_VERSION else None
        db = SqliteDatabase(str(db_path), pragmas=PRAGMAS)
        # SQL's fold(text): the matching form search uses, for filters that match as it
        # does (every connection, each thread's own, gets it).
        db.register_function(fold, "fold", 1, deterministic=True)
        db.connect()
        if version < SCHEMA_VERSION:
            migrate(db, version)
    except (sqlite3.OperationalError, OperationalError) as exc:
        raise open_error(db_path, exc) from exc
    return db, backup
