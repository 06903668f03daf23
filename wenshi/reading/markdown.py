"""Markdown manuscripts as plain text: what a reader sees, not the markup.

markdown-it-py parses (CommonMark, with tables); the text follows the ``Document``
conventions: each heading, paragraph and list item on a line of its own (an ordered
item keeps its number), a blank line between blocks, tables as tab-separated rows, code
as written. Emphasis, links and heading marks leave only their text; pictures, which
are separate files, and raw HTML tags leave nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Chinese is written without spaces: a line break inside a paragraph between two CJK
# characters joins them directly, elsewhere with a space.
_CJK = "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffef"
_SOFT = "\x00"  # stands for a soft line break until its neighbours are known
_CJK_SOFT_BREAK = re.compile(f"(?<=[{_CJK}]){_SOFT}(?=[{_CJK}])")
_HTML = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_CODE = ("fence", "code_block")


def markdown_to_text(source: str) -> str:
    lines: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    number = ""  # of the ordered list item whose first line comes next
    for token in _PARSER.parse(source):
        kind = token.type
        if kind == "inline":
            text = _inline(token.children or [])
            if row is not None:
                row.append(text)
            else:
                lines += (number + text).split("\n")
                number = ""
        elif kind == "list_item_open" and token.info:
            number = f"{token.info}{token.markup} "
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append("\t".join(row))
            row = None
        elif kind in _CODE:
            lines += token.content.rstrip("\n").split("\n")
        elif kind == "html_block":
            lines += (s for line in _HTML.sub("", token.content).split("\n") if (s := line.strip()))
        if token.level == 0 and token.nesting <= 0:  # a top-level block ends
            lines.append("")
    return _tidy(lines)


def _inline(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(_SOFT)
        elif child.type == "hardbreak":
            parts.append("\n")
    text = _CJK_SOFT_BREAK.sub("", "".join(parts))
    return text.replace(_SOFT, " ")


def _tidy(lines: list[str]) -> str:
    """One blank line between blocks, none at the ends."""
    kept: list[str] = []
    for line in map(str.rstrip, lines):
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)
