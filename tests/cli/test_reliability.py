"""Several hands on one library, a full disk, runs killed half-way: each probe of the
issue, with real processes. Nothing stored is lost, nothing is left half-written, and
every failure is one line naming the place and the reason."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wenshi.library import Library
from wenshi.records import NewManuscript

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT), WENSHI_DEBUG="")


def wenshi(library: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wenshi.cli.main", "--library", str(library), *args],
        env=env or ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def python(code: str, *args: str) -> subprocess.Popen:
    """Another process using the core, as the GUI or a second window would."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


HOLD = """
import sys, time
from wenshi.library import Library
lib = Library.open(sys.argv[1], program="wenshi-gui")
with lib.transaction():
    lib.manuscripts.update(1, fields={"notes": "另一个程序写的"})
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
lib.close()
"""


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        for title in ("横城古渡", "水洞沟", "灵州古城"):
            lib.manuscripts.add(NewManuscript(title=title, body=f"{title}在黄河边的灵武。"))
    return folder


def _hold(library_dir: Path, seconds: float) -> subprocess.Popen:
    holder = python(HOLD, str(library_dir), str(seconds))
    assert holder.stdout.readline() == "holding\n"
    return holder


def test_a_writer_waits_for_one_holding_the_library_for_2_seconds(library_dir: Path):
    holder = _hold(library_dir, 2)
    started = time.monotonic()
    result = wenshi(library_dir, "set", "1", "--title", "等一等再改")
    waited = time.monotonic() - started
    holder.wait(timeout=30)
    assert (result.returncode, result.stderr) == (0, "")
    assert waited > 1.0
    with Library.open(library_dir) as lib:
        detail = lib.manuscripts.get(1)
        assert (detail.title, detail.notes) == ("等一等再改", "另一个程序写的")


def test_a_writer_kept_waiting_too_long_says_who_holds_the_library(library_dir: Path):
    holder = _hold(library_dir, 4)
    result = wenshi(
        library_dir, "set", "2", "--title", "改不了", env={**ENV, "WENSHI_BUSY_TIMEOUT_MS": "1000"}
    )
    holder.wait(timeout=30)
    assert result.returncode == 1
    assert result.stderr == (
        f"wenshi: {library_dir}：文库正忙，wenshi-gui（进程 {holder.pid}）正在写入，"
        "等待 1 秒后仍未结束；什么也没有改动，请稍后再试\n"
    )
    with Library.open(library_dir) as lib:
        assert lib.manuscripts.get(2).title == "水洞沟"


def test_writes_from_two_processes_at_once_all_land(library_dir: Path):
    """No 'database is locked' half-way: every write of two busy writers is stored."""
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys\nfrom wenshi.cli.main import main\n"
                "for n in range(15):\n"
                "    assert main(['--library', sys.argv[1], 'set', sys.argv[2],"
                " '--notes', f'{sys.argv[2]}-{n}']) == 0\n",
                str(library_dir),
                str(mid),
            ],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mid in (1, 2)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert errors == ["", ""]
    with Library.open(library_dir) as lib:
        assert [lib.manuscripts.get(m).notes for m in (1, 2)] == ["1-14", "2-14"]
        assert len(lib.manuscripts.detail_changes(1)) == 15


def test_reindex_during_an_import_leaves_search_equal_to_a_scan(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(200):
        (inbox / f"{i:03d}.txt").write_text(
            f"第{i}号稿\n\n灵武渡口第{i}号记事。" + "黄河水" * 30, encoding="utf-8"
        )
    library = tmp_path / "lib"
    wenshi(library, "stats")
    importer = subprocess.Popen(
        [sys.executable, "-m", "wenshi.cli.main", "--library", str(library), "import", str(inbox)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    rounds = 0
    while importer.poll() is None:
        result = wenshi(library, "reindex")
        assert result.returncode == 0, result.stderr
        rounds += 1
    assert importer.returncode == 0, importer.stderr.read()
    assert rounds >= 1
    found = wenshi(library, "search", "渡口", "--limit", "0", "--json")
    ids = sorted(hit["id"] for hit in __import__("json").loads(found.stdout))
    assert ids == list(range(1, 201))
    for i in (0, 57, 199):
        hit = __import__("json").loads(wenshi(library, "search", f"渡口第{i}号", "--json").stdout)
        assert [h["title"] for h in hit] == [f"第{i}号稿"]


# -- a full disk -----------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB file system (tmpfs), to fill up; skipped where mounting is not allowed."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder``, leaving about ``leave`` bytes free."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    os.close(fd)
    return filler


def test_a_full_disk_gets_one_clear_line_and_loses_nothing(small_disk: Path, tmp_path: Path):
    library = small_disk / "lib"
    with Library.open(library) as lib, lib.batch():
        lib.manuscripts.add(NewManuscript(title="横城古渡", body="横城古渡在黄河边。"))
        for n in range(30):
            lib.manuscripts.add(NewManuscript(title=f"第{n}篇", body=f"灵州第{n}篇" * 500))
    assert wenshi(library, "search", "黄河").returncode == 0
    filler = _fill(small_disk, 60 * 1024)
    big = tmp_path / "big.txt"
    big.write_text("灵武" * 400_000, encoding="utf-8")
    photo = tmp_path / "photo.png"
    shutil.copy(ROOT / "docs" / "screenshot-manuscript.png", photo)

    edit = wenshi(library, "edit", "1", "--body-file", str(big))
    assert (edit.returncode, edit.stderr) == (
        1,
        f"wenshi: {library}：磁盘已满，未能保存（什么也没有改动）\n",
    )
    reindex = wenshi(library, "reindex")
    assert (reindex.returncode, reindex.stderr) == (
        1,
        f"wenshi: {library / 'index'}：无法建立检索索引（磁盘已满）\n",
    )
    image = wenshi(library, "image", "add", "1", str(photo))
    assert (image.returncode, image.stderr) == (
        1,
        f"wenshi: {library}：无法写入（磁盘已满），未作任何修改\n",
    )
    backup = wenshi(library, "backup", str(small_disk / "b.zip"))
    assert (backup.returncode, backup.stderr) == (
        1,
        f"wenshi: {small_disk / 'b.zip'}：无法写入备份（磁盘已满）\n",
    )
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "lib"]
    filler.unlink()
    show = wenshi(library, "show", "1", "--json")
    data = __import__("json").loads(show.stdout)
    assert (data["body"], data["revisions"], data["version"]) == ("横城古渡在黄河边。", 1, 1)
    assert wenshi(library, "search", "黄河", "--json").returncode == 0
    assert not any(p.name.startswith("index.") and p.is_dir() for p in library.iterdir())


def test_a_disk_too_full_to_open_the_library_says_so(small_disk: Path):
    library = small_disk / "lib"
    Library.open(library).close()
    _fill(small_disk, 0)
    result = wenshi(library, "stats")
    assert (result.returncode, result.stderr) == (
        1,
        f"wenshi: {library}：磁盘已满，无法打开文库（请先腾出空间；什么也没有改动）\n",
    )


def test_a_vanished_or_read_only_library_gets_one_line(library_dir: Path, tmp_path: Path):
    moved = tmp_path / "moved"
    os.rename(library_dir, moved)
    (library_dir.parent / "lib").mkdir()
    (library_dir.parent / "lib" / "note.txt").write_text("别的东西", encoding="utf-8")
    result = wenshi(library_dir, "stats")
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "不是 wenshi 文库" in result.stderr


# -- runs killed half-way --------------------------------------------------------------------
KILLED_PUT = """
import os, sys
from wenshi.library import Library
lib = Library.open(sys.argv[1])
lib.files.put("孤儿原件".encode(), ".txt")
os._exit(9)  # killed between storing the bytes and committing their row
"""

KILLED_REBUILD = """
import os, sys
from wenshi.library import Library
from wenshi.progress import Progress
lib = Library.open(sys.argv[1])
lib.index.rebuild(Progress(lambda done, total, message: os._exit(9) if done else None))
"""

KILLED_EXPORT = """
import os, sys
from pathlib import Path
from wenshi.export.atomic import atomic_path
from wenshi.library import Library
lib = Library.open(sys.argv[1])
with atomic_path(Path(sys.argv[2]), lib.session) as tmp:
    tmp.write_bytes(b"half a file")
    os._exit(9)
"""


def _killed(script: str, *args: str) -> None:
    proc = python(script, *args)
    proc.wait(timeout=60)
    assert proc.returncode == 9, proc.stderr.read()


def test_leftovers_of_killed_runs_are_removed_on_the_next_open(tmp_path: Path):
    folder = tmp_path / "lib"
    with Library.open(folder) as lib, lib.batch():
        for n in range(300):
            lib.manuscripts.add(NewManuscript(title=f"第{n}篇", body="灵武" * 50))

    _killed(KILLED_PUT, str(folder))
    [orphan] = [p for p in (folder / "files").rglob("*") if p.is_file()]
    with Library.open(folder) as lib:
        assert lib.cleaned == [str(orphan)]
    assert not orphan.exists()

    _killed(KILLED_REBUILD, str(folder))
    [half_built] = [p for p in folder.iterdir() if p.name.startswith("index.new-")]
    assert half_built.is_dir()
    with Library.open(folder) as lib:
        assert lib.cleaned == [str(half_built)]
        assert lib.search.search("灵武").total == 300
    assert not half_built.exists()

    exports = tmp_path / "exports"
    exports.mkdir()
    _killed(KILLED_EXPORT, str(folder), str(exports / "目录.docx"))
    [partial] = list(exports.iterdir())
    assert partial.name.startswith(".wenshi-") and partial.suffix == ".docx"
    with Library.open(folder) as lib:
        assert lib.cleaned == [str(partial)]
    assert list(exports.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == [
        "files",
        "index",
        "index.lock",
        "sessions",
        "wenshi.db",
    ]
    assert [p.name for p in (folder / "sessions").iterdir()] == ["writer.json"]


def test_a_killed_import_loses_nothing_it_committed(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(150):
        (inbox / f"{i:03d}.txt").write_text(f"第{i}号稿\n\n灵武渡口。" * 20, encoding="utf-8")
    library = tmp_path / "lib"
    proc = subprocess.Popen(
        [sys.executable, "-m", "wenshi.cli.main", "--library", str(library), "import", str(inbox)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    committed = 0
    deadline = time.time() + 60
    while time.time() < deadline and committed < 30:
        time.sleep(0.02)
        try:
            con = sqlite3.connect(library / "wenshi.db", timeout=1)
            committed = con.execute("SELECT COUNT(*) FROM manuscript").fetchone()[0]
            con.close()
        except sqlite3.Error:
            continue
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Library.open(library) as lib:
        stored = lib.queries.stats().manuscripts
        assert stored >= 30
        assert lib.search.search("渡口", limit=0).total == stored
        con = sqlite3.connect(library / "wenshi.db")
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        con.close()
    again = wenshi(library, "import", str(inbox))
    assert again.returncode == 0
    with Library.open(library) as lib:
        assert lib.queries.stats().manuscripts == 150
        files = [p for p in (library / "files").rglob("*") if p.is_file()]
        assert len(files) == 150
