"""A search result's menu: open it at its hits, or copy its hits with the title and the
printed page, to quote in a note or a letter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.gestures import choose, entries, right_click
from tests.ui.test_workflows import load_sample
from wenshi.records import NewManuscript


def search(qtbot, window, query: str) -> None:
    panel = window.search
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel.query.clear()
    type_chinese(panel.query, query)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    wait_idle(qtbot, window)


def result_menu(qtbot, window, row: int):
    results = window.search.results
    return right_click(
        qtbot, results.viewport(), results.visualItemRect(results.item(row)).center()
    )


def test_copy_a_hit_with_its_title_and_page(qtbot, window):
    load_sample(qtbot, window)
    manuscripts = window.library.manuscripts
    paged = NewManuscript(
        title="渡口札记",
        body="渡口的船工多是本地人。"
        + "河水" * 40
        + "\f第二页说羊皮筏子。"
        + "河水" * 40
        + "\f第三页说羊皮筏子的做法。",
        first_page=12,
    )
    window.hub.run_op(lambda _p: manuscripts.add(paged))
    wait_idle(qtbot, window)
    search(qtbot, window, "羊皮筏子")
    menu = result_menu(qtbot, window, 0)
    assert entries(menu) == ["Open", "Copy the hits with title and page", "Copy citation"]
    choose(qtbot, menu, "Copy the hits with title and page")
    assert QApplication.clipboard().text() == (
        "《渡口札记》第13页：…" + "水河" * 6 + "水 第二页说羊皮筏子。" + "河水" * 8 + "河…\n"
        "《渡口札记》第14页：…" + "水河" * 13 + "水 第三页说羊皮筏子的做法。"
    )


def test_open_a_result_from_its_menu(qtbot, window):
    load_sample(qtbot, window)
    search(qtbot, window, "靈武 横城")
    choose(qtbot, result_menu(qtbot, window, 0), "Open")
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is window.split
    assert window.editor.detail.title == "横城古渡忆旧"
    assert window.editor.body.editor.textCursor().selectedText() == "横城"
