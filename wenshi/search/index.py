"""The whoosh index of a library: where it lives, keeping it in step, rebuilding it.

The index is a cache of the catalog. ``state.json`` beside it records the index format,
the library it belongs to and the change counter it has caught up to. Every committed
write stamps manuscripts with the next counter value (``wenshi.db.changes``); ``sync``
indexes everything stamped after the recorded value, so a program that died between the
database commit and the index commit is caught up at the next start. A missing, corrupt,
foreign or old-format index is rebuilt — into a new folder that replaces the old one only
when complete, so searches keep working meanwhile.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh import index as whoosh_index
from whoosh.fields import ID, Schema

from wenshi.db.changes import current_seq
from wenshi.db.models import Manuscript, Meta
from wenshi.progress import Progress
from wenshi.search.analyzer import NgramField
from wenshi.search.documents import Catalogue, index_text, load_infos

if TYPE_CHECKING:
    from wenshi.library import Library

INDEX_DIR = "index"
STATE_FILE = "state.json"
INDEX_FORMAT = 1  # bump when the schema or the analyzer changes: old indexes are rebuilt
BATCH = 200


def make_schema() -> Schema:
    return Schema(
        mid=ID(stored=True, unique=True, sortable=True), title=NgramField(), body=NgramField()
    )


class SearchIndex:
    """Owns ``LIBRARY/index``. Opened lazily; ``notice`` reports automatic rebuilds."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.path = library.path / INDEX_DIR
        self.catalogue = Catalogue()
        self.notice: Callable[[str], None] = lambda message: None
        self.progress_factory: Callable[[], Progress] = Progress
        self._ix: whoosh_index.Index | None = None
        self._searcher = None
        self._seq = 0
        self.evaluation_cache: tuple | None = None  # see engine.Evaluation

    # -- state ---------------------------------------------------------------------------
    @staticmethod
    def _library_id() -> str:
        row = Meta.get_or_none(Meta.key == "created_at")
        return row.value if row else ""

    def _read_state(self, folder: Path) -> dict | None:
        try:
            state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    @staticmethod
    def _write_state(folder: Path, seq: int, library_id: str) -> None:
        tmp = folder / (STATE_FILE + ".tmp")
        tmp.write_text(
            json.dumps({"format": INDEX_FORMAT, "library": library_id, "seq": seq}),
            encoding="utf-8",
        )
        os.replace(tmp, folder / STATE_FILE)

    def _problem(self) -> str | None:
        """Why the index on disk cannot be used as it is, or None if it can."""
        if not self.path.is_dir():
            return "检索索引不存在"
        state = self._read_state(self.path)
        if state is None:
            return "检索索引的状态文件缺失或损坏"
        if state.get("format") != INDEX_FORMAT:
            return "检索索引的格式已过时"
        if state.get("library") != self._library_id() or state.get("seq", 0) > current_seq():
            return "检索索引不属于这个文库（或文库已从备份恢复）"
        return None

    # -- opening -------------------------------------------------------------------------
    def _open(self) -> whoosh_index.Index:
        if self._ix is not None:
            return self._ix
        problem = self._problem()
        if problem is None:
            try:
                self._ix = whoosh_index.open_dir(str(self.path))
                self._ix.schema  # noqa: B018 - reading the TOC proves the index is readable
                self._seq = int(self._read_state(self.path)["seq"])
            except Exception as exc:  # whoosh raises many kinds on a damaged index
                problem = f"检索索引已损坏（{type(exc).__name__}）"
                self._ix = None
        if problem is not None:
            self.notice(f"{problem}，正在重建……")
            self.rebuild(self.progress_factory())
        assert self._ix is not None
        return self._ix

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    def searcher(self):
        """An up-to-date whoosh searcher (refreshed only when the index changed)."""
        self.sync()
        ix = self._open()
        if self._searcher is None:
            self._searcher = ix.searcher()
        else:
            self._searcher = self._searcher.refresh()
        self.catalogue.refresh()
        return self._searcher

    # -- keeping in step -----------------------------------------------------------------
    def sync(self) -> int:
        """Index every manuscript changed since the last sync; returns how many."""
        ix = self._open()
        target = current_seq()
        if target <= self._seq:
            return 0
        changed = [
            mid
            for (mid,) in Manuscript.select(Manuscript.id)
            .where(Manuscript.change_seq > self._seq)
            .tuples()
        ]
        infos = load_infos(changed)
        bodies = Catalogue.originals([m for m in changed if m in infos])
        writer = ix.writer(limitmb=128)
        try:
            for mid in changed:
                if mid in infos:
                    writer.update_document(**index_text(infos[mid], bodies[mid]))
                else:  # trashed
                    writer.delete_by_term("mid", str(mid))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._write_state(self.path, target, self._library_id())
        self._seq = target
        return len(changed)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Build a complete new index beside the old one, then swap; returns documents."""
        progress = progress or Progress()
        seq = current_seq()
        new = self.path.with_name(f"{INDEX_DIR}.new-{os.getpid()}")
        shutil.rmtree(new, ignore_errors=True)
        new.mkdir(parents=True)
        try:
            count = self._build_into(new, progress)
            self._write_state(new, seq, self._library_id())
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        self.close()
        old = self.path.with_name(f"{INDEX_DIR}.old-{os.getpid()}")
        if self.path.exists():
            os.replace(self.path, old)
        os.replace(new, self.path)
        shutil.rmtree(old, ignore_errors=True)
        self._ix = whoosh_index.open_dir(str(self.path))
        self._seq = seq
        return count

    @staticmethod
    def _build_into(folder: Path, progress: Progress) -> int:
        ix = whoosh_index.create_in(str(folder), make_schema())
        infos = load_infos()
        ids = sorted(infos)
        writer = ix.writer(limitmb=256)
        try:
            for start in range(0, len(ids), BATCH):
                progress.update(start, len(ids), "建立检索索引")
                progress.check()
                chunk = ids[start : start + BATCH]
                for mid, body in Catalogue.originals(chunk).items():
                    writer.add_document(**index_text(infos[mid], body))
        except BaseException:
            writer.cancel()
            ix.close()
            raise
        progress.update(len(ids), len(ids), "写入检索索引")
        writer.commit()
        ix.close()
        return len(ids)
