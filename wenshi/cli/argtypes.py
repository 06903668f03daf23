"""Argument types shared by every command."""

from __future__ import annotations

import argparse

MAX_INTEGER = 2**63 - 1  # SQLite's largest integer: an id or count past it cannot exist


def natural(text: str) -> int:
    """A whole number from 0 up: every number the commands take (ids, revisions, pages,
    positions, lines, years, limits) is one, so a negative or 23-digit one is refused as
    the usage error it is instead of reaching the database."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not 0 <= value <= MAX_INTEGER:
        raise argparse.ArgumentTypeError(f"“{text}”超出范围（应为 0 到 {MAX_INTEGER} 的整数）")
    return value
