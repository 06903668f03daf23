"""The library browser beside the catalog: what it lists with its counts, a click that
narrows the catalog and a second click (or Show all) that widens it again, counts that
follow the library's changes — read on the lane, the entries made over several turns."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.test_catalog_conventions import LINGWU, titles
from tests.ui.test_workflows import click_row, load_sample
from ui.widgets import browser_panel
from wenshi import browse


def listed(window) -> list[tuple[str, str, list]]:
    """The browser as it reads: each category, then each entry with its count (and the
    entries under it, for a volume)."""
    tree = window.browser.tree

    def rows(item) -> list:
        return [
            (item.child(r).text(0), item.child(r).text(1), rows(item.child(r)))
            for r in range(item.childCount())
        ]

    return [(tree.topLevelItem(t).text(0), "", rows(tree.topLevelItem(t))) for t in range(5)]


def entry(window, *path: str):
    tree = window.browser.tree
    item = next(tree.topLevelItem(t) for t in range(5) if tree.topLevelItem(t).text(0) == path[0])
    for text in path[1:]:
        item = next(
            item.child(r) for r in range(item.childCount()) if item.child(r).text(0) == text
        )
    return item


def click(qtbot, window, *path: str) -> None:
    tree = window.browser.tree
    where = tree.visualItemRect(entry(window, *path)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    wait_idle(qtbot, window)


def test_the_browser_lists_the_library_with_counts(qtbot, window):
    load_sample(qtbot, window)
    click(qtbot, window, "Volumes", "Vol. 17")  # a click shows it, and …
    qtbot.keyClick(window.browser.tree, Qt.Key.Key_Right)  # … → opens it
    click(qtbot, window, "Years")  # a category opens with a click
    assert listed(window)[:2] + listed(window)[3:4] == [
        (
            "Volumes",
            "",
            [
                (
                    "Vol. 16",
                    "5",
                    [("史海钩沉", "3", []), ("人物春秋", "1", []), ("诗词楹联", "1", [])],
                ),
                (
                    "Vol. 17",
                    "4",
                    [
                        ("史海钩沉", "1", []),
                        ("文化教育", "1", []),
                        ("民俗风情", "1", []),
                        ("诗词楹联", "1", []),
                    ],
                ),
                ("Not in a volume", "5", []),
            ],
        ),
        (
            "States",
            "",
            [
                ("收稿", "1", []),
                ("初审", "1", []),
                ("采用", "4", []),
                ("退修", "1", []),
                ("退稿", "1", []),
                ("待用", "1", []),
                ("已刊", "5", []),
            ],
        ),
        ("Years", "", [("2022", "5", []), ("2021", "5", []), ("2020", "4", [])]),
    ]  # fmt: skip
    assert [(t, n) for t, n, _ in listed(window)[2][2][:3]] == [
        ("乡情", "1"),
        ("人民公社", "1"),
        ("包产到户", "1"),
    ]
    assert len(listed(window)[2][2]) == 35
    assert [(t, n) for t, n, _ in listed(window)[4][2]][:2] == [("丁桂兰", "1"), ("冯志远", "2")]
    assert entry(window, "Volumes", "Vol. 16").toolTip(0) == "《灵武文史》第十六辑"


def test_a_click_narrows_the_catalog_and_a_second_widens_it(qtbot, window):
    load_sample(qtbot, window)
    show_all = window.browser.show_all
    assert not show_all.isEnabled()
    click(qtbot, window, "Volumes", "Vol. 17")
    assert titles(window) == ["秦渠与汉渠", "从关帝庙到教学楼", "河东川里唱花儿", "秦渠谣"]
    assert window.catalog.count.text() == "4 manuscripts"
    assert show_all.isEnabled()
    assert entry(window, "Volumes", "Vol. 17").isSelected()
    click(qtbot, window, "Volumes", "Vol. 17")
    assert len(titles(window)) == 14 and not show_all.isEnabled()

    click(qtbot, window, "States", "已刊")
    assert len(titles(window)) == 5
    click(qtbot, window, "Tags")
    click(qtbot, window, "Tags", "民国")  # another entry replaces the first
    assert titles(window) == [
        "横城古渡忆旧",
        "从一本旧账簿看民国时期的灵武县城",
        "秦渠与汉渠",
    ]
    # The catalog's own filters narrow it further.
    type_chinese(window.catalog.text, "灵武")
    qtbot.waitUntil(lambda: window.catalog.count.text() == "1 manuscripts")
    assert titles(window) == ["从一本旧账簿看民国时期的灵武县城"]
    qtbot.mouseClick(show_all, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert titles(window) == LINGWU  # the quick filter stays, the browser's is gone
    assert window.browser.tree.selectedItems() == []

    click(qtbot, window, "Tags")  # folded away again, the years come into sight
    click(qtbot, window, "Years")
    click(qtbot, window, "Years", "2020")
    assert titles(window) == ["从一本旧账簿看民国时期的灵武县城"]
    qtbot.keyClick(window.browser.tree, Qt.Key.Key_Up)  # to 2021, and Enter chooses it
    qtbot.keyClick(window.browser.tree, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert titles(window) == ["灵武长枣漫话"]


def test_counts_follow_the_library_and_are_read_on_the_lane(qtbot, window, monkeypatch):
    counted_on: list[str] = []
    real = browse.counts

    def counts(library):
        counted_on.append(threading.current_thread().name)
        return real(library)

    monkeypatch.setattr(browse, "counts", counts)
    load_sample(qtbot, window)
    click(qtbot, window, "Volumes", "Vol. 17")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    release = threading.Event()
    window.hub.tasks.run(lambda _p: release.wait(10))  # the lane is busy (an import, say)
    click_row(qtbot, window, "秦渠谣", wait=False)
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Delete)
    turns = [0]
    ticker = QTimer(interval=0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start()
    qtbot.waitUntil(lambda: turns[0] > 20)  # the window goes on while the lane works
    ticker.stop()
    assert entry(window, "Volumes", "Vol. 17").text(1) == "4"
    release.set()
    wait_idle(qtbot, window)
    assert entry(window, "Volumes", "Vol. 17").text(1) == "3"
    assert entry(window, "States", "采用").text(1) == "3"
    assert titles(window) == ["秦渠与汉渠", "从关帝庙到教学楼", "河东川里唱花儿"]  # still chosen
    assert counted_on and {name.split("_")[0] for name in counted_on} == {"wenshi-lane"}

    # Hidden, it does not count; shown again, it catches up.
    seen = len(counted_on)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    manuscripts = window.library.manuscripts
    mid = window.catalog.model.id_at(0)
    window.hub.run_op(lambda _p: manuscripts.delete([mid]))
    wait_idle(qtbot, window)
    assert len(counted_on) == seen
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    wait_idle(qtbot, window)
    # (at least once: on a slow machine a later check of the library may count again)
    assert len(counted_on) > seen
    assert entry(window, "Volumes", "Vol. 17").text(1) == "2"


def test_an_entry_that_empties_is_let_go(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    click(qtbot, window, "States", "收稿")
    assert titles(window) == ["一条巷子里的两种年"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click_row(qtbot, window, "一条巷子里的两种年")
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert [t for t, _n, _c in listed(window)[1][2]] == [
        "初审",
        "采用",
        "退修",
        "退稿",
        "待用",
        "已刊",
    ]
    assert len(titles(window)) == 13 and not window.browser.show_all.isEnabled()


def test_entries_are_made_over_several_turns(qtbot, window, monkeypatch):
    monkeypatch.setattr(browser_panel, "CHUNK", 10)
    turns = [0]
    ticker = QTimer(interval=0)
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    made: list[int] = []
    real = browser_panel.BrowserPanel._entry

    def entry_made(self, node):
        made.append(turns[0])
        return real(self, node)

    monkeypatch.setattr(browser_panel.BrowserPanel, "_entry", entry_made)
    ticker.start()
    load_sample(qtbot, window)  # the browser shows the library it has just read
    ticker.stop()
    # 3 volumes with their 7 sections, 7 states, 35 tags, 3 years, 11 authors: 10 a turn
    assert len(made) == 66
    assert len(set(made)) == 7
    assert entry(window, "Authors").childCount() == 11
