"""A consistent backup of a whole library as one .zip, and restoring one.

The database is copied with SQLite's online backup API (so a copy taken while the program
writes is still consistent) into a temporary file beside the target — never the system
temp folder, which may be small or on another disk — then zipped with ``files/``.
``restore_backup`` unpacks such a zip into a new folder and checks it before the folder
appears: the database opens as a wenshi library, passes SQLite's integrity check, and
every original it names is present with the right SHA-256.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import sqlite3
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from wenshi.errors import InvalidValueError, LibraryError, WenshiError
from wenshi.export.atomic import atomic_path
from wenshi.fsutil import reason
from wenshi.i18n import _
from wenshi.library import DB_NAME, FILES_DIR, Library
from wenshi.progress import Progress


def backup_library(library: Library, target: Path, progress: Progress | None = None) -> int:
    """Write ``target`` (.zip); returns the number of files stored. Never leaves a partial zip."""
    progress = progress or Progress()
    target = Path(target)
    if target.suffix.lower() != ".zip":
        raise InvalidValueError(_("{target}：备份文件名须以 .zip 结尾").format(target=target))
    originals = list(library.files.all_files())
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WenshiError(
            _("{target}：无法写入备份（{reason}）").format(target=target, reason=reason(exc))
        ) from exc
    with atomic_path(target, library.session) as tmp_zip:
        db_copy = target.with_name(f".wenshi-db-{secrets.token_hex(6)}")
        session = library.session
        if session is not None:
            session.track_temp(db_copy)
        try:
            src = sqlite3.connect(library.db_path)
            dst = sqlite3.connect(db_copy)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
            with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.write(db_copy, DB_NAME)
                for index, path in enumerate(originals):
                    progress.update(index, len(originals), path.name)
                    progress.check()
                    relative = path.relative_to(library.files.root).as_posix()
                    zf.write(path, f"{FILES_DIR}/{relative}")
        except sqlite3.Error as exc:
            why = _("磁盘已满") if "full" in str(exc) else str(exc)
            raise WenshiError(
                _("{target}：无法写入备份（{why}）").format(target=target, why=why)
            ) from exc
        finally:
            db_copy.unlink(missing_ok=True)
            if session is not None:
                session.untrack_temp(db_copy)
    progress.update(len(originals), len(originals), _("备份完成"))
    return len(originals)


@dataclass
class RestoreReport:
    folder: str
    manuscripts: int
    volumes: int
    files: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check_members(zf: zipfile.ZipFile, source: Path) -> list[zipfile.ZipInfo]:
    """The members of a backup zip, refusing anything that is not one (or would write
    outside the folder it is restored to)."""
    members = zf.infolist()
    names = {m.filename for m in members}
    if DB_NAME not in names:
        raise LibraryError(
            _("{source}：不是 wenshi 备份（压缩包里没有 {DB_NAME}）").format(
                source=source, DB_NAME=DB_NAME
            )
        )
    for member in members:
        parts = PurePosixPath(member.filename).parts
        if (
            member.filename.startswith(("/", "\\"))
            or ".." in parts
            or ":" in member.filename
            or (member.filename != DB_NAME and (not parts or parts[0] != FILES_DIR))
        ):
            raise LibraryError(
                _("{source}：压缩包中有不属于 wenshi 备份的条目“{filename}”").format(
                    source=source, filename=member.filename
                )
            )
    return members


def restore_backup(source: Path, folder: Path, progress: Progress | None = None) -> RestoreReport:
    """Unpack the backup ``source`` into the new (missing or empty) ``folder`` and check it;
    a backup that fails any check leaves nothing behind."""
    progress = progress or Progress()
    source, folder = Path(source), Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InvalidValueError(
            _("{folder}：恢复目标必须是新的或空的文件夹（不会覆盖已有内容）").format(folder=folder)
        )
    try:
        zf = zipfile.ZipFile(source)
    except FileNotFoundError as exc:
        raise LibraryError(_("{source}：备份文件不存在").format(source=source)) from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise LibraryError(
            _("{source}：不是有效的 .zip 备份（{exc}）").format(source=source, exc=exc)
        ) from exc
    staging = folder.with_name(f".wenshi-restore-{secrets.token_hex(6)}")
    try:
        with zf:
            members = _check_members(zf, source)
            for index, member in enumerate(members):
                progress.update(index, len(members), member.filename)
                progress.check()
                zf.extract(member, staging)
        report = _verify(staging, source)
        folder.parent.mkdir(parents=True, exist_ok=True)
        if folder.exists():
            folder.rmdir()
        os.replace(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise LibraryError(
            _("{folder}：无法恢复备份（{reason}）").format(folder=folder, reason=reason(exc))
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report.folder = str(folder)
    progress.update(len(members), len(members), _("恢复完成"))
    return report


def _verify(staging: Path, source: Path) -> RestoreReport:
    try:
        con = sqlite3.connect(f"file:{staging / DB_NAME}?mode=ro", uri=True)
        try:
            (result,) = con.execute("PRAGMA integrity_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(
            _("{source}：备份中的数据库已损坏（{exc}）").format(source=source, exc=exc)
        ) from exc
    if result != "ok":
        raise LibraryError(
            _("{source}：备份中的数据库未通过完整性检查（{result}）").format(
                source=source, result=result
            )
        )
    with Library.open(staging, auto_index=False) as lib:
        t = lib.tables
        needed = {s for (s,) in t.StoredFile.select(t.StoredFile.sha256).tuples()}
        needed |= {s for (s,) in t.Image.select(t.Image.sha256).tuples()}
        present = {lib.files.digest_of(p): p for p in lib.files.all_files()}
        missing = sorted(needed - set(present))
        if missing:
            raise LibraryError(
                _("{source}：备份不完整，缺少 {count} 个原始文件（如 {value}…）").format(
                    source=source, count=len(missing), value=missing[0][:12]
                )
            )
        for digest in needed:
            if hashlib.sha256(present[digest].read_bytes()).hexdigest() != digest:
                raise LibraryError(
                    _("{source}：备份中的原始文件 {value}… 已损坏").format(
                        source=source, value=digest[:12]
                    )
                )
        stats = lib.queries.stats()
        volumes = len(lib.volumes.list())
    return RestoreReport(str(staging), stats.manuscripts + stats.in_trash, volumes, len(present))
