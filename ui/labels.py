"""The few phrases the views build around the library's figures — where a piece stands
(第17辑 · 史海钩沉), a printed page (第12页) — in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


# Each phrase is a literal translate() call: lupdate finds only those.
def volume_place(volume: int | None, section: str | None) -> str:
    """Volume 17 · 史海钩沉; empty for a piece in no volume."""
    if volume is None:
        return ""
    return (
        QCoreApplication.translate("labels", "Volume %1 · %2")
        .replace("%1", str(volume))
        .replace("%2", section or "")
    )


def page_label(page: int) -> str:
    return QCoreApplication.translate("labels", "p. %1").replace("%1", str(page))


def words_label(words: int) -> str:
    return QCoreApplication.translate("labels", "%1 words").replace("%1", f"{words:,}")
