"""Long GUI-thread work is done in steps the user can watch: the window opens view by
view, a manuscript shows “Reading…” until it has come from the lane, search results
appear one event-loop turn after another — and what ends up on screen is the same."""

from __future__ import annotations

import re
import threading
import time

from PySide6.QtCore import Qt, QTimer

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_workflows import click_row, load_sample
from ui.widgets import search_panel
from ui.widgets.search_panel import ResultWidget

QINQU_COUNTS = (
    "Words (Word) 166   Han 156   Characters (no spaces) 166   Characters (with spaces) 166"
    "   Paragraphs 11   Layout words (28×30) 1100"
)


def test_the_editor_shows_reading_then_the_manuscript(qtbot, window):
    load_sample(qtbot, window)
    editor = window.editor
    click_row(qtbot, window, "七律·秋访水洞沟")
    assert editor.body.text()
    release = threading.Event()
    window.hub.tasks.run(lambda _p: release.wait(10))  # the lane is busy (an import, say)
    mid = click_row(qtbot, window, "秦渠谣", wait=False)
    # Nothing of the previous manuscript is left to type into while this one is read.
    assert editor.heading.text() == f"Reading manuscript #{mid}…"
    assert not editor.isEnabled()
    assert (editor.body.text(), editor.body.counts.text(), editor.fields["title"].text()) == (
        "",
        "",
        "",
    )
    assert (editor.review.trail.rowCount(), editor.history.revisions.count()) == (0, 0)
    assert editor.manuscript_id == mid and not editor.dirty
    release.set()
    wait_idle(qtbot, window)
    assert editor.isEnabled()
    assert editor.heading.text() == f"<b>#{mid} 秦渠谣</b>　采用　Volume 17 · 诗词楹联"
    assert editor.fields["title"].text() == "秦渠谣"
    assert editor.body.text() == window.library.manuscripts.get(mid).body
    assert editor.body.counts.text() == QINQU_COUNTS  # counted on the lane
    trail = editor.review.trail
    assert [trail.item(r, 1).text() for r in range(trail.rowCount())] == [
        "采用",
        "终审",
        "复审",
        "初审",
        "收稿",
    ]
    assert editor.history.revisions.count() == 2
    assert not editor.dirty and not editor.save_button.isEnabled()


def test_counts_from_the_lane_are_the_live_counts(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "秦渠谣")
    body = window.editor.body
    assert body.counts.text() == QINQU_COUNTS
    body.editor.moveCursor(body.editor.textCursor().MoveOperation.End)
    type_chinese(body.editor, "渠")
    qtbot.waitUntil(lambda: body.counts.text() != QINQU_COUNTS)
    assert body.counts.text().startswith("Words (Word) 167   Han 157   ")
    qtbot.keyClick(body.editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: body.counts.text() == QINQU_COUNTS)  # counted here, the same
    assert window.editor.dirty  # an edit was made (and undone by hand): still asks first


def search(qtbot, panel, query: str) -> None:
    panel.query.clear()
    type_chinese(panel.query, query)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)


def titles(panel) -> list[str]:
    """The results' titles as read, the marks of title hits left out."""
    return [
        re.sub(
            r"<[^>]+>",
            "",
            re.match(r'<b style="font-size:13pt">(.*?)</b>', panel.results.itemWidget(item).text())[
                1
            ],
        )
        for item in (panel.results.item(r) for r in range(panel.results.count()))
    ]


def test_search_results_are_made_one_turn_after_another(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    monkeypatch.setattr(search_panel, "SLICE_S", 0.0)  # one result widget per turn
    panel = window.search
    window.tabs.setCurrentWidget(panel)
    turns = [0]
    counter = QTimer(interval=0)
    counter.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    counter.start()
    added: list[int] = []
    panel.results.model().rowsInserted.connect(lambda *_a: added.append(turns[0]))
    search(qtbot, panel, "靈武 横城")
    wait_idle(qtbot, window)
    counter.stop()
    assert len(added) == 4 and len(set(added)) == 4  # each in an event-loop turn of its own
    assert panel.summary.text() == "4 manuscripts match; showing 1–4"
    assert titles(panel) == [
        "横城古渡忆旧",
        "父親的靈武",
        "河东川里唱花儿",
        "水洞沟：近百年前的那次发掘",
    ]
    # The same rich text as ever: title line, then the snippets with the hits marked.
    assert panel.last is not None
    for row, hit in enumerate(panel.last.hits):
        assert panel.results.itemWidget(panel.results.item(row)).text() == ResultWidget(hit).text()
    first = panel.results.itemWidget(panel.results.item(0)).text()
    assert '<span style="background:#ffe08a;color:#8a1c00">横城</span>古渡' in first
    assert [panel.volumes.item(r).text() for r in range(panel.volumes.count())] == [
        "第16辑　2",
        "第17辑　1",
        "Not in a volume　1",
    ]


def test_a_new_search_replaces_results_still_being_made(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    monkeypatch.setattr(search_panel, "SLICE_S", 0.0)

    class SlowResult(ResultWidget):  # so the new answer comes while the old page is made
        def __init__(self, hit) -> None:
            time.sleep(0.05)
            super().__init__(hit)

    monkeypatch.setattr(search_panel, "ResultWidget", SlowResult)
    panel = window.search
    window.tabs.setCurrentWidget(panel)
    made: list[str] = []
    panel.results.model().rowsInserted.connect(lambda *_a: made.append(panel.last.query))

    def search_again(*_args) -> None:  # the user presses Return on a new query at once
        panel.results.model().rowsInserted.disconnect(search_again)
        search(qtbot, panel, "花儿")

    panel.results.model().rowsInserted.connect(search_again)
    search(qtbot, panel, "靈武 横城")
    wait_idle(qtbot, window)
    assert panel.last is not None and panel.last.query == "花儿"
    assert titles(panel) == [hit.title for hit in panel.last.hits]
    assert "河东川里唱花儿" in titles(panel) and "横城古渡忆旧" not in titles(panel)
    assert made.count("靈武 横城") < 4  # the old page was not finished
