"""Benchmark count_text on ~4,000,000 characters of synthetic 文史 text.

Run from the repository root: ``python bench/wordcount.py``. The target is 4 M characters in
well under 1 s; the per-character loop below is the baseline the regex version must beat,
and it also checks that both give the same figures.
"""

from __future__ import annotations

import sys
import time
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import generate_articles
from wenshi.text.wordcount import (
    _DASHES,
    _EAST_ASIAN_NON_HAN,
    _HAN,
    _REMOVED,
    Counts,
    count_text,
)

ARTICLES = 1000
CHARS_PER_ARTICLE = 4000
REPEAT = 5
TARGET_SECONDS = 1.0

# Character kinds for the baseline, looked up by bisecting sorted range starts.
REMOVED, HAN, EAST_ASIAN, DASH, OTHER = range(5)
_RANGES = sorted(
    [(lo, hi, REMOVED) for lo, hi in _REMOVED]
    + [(lo, hi, HAN) for lo, hi in _HAN]
    + [(lo, hi, EAST_ASIAN) for lo, hi in _EAST_ASIAN_NON_HAN]
    + [(lo, hi, DASH) for lo, hi in _DASHES]
)
_STARTS = [lo for lo, _, _ in _RANGES]


def _kind(ch: str) -> int:
    cp = ord(ch)
    i = bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _RANGES[i][1]:
        return _RANGES[i][2]
    return OTHER


def naive_count(text: str) -> Counts:
    """The obvious implementation: classify every character in a Python loop."""
    cjk = non_cjk_words = han = no_spaces = with_spaces = paragraphs = 0
    in_word = line_has_text = False
    for ch in text:
        kind = _kind(ch)
        if kind == REMOVED:
            continue
        if ch in "\r\n":
            paragraphs += line_has_text
            in_word = line_has_text = False
            continue
        with_spaces += 1
        if ch.isspace():
            in_word = False
            continue
        no_spaces += 1
        line_has_text = True
        if kind in (HAN, EAST_ASIAN):
            cjk += 1
            han += kind == HAN
            in_word = False
        elif kind == DASH:
            in_word = False
        elif not in_word:
            non_cjk_words += 1
            in_word = True
    paragraphs += line_has_text
    return Counts(
        words=cjk + non_cjk_words,
        cjk=cjk,
        non_cjk_words=non_cjk_words,
        han=han,
        chars_no_spaces=no_spaces,
        chars_with_spaces=with_spaces,
        paragraphs=paragraphs,
    )


def best_of(repeat: int, func: Callable[[str], Counts], text: str) -> tuple[float, Counts]:
    """Fastest of ``repeat`` runs, to keep scheduler noise out of the figure."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(text)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    articles = generate_articles(ARTICLES, CHARS_PER_ARTICLE)
    sample = "\n".join(articles[:3]) + "\ufeff灵\u200b武 ＣＯＶＩＤ-19 𠀀——“好。”\r\n\u3000\t\n"
    assert count_text(sample) == naive_count(sample), "baseline disagrees on the sample"

    text = "\n".join(articles)
    fast, counts = best_of(REPEAT, count_text, text)
    slow, baseline = best_of(REPEAT, naive_count, text)
    assert counts == baseline, "baseline disagrees on the corpus"

    n = len(text)
    print(f"text: {n:,} characters, {ARTICLES} articles; {counts}")
    for name, seconds in (("count_text", fast), ("naive loop", slow)):
        rate = n / seconds / 1e6
        print(f"{name}: {seconds * 1000:8.1f} ms {rate:6.1f} M chars/s (best of {REPEAT})")
    print(f"speed-up: {slow / fast:.1f}x; target 4 M chars < {TARGET_SECONDS:.0f} s: ", end="")
    print("met" if fast * 4_000_000 / n < TARGET_SECONDS else "MISSED")


if __name__ == "__main__":
    main()
