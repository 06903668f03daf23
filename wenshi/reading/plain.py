"""Plain text and Markdown files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wenshi.reading.document import Document
from wenshi.text.decode import decode_bytes

if TYPE_CHECKING:
    from wenshi.reading import ReadOptions


def read_plain(data: bytes, kind: str, name: str, options: ReadOptions) -> Document:
    decoded = decode_bytes(data, name, options.encoding)
    return Document(kind=kind, text=decoded.text, encoding=decoded.encoding)
