"""A library without a search index gets one in the background as it opens; a search
asked meanwhile says the index is being built, with how far, then shows its results."""

from __future__ import annotations

import re
import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import type_chinese, wait_idle
from ui.main_window import MainWindow
from wenshi.cli.main import main


def test_the_index_is_built_on_open_and_a_search_meanwhile_shows_progress(qtbot, tmp_path):
    library = tmp_path / "灵武文史"
    assert main(["--library", str(library), "sample"]) == 0
    shutil.rmtree(library / "index")  # as after an upgrade, or a library copied without it
    window = MainWindow(str(library))
    window.show()
    seen: list[str] = []  # what the search panel says each time the build moves on
    window.hub.index_progress.connect(lambda *_: seen.append(window.search.summary.text()))
    try:
        qtbot.waitUntil(lambda: window.built, timeout=10000)
        panel = window.search
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Search
        type_chinese(panel.query, "秦渠")
        QTest.keyClick(panel.query, Qt.Key.Key_Return)
        wait_idle(qtbot, window)
        assert (library / "index").is_dir()
        building = [t for t in seen if t.startswith("Building")]
        assert building, seen
        for text in building:
            assert re.fullmatch(
                r"Building the search index \(once for this library\): \d+ of 14 manuscripts…", text
            )
        assert panel.summary.text() == "5 manuscripts match; showing 1–5"
    finally:
        window.close()
        window.shutdown()
