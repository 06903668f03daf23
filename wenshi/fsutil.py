"""Turning file-system failures into one clear line: which place, and why in words."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from wenshi.errors import LibraryError
from wenshi.i18n import _

_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "文件夹是只读的",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOENT: "文件夹不存在（可能已被移走或删除）",
    errno.ENOTDIR: "上级路径不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EFBIG: "文件太大，超出了系统允许的大小",
}


def reason(exc: OSError) -> str:
    """The cause of an ``OSError`` in a few Chinese words."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def write_error(place: Path, exc: OSError) -> LibraryError:
    return LibraryError(
        _("{place}：无法写入（{reason}），未作任何修改").format(place=place, reason=reason(exc))
    )


def printable(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can be printed and stored: bytes of its name that are not
    valid in the file system's encoding (which Python keeps as lone surrogates, and UTF-8
    output and SQLite refuse) are shown as ``\\xff``."""
    return os.fsencode(path).decode(sys.getfilesystemencoding(), "backslashreplace")
