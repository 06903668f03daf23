"""The user's settings: an .ini file in the user's config folder (language, window layout).

Tests and scripts redirect it with ``QSettings.setPath(IniFormat, …)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGES = {"zh_CN": "中文", "en": "English"}


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "wenshi", "wenshi")
