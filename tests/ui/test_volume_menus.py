"""The volume tree's and the pool's right-click menus: a piece's or a section's actions
where the pointer is, the same core operations as the buttons and drags, each undone by
Ctrl+Z; on a published volume the changing entries are off and say the core's reason."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QInputDialog

from tests.ui.conftest import wait_idle
from tests.ui.gestures import choose, entries, right_click
from tests.ui.test_undo import press_undo, undo_item
from tests.ui.test_volume_drag import SAMPLE_17, in_core, open_volume, shown
from tests.ui.test_workflows import load_sample
from wenshi.volumes.plan import frozen_reason


def row_of(tree, title: str):
    """The centre of the tree row showing ``title`` (a section heading or a piece)."""
    for s in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(s)
        candidates = [section] + [section.child(p) for p in range(section.childCount())]
        for item in candidates:
            if item.text(0) == title or item.text(0).split("　")[0] == title:
                return tree.visualItemRect(item).center()
    raise AssertionError(f"no row {title}")


def action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def back_to_window(qtbot, window) -> None:
    """Offscreen, the closed menu stays the active window; a desktop gives it back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_a_piece_moved_to_another_section_from_its_menu_and_back(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    tree = builder.tree
    menu = right_click(qtbot, tree.viewport(), row_of(tree, "秦渠与汉渠"))
    assert entries(menu) == [
        "Open",
        "Move up",
        "Move down",
        "Move to section",
        "Take out of volume",
    ]
    assert not action(menu, "Move up").isEnabled()  # the first piece of the first section
    assert entries(action(menu, "Move to section").menu()) == ["文化教育", "民俗风情", "诗词楹联"]
    choose(qtbot, menu, "Move to section", "民俗风情")
    wait_idle(qtbot, window)
    moved = [
        ("史海钩沉", []),
        ("文化教育", ["从关帝庙到教学楼"]),
        ("民俗风情", ["河东川里唱花儿", "秦渠与汉渠"]),
        ("诗词楹联", ["秦渠谣"]),
    ]
    assert in_core(window, 17) == moved
    assert [(name.split("　")[0], pieces) for name, pieces in shown(tree)] == moved
    assert undo_item(window) == ("&Undo place 《秦渠与汉渠》 in 民俗风情", True)
    back_to_window(qtbot, window)
    press_undo(qtbot, window, tree)
    assert in_core(window, 17) == SAMPLE_17


def test_move_down_and_take_out_from_a_pieces_menu(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    tree = builder.tree
    choose(qtbot, right_click(qtbot, tree.viewport(), row_of(tree, "秦渠与汉渠")), "Move down")
    wait_idle(qtbot, window)
    assert in_core(window, 17)[:2] == [
        ("史海钩沉", []),
        ("文化教育", ["秦渠与汉渠", "从关帝庙到教学楼"]),
    ]
    menu = right_click(qtbot, tree.viewport(), row_of(tree, "秦渠谣"))
    assert not action(menu, "Move down").isEnabled()  # the last piece of the last section
    choose(qtbot, menu, "Take out of volume")
    wait_idle(qtbot, window)
    assert in_core(window, 17)[3] == ("诗词楹联", [])
    pool = [builder.pool.item(r).text().split("　")[0] for r in range(builder.pool.count())]
    assert pool == ["秦渠谣", "父親的靈武"]
    assert undo_item(window) == ("&Undo take out of the volume: 《秦渠谣》", True)
    back_to_window(qtbot, window)
    press_undo(qtbot, window, tree)
    assert in_core(window, 17)[3] == ("诗词楹联", ["秦渠谣"])


def test_open_a_piece_from_its_menu(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    choose(
        qtbot, right_click(qtbot, builder.tree.viewport(), row_of(builder.tree, "秦渠谣")), "Open"
    )
    wait_idle(qtbot, window)
    assert window.tabs.currentIndex() == 0
    assert window.editor.detail.title == "秦渠谣"


def test_a_sections_menu_moves_renames_and_is_undone(qtbot, window, monkeypatch):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    tree = builder.tree
    menu = right_click(qtbot, tree.viewport(), row_of(tree, "诗词楹联"))
    assert entries(menu) == [
        "Rename section…",
        "Move section up",
        "Move section down",
        "Add section…",
        "Remove section",
    ]
    assert not action(menu, "Move section down").isEnabled()  # already the last
    choose(qtbot, menu, "Move section up")
    wait_idle(qtbot, window)
    assert [name for name, _ in in_core(window, 17)] == [
        "史海钩沉",
        "文化教育",
        "诗词楹联",
        "民俗风情",
    ]
    assert undo_item(window) == ("&Undo move section 诗词楹联", True)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("诗词", True))
    choose(qtbot, right_click(qtbot, tree.viewport(), row_of(tree, "诗词楹联")), "Rename section…")
    wait_idle(qtbot, window)
    assert in_core(window, 17)[2] == ("诗词", ["秦渠谣"])
    assert undo_item(window) == ("&Undo rename section 诗词楹联 to 诗词", True)
    back_to_window(qtbot, window)
    press_undo(qtbot, window, tree)
    press_undo(qtbot, window, tree)
    assert in_core(window, 17) == SAMPLE_17


def test_a_pool_piece_added_to_a_section_from_its_menu(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    pool = builder.pool
    at = pool.visualItemRect(pool.item(0)).center()
    menu = right_click(qtbot, pool.viewport(), at)
    assert entries(menu) == ["Open", "Add to volume 17"]
    sections = ["史海钩沉", "文化教育", "民俗风情", "诗词楹联"]
    assert entries(action(menu, "Add to volume 17").menu()) == sections
    choose(qtbot, menu, "Add to volume 17", "文化教育")
    wait_idle(qtbot, window)
    assert in_core(window, 17)[1] == ("文化教育", ["从关帝庙到教学楼", "父親的靈武"])
    assert pool.count() == 0
    assert undo_item(window) == ("&Undo place 《父親的靈武》 in 文化教育", True)
    back_to_window(qtbot, window)
    press_undo(qtbot, window, builder.tree)
    assert in_core(window, 17) == SAMPLE_17
    assert pool.count() == 1


def test_a_published_volumes_menus_say_why_they_cannot_change_it(qtbot, window):
    """第16辑 is published: its pieces still open, but every entry and button that would
    change it is off, with the core's refusal as its tooltip."""
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 16)
    tree = builder.tree
    reason = frozen_reason(16)
    first_piece = tree.topLevelItem(0).child(0).text(0)
    menu = right_click(qtbot, tree.viewport(), row_of(tree, first_piece))
    off = {a.text(): a.toolTip() for a in menu.actions() if a.text() and not a.isEnabled()}
    assert off == {
        "Move up": reason,
        "Move down": reason,
        "Move to section": reason,
        "Take out of volume": reason,
    }
    assert action(menu, "Open").isEnabled()
    menu.close()
    section = tree.topLevelItem(0).text(0)
    menu = right_click(qtbot, tree.viewport(), row_of(tree, section))
    assert [a.isEnabled() for a in menu.actions() if a.text()] == [False] * 5
    assert {a.toolTip() for a in menu.actions() if a.text()} == {reason}
    menu.close()
    pool = builder.pool
    menu = right_click(qtbot, pool.viewport(), pool.visualItemRect(pool.item(0)).center())
    assert entries(menu) == ["Open", "Add to volume 16"]
    add = action(menu, "Add to volume 16")
    assert (add.isEnabled(), add.toolTip()) == (False, reason)
    menu.close()
    buttons = [builder.add_section, builder.take_out, builder.up, builder.put_in]
    assert [(b.isEnabled(), b.toolTip()) for b in buttons] == [(False, reason)] * 4
    assert builder.export_toc.isEnabled()
    builder.volume.setCurrentIndex(builder.volume.findData(17))
    wait_idle(qtbot, window)
    assert [(b.isEnabled(), b.toolTip()) for b in buttons] == [(True, "")] * 4
