"""Benchmark year recognition (wenshi.text.periods) on ~4,000,000 characters of 文史 text.

Run from the repository root: ``python bench/periods.py``. The corpus is tests/corpus.py's
synthetic articles with a year written one of nine ways about every 300 characters (as a
local history names them). The baseline is the obvious implementation measured in the same
run: one regex over the whole folded text, the same patterns ending in 年; both must find
exactly the same mentions. Target: at least 5 M characters a second.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import generate_articles
from wenshi.search.fold import fold
from wenshi.text.periods import _BEFORE, _read, year_mentions

ARTICLES = 1000
CHARS_PER_ARTICLE = 4000
REPEAT = 5
TARGET = 5_000_000  # characters a second
FORMS = [
    "1936年",
    "一九四九年",
    "民国二十五年",
    "民國三十七年",
    "乾隆十年",
    "光绪庚子年",
    "咸丰年间",
    "庚子年",
    "公元前221年",
]


def corpus() -> str:
    rng = random.Random(17)
    pieces = []
    for article in generate_articles(ARTICLES, CHARS_PER_ARTICLE):
        for start in range(0, len(article), 300):
            pieces.append(article[start : start + 300])
            pieces.append(rng.choice(FORMS) + "，")
    return "\n".join(pieces)


# The baseline: the same alternatives, each followed by 年, found by one regex scan.
_WHOLE = re.compile(rf"(?:{_BEFORE.pattern.replace('$', '')})(?=年)".replace(r"\s*(?=", "(?="))


def naive(text: str) -> list[tuple[int, int | None, int | None]]:
    folded = fold(text)
    found = []
    for match in _WHOLE.finditer(folded):
        end = match.end()
        first, last, note = _read(match, folded[end + 1 : end + 2])
        if note != "skip":
            found.append((match.start(), first, last))
    return found


def fast(text: str) -> list[tuple[int, int | None, int | None]]:
    return [(m.start, m.first, m.last) for m in year_mentions(text)]


def best(fn, text: str) -> tuple[float, list]:
    times, result = [], []
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = fn(text)
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    text = corpus()
    print(f"corpus: {len(text):,} characters, {ARTICLES} articles, a year every ~300")
    fast_s, fast_found = best(fast, text)
    naive_s, naive_found = best(naive, text)
    if fast_found != naive_found:
        missing = set(naive_found) ^ set(fast_found)
        sys.exit(f"the two disagree on {len(missing)} mentions, e.g. {sorted(missing)[:3]}")
    rate = len(text) / fast_s
    print(f"year_mentions   {fast_s * 1000:7.0f} ms  {rate / 1e6:5.1f} M chars/s")
    print(f"one-regex scan  {naive_s * 1000:7.0f} ms  {len(text) / naive_s / 1e6:5.1f} M chars/s")
    print(f"mentions found: {len(fast_found):,}; speed-up {naive_s / fast_s:.1f}x")
    print(f"target {TARGET / 1e6:.0f} M chars/s: {'met' if rate >= TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
