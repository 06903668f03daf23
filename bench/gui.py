"""Desktop program speed: start-up, the catalog with 10,000 rows, live counts while typing.

    python bench/gui.py            (QT_QPA_PLATFORM=offscreen is set if there is no display)

Each figure is printed with a baseline measured in the same run on the same machine:
  - start-up: a bare QMainWindow in a fresh process (Qt's own floor) vs. wenshi's main
    window on a 2,000-manuscript library, shown with all its views built (target: 1.5 s);
  - catalog: a model holding the same 10,000 rows in memory and sorting them in Python vs.
    the core-sorted id model that fetches rows as they scroll into view, and painting the
    view after 50 scroll jumps;
  - typing: one keystroke in a QPlainTextEdit holding 30,000 字 without counting vs. with
    the live named counts (target: under 20 ms per edit).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.corpus import generate_articles  # noqa: E402
from wenshi.library import Library  # noqa: E402
from wenshi.records import NewManuscript  # noqa: E402

STARTUP = """
import os, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
if {wenshi!r}:
    from ui.main_window import MainWindow
    w = MainWindow({library!r})
else:
    w = QMainWindow(); w.setCentralWidget(QLabel("x"))
w.show()
app.processEvents()
while not getattr(w, "built", True):  # wenshi builds its views one per event-loop turn
    app.processEvents()
w.grab()
print(time.perf_counter() - t0)
"""


def make_library(path: Path, count: int) -> None:
    with Library.open(path, auto_index=False) as library:
        catalog = library.manuscripts
        with library.batch():
            for i, text in enumerate(generate_articles(count, 600, seed=5)):
                catalog.add(
                    NewManuscript(
                        title=f"灵武旧事第{i + 1}篇",
                        body=text,
                        authors=[f"作者{i % 97}"],
                        received_date=f"{1990 + i % 30}-03-01",
                    )
                )


def startup(library: Path | None) -> float:
    code = STARTUP.format(root=str(ROOT), wenshi=library is not None, library=str(library))
    times = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


class MemoryModel:
    """Baseline: every row held in memory as a tuple, sorted in Python (what a catalog that
    loads everything up front does)."""

    @staticmethod
    def make(rows):
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

        class Model(QAbstractTableModel):
            def __init__(self) -> None:
                super().__init__()
                self.rows = rows

            def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else len(self.rows)

            def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else 7

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole:
                    return self.rows[index.row()][index.column()]
                return None

            def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
                self.beginResetModel()
                self.rows.sort(
                    key=lambda r: r[column], reverse=order == Qt.SortOrder.DescendingOrder
                )
                self.endResetModel()

        return Model()


def catalog_figures(library_path: Path) -> tuple[float, float, float, float]:
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    from ui.models.catalog_model import CatalogModel, Column

    with Library.open(library_path, auto_index=False) as library:
        model = CatalogModel(library.queries)
        model.reload()
        t = time.perf_counter()
        rows = [
            (
                s.title,
                "、".join(s.authors),
                s.status_label,
                s.words,
                s.volume or 0,
                s.section or "",
                s.received_date or "",
            )
            for s in library.queries.list()
        ]
        load_all = time.perf_counter() - t
        baseline = MemoryModel.make(rows)

        def best(fn) -> float:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            return min(times)

        columns = (Column.TITLE, Column.AUTHORS, Column.WORDS, Column.RECEIVED)
        ours_sort = max(best(lambda c=c: model.sort(c)) for c in columns)
        base_sort = max(best(lambda c=c: baseline.sort(c)) for c in columns)

        def scroll(m) -> float:
            view = QTableView()
            view.setModel(m)
            view.resize(900, 700)
            view.show()
            app.processEvents()
            bar = view.verticalScrollBar()
            worst = 0.0
            for k in range(50):
                bar.setValue(bar.maximum() * ((k * 37) % 50) // 50)
                t = time.perf_counter()
                view.viewport().grab()
                worst = max(worst, time.perf_counter() - t)
            view.close()
            return worst

        print(f"(loading all 10,000 rows up front, as the baseline does: {load_all * 1000:.0f} ms)")
        return ours_sort, base_sort, scroll(model), scroll(baseline)


def typing_figures() -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication.instance() or QApplication([])
    from ui.widgets.body_editor import BodyEditor

    text = "\n\n".join(generate_articles(10, 3000, seed=9))[:30000]

    def per_edit(editor: QPlainTextEdit, after) -> float:
        editor.setPlainText(text)
        cursor = editor.textCursor()
        cursor.setPosition(15000)
        times = []
        for _ in range(100):
            t = time.perf_counter()
            cursor.insertText("灵")
            after()
            app.processEvents()
            times.append(time.perf_counter() - t)
        return statistics.quantiles(times, n=20)[-1]

    plain = QPlainTextEdit()
    body = BodyEditor()
    return per_edit(body.editor, body.update_counts), per_edit(plain, lambda: None)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "2000", Path(tmp) / "10000"
        make_library(small, 2000)
        make_library(big, 10000)
        base_start, ours_start = startup(None), startup(small)
        ours_sort, base_sort, ours_scroll, base_scroll = catalog_figures(big)
        ours_type, base_type = typing_figures()
    rows = [
        ("start-up, window shown (2,000 manuscripts)", ours_start, base_start, 1.5),
        ("catalog sort, worst column (10,000 rows)", ours_sort, base_sort, None),
        ("catalog repaint after a scroll jump, worst of 50", ours_scroll, base_scroll, None),
        ("one keystroke in 30,000 字 with live counts, p95", ours_type, base_type, 0.020),
    ]
    print(f"{'figure':52} {'wenshi':>9} {'baseline':>9} {'ratio':>6}  target")
    for name, ours, base, target in rows:
        verdict = "" if target is None else ("met" if ours < target else "MISSED")
        goal = "" if target is None else f"< {target * 1000:.0f} ms {verdict}"
        print(f"{name:52} {ours * 1000:8.1f}ms {base * 1000:8.1f}ms {ours / base:6.2f}  {goal}")


if __name__ == "__main__":
    main()
