"""Import speed: the command line against the GUI's path, on the same 150 files.

    python bench/imports.py [--files 150] [--runs 3]

Both paths now run the same operation (``library.imports``: prepare, then commit as one
batch), so the command line no longer pays an index update per file. Printed: the best
of ``--runs`` for ``wenshi import FOLDER`` in a fresh process (start-up included) and for
the GUI's path in this process (``imports.prepare`` then ``imports.commit``, as the import
dialog calls them), each into a fresh library; the ratio; and the number of index
segments each left. Target: the command line within 1.5× the GUI path.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import generate_articles  # noqa: E402
from wenshi.library import Library  # noqa: E402


def make_inbox(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for i, text in enumerate(generate_articles(count, 2500, seed=23)):
        (folder / f"{i:03d}.txt").write_text(f"稿件第{i}号\n作者：马建国\n{text}", "utf-8")


def segments(library: Path) -> int:
    return len(list((library / "index").glob("*.trm")))  # one term file a segment


def cli_import(inbox: Path, library: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "wenshi.cli.main", "--library", str(library), "import", str(inbox)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def gui_path_import(inbox: Path, library: Path) -> float:
    start = time.perf_counter()
    with Library.open(library) as lib:
        items = lib.imports.prepare([inbox])
        lib.imports.commit(items)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wenshi-bench-import-"))
    try:
        inbox = work / "inbox"
        make_inbox(inbox, args.files)
        results: dict[str, tuple[float, int]] = {}
        for name, run in (("cli", cli_import), ("gui path", gui_path_import)):
            times = []
            for n in range(args.runs):
                library = work / f"{name}-{n}"
                times.append(run(inbox, library))
                seg = segments(library)
                shutil.rmtree(library)
            results[name] = (min(times), seg)
            print(f"{name:<9} best of {args.runs}: {min(times):.2f} s, {seg} index segment(s)")
        ratio = results["cli"][0] / results["gui path"][0]
        verdict = "met" if ratio <= 1.5 else "MISSED"
        print(f"{args.files} files: cli / gui path = {ratio:.2f}× (target ≤ 1.5×: {verdict})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
