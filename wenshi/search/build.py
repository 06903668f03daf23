"""Building a complete index in a process of its own.

Whoosh sorts and writes postings in long calls that hold Python's global lock; run in the
program's own process, a rebuild of a few thousand manuscripts froze the window for
seconds. ``build_in_child`` runs ``python -m wenshi.search.build DB FOLDER`` instead: the
child reads the database (read-only) and writes the new index into FOLDER, printing
``done total`` as it goes; the parent turns those lines into progress and kills the child
if the user cancels.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from peewee import SqliteDatabase

from wenshi.db.models import define_tables
from wenshi.errors import LibraryError
from wenshi.i18n import _
from wenshi.progress import Progress
from wenshi.search.documents import index_text, load_infos
from wenshi.search.store import IndexStore

BATCH = 200
# Characters written as one segment. whoosh sorts a segment's postings in memory up to its
# ``limitmb`` and beyond that pickles them to temporary files and merges them back, which
# takes longer than all the rest; about 66 bytes of its estimate per character (tokens and
# pairs), so 7 M characters stay inside 512 MB (about 700 MB of memory in the building
# process) and a 40 M library has six segments: each one a query looks terms up in.
SEGMENT_CHARS = 7_000_000
LIMIT_MB = 512


def build(db_path: Path, folder: Path, report=print) -> int:
    """Write the index of every live manuscript of the database into ``folder``."""
    db = SqliteDatabase(f"file:{db_path}?mode=ro", uri=True, pragmas={"query_only": 1})
    t = define_tables(db)
    store = IndexStore.create(folder)
    try:
        infos = load_infos(t)
        ids = sorted(infos)
        segments: list[list[int]] = [[]]
        chars = 0
        for mid in ids:
            if chars > SEGMENT_CHARS:
                segments.append([])
                chars = 0
            segments[-1].append(mid)
            chars += infos[mid].body_length
        done = 0
        for segment in segments:
            with store.writer(limitmb=LIMIT_MB, merge=False) as writer:
                for start in range(0, len(segment), BATCH):
                    report(done, len(ids))
                    chunk = segment[start : start + BATCH]
                    rows = t.Manuscript.select(t.Manuscript.id, t.Manuscript.body).where(
                        t.Manuscript.id.in_(chunk)
                    )
                    for mid, body in rows.tuples():
                        writer.add(mid, *index_text(infos[mid], body))
                    done += len(chunk)
        report(len(ids), len(ids))
    finally:
        store.close()
        db.close()
    return len(ids)


def build_in_child(db_path: Path, folder: Path, progress: Progress) -> int:
    """``build`` in a child process; progress and cancel as for any long job."""
    child = subprocess.Popen(
        [sys.executable, "-m", "wenshi.search.build", str(db_path), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    count = 0
    try:
        assert child.stdout is not None
        for line in child.stdout:
            done, total = (int(n) for n in line.split())
            progress.update(done, total, _("建立检索索引"))
            progress.check()
            count = total
    except BaseException:
        child.kill()
        child.wait()
        raise
    error = child.stderr.read() if child.stderr else ""
    if child.wait() != 0:
        last = error.strip().splitlines()[-1] if error.strip() else f"exit {child.returncode}"
        if "No space left" in error:
            raise OSError(28, "No space left on device")
        raise LibraryError(
            _("{folder}：建立检索索引失败（{last}）").format(folder=folder, last=last)
        )
    return count


def main() -> None:
    db_path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    parent = os.getppid()

    def report(done: int, total: int) -> None:
        if os.getppid() != parent:  # the program that asked is gone: stop, write nothing
            raise SystemExit(1)
        print(done, total, flush=True)

    build(db_path, folder, report)


if __name__ == "__main__":
    main()
