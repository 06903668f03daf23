"""Plain text and Markdown files (Markdown read to the text a reader sees)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wenshi.reading.document import Document
from wenshi.reading.markdown import markdown_to_text
from wenshi.text.decode import decode_bytes

if TYPE_CHECKING:
    from wenshi.reading import ReadOptions


def read_plain(data: bytes, kind: str, name: str, options: ReadOptions) -> Document:
    decoded = decode_bytes(data, name, options.encoding)
    text = markdown_to_text(decoded.text) if kind == "md" else decoded.text
    return Document(kind=kind, text=text, encoding=decoded.encoding)
