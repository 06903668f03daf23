"""Batch work on the catalog's selection: one review step with one opinion for every selected
manuscript, offered only where all of them may take it; a tag added to and taken from all of
them; one Undo takes each batch back. By the row menu and by the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from tests.ui.conftest import wait_idle
from tests.ui.gestures import choose, entries
from tests.ui.test_catalog_conventions import cell, row_menu, titles
from tests.ui.test_workflows import click_row, load_sample
from ui.dialogs import OpinionDialog
from ui.models.catalog_model import Column
from wenshi.records import NewManuscript

NEW = ("黄河古渡口", "灵州城墙记", "枸杞园里的春天")


def add_three(qtbot, window) -> None:
    """Three fresh manuscripts (收稿) beside the sample's fourteen."""
    manuscripts = window.library.manuscripts
    for title in NEW:
        window.hub.run_op(lambda _p, t=title: manuscripts.add(NewManuscript(title=t)))
    wait_idle(qtbot, window)


def ctrl_click(qtbot, window, title: str) -> None:
    qtbot.mouseClick(
        window.catalog.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        cell(window, title),
    )


def state_of(window, title: str) -> str:
    return window.catalog.model.index(titles(window).index(title), Column.STATUS).data()


def test_one_step_for_all_selected_by_the_row_menu_and_one_undo(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    add_three(qtbot, window)
    seen: list[tuple[str, str, str]] = []

    def answer(dialog: OpinionDialog) -> int:
        seen.append((dialog.windowTitle(), dialog.step.text(), dialog.record.text()))
        dialog.actor.setText("王主任")
        dialog.opinion.setPlainText("三篇都送初审")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(OpinionDialog, "exec", answer)
    click_row(qtbot, window, NEW[0])
    for title in NEW[1:]:
        ctrl_click(qtbot, window, title)
    menu = row_menu(qtbot, window, NEW[2])
    assert entries(menu) == [
        "Review step for all",
        "Tags",
        "Move to &trash",
        "Add to volume…",
        "Copy title",
        "Copy citation",
    ]
    choose(qtbot, menu, "Review step for all")
    steps = QApplication.activePopupWidget()
    assert entries(steps) == ["→ 初审…", "→ 退稿…"]
    choose(qtbot, steps, "→ 初审…")
    wait_idle(qtbot, window)
    assert seen == [
        (
            "Review: 初审",
            "3 manuscripts (《黄河古渡口》、《灵州城墙记》、《枸杞园里的春天》): 收稿 → 初审",
            "Record 初审",
        )
    ]
    assert [state_of(window, t) for t in NEW] == ["初审"] * 3
    for mid in (window.catalog.model.id_at(titles(window).index(t)) for t in NEW):
        last = window.library.manuscripts.reviews(mid)[-1]
        assert (last.to_label, last.actor, last.opinion) == ("初审", "王主任", "三篇都送初审")
    assert window.act_undo.text() == "&Undo review step → 初审: 3 manuscripts"

    window.act_undo.trigger()
    wait_idle(qtbot, window)
    assert [state_of(window, t) for t in NEW] == ["收稿"] * 3
    assert not window.act_undo.isEnabled()


def test_only_steps_every_selected_piece_may_take_are_offered(qtbot, window):
    load_sample(qtbot, window)
    click_row(qtbot, window, "灵武老城南街旧事")  # 初审
    ctrl_click(qtbot, window, "一条巷子里的两种年")  # 收稿
    menu = row_menu(qtbot, window, "一条巷子里的两种年")
    choose(qtbot, menu, "Review step for all")
    assert entries(QApplication.activePopupWidget()) == ["→ 退稿…"]
    QApplication.activePopupWidget().close()
    menu.close()
    ctrl_click(qtbot, window, "秦渠谣")  # 已刊: nothing in common any more
    menu = row_menu(qtbot, window, "秦渠谣")
    review = next(a for a in menu.actions() if a.text() == "Review step for all")
    assert not review.isEnabled()
    assert review.menu().toolTip() == "The selected manuscripts have no review step in common"
    menu.close()


def test_a_tag_for_all_selected_by_the_keyboard_alone(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    add_three(qtbot, window)
    asked: list[tuple[str, str, bool]] = []

    def get_item(_parent, title, label, _items, _current, editable):
        asked.append((title, label, editable))
        return " 渡口 ", True  # typed, a new tag

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    click_row(qtbot, window, NEW[0])
    table = window.catalog.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # two rows
    selected = window.catalog.selected_titles()
    assert len(selected) == 2 and NEW[0] in selected

    def walk_menu(*keys: Qt.Key) -> None:
        """Alt+M opens 稿件 (Manuscript); the keys then walk its entries."""
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
        for key in keys:
            qtbot.keyClick(QApplication.activePopupWidget(), key)

    # Manuscript → Selected manuscripts (L) → ↓ Tags → → Add a tag… (Enter)
    walk_menu(Qt.Key.Key_L)
    selection = QApplication.activePopupWidget()
    assert entries(selection)[:2] == ["Review step for all", "Tags"]
    assert selection.activeAction().text() == "Review step for all"  # opened by keys
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Return):
        qtbot.keyClick(QApplication.activePopupWidget(), key)
    wait_idle(qtbot, window)
    named = "、".join(f"《{t}》" for t in selected)
    assert asked == [("Add a tag", f"Tag to add to 2 manuscripts ({named}):", True)]
    for title in selected:
        mid = window.catalog.model.id_at(titles(window).index(title))
        assert window.library.manuscripts.get(mid).tags == ["渡口"]
    assert window.act_undo.text() == f"&Undo add tag 渡口: {named}"
    window.activateWindow()  # as the window manager does once the menu has gone
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    for title in selected:
        mid = window.catalog.model.id_at(titles(window).index(title))
        assert window.library.manuscripts.get(mid).tags == []
