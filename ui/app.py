"""Starting the desktop program: QApplication, translations, the library, the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ui.dialogs import install_exception_hook
from ui.main_window import MainWindow
from ui.settings import settings

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Chinese by default: our .qm plus Qt's own qtbase_zh_CN (dialog buttons, menus)."""
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


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("wenshi")
    app.setApplicationName("wenshi")
    app.setApplicationDisplayName("wenshi 文史")
    language = str(settings().value("language", "zh_CN"))
    app._wenshi_translators = install_translators(app, language)  # keep them alive
    return app


def run(argv: list[str] | None = None) -> int:
    """Open the main window on the library given by --library, $WENSHI_LIBRARY or the default."""
    parser = argparse.ArgumentParser(prog="wenshi-gui", description="wenshi 文史 desktop program")
    parser.add_argument("--library", metavar="DIR")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = make_app([sys.argv[0], *qt_args])

    install_exception_hook()
    window = MainWindow(args.library)
    window.show()
    code = app.exec()
    window.shutdown()
    return code
