"""Printing for the CLI: JSON for scripts (UTF-8, unescaped), tables and bars for people."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any

from wenshi.progress import Progress


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def error_line(message: str) -> None:
    """One line on stderr: the whole message, newlines folded."""
    sys.stderr.write("wenshi: " + " ".join(str(message).split("\n")) + "\n")


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal cells (CJK characters take two)."""
    return text + " " * max(0, width - display_width(text))


def clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` cells, marking the cut with an ellipsis."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        used += display_width(ch)
        if used > width - 1:
            break
        out += ch
    return out + "…"


def table(headers: list[str], rows: list[list[str]], max_width: int = 40) -> str:
    cells = [[clip(c, max_width) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def terminal_progress() -> Progress:
    """A progress reporter drawing a bar on stderr when it is a terminal, silent otherwise."""
    if not sys.stderr.isatty():
        return Progress()

    def draw(done: int, total: int, message: str) -> None:
        filled = int(24 * done / total) if total else 24
        bar = "█" * filled + "·" * (24 - filled)
        sys.stderr.write(f"\r{bar} {done}/{total} {clip(message, 30)}\033[K")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return Progress(draw)
