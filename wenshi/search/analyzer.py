"""Index terms of folded text: CJK character unigrams and bigrams, and Latin/digit words.

This module path must never move: whoosh pickles ``NgramField`` and ``NgramAnalyzer`` into
the index's table of contents, and an index is only readable while they import from here.

Dictionary segmentation (jieba) misses names and sub-word strings (马鸿宾部 is one jieba
token, so 马鸿宾 is never found); every contiguous CJK string of length n ≥ 2 is instead
found through its n - 1 bigrams, and one character through its unigram, so no hit is
ever missed. Postings carry frequencies but no positions: a string of three or more
characters is confirmed against the stored text, which is cheaper than positions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from whoosh.analysis import Analyzer, Token
from whoosh.fields import FieldType
from whoosh.formats import Frequency
from whoosh.system import pack_uint

# Characters indexed as n-grams: Han of every block, 〇, kana, Hangul syllables and jamo.
CJK_CLASS = (
    "\u3007\u3041-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\U00020000-\U000323af"
)
# A word character that is not CJK: letters and digits of every other script.
WORD_CLASS = rf"[^\W_{CJK_CLASS}]"
_TERMS = re.compile(rf"(?P<cjk>[{CJK_CLASS}]+)|(?P<word>{WORD_CLASS}+)")


def iter_terms(folded: str) -> Iterator[str]:
    """Every index term of ``folded`` text, with repeats, in text order."""
    for match in _TERMS.finditer(folded):
        run = match.group()
        if match.lastgroup == "word":
            yield run
            continue
        yield from run
        for i in range(len(run) - 1):
            yield run[i : i + 2]


def query_terms(folded: str) -> list[str]:
    """The terms a document must contain for ``folded`` to occur in it: unigram for a
    single CJK character, the bigrams of a longer run, each Latin/digit word."""
    out: list[str] = []
    for match in _TERMS.finditer(folded):
        run = match.group()
        if match.lastgroup == "word" or len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(out))


class NgramAnalyzer(Analyzer):
    """The same terms as whoosh tokens, for any whoosh tool that asks the field's analyzer."""

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
