"""Evaluating a query: exact matching, BM25F ranking, snippets and the concordance.

The index (``wenshi.search.store``) supplies the postings of tokens and of pairs of
neighbouring tokens (``wenshi.search.terms``). For one token, or two different ones, the
postings' frequencies are the exact occurrence counts; a longer term occurs where each of
its pairs starts one token after the one before, which the pairs' start positions prove
without reading any text. Only when one of its pairs is rare are the few documents holding
it confirmed on their folded text instead, which is cheaper than reading the positions of
its common pairs. Either way recall and precision equal a substring scan of the stored
text. Ranking is computed here from those exact counts: documents with a hit in the title
first, then BM25F over title and body.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from wenshi import workflow
from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.reading.document import PAGE_BREAK, page_of
from wenshi.search import querylang
from wenshi.search.documents import DocInfo
from wenshi.search.fold import fold
from wenshi.search.index import SearchIndex
from wenshi.search.store import Snapshot
from wenshi.search.terms import CJK_CLASS, WORD_CLASS, query_sequence

K1, B = 1.2, 0.75
TITLE_WEIGHT = 3.0
COMMON_SHARE = 0.5  # a term in more than this share of documents narrows nothing
# A term with a pair in at most this many documents is confirmed on their text: reading
# a few texts costs less than the start positions of its other, common pairs.
RARE_DOCS = 200
SNIPPET_WIDTH = 40
MAX_SNIPPETS = 3
SORTS = ("relevance", "volume", "date", "title")
_BETWEEN_CJK = re.compile(f"(?<=[{CJK_CLASS}])\\s+(?=[{CJK_CLASS}])")


@dataclass
class Snippet:
    """About 40 characters of the stored text; ``highlights`` are [start, end) in ``text``."""

    text: str
    highlights: list[tuple[int, int]]
    page: int | None = None  # the printed page of the first hit, for a paged text

    def marked(self, before: str = "【", after: str = "】") -> str:
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


@dataclass
class SearchHit:
    id: int
    title: str
    authors: list[str]
    volume: int | None
    section: str | None
    status: str
    status_label: str
    score: float
    hits: int  # title and body together
    body_hits: int  # the text's own: what the editor counts and marks when it is opened
    snippets: list[Snippet]
    title_highlights: list[tuple[int, int]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # the names of person:/place: it has

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["score"] = round(self.score, 4)
        data["snippets"] = [
            {"text": s.text, "highlights": s.highlights, "marked": s.marked(), "page": s.page}
            for s in self.snippets
        ]
        return data


@dataclass
class SearchResults:
    query: str
    total: int
    offset: int
    hits: list[SearchHit]
    # Matches per 辑 (None: in no volume) and per status, over all matches: the facets a
    # researcher narrows by.
    by_volume: dict[int | None, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    # Matches per decade their texts talk about (1930: the 1930s; a manuscript counts once
    # in each decade it mentions): the researcher's narrowing by period.
    by_decade: dict[int, int] = field(default_factory=dict)


@dataclass
class ConcordanceLine:
    id: int
    title: str
    field: str  # "title" or "body"
    offset: int
    page: int | None  # the printed page of the match, for a paged text
    before: str
    match: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def term_pattern(text: str, phrase: bool) -> re.Pattern[str]:
    """The regex that finds a folded query term in folded text: literal characters, any
    run of white space for a space inside a phrase, word boundaries at Latin/digit ends."""
    folded = fold(text).strip()
    parts = re.split(r"\s+", folded) if phrase else [folded]
    parts = [re.escape(p) for p in parts if p]
    word = re.compile(WORD_CLASS)
    if word.match(folded[:1]):
        # After the first literal part (fixed width), not before it: a pattern that starts
        # with a look-behind loses re's literal-prefix search and tries every position.
        parts[0] = f"{parts[0]}(?<!{WORD_CLASS}{parts[0]})"
    body = r"\s+".join(parts)
    if word.match(folded[-1:]):
        body += f"(?!{WORD_CLASS})"
    return re.compile(body)


class _Term:
    """One Text node, compiled."""

    def __init__(self, node: querylang.Text) -> None:
        # White space between two CJK characters means nothing (import removes it from
        # texts too): "人民 政协" finds 人民政协.
        value = _BETWEEN_CJK.sub("", node.value)
        self.folded = fold(value).strip()
        if not self.folded:
            raise InvalidValueError(_("检索式有误：检索词为空"))
        self.pattern = term_pattern(value, node.phrase)
        self.sequence = query_sequence(self.folded)


@dataclass
class _Scores:
    """A node's result over the id space: which manuscripts match, and their BM25F score
    and occurrences in the title (a title hit ranks first)."""

    mask: np.ndarray
    score: np.ndarray
    title: np.ndarray


class _Setup:
    """What a query needs that changes only with the index snapshot and the documents:
    the id of each document number, the universe, BM25F length norms, sort ranks."""

    def __init__(self, key: tuple, snapshot: Snapshot, infos: dict, include_rejected: bool):
        self.key = key
        size = max(infos, default=0) + 1
        self.size = size
        self.universe = np.zeros(size, dtype=bool)
        title_len = np.zeros(size)
        body_len = np.zeros(size)
        for mid, info in infos.items():
            if include_rejected or info.status != "rejected":
                self.universe[mid] = True
            title_len[mid] = len(info.title_folded)
            body_len[mid] = info.body_length
        self.n = max(int(self.universe.sum()), 1)
        avg_title = title_len[self.universe].sum() / self.n or 1.0
        avg_body = body_len[self.universe].sum() / self.n or 1.0
        self.title_norm = TITLE_WEIGHT / (1 - B + B * title_len / avg_title)
        self.body_norm = 1 / (1 - B + B * body_len / avg_body)
        mids = snapshot.mids()
        self.mid_of_doc = np.asarray(mids, dtype=np.int64) if mids else np.zeros(0, np.int64)
        # A document number may name a manuscript since trashed (gone from ``infos``).
        inside = self.mid_of_doc < size
        self.mid_of_doc[~inside] = 0
        self.live_doc = inside & self.universe[self.mid_of_doc]
        self.ranks: dict[str, np.ndarray] = {}

    def rank(self, sort: str, infos: dict) -> np.ndarray:
        """Each id's place in the ``volume``, ``date`` or ``title`` order."""
        if sort not in self.ranks:
            keys = {
                "volume": lambda m: infos[m].order,
                "date": lambda m: infos[m].received_date or "9999",
                "title": lambda m: infos[m].title,
            }[sort]
            ranks = np.zeros(self.size, dtype=np.int64)
            for place, mid in enumerate(sorted(infos, key=lambda m: (keys(m), m))):
                ranks[mid] = place
            self.ranks[sort] = ranks
        return self.ranks[sort]


class Evaluation:
    """One query evaluated against one snapshot of the index, as arrays over the ids."""

    def __init__(self, index: SearchIndex, query: str, include_rejected: bool) -> None:
        parsed = querylang.parse(query)
        looked_up: dict[tuple[str, str], list[str]] = {}

        def aliases(kind: str, name: str) -> list[str]:  # each entry read once a query
            if (kind, name) not in looked_up:
                looked_up[kind, name] = index.aliases(kind, name)
            return looked_up[kind, name]

        self.tree = querylang.expand_names(parsed, aliases)
        # The folded names person:/place: fields stand for, to tell which a hit has.
        self.names = {
            fold(name).strip()
            for f in querylang.name_fields(parsed)
            for name in aliases(f.name, f.value.strip())
        }
        self.index = index
        self.snapshot = index.snapshot()
        self.docs = index.docs
        self.infos = self.docs.infos
        key = (self.snapshot, self.docs.seq, include_rejected)
        cached = index.evaluation_cache
        if cached is None or cached.key[0] is not self.snapshot or cached.key[1:] != key[1:]:
            cached = _Setup(key, self.snapshot, self.infos, include_rejected)
            index.evaluation_cache = cached
        self.setup: _Setup = cached
        self.positive = [_Term(t) for t in querylang.positive_texts(self.tree)]
        self._pair_starts: dict[tuple[str, str], np.ndarray] = {}
        self.result = self._eval(self.tree)

    # -- postings --------------------------------------------------------------------------
    def _counts(self, fieldname: str, term: str) -> np.ndarray:
        """Occurrences of an index term in each manuscript of the universe."""
        setup = self.setup
        docs, freqs = self.snapshot.postings(fieldname, term)
        out = np.zeros(setup.size, dtype=np.int64)
        if len(docs):
            keep = setup.live_doc[docs]
            out[setup.mid_of_doc[docs[keep]]] = freqs[keep]
        return out

    def _starts(self, fieldname: str, pair: str) -> np.ndarray:
        key = (fieldname, pair)
        if key not in self._pair_starts:
            self._pair_starts[key] = self.snapshot.starts(fieldname, pair)
        return self._pair_starts[key]

    def _located(self, term: _Term, fieldname: str) -> np.ndarray:
        """Occurrences of three or more tokens (or of a pair that can overlap itself, 渐渐):
        it starts at token position p exactly when its i-th pair starts at p + i."""
        setup, sequence = self.setup, term.sequence
        pairs = sequence.pairs
        frequencies = [self.snapshot.doc_frequency(fieldname, p) for p in pairs]
        if min(frequencies) == 0:
            return np.zeros(setup.size, dtype=np.int64)
        if min(frequencies) <= RARE_DOCS:
            return self._confirmed(term, fieldname, frequencies)
        order = sorted(range(len(pairs)), key=frequencies.__getitem__)
        anchor = order[0]
        starts = self._starts(fieldname, pairs[anchor]) - anchor
        for i in order[1:]:
            if not len(starts):
                break
            other = self._starts(fieldname, pairs[i])
            wanted = starts + i
            found = np.minimum(np.searchsorted(other, wanted), len(other) - 1)
            starts = starts[other[found] == wanted]
        length = len(sequence.tokens)
        if len(starts) > 1 and (np.diff(starts) < length).any():
            starts = _without_overlaps(starts, length)
        docs = starts >> 32
        docs = docs[setup.live_doc[docs]]
        return np.bincount(setup.mid_of_doc[docs], minlength=setup.size)

    def _confirmed(self, term: _Term, fieldname: str, frequencies: list[int]) -> np.ndarray:
        """Occurrences of a term with a rare pair: the documents holding all its pairs that
        narrow anything, each confirmed on its text."""
        setup = self.setup
        candidates = setup.universe.copy()
        for df, pair in sorted(zip(frequencies, term.sequence.pairs, strict=True)):
            if df > setup.n * COMMON_SHARE:
                break
            candidates &= self._counts(fieldname, pair) > 0
        ids = np.flatnonzero(candidates).tolist()
        findall = term.pattern.findall
        if fieldname == "title":
            infos = self.infos
            texts = {mid: infos[mid].title_folded for mid in ids}
        else:
            texts = self.docs.load_bodies(ids)
        out = np.zeros(setup.size, dtype=np.int64)
        for mid in ids:
            found = len(findall(texts[mid]))
            if found:
                out[mid] = found
        return out

    def _field_counts(self, term: _Term, fieldname: str) -> np.ndarray:
        tokens, pairs = term.sequence.tokens, term.sequence.pairs
        if len(tokens) == 1:
            return self._counts(fieldname, tokens[0])
        if len(tokens) == 2 and tokens[0] != tokens[1]:
            return self._counts(fieldname, pairs[0])
        return self._located(term, fieldname)

    def _text_scores(self, node: querylang.Text) -> _Scores:
        term = _Term(node)
        setup = self.setup
        title = self._field_counts(term, "title")
        body = self._field_counts(term, "body")
        mask = ((title > 0) | (body > 0)) & setup.universe
        df = int(mask.sum())
        idf = math.log(1 + (setup.n - df + 0.5) / (df + 0.5))
        tf = title * setup.title_norm + body * setup.body_norm
        score = np.where(mask, idf * (K1 + 1) * tf / (tf + K1), 0.0)
        return _Scores(mask, score, np.where(mask, title, 0))

    # -- the tree --------------------------------------------------------------------------
    @staticmethod
    def _field_predicate(node: querylang.Field) -> Callable[[DocInfo], bool]:
        name, value = node.name, fold(node.value).strip()
        if name == "title":
            return lambda info: value in info.title_folded
        if name == "author":
            return lambda info: value in info.people_folded
        if name == "section":
            return lambda info: value in info.section_folded
        if name == "tag":
            return lambda info: value in info.tags
        if name == "status":
            status = workflow.parse_status(node.value)
            return lambda info: info.status == status
        low, high = node.low, node.high
        if name == "period":
            return lambda info: any(a <= high and low <= b for a, b in info.periods)
        if name == "volume":
            return lambda info: info.volume is not None and low <= info.volume <= high
        return lambda info: info.year is not None and low <= info.year <= high

    def _empty(self, mask: np.ndarray) -> _Scores:
        zeros = np.zeros(self.setup.size)
        counts = np.zeros(self.setup.size, dtype=np.int64)
        return _Scores(mask, zeros, counts)

    def _eval(self, node: querylang.Node) -> _Scores:
        setup = self.setup
        if isinstance(node, querylang.Text):
            return self._text_scores(node)
        if isinstance(node, querylang.Field):
            matches = self._field_predicate(node)
            mask = np.zeros(setup.size, dtype=bool)
            for mid in np.flatnonzero(setup.universe).tolist():
                mask[mid] = matches(self.infos[mid])
            return self._empty(mask)
        if isinstance(node, querylang.Not):
            return self._empty(setup.universe & ~self._eval(node.child).mask)
        # The same term twice (灵武 靈武 fold alike) matches the same places: score it once.
        distinct: dict[object, querylang.Node] = {}
        for child in node.children:
            distinct.setdefault(_term_key(child), child)
        parts = [self._eval(child) for child in distinct.values()]
        masks = [part.mask for part in parts]
        mask = (
            np.logical_and.reduce(masks)
            if isinstance(node, querylang.And)
            else np.logical_or.reduce(masks)
        )
        return _Scores(
            mask,
            np.where(mask, sum(part.score for part in parts), 0.0),
            np.where(mask, sum(part.title for part in parts), 0),
        )

    # -- results ---------------------------------------------------------------------------
    def ordered(self, sort: str) -> list[int]:
        if sort not in SORTS:
            raise InvalidValueError(
                _("未知的排序方式“{sort}”；可用：{join}").format(sort=sort, join="、".join(SORTS))
            )
        result = self.result
        mids = np.flatnonzero(result.mask)
        if sort == "relevance":
            keys = (mids, -result.score[mids], result.title[mids] == 0)
        else:
            keys = (mids, self.setup.rank(sort, self.infos)[mids])
        return mids[np.lexsort(keys)].tolist()

    def score_of(self, mid: int) -> float:
        """BM25F score of one matching manuscript."""
        return float(self.result.score[mid])

    def names_in(self, *texts: tuple[str, str, list[tuple[int, int]]]) -> list[str]:
        """Which names of the query's person:/place: entries stand in these (original,
        folded, spans of the hits) texts, each as the text writes it: 馬鴻賓 where it says
        馬鴻賓, though the list has it as 马鸿宾 (they fold alike)."""
        if not self.names:
            return []
        found: dict[str, None] = {}
        for original, folded, spans in texts:
            for start, end in spans:
                if folded[start:end] in self.names:
                    found.setdefault(original[start:end])
        return list(found)

    def spans(self, folded: str) -> list[tuple[int, int]]:
        return _spans(self.positive, folded)


def _term_key(node: querylang.Node) -> object:
    """What makes two nodes match the same places: a term's pattern, else the node."""
    if isinstance(node, querylang.Text):
        return term_pattern(node.value, node.phrase).pattern
    return id(node)


def _without_overlaps(starts: np.ndarray, length: int) -> np.ndarray:
    """Leftmost non-overlapping occurrences, as a regex finds them, of a term ``length``
    tokens long, from its ascending ``docnum << 32 | position`` starts."""
    kept: list[int] = []
    last_doc, last_end = -1, 0
    for key in starts.tolist():
        doc, position = key >> 32, key & 0xFFFFFFFF
        if doc != last_doc or position >= last_end:
            kept.append(key)
            last_doc, last_end = doc, position + length
    return np.asarray(kept, dtype=np.int64)


def _spans(terms: list[_Term], folded: str) -> list[tuple[int, int]]:
    """Non-overlapping [start, end) spans of every term, in text order."""
    found: list[tuple[int, int]] = []
    for term in terms:
        found += [m.span() for m in term.pattern.finditer(folded)]
    found.sort(key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            continue
        merged.append((start, end))
    return merged


def highlight_spans(
    query: str,
    text: str,
    aliases: Callable[[str, str], list[str]] = lambda kind, name: [name],
) -> list[tuple[int, int]]:
    """Where the query's (non-negated) terms occur in ``text``: for showing a document with
    its hits marked, exactly as search counted them (``aliases`` as the index's)."""
    tree = querylang.expand_names(querylang.parse(query), aliases)
    terms = [_Term(t) for t in querylang.positive_texts(tree)]
    return _spans(terms, fold(text))


def _snippets(
    original: str, spans: list[tuple[int, int]], first_page: int | None = None
) -> list[Snippet]:
    out: list[Snippet] = []
    covered = -1
    for start, end in spans:
        if start < covered:
            continue
        left = max(
            0, min(start - (SNIPPET_WIDTH - (end - start)) // 2, len(original) - SNIPPET_WIDTH)
        )
        right = min(len(original), max(left + SNIPPET_WIDTH, end))
        inside = [(s - left, e - left) for s, e in spans if s >= left and e <= right]
        text = original[left:right].replace("\n", " ")
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(original) else ""
        shift = len(prefix)
        text = text.replace(PAGE_BREAK, " ")
        marks = [(s + shift, e + shift) for s, e in inside]
        out.append(Snippet(prefix + text + suffix, marks, page_of(original, start, first_page)))
        covered = right
        if len(out) == MAX_SNIPPETS:
            break
    return out


def search(
    index: SearchIndex,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    include_rejected: bool = False,
    sort: str = "relevance",
    facets: bool = False,
) -> SearchResults:
    """Ranked results with snippets; ``limit`` 0 returns every match; ``facets`` adds the
    counts per 辑 and per state (what the GUI offers to narrow by)."""
    if limit < 0 or offset < 0:
        raise InvalidValueError(_("--limit 和 --offset 不能为负数"))
    ev = Evaluation(index, query, include_rejected)
    order = ev.ordered(sort)
    page = order[offset : offset + limit] if limit else order[offset:]
    originals = ev.docs.originals(page)
    bodies = ev.docs.bodies(page)
    hits = []
    for mid in page:
        info = ev.infos[mid]
        # Each place once, as it is marked: 武 inside 灵武 (query 灵武 武) is one hit.
        in_body, in_title = ev.spans(bodies[mid]), ev.spans(info.title_folded)
        hits.append(
            SearchHit(
                id=mid,
                title=info.title,
                authors=info.authors,
                volume=info.volume,
                section=info.section,
                status=info.status,
                status_label=workflow.label(info.status),
                score=ev.score_of(mid),
                hits=len(in_title) + len(in_body),
                body_hits=len(in_body),
                snippets=_snippets(originals[mid], in_body, info.first_page),
                title_highlights=[s for s in in_title if s[1] <= len(info.title)],
                names=ev.names_in(
                    (originals[mid], bodies[mid], in_body),
                    (info.title_text, info.title_folded, in_title),
                ),
            )
        )
    infos = ev.infos
    by_volume = Counter([infos[m].volume for m in order]) if facets else Counter()
    by_status = Counter([infos[m].status for m in order]) if facets else Counter()
    by_decade = (
        Counter(d for m in order for d in decades(infos[m].periods)) if facets else Counter()
    )
    return SearchResults(
        query=query,
        total=len(order),
        offset=offset,
        hits=hits,
        by_volume=dict(by_volume),
        by_status=dict(by_status),
        by_decade=dict(sorted(by_decade.items())),
    )


def decades(periods: list[tuple[int, int]]) -> set[int]:
    """The decades (1930 for the 1930s) some year of ``periods`` falls in."""
    return {d for a, b in periods for d in range(a - a % 10, b + 1, 10)}


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace(PAGE_BREAK, " ")


def concordance(
    index: SearchIndex,
    query: str,
    *,
    include_rejected: bool = False,
    context: int = 20,
) -> list[ConcordanceLine]:
    """Every occurrence of the query's terms in every matching document, with context,
    in volume order."""
    ev = Evaluation(index, query, include_rejected)
    order = ev.ordered("volume")
    lines: list[ConcordanceLine] = []
    for start in range(0, len(order), 200):
        chunk = order[start : start + 200]
        originals = ev.docs.originals(chunk)
        bodies = ev.docs.bodies(chunk)
        for mid in chunk:
            info = ev.infos[mid]
            for fieldname, original, folded in (
                ("title", info.title_text, info.title_folded),
                ("body", originals[mid], bodies[mid]),
            ):
                for s, e in ev.spans(folded):
                    lines.append(
                        ConcordanceLine(
                            id=mid,
                            title=info.title,
                            field=fieldname,
                            offset=s,
                            page=page_of(original, s, info.first_page)
                            if fieldname == "body"
                            else info.first_page,
                            before=_one_line(original[max(0, s - context) : s]),
                            match=original[s:e],
                            after=_one_line(original[e : e + context]),
                        )
                    )
    return lines
