"""The clean-up on 1, 2, 4 and 8 MB of text shaped to make it join a lot.

    python bench/cleanup.py [--max-mb 8]

Three shapes (a size counts 3 bytes a character, as Han takes in UTF-8): hard-wrapped
text without punctuation (20 characters a line: every line is joined to the next, into
one paragraph), paragraphs cut at a comma between blank lines (each joined to the next),
and parentheses nested as deep as the text allows. The ratio is the time against the half
size: about 2 is linear, about 4 quadratic.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenshi.text.cleanup import clean_text  # noqa: E402

_HAN = [chr(code) for code in range(0x4E00, 0x9FA5)]


def hard_wrapped(chars: int, rng: random.Random) -> str:
    lines = ("".join(rng.choices(_HAN, k=20)) for _ in range(chars // 21))
    return "\n".join(lines)


def cut_at_commas(chars: int, rng: random.Random) -> str:
    lines = ("".join(rng.choices(_HAN, k=24)) + "，" for _ in range(chars // 27))
    return "\n\n".join(lines)


def nested(chars: int, rng: random.Random) -> str:
    depth = chars // 3
    return "(" * depth + "".join(rng.choices(_HAN, k=depth)) + ")" * depth


SHAPES: dict[str, Callable[[int, random.Random], str]] = {
    "hard-wrapped, no punctuation": hard_wrapped,
    "paragraphs cut at a comma": cut_at_commas,
    "nested parentheses": nested,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-mb", type=int, default=8)
    sizes = [mb for mb in (1, 2, 4, 8, 16) if mb <= parser.parse_args().max_mb]
    for name, make in SHAPES.items():
        print(name)
        previous = None
        for mb in sizes:
            text = make(mb * 1024 * 1024 // 3, random.Random(mb))  # Han is 3 bytes in UTF-8
            start = time.perf_counter()
            clean_text(text)
            took = time.perf_counter() - start
            ratio = f"  ×{took / previous:.1f}" if previous else ""
            print(f"  {mb:2d} MB  {len(text):>10,} characters  {took:6.2f} s{ratio}")
            previous = took


if __name__ == "__main__":
    main()
