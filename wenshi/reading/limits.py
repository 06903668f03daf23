"""How much one imported file may cost, checked before the work starts.

A hostile or broken file (a zip bomb, a text of a hundred million characters, an image of
a billion pixels) must fail alone and fast, not take the machine and the rest of the run
with it. Each limit is generous for real manuscripts and volumes and can be raised.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # Characters of text in one manuscript: a whole volume of 《灵武文史》 is about 200,000.
    max_chars: int = 5_000_000
    # A .docx/.odt is a zip: its parts unpacked, and how many parts.
    max_unpacked_bytes: int = 512 * 1024 * 1024
    max_parts: int = 10_000
    # Pixels of one image (a page scanned at 600 dpi on A3 is about 70 million).
    max_pixels: int = 200_000_000
    # Seconds LibreOffice may take to convert one file.
    convert_timeout: float = 120.0


DEFAULT_LIMITS = Limits()
