"""Compiling a volume by dragging, as an editor does it: the mouse pressed on a piece,
moved past the drag distance, carried over the tree and released there, with Qt's own
drag loop running in between — the way a real drag reaches the tree, source and all.

The editor's day by the mouse runs here too, since its volume is compiled by dragging:
menus, buttons and rows clicked, the opinion typed, the pieces dragged from the pool.

Qt's offscreen platform (the rest of the GUI tests) ends every drag at once, so these run
in a process of their own on Qt's minimal platform, which has the drag loop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from tests.ui.conftest import type_chinese, wait_idle
from tests.ui.day import REVIEW_STEPS, TITLES, answered, state_of, when_dialog, write_morning
from tests.ui.gestures import choose, right_click
from tests.ui.test_workflows import load_sample

DRAG_PLATFORM = "minimal:enable_fonts"
HERE = os.environ.get("QT_QPA_PLATFORM", "") == DRAG_PLATFORM
real_drag = pytest.mark.skipif(not HERE, reason="runs in its own process (the test below)")


@pytest.mark.skipif(HERE, reason="this is that process")
def test_real_drags_in_a_process_with_a_drag_loop():
    env = {**os.environ, "QT_QPA_PLATFORM": DRAG_PLATFORM}
    command = [sys.executable, "-m", "pytest", "-vv", "-p", "no:cacheprovider", __file__]
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    passed = [
        line.split("::")[1].split()[0] for line in run.stdout.splitlines() if " PASSED" in line
    ]
    assert passed == [name for name in globals() if name.startswith(("test_a_", "test_an_"))]


def drag(window, source, start: QPoint, target, end: QPoint) -> None:
    """Press at ``start`` in ``source``'s viewport and move past the drag distance; once
    Qt's drag loop runs, move over ``end`` in ``target``'s viewport and release there."""
    handle = window.windowHandle()
    begin = source.viewport().mapTo(window, start)
    finish = target.viewport().mapTo(window, end)

    def drop() -> None:
        for point in (finish + QPoint(0, -3), finish):
            QTest.mouseMove(handle, point)
        QTest.mouseRelease(
            handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, finish
        )

    QTimer.singleShot(100, drop)
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, begin)
    step = QApplication.startDragDistance() + 2
    for n in (1, 2):
        QTest.mouseMove(handle, begin + QPoint(n * step, n * step))


def open_volume(qtbot, window, number: int):
    builder = window.builder
    window.tabs.setCurrentWidget(builder)
    builder.volume.setCurrentIndex(builder.volume.findData(number))
    wait_idle(qtbot, window)  # the plan is computed on the lane
    return builder


def shown(tree) -> list[tuple[str, list[str]]]:
    """The tree as the editor sees it: each section heading with its pieces' titles; a
    piece nested under a piece would show as "title/nested"."""
    rows = []
    for s in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(s)
        pieces = []
        for p in range(section.childCount()):
            piece = section.child(p)
            nested = [piece.child(n).text(0) for n in range(piece.childCount())]
            pieces.append("/".join([piece.text(0), *nested]))
        rows.append((section.text(0), pieces))
    return rows


def in_core(window, number: int) -> list[tuple[str, list[str]]]:
    """The volume as the core has it (what ``wenshi volume show`` prints)."""
    plan = window.library.volumes.plan(number)
    return [(s.name, [i.title for i in s.items]) for s in plan.sections]


SAMPLE_17 = [
    ("史海钩沉", ["秦渠与汉渠"]),
    ("文化教育", ["从关帝庙到教学楼"]),
    ("民俗风情", ["河东川里唱花儿"]),
    ("诗词楹联", ["秦渠谣"]),
]


@real_drag
def test_a_piece_dragged_onto_another_section_moves_there_for_good(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    tree = builder.tree
    assert in_core(window, 17) == SAMPLE_17
    piece = tree.topLevelItem(0).child(0)
    heading = tree.topLevelItem(2)
    drag(
        window,
        tree,
        tree.visualItemRect(piece).center(),
        tree,
        tree.visualItemRect(heading).center(),
    )
    wait_idle(qtbot, window)
    moved = [
        ("史海钩沉", []),
        ("文化教育", ["从关帝庙到教学楼"]),
        ("民俗风情", ["河东川里唱花儿", "秦渠与汉渠"]),
        ("诗词楹联", ["秦渠谣"]),
    ]
    assert in_core(window, 17) == moved
    assert shown(tree)[2] == ("民俗风情　(2)", ["河东川里唱花儿", "秦渠与汉渠"])
    assert shown(tree)[0] == ("史海钩沉　(0)", [])
    open_volume(qtbot, window, 16)
    open_volume(qtbot, window, 17)  # switching volumes shows what is stored
    assert [(name.split("　")[0], pieces) for name, pieces in shown(builder.tree)] == moved


@real_drag
def test_a_piece_dropped_on_a_piece_goes_beside_it_never_under_it(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    tree = builder.tree
    piece = tree.topLevelItem(3).child(0)  # 秦渠谣
    onto = tree.visualItemRect(tree.topLevelItem(2).child(0))  # 河东川里唱花儿
    drag(
        window,
        tree,
        tree.visualItemRect(piece).center(),
        tree,
        QPoint(onto.center().x(), onto.top() + 3),
    )
    wait_idle(qtbot, window)
    assert in_core(window, 17)[2:] == [("民俗风情", ["秦渠谣", "河东川里唱花儿"]), ("诗词楹联", [])]
    assert shown(tree)[2] == ("民俗风情　(2)", ["秦渠谣", "河东川里唱花儿"])


@real_drag
def test_a_piece_dragged_down_within_its_section_lands_where_dropped(qtbot, window):
    load_sample(qtbot, window)
    window.library.volumes.update(16, status="planning")  # published: reopen it to change it
    builder = open_volume(qtbot, window, 16)
    tree = builder.tree
    section = tree.topLevelItem(0)
    before = [section.child(r).text(0) for r in range(section.childCount())]
    assert len(before) == 3
    second = tree.visualItemRect(section.child(1))
    below_second = QPoint(second.center().x(), second.bottom() - 3)
    drag(window, tree, tree.visualItemRect(section.child(0)).center(), tree, below_second)
    wait_idle(qtbot, window)
    assert in_core(window, 16)[0][1] == [before[1], before[0], before[2]]


@real_drag
def test_a_piece_dragged_from_the_pool_into_a_section(qtbot, window):
    load_sample(qtbot, window)
    builder = open_volume(qtbot, window, 17)
    pool, tree = builder.pool, builder.tree
    held = pool.item(0).text()
    heading = tree.topLevelItem(1)
    drag(
        window,
        pool,
        pool.visualItemRect(pool.item(0)).center(),
        tree,
        tree.visualItemRect(heading).center(),
    )
    wait_idle(qtbot, window)
    assert in_core(window, 17)[1] == ("文化教育", ["从关帝庙到教学楼", held.split("　")[0]])
    assert pool.count() == 0


def click(qtbot, widget, pos: QPoint | None = None, modifier=Qt.KeyboardModifier.NoModifier):
    """A left click on ``widget`` (its middle, or ``pos`` in it)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier, pos or widget.rect().center())


def from_menu_bar(qtbot, window, *path: str) -> None:
    """Click a menu of the window's menu bar, then the entries named by the rest of
    ``path`` in the menu that drops down."""
    bar = window.menuBar()
    [menu_action] = [a for a in bar.actions() if a.text() == path[0]]
    click(qtbot, bar, bar.actionGeometry(menu_action).center())
    qtbot.waitUntil(menu_action.menu().isVisible, timeout=3000)
    choose(qtbot, menu_action.menu(), *path[1:])


def catalog_row(window, title: str):
    """Where the catalog shows ``title``: the middle of its title cell."""
    table = window.catalog.table
    model = window.catalog.model
    [row] = [r for r in range(model.rowCount()) if model.summary_at(r).title == title]
    return table.visualRect(model.index(row, 1)).center()


@real_drag
def test_an_editors_day_by_the_mouse(qtbot, window, tmp_path, monkeypatch):
    """The keyboard day of tests/ui/test_editors_day.py, done with the mouse: menus and
    buttons clicked, rows shift-clicked, the pieces dragged into the volume."""
    load_sample(qtbot, window)
    inbox = tmp_path / "今日来稿"
    write_morning(inbox)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox))

    # 1. File → Import a folder…; Import once the files are read; Done.
    def importing(dialog) -> None:
        qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(lambda: dialog.close_button.text() == "Done", timeout=20000)
        click(qtbot, dialog.close_button)

    when_dialog(importing)
    from_menu_bar(qtbot, window, "&File", "Import a &folder…")
    wait_idle(qtbot, window)
    answered()
    assert [state_of(window, t) for t in TITLES] == ["收稿"] * 3

    # 2. The first new row clicked, the last shift-clicked; a right-click on the batch →
    # Review step for all → the step; the opinion typed, the button clicked. Four times.
    table = window.catalog.table.viewport()
    top, *_, bottom = sorted((catalog_row(window, t) for t in TITLES), key=QPoint.y)
    click(qtbot, table, top)
    click(qtbot, table, bottom, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(window.catalog.selected_titles()) == sorted(TITLES)
    for step in REVIEW_STEPS:

        def opinion(dialog, step=step) -> None:
            assert dialog.windowTitle() == f"Review: {step}"
            if not dialog.actor.text():
                click(qtbot, dialog.actor)
                type_chinese(dialog.actor, "王主任")
            click(qtbot, dialog.opinion.viewport())
            type_chinese(dialog.opinion, f"三篇同意{step}")
            click(qtbot, dialog.record)

        when_dialog(opinion)
        menu = right_click(qtbot, table, bottom)
        choose(qtbot, menu, "Review step for all", f"→ {step}…")
        wait_idle(qtbot, window)
        answered()
        assert [state_of(window, t) for t in TITLES] == [step] * 3
    first = next(m.id for m in window.library.queries.list() if m.title == TITLES[0])
    trail = window.library.manuscripts.reviews(first)
    assert [(r.to_label, r.actor, r.opinion) for r in trail][-4:] == [
        (s, "王主任", f"三篇同意{s}") for s in REVIEW_STEPS
    ]

    # 3. The Volumes tab; the three clicked in the pool (Ctrl adds) and dragged together
    # onto the heading of 史海钩沉.
    tabs = window.tabs.tabBar()
    click(qtbot, tabs, tabs.tabRect(window.tabs.indexOf(window.builder)).center())
    wait_idle(qtbot, window)
    builder = window.builder
    assert builder.number == 17
    pool, tree = builder.pool, builder.tree
    new = [
        pool.item(r) for r in range(pool.count()) if pool.item(r).text().split("　")[0] in TITLES
    ]
    click(qtbot, pool.viewport(), pool.visualItemRect(new[0]).center())
    for piece in new[1:]:
        click(
            qtbot,
            pool.viewport(),
            pool.visualItemRect(piece).center(),
            Qt.KeyboardModifier.ControlModifier,
        )
    held = [i.text().split("　")[0] for i in pool.selectedItems()]
    assert sorted(held) == sorted(TITLES)
    in_pool = [i.text().split("　")[0] for i in new]  # dropped in the order the pool shows
    heading = tree.topLevelItem(0)
    drag(
        window,
        pool,
        pool.visualItemRect(new[1]).center(),
        tree,
        tree.visualItemRect(heading).center(),
    )
    wait_idle(qtbot, window)
    assert in_core(window, 17)[0] == ("史海钩沉", ["秦渠与汉渠", *in_pool])
    assert [pool.item(r).text().split("　")[0] for r in range(pool.count())] == ["父親的靈武"]

    # 4. Published: the Layout… button, the state list opened and 已出版 clicked, OK.
    def publish(dialog) -> None:
        combo = dialog.status
        click(qtbot, combo)
        view = combo.view()
        qtbot.waitUntil(view.isVisible, timeout=3000)
        # A list that has just dropped down ignores a release for a double-click's time
        # (the release of the click that opened it); a person's next click comes later.
        qtbot.wait(QApplication.doubleClickInterval() + 100)
        row = combo.findText("已出版")
        click(qtbot, view.viewport(), view.visualRect(combo.model().index(row, 0)).center())
        qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
        assert combo.currentText() == "已出版"
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    when_dialog(publish)
    click(qtbot, builder.settings_button)
    wait_idle(qtbot, window)
    answered()
    assert window.library.volumes.plan(17).status == "published"
    assert [state_of(window, t) for t in TITLES] == ["已刊"] * 3

    # 5. A slip: back in the catalog, a right-click on one row → Move to trash → Yes;
    # then Manuscript → Undo brings it back as it was.
    click(qtbot, tabs, tabs.tabRect(window.tabs.indexOf(window.split)).center())
    slipped = TITLES[2]
    click(qtbot, table, catalog_row(window, slipped))
    when_dialog(lambda box: click(qtbot, box.button(QMessageBox.StandardButton.Yes)))
    choose(qtbot, right_click(qtbot, table, catalog_row(window, slipped)), "Move to &trash")
    wait_idle(qtbot, window)
    answered()
    assert slipped not in [m.title for m in window.library.queries.list()]
    undo = f"&Undo move to trash: 《{slipped}》"
    from_menu_bar(qtbot, window, "&Manuscript", undo)
    wait_idle(qtbot, window)
    assert state_of(window, slipped) == "已刊"
    assert in_core(window, 17)[0] == ("史海钩沉", ["秦渠与汉渠", *in_pool])
