"""Opening a search hit that the catalog's filter hides keeps the user's filter and says
why the manuscript is not in the list; Show all brings it back into view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import load_sample


def test_a_hidden_hit_opens_and_the_filter_stays(qtbot, window):
    load_sample(qtbot, window)
    catalog = window.catalog
    type_chinese(catalog.text, "秦渠")
    qtbot.waitUntil(lambda: catalog.count.text() == "2 manuscripts", timeout=5000)
    wait_idle(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = window.search
    type_chinese(panel.query, "横城")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    shown = [
        panel.results.itemWidget(panel.results.item(r)).text() for r in range(panel.results.count())
    ]
    row = next(r for r, text in enumerate(shown) if "横城</span>古渡忆旧</b>" in text)
    rect = panel.results.visualItemRect(panel.results.item(row))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)
    assert window.tabs.currentIndex() == 0
    assert window.editor.detail.title == "横城古渡忆旧"
    assert catalog.text.text() == "秦渠"  # the filter as the user left it
    assert catalog.count.text() == "2 manuscripts"
    assert catalog.outside.isVisible()
    assert catalog.outside.text() == (
        "The manuscript open on the right is not in this list: the filters hide it."
    )
    assert catalog.selected_ids() == []
    qtbot.mouseClick(catalog.show_everything, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert catalog.text.text() == ""
    assert not catalog.outside.isVisible()
    assert catalog.selected_titles() == ["横城古渡忆旧"]
    assert window.editor.detail.title == "横城古渡忆旧"
