"""How much one imported file may cost, checked before the work starts.

A hostile or broken file (a zip bomb, a text of a hundred million characters, an image of
a billion pixels) must fail alone and fast, not take the machine and the rest of the run
with it. Each limit is generous for real manuscripts and volumes and can be raised.
"""

from __future__ import annotations

from dataclasses import dataclass

from wenshi.errors import ImportFileError
from wenshi.i18n import _


@dataclass(frozen=True)
class Limits:
    # Characters of text in one manuscript: a whole volume of 《灵武文史》 is about 200,000.
    max_chars: int = 5_000_000
    # Paragraphs (table cells included) of one .docx: a volume has about 3,000. Parsing
    # a paragraph costs far more than its characters, so this is counted apart.
    max_paragraphs: int = 200_000
    # A .docx/.odt is a zip: its parts unpacked, and how many parts.
    max_unpacked_bytes: int = 512 * 1024 * 1024
    max_parts: int = 10_000
    # Pixels of one image (a page scanned at 600 dpi on A3 is about 70 million).
    max_pixels: int = 200_000_000
    # Seconds LibreOffice may take to convert one file.
    convert_timeout: float = 120.0


DEFAULT_LIMITS = Limits()

# The command-line option that raises each limit: every refusal names it.
OPTIONS = {
    "max_chars": "--max-chars",
    "max_paragraphs": "--max-paragraphs",
    "max_unpacked_bytes": "--max-unpacked-mb",
    "max_parts": "--max-parts",
    "max_pixels": "--max-pixels",
    "convert_timeout": "--convert-timeout",
}


def over_limit(name: str, what: str, limit: str) -> ImportFileError:
    """The refusal of file ``name``: ``what`` is over which limit, and the option of
    ``limit`` (a field of ``Limits``) that raises it."""
    return ImportFileError(
        _("{name}：{what}（可用 {value} 放宽）").format(name=name, what=what, value=OPTIONS[limit])
    )


def megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:,.0f} MB"
    return _("{size:,} 字节").format(size=size)
