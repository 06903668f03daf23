"""A consistent backup of a whole library as one .zip: the database and the originals.

The database is copied with SQLite's online backup API (so a copy taken while the program
writes is still consistent), then zipped with ``files/``. Unzipping the archive into an
empty folder gives a library that ``wenshi --library FOLDER`` opens as it was.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from wenshi.errors import InvalidValueError, WenshiError
from wenshi.library import DB_NAME, FILES_DIR, Library
from wenshi.progress import Progress


def backup_library(library: Library, target: Path, progress: Progress | None = None) -> int:
    """Write ``target`` (.zip); returns the number of files stored. Never leaves a partial zip."""
    progress = progress or Progress()
    target = Path(target)
    if target.suffix.lower() != ".zip":
        raise InvalidValueError(f"{target}：备份文件名须以 .zip 结尾")
    originals = sorted(
        p
        for p in library.files.root.rglob("*")
        if p.is_file() and not p.name.startswith(".incoming-")
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_zip = tempfile.mkstemp(dir=target.parent, prefix=".wenshi-backup-", suffix=".zip")
        os.close(fd)
    except OSError as exc:
        raise WenshiError(f"{target}：无法写入备份（{exc.strerror or exc}）") from exc
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db_copy = Path(tmp) / DB_NAME
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
                    zf.write(path, f"{FILES_DIR}/{path.relative_to(library.files.root).as_posix()}")
        os.replace(tmp_zip, target)
    except OSError as exc:
        Path(tmp_zip).unlink(missing_ok=True)
        raise WenshiError(f"{target}：无法写入备份（{exc.strerror or exc}）") from exc
    except BaseException:
        Path(tmp_zip).unlink(missing_ok=True)
        raise
    progress.update(len(originals), len(originals), "备份完成")
    return len(originals)
