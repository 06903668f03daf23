"""Content-addressed originals: ``files/ab/abcdef….ext``, written once, never modified."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from wenshi.fsutil import write_error


class FileStore:
    """The bytes of every imported file and photo, by SHA-256. ``before_put`` is told the
    path first, so a run killed between storing the bytes and committing their row leaves
    a record that the next open uses to remove the orphan."""

    def __init__(self, root: Path, before_put: Callable[[Path], None] | None = None) -> None:
        self.root = root
        self.before_put = before_put

    def path_for(self, sha256: str, suffix: str = "") -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def find(self, sha256: str) -> Path | None:
        folder = self.root / sha256[:2]
        if folder.is_dir():
            for candidate in folder.glob(f"{sha256}*"):
                if not candidate.name.startswith("."):
                    return candidate
        return None

    def put(self, data: bytes, suffix: str = "") -> str:
        """Store ``data`` (atomically: temp file, then rename) and return its SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest, suffix.lower())
        if self.find(digest) is not None:
            return digest
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if self.before_put is not None:
                self.before_put(target)
            tmp = target.with_name(f".incoming-{os.getpid()}-{digest[:12]}")
            try:
                with open(tmp, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise write_error(self.root.parent, exc) from exc
        target.chmod(0o444)
        return digest

    def all_files(self) -> Iterator[Path]:
        """Every stored original (temp files of a write in progress left out)."""
        if self.root.is_dir():
            for path in sorted(self.root.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    yield path

    @staticmethod
    def digest_of(path: Path) -> str:
        return path.name.split(".", 1)[0]
