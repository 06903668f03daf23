"""The interface language: Qt's translators for the widgets (ours and Qt's own dialog
buttons) and the core's message catalogue, switched together so a dialog never speaks
another language than the window behind it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wenshi import i18n

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese by default: our .qm plus Qt's own qtbase_zh_CN (dialog buttons, menus);
    English is the source language of the widgets and needs none."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        translators.append(qt)
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"wenshi_{language}.qm")):
        translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def apply_language(app: QApplication, language: str) -> None:
    """Put ``language`` in force for everything made from now on: the translators of the
    language before are taken out, the new ones installed, the core told."""
    for translator in getattr(app, "_wenshi_translators", []):
        app.removeTranslator(translator)
    app._wenshi_translators = install_translators(app, language)  # kept alive here
    i18n.set_language(language)
