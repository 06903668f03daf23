"""The history diff of a long, much-edited manuscript, against difflib in the same run.

    python bench/history_diff.py

A 20,000-字 manuscript edited about 200 times (each edit changes one place); the history
tab compares a revision with the current text and renders both sides as HTML. Timed:
``manuscripts.compare`` plus the rendering for the first, second and fiftieth revision,
and difflib's ``SequenceMatcher(autojunk=False)`` on the same pair (what the history used
before). Target: under 100 ms.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import generate_articles  # noqa: E402
from ui.widgets.history_panel import side_by_side  # noqa: E402
from wenshi.library import Library  # noqa: E402
from wenshi.records import NewManuscript  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp), auto_index=False) as lib:
        paragraphs = generate_articles(40, 500, seed=8)
        mid = lib.manuscripts.add(NewManuscript(title="长稿", body="\n\n".join(paragraphs))).value
        for n in range(200):
            k = (n * 7) % len(paragraphs)
            paragraphs[k] = paragraphs[k].replace("灵武", f"灵武{n}", 1)
            lib.manuscripts.edit_body(mid, "\n\n".join(paragraphs), f"第{n}次")
        body = lib.manuscripts.get(mid).body
        print(f"{len(body):,} characters, {len(lib.manuscripts.history(mid))} revisions")
        worst = 0.0
        for number in (1, 2, 50):
            start = time.perf_counter()
            side_by_side(lib.manuscripts.compare(mid, number))
            took = (time.perf_counter() - start) * 1000
            worst = max(worst, took)
            print(f"revision {number} against the current text: {took:.0f} ms")
        old = lib.manuscripts.revision_text(mid, 1)
        start = time.perf_counter()
        difflib.SequenceMatcher(None, old, body, autojunk=False).get_opcodes()
        baseline = (time.perf_counter() - start) * 1000
        verdict = "met" if worst < 100 else "MISSED"
        print(f"difflib on revision 1: {baseline:.0f} ms ({baseline / worst:.0f}× slower)")
        print(f"slowest compare: {worst:.0f} ms; target < 100 ms: {verdict}")


if __name__ == "__main__":
    main()
