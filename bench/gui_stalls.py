"""The longest pause of the GUI thread during a scripted editor's session, against the
same session on an older wenshi (the baseline, measured in the same run).

    python bench/gui_stalls.py [--baseline REV] [--manuscripts 2000]

A QTimer ticks every 5 ms on the GUI thread; the longest gap between two ticks is the
longest time the window could not repaint or take a key. The session, driven through the
widgets as a user would: open the window on a library of generated manuscripts (its
search index deleted first), click the catalog row of a 20,000-字 manuscript with 200
revisions, type 20 characters, save (Ctrl+S: the index is rebuilt), take a review step,
run a first search, show the volume tree and drag a piece to another place in it, and
open the history tab to compare an old revision. Each step waits until the background
lane is idle.

The baseline is the same session run from a ``git worktree`` of REV (default 40acdee, the
main before the library object and operations); target: the longest stall under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SESSION = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer, Qt, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
settings_dir = sys.argv[3]
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
app = QApplication([])
from ui.dialogs import OpinionDialog
OpinionDialog.exec = lambda self: QDialog.DialogCode.Accepted
from ui.main_window import MainWindow

ticks = []
def tick():
    ticks.append(time.perf_counter())
timer = QTimer(interval=5)
timer.timeout.connect(tick)

steps = {}
def measure(name, action, wait_lane=True):
    start = len(ticks)
    t0 = time.perf_counter()
    ticks.append(t0)
    action()
    deadline = time.time() + 120
    while True:
        app.processEvents()
        if not wait_lane or not window.hub.tasks.busy:
            break
        if time.time() > deadline:
            raise SystemExit(f"{name}: lane still busy after 120 s")
        time.sleep(0.001)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.005)
    ticks.append(time.perf_counter())
    seen = ticks[start:]
    gaps = [b - a for a, b in zip(seen, seen[1:])]
    steps[name] = round(max(gaps) * 1000, 1)

window = None
def open_window():
    global window
    window = MainWindow(sys.argv[2])
    window.resize(1280, 800)
    window.show()

timer.start()
measure("open", open_window)
big = int(sys.argv[4])

def click_row():
    model, view = window.catalog.model, window.catalog.table
    row = model.row_of(big)
    view.scrollTo(model.index(row, 0))
    rect = view.visualRect(model.index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
measure("click the catalog row", click_row)

def type_text():
    editor = window.editor.body.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for ch in "新添二十个字的一句话用来测试输入的响应":
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(editor, event)
        app.processEvents()
measure("type 20 characters", type_text)
def save():
    body = window.editor.body.editor
    QTest.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
measure("save (Ctrl+S)", save)

def review():
    kind = type(window.editor.save_button)
    buttons = [
        b for b in window.editor.review.findChildren(kind)
        if b.objectName().startswith("review-")
    ]
    QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
measure("review step", review)

def search():
    window.tabs.setCurrentWidget(window.search)
    QTest.keyClicks(window.search.query, "Licent")
    QTest.keyClick(window.search.query, Qt.Key.Key_Return)
measure("first search", search)

measure("show the volume tree", lambda: window.tabs.setCurrentWidget(window.builder))

def drag():
    plan = window.builder.plan
    section = plan.sections[0]
    window.builder.tree.dropped.emit([section.items[0].id], section.name, len(section.items) + 1)
measure("drag in the volume tree", drag)

def history():
    window.tabs.setCurrentIndex(0)
    window.editor.tabs.setCurrentWidget(window.editor.history)
    app.processEvents()
    window.editor.history.revisions.setCurrentRow(window.editor.history.revisions.count() - 1)
measure("history: compare revision 1", history)
timer.stop()
print(json.dumps(steps))
window.close()
"""


def make_library(path: Path, count: int, python_path: Path) -> int:
    """A library made with the current code (the baseline upgrades it on open when older
    code cannot read it, so each run gets its own copy)."""
    sys.path.insert(0, str(python_path))
    from tests.corpus import generate_articles
    from wenshi.library import Library
    from wenshi.records import NewManuscript
    from wenshi.sample import load_sample

    with Library.open(path, auto_index=False) as lib:
        load_sample(lib)
        with lib.batch():
            for i, text in enumerate(generate_articles(count, 600, seed=5)):
                lib.manuscripts.add(NewManuscript(title=f"灵武旧事第{i + 1}篇", body=text))
        paragraphs = generate_articles(40, 500, seed=8)
        body = "\n\n".join(paragraphs)
        big = lib.manuscripts.add(NewManuscript(title="长稿：灵州城二百次修改", body=body)).value
        for n in range(200):
            k = (n * 7) % len(paragraphs)
            paragraphs[k] = paragraphs[k].replace("灵武", f"灵武{n}", 1)
            lib.manuscripts.edit_body(big, "\n\n".join(paragraphs), f"第{n}次")
    shutil.rmtree(path / "index", ignore_errors=True)
    return big


def run(tree: Path, library: Path, big: int) -> dict[str, float]:
    settings = Path(tempfile.mkdtemp(prefix="wenshi-settings-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, "-c", SESSION, str(tree), str(library), str(settings), str(big)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    shutil.rmtree(settings, ignore_errors=True)
    if out.returncode != 0:
        raise SystemExit(f"session in {tree} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", default="40acdee")
    parser.add_argument("--manuscripts", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wenshi-stalls-"))
    old_tree = work / "baseline"
    try:
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "-q",
                "--detach",
                str(old_tree),
                args.baseline,
            ],
            check=True,
        )
        library = work / "lib"
        big = make_library(library, args.manuscripts, ROOT)
        ours = run(ROOT, library, big)
        # The baseline cannot open a library of a newer schema: it gets one of its own, made
        # with its own code (where the generator was bench/corpus.py).
        old_library = work / "old-lib"
        builder = (
            "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path;"
            "from wenshi.library import Library; from wenshi.catalog import Catalog;"
            "from wenshi.records import NewManuscript; from wenshi.sample import load_sample;"
            "from bench.corpus import generate_articles; import shutil\n"
            "lib = Library.open(sys.argv[2], auto_index=False)\n"
            "load_sample(lib); c = Catalog(lib)\n"
            "with lib.batch():\n"
            "    for i, t in enumerate(generate_articles(int(sys.argv[3]), 600, seed=5)):\n"
            "        c.add(NewManuscript(title=f'灵武旧事第{i + 1}篇', body=t))\n"
            "ps = generate_articles(40, 500, seed=8)\n"
            "big = c.add(NewManuscript(title='长稿：灵州城二百次修改', body='\\n\\n'.join(ps)))\n"
            "for n in range(200):\n"
            "    k = (n * 7) % len(ps); ps[k] = ps[k].replace('灵武', f'灵武{n}', 1)\n"
            "    c.edit_body(big, '\\n\\n'.join(ps), f'第{n}次')\n"
            "lib.close(); shutil.rmtree(Path(sys.argv[2]) / 'index', ignore_errors=True)\n"
            "print(big)"
        )
        made = subprocess.run(
            [sys.executable, "-c", builder, str(old_tree), str(old_library), str(args.manuscripts)],
            env=dict(os.environ, PYTHONPATH=str(old_tree)),
            capture_output=True,
            text=True,
            check=True,
        )
        theirs = run(old_tree, old_library, int(made.stdout.strip().splitlines()[-1]))
        print(f"longest GUI-thread stall per step, ms ({args.manuscripts} manuscripts + sample)")
        print(f"| step | wenshi | baseline {args.baseline} |")
        print("|---|---:|---:|")
        for step in ours:
            print(f"| {step} | {ours[step]:.0f} | {theirs.get(step, float('nan')):.0f} |")
        worst = max(ours.values())
        verdict = "met" if worst < 50 else "MISSED"
        print(
            f"longest stall: {worst:.0f} ms (baseline {max(theirs.values()):.0f} ms); "
            f"target < 50 ms: {verdict}"
        )
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=False
        )
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
