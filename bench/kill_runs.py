"""Kill wenshi at random moments and check that nothing was lost or left behind.

    python bench/kill_runs.py [--rounds 60] [--seed 1]

Each round starts one command on one library — an import of 40 new files, an edit of a
body, a change of details, a reindex, a backup, an export of a volume — and sends it
SIGKILL after a random delay (0–1.2 s; some finish first). Then it opens the library the
way the next run would and checks:

- SQLite's integrity check passes;
- every manuscript's body equals its newest revision (no half-written edit);
- search for a word every manuscript contains finds exactly the manuscripts a substring
  scan of the database finds;
- nothing is left behind: no half-built index folder, no ``.wenshi-*`` temporary file
  beside an export or backup, no ``.incoming-*`` file and no original without a row.

Figures for docs/reliability.md. Exits non-zero if any round failed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus import generate_articles  # noqa: E402
from wenshi.library import Library  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
MARK = "渡口"


def wenshi_cmd(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "wenshi.cli.main", "--library", str(library), *args]


def check(library: Path, outside: Path) -> list[str]:
    """What is wrong with the library after a kill (empty: nothing)."""
    problems = []
    con = sqlite3.connect(library / "wenshi.db")
    if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
        problems.append("integrity check failed")
    mismatched = con.execute(
        "SELECT COUNT(*) FROM manuscript m WHERE m.body != (SELECT r.body FROM revision r "
        "WHERE r.manuscript_id = m.id ORDER BY r.number DESC LIMIT 1)"
    ).fetchone()[0]
    if mismatched:
        problems.append(f"{mismatched} bodies differ from their newest revision")
    scan = {
        mid
        for (mid,) in con.execute(
            "SELECT id FROM manuscript WHERE deleted_at IS NULL AND (body LIKE ? OR title LIKE ?)",
            (f"%{MARK}%", f"%{MARK}%"),
        )
    }
    con.close()
    with Library.open(library) as lib:
        found = {hit.id for hit in lib.search.search(MARK, limit=0).hits}
        if found != scan:
            problems.append(f"search found {len(found)}, a scan {len(scan)}")
        t = lib.tables
        referenced = {s for (s,) in t.StoredFile.select(t.StoredFile.sha256).tuples()}
        referenced |= {s for (s,) in t.Image.select(t.Image.sha256).tuples()}
    for path in (library / "files").rglob("*"):
        if path.is_file() and (
            path.name.startswith(".") or path.name.split(".")[0] not in referenced
        ):
            problems.append(f"left behind: {path.name}")
    for path in library.iterdir():
        if path.name.startswith("index.") and path.name != "index.lock":
            problems.append(f"left behind: {path.name}")
    for path in outside.iterdir():
        if path.name.startswith(".wenshi-"):
            problems.append(f"left behind: {path.name}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="wenshi-kill-"))
    library, outside = work / "lib", work / "out"
    outside.mkdir()
    texts = generate_articles(args.rounds * 40 + 40, 3000, seed=args.seed)
    counter = iter(range(len(texts)))
    body = work / "body.txt"
    body.write_text(f"新的正文，{MARK}边上的故事。" * 2000, encoding="utf-8")

    def inbox() -> Path:
        folder = work / f"inbox-{time.monotonic_ns()}"
        folder.mkdir()
        for _ in range(40):
            n = next(counter)
            (folder / f"{n}.txt").write_text(f"第{n}篇\n\n{MARK}。{texts[n]}", encoding="utf-8")
        return folder

    subprocess.run(
        wenshi_cmd(library, "import", str(inbox())), env=ENV, check=True, stdout=subprocess.DEVNULL
    )
    subprocess.run(
        wenshi_cmd(library, "volume", "create", "1", "--title", "第一辑"),
        env=ENV,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    actions = {
        "import": lambda: ["import", str(inbox())],
        "edit": lambda: ["edit", str(rng.randint(1, 40)), "--body-file", str(body)],
        "set": lambda: ["set", str(rng.randint(1, 40)), "--title", f"改题{rng.random()}"],
        "reindex": lambda: ["reindex"],
        "backup": lambda: ["backup", str(outside / "备份.zip")],
        "export": lambda: ["export-volume", "1", "-o", str(outside / "第一辑.docx")],
    }
    tally: dict[str, list[int]] = {name: [0, 0, 0] for name in actions}  # runs, killed, bad
    failures = []
    for round_ in range(args.rounds):
        name = rng.choice(sorted(actions))
        proc = subprocess.Popen(
            wenshi_cmd(library, *actions[name]()),
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0, 1.2))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        problems = check(library, outside)
        tally[name][0] += 1
        tally[name][1] += killed
        tally[name][2] += bool(problems)
        if problems:
            failures.append(f"round {round_} ({name}, killed={killed}): {'; '.join(problems)}")
    print(f"{args.rounds} rounds, seed {args.seed}")
    print("| command | runs | killed mid-run | rounds with a problem |")
    print("|---|---:|---:|---:|")
    for name, (runs, killed, bad) in sorted(tally.items()):
        print(f"| {name} | {runs} | {killed} | {bad} |")
    for failure in failures:
        print(failure)
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
