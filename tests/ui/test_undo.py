"""Undo, as an editor uses it: the 稿件 menu's first item names what it takes back, and
Ctrl+Z takes back the last review step, move to the trash, photo removal or change in
the volume tree — each checked in the library afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.ui.conftest import wait_idle
from tests.ui.test_photos import add_photos
from tests.ui.test_workflows import click_row, load_sample

CTRL = Qt.KeyboardModifier.ControlModifier


def undo_item(window) -> tuple[str, bool]:
    manuscript_menu = window.menuBar().actions()[1].menu()
    first = manuscript_menu.actions()[0]
    assert first is window.act_undo
    return first.text(), first.isEnabled()


def press_undo(qtbot, window, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)


def test_nothing_to_undo_on_a_fresh_library(qtbot, window):
    load_sample(qtbot, window)
    assert undo_item(window) == ("&Undo", False)


def test_undo_move_to_trash(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    mid = click_row(qtbot, window, "秦渠谣")
    qtbot.keyClick(window.catalog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, window)
    assert window.library.manuscripts.get(mid).deleted_at is not None
    assert window.catalog.model.rowCount() == 13
    assert undo_item(window) == ("&Undo move to trash: 《秦渠谣》", True)
    press_undo(qtbot, window, window.catalog.table)
    assert window.library.manuscripts.get(mid).deleted_at is None
    assert window.catalog.model.rowCount() == 14
    assert undo_item(window) == ("&Undo", False)


def test_undo_a_review_step_puts_the_piece_back_in_its_volume(qtbot, window, monkeypatch):
    from ui.dialogs import OpinionDialog

    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")  # 采用, in 第17辑 诗词楹联
    before = window.library.manuscripts.get(mid)
    assert (before.status, before.volume, before.section) == ("accepted", 17, "诗词楹联")
    monkeypatch.setattr(OpinionDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    panel = window.editor.review
    button = panel.findChild(type(window.editor.save_button), "review-held")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.library.manuscripts.get(mid).status == "held"
    assert undo_item(window) == ("&Undo review step 采用 → 待用: 《秦渠谣》", True)
    press_undo(qtbot, window, window.catalog.table)
    after = window.library.manuscripts.get(mid)
    assert (after.status, after.volume, after.section) == ("accepted", 17, "诗词楹联")
    assert panel.state.text() == "Current state: <b>采用</b>"
    assert window.library.manuscripts.reviews(mid)[-1].opinion == "撤销上一步（采用 → 待用）"


def test_photo_removal_asks_first_and_undo_brings_it_back(qtbot, window, tmp_path, monkeypatch):
    load_sample(qtbot, window)
    mid = click_row(qtbot, window, "秦渠谣")
    photos = window.editor.images
    window.editor.tabs.setCurrentWidget(photos)
    add_photos(qtbot, window, tmp_path, monkeypatch, (120, 80))
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or answers.pop(0)
    )
    first = photos.strip.visualItemRect(photos.strip.item(0)).center()
    qtbot.mouseClick(photos.strip.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(photos.remove, Qt.MouseButton.LeftButton)  # answered No: kept
    wait_idle(qtbot, window)
    assert [i.original_name for i in window.library.images.list(mid)] == ["渡口.png", "古城.jpg"]
    qtbot.mouseClick(photos.remove, Qt.MouseButton.LeftButton)  # answered Yes
    wait_idle(qtbot, window)
    assert asked == ["Remove photo 渡口.png from this manuscript? Undo brings it back."] * 2
    assert [i.original_name for i in window.library.images.list(mid)] == ["古城.jpg"]
    assert undo_item(window) == ("&Undo remove photo 渡口.png", True)
    press_undo(qtbot, window, photos.strip)
    assert [i.original_name for i in window.library.images.list(mid)] == ["渡口.png", "古城.jpg"]
    assert photos.strip.count() == 2


def test_undo_changes_in_the_volume_tree_one_by_one(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    builder = window.builder
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    builder.volume.setCurrentIndex(builder.volume.findData(17))
    wait_idle(qtbot, window)

    def arrangement() -> list[tuple[str, list[str]]]:
        plan = window.library.volumes.plan(17)
        return [(s.name, [i.title for i in s.items]) for s in plan.sections]

    original = arrangement()
    tree = builder.tree
    piece = tree.visualItemRect(tree.topLevelItem(1).child(0)).center()  # 从关帝庙到教学楼
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=piece)
    qtbot.mouseClick(builder.up, Qt.MouseButton.LeftButton)  # into 史海钩沉, at its end
    wait_idle(qtbot, window)
    moved = arrangement()
    assert moved[0] == ("史海钩沉", ["秦渠与汉渠", "从关帝庙到教学楼"])
    monkeypatch.setattr(
        "PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("地方文献", True)
    )
    qtbot.mouseClick(builder.add_section, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert [name for name, _ in arrangement()][-1] == "地方文献"
    assert undo_item(window) == ("&Undo add section 地方文献", True)
    press_undo(qtbot, window, tree)
    assert arrangement() == moved
    assert undo_item(window) == ("&Undo move 《从关帝庙到教学楼》", True)
    press_undo(qtbot, window, tree)
    assert arrangement() == original
    assert tree.topLevelItem(1).text(0) == "文化教育　(1)"
