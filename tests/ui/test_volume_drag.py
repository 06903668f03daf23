"""Compiling a volume by dragging, as an editor does it: the mouse pressed on a piece,
moved past the drag distance, carried over the tree and released there, with Qt's own
drag loop running in between — the way a real drag reaches the tree, source and all.

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
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_idle
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
    assert passed == [name for name in globals() if name.startswith("test_a_piece")]


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
