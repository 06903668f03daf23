"""Who has a library open, and what their killed runs left behind.

Each process that opens a library registers in ``LIBRARY/sessions/``: a ``.json`` with its
pid and command, and a ``.lock`` it holds for as long as it keeps the library open (a held
lock is the only reliable sign of life: pids are reused). Temporary files a session makes
outside the database — a partial export or backup beside its target, a fresh original not
yet in any row, a half-built index — are listed in its record first, so the next open
removes what a killed run left, whatever folder it was in.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

SESSIONS_DIR = "sessions"
WRITER_FILE = "writer.json"


def program_name() -> str:
    """How this process was started, in a user's words: ``wenshi import``."""
    argv = [Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python", *sys.argv[1:]]
    words = [a for a in argv[1:] if not a.startswith("-")][:1]
    return " ".join([argv[0], *words])


@dataclass
class SessionInfo:
    id: str
    pid: int
    program: str
    temps: list[str] = field(default_factory=list)
    originals: list[str] = field(default_factory=list)


class Session:
    """This process's registration with one open library."""

    def __init__(self, library_path: Path, program: str | None = None) -> None:
        self.folder = library_path / SESSIONS_DIR
        self.folder.mkdir(exist_ok=True)
        self.info = SessionInfo(
            id=f"{os.getpid()}-{secrets.token_hex(4)}",
            pid=os.getpid(),
            program=program or program_name(),
        )
        self._lock = FileLock(self.folder / f"{self.info.id}.lock", thread_local=False)
        self._lock.acquire(timeout=0)
        self._save()

    @property
    def _record(self) -> Path:
        return self.folder / f"{self.info.id}.json"

    def _save(self) -> None:
        tmp = self._record.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.info.__dict__, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self._record)

    def track_temp(self, path: Path) -> None:
        """Note a temporary file or folder before it is made; ``untrack`` once it is gone
        or has become the real thing."""
        self.info.temps.append(str(path))
        self._save()

    def untrack_temp(self, path: Path) -> None:
        if str(path) in self.info.temps:
            self.info.temps.remove(str(path))
            self._save()

    def track_original(self, path: Path) -> None:
        """An original about to be stored: removed by the next open if no row claims it."""
        self.info.originals.append(str(path))
        self._save()

    def originals_committed(self) -> None:
        if self.info.originals:
            self.info.originals.clear()
            self._save()

    def mark_writer(self) -> None:
        """Record that this session holds the write lock (read by a writer kept waiting)."""
        data = json.dumps({"pid": self.info.pid, "program": self.info.program})
        (self.folder / WRITER_FILE).write_text(data, encoding="utf-8")

    def close(self) -> None:
        self._record.unlink(missing_ok=True)
        self._lock.release()
        Path(self._lock.lock_file).unlink(missing_ok=True)


def _alive(lock_path: Path) -> bool:
    """A session is alive while its lock is held."""
    lock = FileLock(lock_path, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False


def others(library_path: Path, own: str = "") -> list[SessionInfo]:
    """The live sessions of other processes (and other opens in this one)."""
    out = []
    folder = library_path / SESSIONS_DIR
    for record in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if record.name == WRITER_FILE or record.stem == own:
            continue
        info = _read(record)
        if info is not None and _alive(record.with_suffix(".lock")):
            out.append(info)
    return out


def writer(library_path: Path) -> tuple[int, str] | None:
    """The pid and command of the last session that took the write lock."""
    try:
        data = json.loads((library_path / SESSIONS_DIR / WRITER_FILE).read_text("utf-8"))
        return int(data["pid"]), str(data["program"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _read(record: Path) -> SessionInfo | None:
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return SessionInfo(**data)
    except (OSError, ValueError, TypeError):
        return None


def clean_dead(library_path: Path, referenced: set[str]) -> list[str]:
    """Remove what dead sessions left: their temporary files and folders, and originals
    that no row references (``referenced``: the SHA-256 of every stored file and image).
    Returns the paths removed."""
    removed: list[str] = []
    folder = library_path / SESSIONS_DIR
    if not folder.is_dir():
        return removed
    for lock_path in sorted(folder.glob("*.lock")):
        record = lock_path.with_suffix(".json")
        if _alive(lock_path):
            continue
        info = _read(record)
        if info is not None:
            for name in info.temps:
                path = Path(name)
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(name)
                elif path.exists():
                    path.unlink(missing_ok=True)
                    removed.append(name)
            for name in info.originals:
                path = Path(name)
                digest = path.name.split(".", 1)[0]
                partial = path.with_name(f".incoming-{info.pid}-{digest[:12]}")
                for leftover in (partial, path):
                    if leftover.exists() and (leftover is partial or digest not in referenced):
                        leftover.chmod(0o644)
                        leftover.unlink(missing_ok=True)
                        removed.append(str(leftover))
        record.unlink(missing_ok=True)
        lock_path.unlink(missing_ok=True)
    return removed
