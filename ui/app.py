"""Starting the desktop program: QApplication, its language, the library, the main window."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtWidgets import QApplication

from ui.dialogs import install_exception_hook
from ui.language import apply_language
from ui.main_window import OPEN_WINDOWS, MainWindow
from ui.settings import last_library, settings
from wenshi.paths import ENV_VAR


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("wenshi")
    app.setApplicationName("wenshi")
    app.setApplicationDisplayName("wenshi 文史")
    apply_language(app, str(settings().value("language", "zh_CN")))
    return app


def library_to_open(asked: str | None) -> str | None:
    """The library asked for, else the one open last time, unless $WENSHI_LIBRARY names
    one (``None``: the environment's or the default, as the command line resolves it)."""
    if asked:
        return asked
    return None if os.environ.get(ENV_VAR, "").strip() else last_library()


def run(argv: list[str] | None = None) -> int:
    """Open the main window on the library given by --library, $WENSHI_LIBRARY or the default."""
    parser = argparse.ArgumentParser(prog="wenshi-gui", description="wenshi 文史 desktop program")
    parser.add_argument("--library", metavar="DIR")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = make_app([sys.argv[0], *qt_args])

    install_exception_hook()
    window = MainWindow(library_to_open(args.library))
    window.show()
    code = app.exec()
    for open_window in [window, *OPEN_WINDOWS]:
        open_window.shutdown()
    return code
