"""Write an export beside its target and rename it into place.

A failed or interrupted export then never leaves a half-written file where the user expects
the result, and an older file of the same name survives until the new one is complete. The
temporary file is noted in the library session first, so one left by a killed run is
removed when the library is next opened.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from wenshi.errors import InvalidValueError, WenshiError
from wenshi.fsutil import reason
from wenshi.i18n import _

if TYPE_CHECKING:
    from wenshi.sessions import Session


def check_suffix(path: Path, formats: tuple[str, ...], kind: str) -> str:
    """The lower-case suffix of ``path`` if it is one of ``formats``; the error names both."""
    suffix = path.suffix.lower()
    if suffix not in formats:
        raise InvalidValueError(
            _("{path}：不支持的{kind}格式“{value}”；可用 {join}").format(
                path=path, kind=kind, value=suffix or _("（无扩展名）"), join="、".join(formats)
            )
        )
    return suffix


@contextmanager
def atomic_path(path: Path, session: Session | None = None) -> Iterator[Path]:
    """Yield a fresh temporary path in the target's folder; on success it replaces ``path``,
    on any failure it is removed and an ``OSError`` becomes a one-line ``WenshiError``."""
    path = Path(path)
    if path.is_dir():
        raise WenshiError(_("{path}：无法写入（这是一个文件夹）").format(path=path))
    tmp = path.with_name(f".wenshi-{secrets.token_hex(6)}{path.suffix}")
    try:
        # os.open with 0o666 honours the umask, so the result gets the same permissions as
        # any file the user saves (tempfile.mkstemp would leave it readable by the owner).
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise WenshiError(
            _("{path}：无法写入（{reason}）").format(path=path, reason=reason(exc))
        ) from exc
    if session is not None:
        session.track_temp(tmp)
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WenshiError(
            _("{path}：无法写入（{reason}）").format(path=path, reason=reason(exc))
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if session is not None:
            session.untrack_temp(tmp)
