"""Write an export beside its target and rename it into place.

A failed or interrupted export then never leaves a half-written file where the user expects
the result, and an older file of the same name survives until the new one is complete.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wenshi.errors import InvalidValueError, WenshiError


def check_suffix(path: Path, formats: tuple[str, ...], kind: str) -> str:
    """The lower-case suffix of ``path`` if it is one of ``formats``; the error names both."""
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise InvalidValueError(
            f"{path}：不支持的{kind}格式“{suffix or '（无扩展名）'}”；可用 {'、'.join(formats)}"
        )
    return suffix


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a fresh temporary path in the target's folder; on success it replaces ``path``,
    on any failure it is removed and an ``OSError`` becomes a one-line ``WenshiError``."""
    if path.is_dir():
        raise WenshiError(f"{path}：无法写入（这是一个文件夹）")
    tmp = _create_temp(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WenshiError(f"{path}：无法写入（{_reason(exc)}）") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create_temp(path: Path) -> Path:
    # os.open with 0o666 honours the umask, so the result gets the same permissions as any
    # file the user saves (tempfile.mkstemp would leave it readable by the owner only).
    while True:
        tmp = path.with_name(f".wenshi-{secrets.token_hex(6)}{path.suffix}")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise WenshiError(f"{path}：无法写入（{_reason(exc)}）") from exc
        return tmp


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件夹不存在"
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    if isinstance(exc, NotADirectoryError):
        return "上级路径不是文件夹"
    return exc.strerror or str(exc)
