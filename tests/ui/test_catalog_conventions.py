"""The catalog as people used to calibre and Zotero expect it: a menu on each row and on
the header (a column chooser, remembered), the whole text of a cut-off cell on hover,
columns that fit the window, Tab that leaves the table, and a quick filter that folds
繁简 and width as search does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolTip

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.gestures import choose, entries, right_click
from tests.ui.test_workflows import click_row, load_sample
from ui.models.catalog_model import Column
from wenshi.records import NewManuscript


def titles(window) -> list[str]:
    model = window.catalog.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def cell(window, title: str, column: Column = Column.TITLE):
    """Where the row titled ``title`` shows ``column``, in the table's viewport."""
    model = window.catalog.model
    row = titles(window).index(title)
    return window.catalog.table.visualRect(model.index(row, column)).center()


def row_menu(qtbot, window, title: str):
    return right_click(qtbot, window.catalog.table.viewport(), cell(window, title))


def test_row_menu_names_what_it_offers_and_copies_titles(qtbot, window):
    load_sample(qtbot, window)
    menu = row_menu(qtbot, window, "秦渠谣")
    assert entries(menu) == [
        "Open",
        "Review step",
        "Tags",
        "Move to &trash",
        "Add to volume…",
        "Copy title",
        "Copy citation",
    ]
    choose(qtbot, menu, "Copy title")
    assert QApplication.clipboard().text() == "秦渠谣"
    # With two rows selected the copy has both (tests/ui/test_batch.py: one step for all).
    click_row(qtbot, window, "秦渠与汉渠")
    viewport = window.catalog.table.viewport()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        cell(window, "秦渠谣"),
    )
    menu = row_menu(qtbot, window, "秦渠谣")
    assert entries(menu)[0] == "Review step for all"  # no "Open": which one?
    choose(qtbot, menu, "Copy title")
    assert QApplication.clipboard().text() == "秦渠与汉渠\n秦渠谣"


def test_row_menu_takes_a_review_step(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    from ui.dialogs import OpinionDialog

    def answer(dialog: OpinionDialog) -> int:
        dialog.actor.setText("王主任")
        dialog.opinion.setPlainText("材料扎实，送复审")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpinionDialog, "exec", answer)
    menu = row_menu(qtbot, window, "一条巷子里的两种年")  # 收稿
    choose(qtbot, menu, "Review step")
    steps = QApplication.activePopupWidget()
    assert entries(steps) == ["→ 初审…", "→ 退稿…"]
    choose(qtbot, steps, "→ 初审…")
    wait_idle(qtbot, window)
    review = window.editor.review
    assert window.editor.detail.title == "一条巷子里的两种年"
    assert review.state.text() == "Current state: <b>初审</b>"
    assert (review.trail.item(0, 1).text(), review.trail.item(0, 3).text()) == (
        "初审",
        "材料扎实，送复审",
    )
    assert (
        window.catalog.model.index(titles(window).index("一条巷子里的两种年"), 2).data() == "初审"
    )


def test_row_menu_opens_trashes_and_places(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    choose(qtbot, row_menu(qtbot, window, "灵武长枣漫话"), "Open")
    wait_idle(qtbot, window)
    assert window.editor.detail.title == "灵武长枣漫话"
    assert window.focusWidget() is window.editor.body.editor  # ready to type

    asked: list[str] = []

    def question(_parent, _title, text, *_a):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    choose(qtbot, row_menu(qtbot, window, "灵武长枣漫话"), "Move to &trash")
    wait_idle(qtbot, window)
    assert asked == ["Move 1 manuscript(s) to the trash: 《灵武长枣漫话》? They can be restored."]
    assert "灵武长枣漫话" not in titles(window)

    from ui.widgets.place_dialog import PlaceDialog

    offered: list[tuple[list[str], list[str]]] = []

    def place(dialog: PlaceDialog) -> int:
        volumes = [dialog.volume.itemText(i) for i in range(dialog.volume.count())]
        dialog.volume.setCurrentIndex(dialog.volume.findData(17))
        offered.append(
            (volumes, [dialog.section.itemText(i) for i in range(dialog.section.count())])
        )
        dialog.section.setCurrentText("民俗风情")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PlaceDialog, "exec", place)
    choose(qtbot, row_menu(qtbot, window, "父親的靈武"), "Add to volume…")  # 待用
    qtbot.waitUntil(lambda: bool(offered))
    wait_idle(qtbot, window)
    assert offered == [(["《灵武文史》第十七辑"], ["史海钩沉", "文化教育", "民俗风情", "诗词楹联"])]
    row = titles(window).index("父親的靈武")
    model = window.catalog.model
    assert (model.index(row, Column.VOLUME).data(), model.index(row, Column.SECTION).data()) == (
        17,
        "民俗风情",
    )
    assert window.hub.undo.next_label == "place 《父親的靈武》 in 民俗风情"


def test_column_chooser_hides_a_column_and_remembers(qtbot, window):
    from ui.main_window import MainWindow

    window.resize(1920, 1080)  # room for every column
    load_sample(qtbot, window)
    header = window.catalog.table.horizontalHeader()
    menu = right_click(qtbot, header.viewport(), header.rect().center())
    assert entries(menu) == [
        "Title",
        "Authors",
        "Status",
        "Words",
        "Volume",
        "Section",
        "Received",
        "Fit columns to the window",
    ]
    assert [a.isChecked() for a in menu.actions()[:7]] == [True] * 7
    assert not menu.actions()[0].isEnabled()  # the title always shows
    choose(qtbot, menu, "Words")
    assert header.isSectionHidden(Column.WORDS)
    assert not header.isSectionHidden(Column.RECEIVED)
    window.close()
    again = MainWindow(str(Path(window.library.path)))
    qtbot.addWidget(again)
    again.show()
    wait_idle(qtbot, again)
    restored = again.catalog.table.horizontalHeader()
    assert [restored.isSectionHidden(c) for c in Column] == [
        False,
        False,
        False,
        True,
        False,
        False,
        False,
    ]
    menu = right_click(qtbot, restored.viewport(), restored.rect().center())
    assert [a.isChecked() for a in menu.actions()[:7]] == [
        True,
        True,
        True,
        False,
        True,
        True,
        True,
    ]
    choose(qtbot, menu, "Words")
    assert not restored.isSectionHidden(Column.WORDS)
    assert again.catalog.table.columnWidth(Column.WORDS) == again.catalog.table.natural_width(
        Column.WORDS
    )
    again.hub.tasks.shutdown()


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((1024, 700), [Column.TITLE, Column.AUTHORS, Column.STATUS, Column.WORDS]),
        ((1920, 1080), list(Column)),
    ],
)
def test_columns_fit_the_window(qtbot, window, size, shown):
    """No sideways scrolling, each column as wide as its values, the title taking the
    rest (at least 12 characters); at 1024 px the 辑, 栏目 and date give way."""
    window.resize(*size)
    load_sample(qtbot, window)
    table = window.catalog.table
    header = table.horizontalHeader()
    assert [c for c in Column if not header.isSectionHidden(c)] == shown
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() == table.viewport().width()
    em = table.fontMetrics().horizontalAdvance("中")
    assert table.columnWidth(Column.TITLE) >= 12 * em
    for column in shown[1:]:
        assert table.columnWidth(column) == table.natural_width(column)
    assert header.sectionSize(Column.TITLE) == table.viewport().width() - sum(
        table.columnWidth(c) for c in shown[1:]
    )


def test_a_cut_off_cell_shows_its_whole_text_on_hover(qtbot, window):
    window.resize(1024, 700)
    load_sample(qtbot, window)
    viewport = window.catalog.table.viewport()
    qtbot.mouseMove(viewport, cell(window, "从一本旧账簿看民国时期的灵武县城"))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert QToolTip.text() == "从一本旧账簿看民国时期的灵武县城"
    qtbot.mouseMove(viewport, cell(window, "我当生产队长的那些年", Column.AUTHORS))
    qtbot.waitUntil(lambda: QToolTip.text() == "王福成（口述）、李秀英（整理）", timeout=3000)
    qtbot.mouseMove(viewport, cell(window, "秦渠谣"))  # whole already: nothing to add
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_tab_leaves_the_table(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "秦渠谣")
    table = window.catalog.table
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.editor.reason
    qtbot.keyClick(window.editor.reason, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is table
    assert window.catalog.current_id() == window.editor.manuscript_id  # still the same row
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.catalog.text


LINGWU = ["从一本旧账簿看民国时期的灵武县城", "灵武老城南街旧事", "灵武长枣漫话", "父親的靈武"]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("靈武", LINGWU),
        ("灵武", LINGWU),
        ("父亲", ["父親的靈武"]),
        ("ＡＢＣ", ["ABC 口述实录"]),
        ("abc", ["ABC 口述实录"]),
    ],
)
def test_quick_filter_folds_as_search_does(qtbot, window, typed, found):
    load_sample(qtbot, window)
    manuscripts = window.library.manuscripts
    window.hub.run_op(lambda _p: manuscripts.add(NewManuscript(title="ABC 口述实录")))
    wait_idle(qtbot, window)
    type_chinese(window.catalog.text, typed)
    qtbot.waitUntil(lambda: window.catalog.count.text() == f"{len(found)} manuscripts")
    assert titles(window) == found
