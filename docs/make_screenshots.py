"""Regenerate the screenshots in docs/ from the sample library (Chinese interface).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py

Needs a CJK font (Debian: fonts-noto-cjk), or Chinese shows as boxes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings

    settings_dir = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from ui.app import make_app

    app = make_app(["wenshi"])
    from ui.main_window import MainWindow

    window = MainWindow(str(Path(tempfile.mkdtemp()) / "library"))
    window.resize(1280, 800)
    window.show()

    def settle() -> None:
        """Let the lane finish and the window repaint (at least 0.3 s, at most 30 s)."""
        start = time.time()
        while time.time() - start < 30 and (window.hub.tasks.busy or time.time() - start < 0.3):
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str) -> None:
        settle()
        window.grab().save(str(ROOT / "docs" / f"screenshot-{name}.png"))

    shot("welcome")
    window.welcome.sample_button.click()
    settle()
    model = window.catalog.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "横城古渡忆旧")
    window.catalog.select(model.id_at(row))
    shot("manuscript")
    window.editor.tabs.setCurrentWidget(window.editor.review)
    shot("review")
    window.editor.tabs.setCurrentWidget(window.editor.history)
    shot("history")
    window.focus_search()
    window.search.query.setText("灵武 横城 OR 水洞沟")
    window.search.search()
    shot("search")
    window.tabs.setCurrentWidget(window.builder)
    window.builder.volume.setCurrentIndex(window.builder.volume.findData(17))
    shot("volume")
    window.hub.tasks.shutdown()
    window.library.close()


if __name__ == "__main__":
    main()
