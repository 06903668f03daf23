"""Index terms of folded text: CJK character unigrams and bigrams, and Latin/digit words.

Dictionary segmentation (jieba) misses names and sub-word strings (马鸿宾部 is one jieba
token, so 马鸿宾 is never found); every contiguous CJK string of length n ≥ 2 is instead
found through its n - 1 bigrams, and one character through its unigram, so no hit is
ever missed. Pure functions, no index: ``wenshi.search.store`` turns them into postings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
