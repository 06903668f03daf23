"""All of whoosh, behind a small interface: create, open, write and read postings.

The rest of wenshi sees documents (a manuscript id, a folded title, a folded body) going
in, and coming out per term: how many documents hold it and, for each, how often
(``Snapshot.doc_frequency``, ``Snapshot.postings``). Nothing else imports whoosh.

The index format is defined here too: ``NgramField`` stores the terms of
``wenshi.search.terms`` with their frequencies (whoosh pickles the field class into the
index's table of contents, so this module path is part of the format: moving it means
bumping ``FORMAT``, which makes every library rebuild its index).

One private fast path is kept for speed: a leaf matcher of whoosh-reloaded 2.7.5 is read a
block at a time (ids and weights, which ``NgramField`` sets to the frequency) instead of one
call per posting — several times faster for a term in most documents. The version is pinned
in pyproject.toml, ``Snapshot.postings_public`` is the same through the public API, and
``tests/core/test_search_store.py`` checks that both agree on an index with several
segments and deletions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import whoosh
from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer, Token
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.fields import ID, FieldType, Schema
from whoosh.formats import Frequency
from whoosh.reading import TermNotFound
from whoosh.system import pack_uint

from wenshi.search.terms import iter_terms

FORMAT = 2  # what the index holds and how: bump on any change, old indexes are rebuilt
WRITTEN_FOR = (2, 7, 5)  # the whoosh-reloaded whose matcher internals the fast path reads
FAST_PATH = tuple(whoosh.__version__[:3]) == WRITTEN_FOR


class NgramAnalyzer(Analyzer):
    """The terms as whoosh tokens, for any whoosh tool that asks the field's analyzer."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, term in enumerate(iter_terms(value)):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token


class NgramField(FieldType):
    """A scorable field of n-gram terms with frequencies. ``index`` counts terms with a
    Counter instead of streaming whoosh Token objects: same postings, several times faster."""

    def __init__(self) -> None:
        self.analyzer = NgramAnalyzer()
        self.format = Frequency()
        self.scorable = True
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: str, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        for term, freq in Counter(iter_terms(value)).items():
            yield term.encode("utf-8"), freq, float(freq), pack_uint(freq)


def _schema() -> Schema:
    return Schema(
        mid=ID(stored=True, unique=True, sortable=True), title=NgramField(), body=NgramField()
    )


class DocWriter:
    """Adds, replaces and deletes documents; committed as one when the block ends."""

    def __init__(self, writer) -> None:
        self._writer = writer

    def add(self, mid: int, title: str, body: str) -> None:
        self._writer.add_document(mid=str(mid), title=title, body=body)

    def replace(self, mid: int, title: str, body: str) -> None:
        self._writer.update_document(mid=str(mid), title=title, body=body)

    def delete(self, mid: int) -> None:
        self._writer.delete_by_term("mid", str(mid))


class Snapshot:
    """A consistent view of the index for reading postings."""

    def __init__(self, searcher) -> None:
        self._searcher = searcher
        self._reader = searcher.reader()
        self._leaves = self._reader.leaf_readers()
        self._mids: list[int] | None = None

    @property
    def generation(self) -> int:
        return self._reader.generation()

    def close(self) -> None:
        self._searcher.close()

    def doc_count(self) -> int:
        return self._reader.doc_count()

    def mids(self) -> list[int]:
        """The manuscript id of every document number (deleted ones included)."""
        if self._mids is None:
            if self._reader.doc_count_all() == 0:
                self._mids = []  # an empty index has no columns
            else:
                self._mids = [int(v) for v in self._reader.column_reader("mid")]
        return self._mids

    def doc_frequency(self, field: str, term: str) -> int:
        """How many documents hold ``term`` in ``field``."""
        return self._reader.doc_frequency(field, term)

    def postings(self, field: str, term: str) -> tuple[list[int], list[int]]:
        """Document numbers holding ``term`` in ``field`` (deleted ones left out) and its
        frequency in each."""
        if not FAST_PATH:
            return self.postings_public(field, term)
        docnums: list[int] = []
        freqs: list[int] = []
        for leaf, offset in self._leaves:
            try:
                matcher = leaf.postings(field, term)
            except TermNotFound:
                continue
            deleted = leaf.deleted_docs_set if leaf.has_deletions() else None
            if deleted:
                matcher = matcher.child  # the leaf under whoosh's FilterMatcher
            if type(matcher) is not W3LeafMatcher:
                self._read_public(matcher, offset, deleted, docnums, freqs)
                continue
            while matcher.is_active():
                matcher._read_ids()
                matcher._read_weights()
                ids, weights = matcher._ids, matcher._weights
                if deleted:
                    pairs = [(d, w) for d, w in zip(ids, weights, strict=True) if d not in deleted]
                    docnums += [d + offset for d, _w in pairs]
                    freqs += [int(w) for _d, w in pairs]
                else:
                    docnums += [d + offset for d in ids]
                    freqs += map(int, weights)
                matcher._next_block()
        return docnums, freqs

    def postings_public(self, field: str, term: str) -> tuple[list[int], list[int]]:
        """``postings`` through whoosh's public matcher API only (one call per posting)."""
        docnums: list[int] = []
        freqs: list[int] = []
        try:
            matcher = self._reader.postings(field, term)
        except TermNotFound:
            return docnums, freqs
        self._read_public(matcher, 0, None, docnums, freqs)
        return docnums, freqs

    @staticmethod
    def _read_public(matcher, offset, deleted, docnums: list[int], freqs: list[int]) -> None:
        while matcher.is_active():
            docnum = matcher.id()
            if not deleted or docnum not in deleted:
                docnums.append(docnum + offset)
                freqs.append(int(matcher.weight()))
            matcher.next()


class IndexStore:
    """One whoosh index folder."""

    def __init__(self, ix) -> None:
        self._ix = ix

    @classmethod
    def create(cls, folder: Path) -> IndexStore:
        return cls(whoosh_index.create_in(str(folder), _schema()))

    @classmethod
    def open(cls, folder: Path) -> IndexStore:
        """Open an index; any whoosh failure on a damaged one is raised as it comes."""
        ix = whoosh_index.open_dir(str(folder))
        ix.schema  # noqa: B018 - reading the TOC proves the index is readable
        return cls(ix)

    @contextmanager
    def writer(self, limitmb: int = 128) -> Iterator[DocWriter]:
        """A writer whose documents are committed when the block ends, or none of them."""
        writer = self._ix.writer(limitmb=limitmb)
        try:
            yield DocWriter(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def snapshot(self, previous: Snapshot | None = None) -> Snapshot:
        """A view of the newest index: ``previous`` itself if nothing changed since. (Not
        whoosh's ``Searcher.refresh``: it reuses segment readers whose deletions are
        stale, so a document deleted since would still be found.)"""
        if previous is not None and previous.generation == self._ix.latest_generation():
            return previous
        if previous is not None:
            previous.close()
        return Snapshot(self._ix.searcher())

    def close(self) -> None:
        self._ix.close()
