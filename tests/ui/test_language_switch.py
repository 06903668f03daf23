"""Settings → Interface language applies at once, no restart: the window is made anew in
the chosen language on the same library, view and manuscript, and the core's messages
(dialogs, the reasons on disabled entries) switch with it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import wait_idle
from tests.ui.gestures import choose
from tests.ui.test_workflows import click_row, load_sample
from ui.language import apply_language
from ui.main_window import OPEN_WINDOWS
from wenshi import i18n


def from_menu_bar(qtbot, window, *path: str) -> None:
    """Click the menu bar's ``path[0]``, then the entries of the menus that open."""
    bar = window.menuBar()
    title = next(a for a in bar.actions() if a.text() == path[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(title).center())
    qtbot.waitUntil(title.menu().isVisible, timeout=3000)
    choose(qtbot, title.menu(), *path[1:])


@pytest.fixture
def restore_language(qapp):
    yield
    apply_language(qapp, "en")  # no translators, as the other tests run
    i18n.set_language("zh_CN")
    for other in list(OPEN_WINDOWS):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(
                QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard
            )
            other.close()
        other.shutdown()


def frozen_tooltip(qtbot, window) -> str:
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    builder.volume.setCurrentIndex(builder.volume.findData(16))  # published
    wait_idle(qtbot, window)
    return builder.take_out.toolTip()


def new_window(qtbot, old):
    qtbot.waitUntil(lambda: OPEN_WINDOWS and OPEN_WINDOWS[-1] is not old, timeout=5000)
    window = OPEN_WINDOWS[-1]
    wait_idle(qtbot, window)
    return window


def test_the_language_switches_without_a_restart(qtbot, window, restore_language):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    assert frozen_tooltip(qtbot, window).startswith("第 16 辑已出版")
    window.tabs.setCurrentIndex(0)

    from_menu_bar(qtbot, window, "Se&ttings", "Interface language", "English")
    english = new_window(qtbot, window)
    assert not window.isVisible() and english.isVisible()
    qtbot.waitUntil(lambda: english.editor.manuscript_id == mid, timeout=5000)
    assert english.tabs.currentIndex() == 0  # the same view, the same manuscript
    assert english.editor.detail.title == "秦渠谣"
    assert frozen_tooltip(qtbot, english).startswith("Volume 16 is published")
    english.tabs.setCurrentIndex(0)

    from_menu_bar(qtbot, english, "Se&ttings", "Interface language", "中文")
    chinese = new_window(qtbot, english)
    assert [a.text() for a in chinese.menuBar().actions()][:3] == [
        "文件(&F)",
        "稿件(&M)",
        "检索(&E)",
    ]
    qtbot.waitUntil(lambda: chinese.editor.manuscript_id == mid, timeout=5000)
    assert frozen_tooltip(qtbot, chinese).startswith("第 16 辑已出版")
    languages = next(a for a in chinese.menuBar().actions() if a.text() == "设置(&T)").menu()
    [language_menu] = [a.menu() for a in languages.actions() if a.menu()]
    assert [(a.text(), a.isChecked()) for a in language_menu.actions()] == [
        ("中文", True),
        ("English", False),
    ]
    assert QApplication.instance().quitOnLastWindowClosed()
