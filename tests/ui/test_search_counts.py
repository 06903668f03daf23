"""A search result's count is the editor's: "N in the text" is the "Hit 1 of N" the
opened manuscript shows, and the find bar counts the same query alike; a hit in the title
is counted apart (the editor shows no title) and marked in the result's title."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_search_menu import search
from tests.ui.test_workflows import load_sample

MARK = '<span style="background:#ffe08a;color:#8a1c00">'
CTRL = Qt.KeyboardModifier.ControlModifier


def result(window, title: str):
    """The result whose title line reads ``title``, and its label's rich text."""
    results = window.search.results
    for row in range(results.count()):
        label = results.itemWidget(results.item(row)).text()
        if re.sub(r"<[^>]+>", "", label.split("<br>")[0]) == title:
            return results.item(row), label
    raise AssertionError(f"no result titled {title}")


def test_result_counts_agree_with_the_opened_text_and_the_find_bar(qtbot, window):
    load_sample(qtbot, window)
    [mid] = [m.id for m in window.library.queries.list() if m.title == "秦渠与汉渠"]
    in_text = window.library.manuscripts.get(mid).body.count("秦渠")
    assert in_text == 6
    search(qtbot, window, "秦渠")
    item, label = result(window, "秦渠与汉渠")
    assert f'<b style="font-size:13pt">{MARK}秦渠</span>与汉渠</b>' in label
    assert "6 in the text, 1 in the title" in label
    _, only_title = result(window, "秦渠谣")
    assert f"{MARK}秦渠</span>谣" in only_title and "　1 in the title</span>" in only_title

    results = window.search.results
    at = results.visualItemRect(item).center()
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(results.viewport(), Qt.MouseButton.LeftButton, pos=at)
    wait_idle(qtbot, window)
    body = window.editor.body
    qtbot.waitUntil(lambda: body.hit_label.text() == "Hit 1 of 6", timeout=5000)

    text = body.editor
    qtbot.mouseClick(
        text.viewport(), Qt.MouseButton.LeftButton, pos=text.viewport().rect().center()
    )
    qtbot.keyClick(text, Qt.Key.Key_F, CTRL)
    type_chinese(body.find_bar.field, "秦渠")
    assert body.find_bar.count.text() == "Hit 1 of 6"
    body.find_bar.field.clear()
    type_chinese(body.find_bar.field, "秦渠 汉渠")  # two words: both marked, as search marks
    both = len(window.library.search.highlight_spans("秦渠 汉渠", body.text()))
    assert both == 6 + body.text().count("汉渠")
    assert body.find_bar.count.text() == f"Hit 1 of {both}"
