"""Persons and places in the desktop program, by clicks and typing: an entry made with a
historical name, its page listing every article that mentions it, a mention opened, the
search saying under which name a text has it, and a taken name refused by a dialog."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.day import answered, when_dialog
from tests.ui.test_responsive import search
from tests.ui.test_workflows import load_sample


def click(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def add(qtbot, window, button, name: str, period: str = "") -> None:
    """Click ``button`` (New entry… / Add a name…), type the name (and period), OK."""

    def answer(dialog) -> None:
        click(qtbot, dialog.name)
        type_chinese(dialog.name, name)
        if period:
            click(qtbot, dialog.period)
            type_chinese(dialog.period, period)
        click(qtbot, dialog.ok)

    when_dialog(answer)
    click(qtbot, button)
    wait_idle(qtbot, window)
    answered()


def rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def open_names(qtbot, window):
    load_sample(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.names
    assert window.tabs.currentWidget() is view
    wait_idle(qtbot, window)
    return view


def test_a_place_with_its_old_name_and_the_articles_that_mention_it(qtbot, window):
    view = open_names(qtbot, window)
    assert view.heading.text() == "No entry yet: add a person or place with its names."
    click(qtbot, view.kind)  # Persons → Places, from the list that drops down
    combo = view.kind.view()
    qtbot.waitUntil(combo.isVisible, timeout=3000)
    qtbot.wait(QApplication.doubleClickInterval() + 100)
    click(qtbot, combo.viewport(), combo.visualRect(view.kind.model().index(1, 0)).center())
    qtbot.waitUntil(lambda: view.current_kind == "place", timeout=3000)
    wait_idle(qtbot, window)

    add(qtbot, window, view.add_entry, "灵武")
    assert [view.entries.item(r).text() for r in range(view.entries.count())] == ["灵武"]
    add(qtbot, window, view.add_name, "灵州", period="北魏—明")
    assert [view.entries.item(0).text()] == ["灵武　灵州"]
    assert rows(view.names) == [["灵武", "正名", ""], ["灵州", "旧名", "北魏—明"]]
    mentions = rows(view.mentions)
    assert view.mentions_label.text() == f"Mentioned in {len(mentions)} manuscript(s)"
    expected = window.library.search.search("灵武 OR 灵州", limit=0).total
    assert len(mentions) == expected == 11
    first = mentions[0]
    assert first[:5] == ["横城古渡忆旧", "Volume 16", "2021", "灵武", "2"]

    # "Search under all its names" shows the same articles in Search.
    click(qtbot, view.search_names)
    wait_idle(qtbot, window)
    assert window.tabs.currentWidget() is window.search
    assert window.search.query.text() == 'place:"灵武"'
    assert window.search.last.total == len(mentions)
    window.tabs.setCurrentWidget(view)

    # A double-click on a mention opens that manuscript.
    table = view.mentions
    at = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: window.editor.detail is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.editor.detail.title == "横城古渡忆旧", timeout=5000)
    assert window.tabs.currentWidget() is window.split

    # The search for place:灵州 finds the same, each result saying which name it has.
    panel = window.search
    window.tabs.setCurrentWidget(panel)
    search(qtbot, panel, "place:灵州")
    wait_idle(qtbot, window)
    assert panel.summary.text() == f"{expected} manuscripts match; showing 1–{expected}"
    shown = {
        hit.title: panel.results.itemWidget(panel.results.item(r)).text()
        for r, hit in enumerate(panel.last.hits)
    }
    assert "as 灵武" in shown["横城古渡忆旧"]
    assert "as 靈武" in shown["父親的靈武"]  # as that text writes it


def test_a_name_another_person_has_is_refused(qtbot, window, monkeypatch):
    view = open_names(qtbot, window)
    add(qtbot, window, view.add_entry, "马鸿宾")
    add(qtbot, window, view.add_name, "马子寅")
    add(qtbot, window, view.add_entry, "马福祥")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    add(qtbot, window, view.add_name, "马子寅")
    assert shown == ["“马子寅”已是人物“马鸿宾”的名称，不能再给另一条"]
    entries = window.library.authorities.list("person")
    assert [(e.name, e.all_names) for e in entries] == [
        ("马福祥", ["马福祥"]),
        ("马鸿宾", ["马鸿宾", "马子寅"]),
    ]


def test_the_index_of_a_volume_from_the_volumes_view(qtbot, window, monkeypatch, tmp_path):
    import docx
    from PySide6.QtWidgets import QFileDialog

    from tests.ui.gestures import choose
    from tests.ui.test_volume_drag import open_volume

    load_sample(qtbot, window)
    window.library.authorities.add("place", "横城")
    window.library.authorities.alias("place", "横城", "横城堡")
    builder = open_volume(qtbot, window, 16)
    target = tmp_path / "地名索引.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, builder.export_index)  # a button with a menu: the click opens it
    menu = builder.export_index.menu()
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    choose(qtbot, menu, "Index of places (地名索引)…")
    wait_idle(qtbot, window)
    texts = [p.text for p in docx.Document(str(target)).paragraphs if p.text]
    assert texts == [
        "地名索引",
        "《灵武文史》第十六辑　按汉语拼音排序",
        "H",
        "横城\t5, 6, 8",
        "横城堡　见 横城",
    ]
    assert window.statusBar().currentMessage() == f"Saved {target}"


def test_suggestions_accepted_and_rejected_one_by_one(qtbot, window):
    view = open_names(qtbot, window)
    found: list = []

    def work_through(dialog) -> None:
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=30000)
        found.extend(dialog.table.item(r, 0).text() for r in range(3))
        assert dialog.status.text().endswith("names the list lacks, the most frequent first")
        click(qtbot, dialog.reject_button)  # the first: not a person's name
        qtbot.waitUntil(lambda: dialog.table.item(0, 0).text() == found[1], timeout=5000)
        click(qtbot, dialog.accept_button)  # the next: a new entry
        qtbot.waitUntil(lambda: dialog.table.item(0, 0).text() == found[2], timeout=5000)
        click(qtbot, dialog.close_button)

    when_dialog(work_through)
    click(qtbot, view.suggest)
    wait_idle(qtbot, window)
    answered()
    assert found[0] == "灵武"  # jieba tags it a person's name: the editor says no
    assert [e.name for e in window.library.authorities.list("person")] == [found[1]]
    again = [c.name for c in window.library.name_candidates.suggest("person", limit=5)]
    assert found[0] not in again and found[1] not in again
    assert [view.entries.item(r).text() for r in range(view.entries.count())] == [found[1]]
