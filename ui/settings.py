"""The user's settings: an .ini file in the user's config folder (language, window layout,
the libraries opened lately and where the user was in each).

Tests and scripts redirect it with ``QSettings.setPath(IniFormat, …)``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from wenshi.library import DB_NAME

LANGUAGES = {"zh_CN": "中文", "en": "English"}


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "wenshi", "wenshi")


RECENT_MAX = 8


def _library_group(path: Path) -> str:
    """A settings group per library folder (a path cannot be a key: it holds slashes)."""
    return "libraries/" + hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]


def remember_library(path: Path) -> None:
    """The library just opened becomes the one the next start opens, first of the recent."""
    s = settings()
    recent = [p for p in recent_libraries() if p != str(path)]
    s.setValue("library/last", str(path))
    s.setValue("library/recent", [str(path), *recent][:RECENT_MAX])


def recent_libraries() -> list[str]:
    """The libraries opened lately, newest first, those still on disk."""
    value = settings().value("library/recent") or []
    paths = [value] if isinstance(value, str) else list(value)
    return [p for p in paths if (Path(p) / DB_NAME).is_file()]


def last_library() -> str | None:
    """The library the program had open last, if it is still there."""
    path = settings().value("library/last")
    return str(path) if path and (Path(str(path)) / DB_NAME).is_file() else None


def save_place(library: Path, view: int, manuscript: int | None) -> None:
    """Where the user was in this library: the main view and the open manuscript."""
    s = settings()
    s.setValue(f"{_library_group(library)}/view", view)
    s.setValue(f"{_library_group(library)}/manuscript", manuscript or 0)


def saved_place(library: Path) -> tuple[int, int | None]:
    s = settings()
    view = int(s.value(f"{_library_group(library)}/view", 0) or 0)
    manuscript = int(s.value(f"{_library_group(library)}/manuscript", 0) or 0)
    return view, manuscript or None
