"""All of whoosh, behind a small interface: create, open, write and read postings.

The rest of wenshi sees documents (a manuscript id, a folded title, a folded body) going
in, and coming out per term: how many documents hold it and, for each, how often
(``Snapshot.doc_frequency``, ``Snapshot.postings``) and, for a pair of tokens, at which
token positions it starts (``Snapshot.starts``). Nothing else imports whoosh.

The index format is defined here too: ``NgramField`` stores the terms of
``wenshi.search.terms`` — each token with its frequency, each pair of neighbouring tokens
with its frequency and its start positions — and ``PairsCodec`` writes them in whoosh's
W3 blocks with the positions kept raw after each block's compressed ids and frequencies
(little-endian uint16, or uint32 in a field of more than 65,535 tokens). whoosh pickles
the field and codec classes into the index's table of contents, so this module path is
part of the format: moving it means bumping ``FORMAT``, which makes every library rebuild
its index.

The block format and the fast reads lean on whoosh-reloaded 2.7.5's block writer and leaf
matcher (``_PairsPostingsWriter`` copies its ``_write_block`` with the one change; the
reads take a block's ids, weights — which ``NgramField`` sets to the frequency — and
positions at once instead of one call per posting: several times faster for a term in
most documents). The version is pinned in pyproject.toml; ``Snapshot.postings_public``
and ``Snapshot.starts_public`` give the same through whoosh's public matcher API, and
``tests/core/test_search_store.py`` checks that both agree on an index with several
segments and deletions.
"""

from __future__ import annotations

import mmap
import pickle
import struct
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import whoosh
from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer, Token
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
    W3TermsReader,
)
from whoosh.fields import ID, FieldType, Schema
from whoosh.filedb.structfile import StructFile
from whoosh.formats import Frequency
from whoosh.matching import ListMatcher
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.util.numeric import length_to_byte
from whoosh.writing import NO_MERGE

from wenshi.search.terms import index_terms

FORMAT = 3  # what the index holds and how: bump on any change, old indexes are rebuilt
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
        counts, starts = index_terms(value)
        terms = [t for t, n in counts.items() for _ in range(n)]
        terms += [t for t, where in starts.items() for _ in where]
        for pos, term in enumerate(terms):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token


class NgramFormat(Frequency):
    """Frequencies (kept as the posting's weight) and values of any length: a pair's
    start positions, nothing for a token."""

    posting_size = -1


class NgramField(FieldType):
    """A scorable field of tokens and pairs of tokens, with frequencies, pairs with their
    start positions. ``index`` counts terms itself instead of streaming whoosh Token
    objects: the same postings, several times faster."""

    def __init__(self) -> None:
        self.analyzer = NgramAnalyzer()
        self.format = NgramFormat()
        self.scorable = True
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: str, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        counts, starts = index_terms(value)
        for term, freq in counts.items():
            yield term.encode("utf-8"), freq, float(freq), b""
        code = "H" if sum(counts.values()) <= 0xFFFF else "I"
        for term, where in starts.items():
            yield term.encode("utf-8"), len(where), float(len(where)), _packed(code, where)


def _packed(code: str, positions: list[int]) -> bytes:
    packed = array(code, positions)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpacked(blob: bytes, count: int) -> np.ndarray:
    """The positions of one posting (``count`` of them), as int64."""
    dtype = "<u2" if len(blob) == 2 * count else "<u4"
    return np.frombuffer(blob, dtype=dtype).astype(np.int64)


# -- the block format: arrays, not pickles -----------------------------------------------
_HEADER = struct.Struct("<IBBB")  # first id; widths of id gaps, frequencies, positions


class _PairsPostingsWriter(W3PostingsWriter):
    """whoosh 2.7.5's block writer, except for the postings of an ``NgramField``: their
    block holds arrays — the first id, the gaps to the next ids, the frequencies and every
    posting's start positions, each little-endian in the narrowest of 1, 2 or 4 bytes
    that fits — where whoosh pickles tuples of Python numbers and one bytes object per
    posting, compressed (pickle protocol 2 writes bytes as a latin-1 string each). Reading
    a block is then a few numpy views instead of unpickling thousands of objects, and
    reading frequencies never decodes positions."""

    def _write_block(self, last: bool = False) -> None:
        if not isinstance(self._format, NgramFormat):
            super()._write_block(last)
            return
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = np.asarray(self._ids, dtype=np.int64)
        gaps = np.diff(ids)
        freqs = np.asarray(self._weights, dtype=np.float64).astype(np.int64)
        gap_width, freq_width = _width(gaps), _width(freqs)
        position_width, positions = _block_positions(self._values, freqs)
        data = b"".join(
            (
                _HEADER.pack(int(ids[0]), gap_width, freq_width, position_width),
                gaps.astype(f"<u{gap_width}").tobytes(),
                freqs.astype(f"<u{freq_width}").tobytes(),
                positions,
            )
        )
        info = pickle.dumps(
            (
                len(ids),
                int(ids[-1]),
                self._maxweight,
                0,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        length = len(info) + len(data)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


def _width(values: np.ndarray) -> int:
    """Bytes per value: 1, 2 or 4."""
    top = int(values.max()) if len(values) else 0
    return 1 if top < 0x100 else 2 if top < 0x10000 else 4


def _block_positions(values: list[bytes], freqs: np.ndarray) -> tuple[int, bytes]:
    """The positions of a block's postings in one width (0: a block of tokens, which have
    none): 2 bytes each unless a field of more than 65,535 tokens needs 4."""
    if not values:
        return 0, b""
    if all(len(v) == 2 * c for v, c in zip(values, freqs.tolist(), strict=True)):
        return 2, b"".join(values)
    wide = [_unpacked(v, c) for v, c in zip(values, freqs.tolist(), strict=True)]
    return 4, np.concatenate(wide).astype("<u4").tobytes()


class _PairsMatcher(W3LeafMatcher):
    """Reads the blocks ``_PairsPostingsWriter`` writes, through whoosh's matcher
    interface (``id``, ``weight``, ``value``) and, for the fast reads, as arrays
    (``block_arrays``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._arrays = isinstance(self.format, NgramFormat)

    def _read_data(self) -> None:
        if not self._arrays:
            super()._read_data()
            return
        n = self._blocklength
        length = self._nextoffset - self._dataoffset
        block = memoryview(self._postfile.get(self._dataoffset, length))
        first, gap_width, freq_width, self._position_width = _HEADER.unpack_from(block)
        at = _HEADER.size
        ids = np.empty(n, dtype=np.int64)
        ids[0] = first
        np.cumsum(np.frombuffer(block, f"<u{gap_width}", n - 1, at), out=ids[1:])
        ids[1:] += first
        at += (n - 1) * gap_width
        freqs = np.frombuffer(block, f"<u{freq_width}", n, at).astype(np.int64)
        at += n * freq_width
        self._data = (ids, freqs, block[at:])

    def _read_ids(self) -> None:
        if not self._arrays:
            super()._read_ids()
            return
        if self._data is None:
            self._read_data()
        self._ids = self._data[0].tolist()

    def _read_weights(self) -> None:
        if not self._arrays:
            super()._read_weights()
            return
        if self._data is None:
            self._read_data()
        self._weights = self._data[1].tolist()

    def _read_values(self) -> None:
        if not self._arrays:
            super()._read_values()
            return
        ids, freqs, positions, width = self.block_arrays()
        if not width:
            self._values = (b"",) * len(ids)
            return
        ends = np.cumsum(freqs * width).tolist()
        raw = bytes(positions)
        self._values = tuple(raw[start:end] for start, end in zip([0, *ends], ends, strict=False))

    def block_arrays(self) -> tuple[np.ndarray, np.ndarray, memoryview, int]:
        """This block as arrays: ids, frequencies, every posting's positions one after
        the other (bytes) and their width (0: none)."""
        if self._data is None:
            self._read_data()
        ids, freqs, positions = self._data
        return ids, freqs, positions, self._position_width


def _mapped(structfile: StructFile) -> StructFile:
    """The same file read through a memory map: whoosh seeks and reads a few bytes at a
    time (block headers, pickles), each a system call on a plain file."""
    plain = structfile.file
    try:
        mapping = mmap.mmap(plain.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # empty, or not a real file: read it as it is
        return structfile
    return StructFile(mapping, name=structfile._name, onclose=lambda _f: plain.close())


class PairsCodec(W3Codec):
    """whoosh's W3 codec with ``_PairsPostingsWriter`` blocks, its term and postings files
    read through memory maps."""

    def terms_reader(self, storage, segment) -> W3TermsReader:
        name = segment.make_filename(self.TERMS_EXT)
        terms = _mapped(storage.open_file(name))
        postings = _mapped(segment.open_file(storage, self.POSTS_EXT))
        return W3TermsReader(self, terms, storage.file_length(name), postings)

    def postings_writer(self, dbfile, byteids: bool = False) -> W3PostingsWriter:
        return _PairsPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():  # one posting, kept in the term's info as whoosh does
            ids, weights, values = terminfo.inlined_postings()
            return ListMatcher(
                ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo
            )
        offset, length = terminfo.extent()
        return _PairsMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


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
        self._leaves = [
            (leaf, offset, _deleted(leaf)) for leaf, offset in self._reader.leaf_readers()
        ]
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

    def postings(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers holding ``term`` in ``field`` (deleted ones left out) and its
        frequency in each."""
        if not FAST_PATH:
            return self.postings_public(field, term)
        docnums: list[np.ndarray] = []
        freqs: list[np.ndarray] = []
        for matcher, offset, deleted in self._leaf_matchers(field, term):
            if type(matcher) is not _PairsMatcher or not matcher._arrays:
                docs, counts = self._read_public(matcher, offset, deleted)
                docnums.append(docs)
                freqs.append(counts)
                continue
            while matcher.is_active():
                ids, counts, _positions, _width = matcher.block_arrays()
                if deleted is not None:
                    keep = ~np.isin(ids, deleted)
                    ids, counts = ids[keep], counts[keep]
                docnums.append(ids + offset)
                freqs.append(counts)
                matcher._next_block()
        return _joined(docnums), _joined(freqs)

    def starts(self, field: str, term: str) -> np.ndarray:
        """Where a pair of tokens starts: ``docnum << 32 | position`` for each occurrence,
        ascending (deleted documents left out)."""
        if not FAST_PATH:
            return self.starts_public(field, term)
        parts: list[np.ndarray] = []
        for matcher, offset, deleted in self._leaf_matchers(field, term):
            if type(matcher) is not _PairsMatcher or not matcher._arrays:
                parts.append(self._starts_public(matcher, offset, deleted))
                continue
            while matcher.is_active():
                ids, counts, positions, width = matcher.block_arrays()
                docs = np.repeat(ids, counts)
                where = np.frombuffer(positions, dtype="<u2" if width == 2 else "<u4")
                if deleted is not None:
                    keep = ~np.isin(docs, deleted)
                    docs, where = docs[keep], where[keep]
                parts.append(((docs + offset) << 32) | where)
                matcher._next_block()
        return _joined(parts)

    def _leaf_matchers(self, field: str, term: str) -> Iterator[tuple[object, int, object]]:
        """Each segment's matcher of ``term``, its first document number and its deleted
        document numbers (an array, or None)."""
        for leaf, offset, deleted in self._leaves:
            try:
                matcher = leaf.postings(field, term)
            except TermNotFound:
                continue
            if deleted is not None:
                matcher = matcher.child  # the leaf under whoosh's FilterMatcher
            yield matcher, offset, deleted

    def starts_public(self, field: str, term: str) -> np.ndarray:
        """``starts`` through whoosh's public matcher API only."""
        try:
            matcher = self._reader.postings(field, term)
        except TermNotFound:
            return np.empty(0, dtype=np.int64)
        return self._starts_public(matcher, 0, None)

    @staticmethod
    def _starts_public(matcher, offset: int, deleted) -> np.ndarray:
        gone = set() if deleted is None else set(deleted.tolist())
        parts = []
        while matcher.is_active():
            docnum = matcher.id()
            if docnum not in gone:
                where = _unpacked(matcher.value(), int(matcher.weight()))
                parts.append(((docnum + offset) << 32) | where)
            matcher.next()
        return _joined(parts)

    def postings_public(self, field: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """``postings`` through whoosh's public matcher API only (one call per posting)."""
        try:
            matcher = self._reader.postings(field, term)
        except TermNotFound:
            return _joined([]), _joined([])
        return self._read_public(matcher, 0, None)

    @staticmethod
    def _read_public(matcher, offset: int, deleted) -> tuple[np.ndarray, np.ndarray]:
        gone = set() if deleted is None else set(deleted.tolist())
        docnums: list[int] = []
        freqs: list[int] = []
        while matcher.is_active():
            docnum = matcher.id()
            if docnum not in gone:
                docnums.append(docnum + offset)
                freqs.append(int(matcher.weight()))
            matcher.next()
        return np.asarray(docnums, dtype=np.int64), np.asarray(freqs, dtype=np.int64)


MERGE_BELOW = 100  # documents: larger segments are never merged into another
MERGE_WIDTH = 5  # segments of one size class merged together


def merge_tiers(writer, segments: list) -> list:
    """whoosh merge policy: once ``MERGE_WIDTH`` segments of under ``MERGE_BELOW``
    documents share a size class (1–9, 10–99 documents), merge them into one. Every edit
    commits a segment of one document; this keeps their number small while a merge never
    rewrites more than a few hundred documents. (whoosh's own MERGE_SMALL merged all
    twelve segments of a rebuilt 40 M-character library into one on the fifth edit: three
    minutes.)"""
    tiers: dict[int, list] = {}
    for segment in segments:
        count = segment.doc_count_all()
        if count < MERGE_BELOW:
            tiers.setdefault(len(str(count)), []).append(segment)
    merged = {id(s) for tier in tiers.values() if len(tier) >= MERGE_WIDTH for s in tier}
    for segment in segments:
        if id(segment) in merged:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return [s for s in segments if id(s) not in merged]


def _deleted(leaf) -> np.ndarray | None:
    """A segment's deleted document numbers, or None if it has none (whoosh then hands
    out its matchers unwrapped)."""
    deleted = leaf.deleted_docs_set if leaf.has_deletions() else None
    return np.fromiter(sorted(deleted), dtype=np.int64) if deleted else None


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


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
    def writer(self, limitmb: int = 128, merge: bool = True) -> Iterator[DocWriter]:
        """A writer whose documents are committed when the block ends, or none of them;
        ``merge`` merges small segments (``merge_tiers``), False leaves them all."""
        # Segments stay separate files: whoosh reads a compound segment file by copying
        # each part into memory, every time a snapshot opens it (165 ms a refresh at 40 M).
        writer = self._ix.writer(limitmb=limitmb, codec=PairsCodec(), compound=False)
        try:
            yield DocWriter(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=merge_tiers if merge else NO_MERGE)

    def segment_sizes(self) -> list[int]:
        """Documents (deleted ones included) of each segment, smallest first."""
        return sorted(s.doc_count_all() for s in self._ix._segments())

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
