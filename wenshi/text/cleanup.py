"""The mechanical cleanup editors otherwise do by hand on imported and OCR'd manuscripts.

Only layout and punctuation are touched: a misread character is never corrected and text
is never converted between simplified and traditional — that is a person's decision. The
original stays in the archive, so this produces the working text only.
"""

from __future__ import annotations

import itertools
import re

from wenshi.reading.document import NOTE_MARK_RE

# Han (with extensions and compatibility forms), radicals, kana and bopomofo, CJK and
# full-width punctuation.
_CJK_PROPER = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\U00020000-\U0003ffff"
)
# Next to these, printed Chinese also has no spaces and full-width marks: “”‘’—―…·.
# They are Western punctuation too, so on their own they do not make text Chinese.
_CJK = _CJK_PROPER + "\u2018\u2019\u201c\u201d\u2014\u2015\u2026\u00b7"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CHINESE_CONTENT = re.compile(f"[{_CJK_PROPER}]")
_SPACES = " \t\u3000\u00a0"
# Spaces between two CJK characters: where OCR joined the lines of a printed column. A
# tab separates the cells of a table row, so it stays.
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \u3000\u00a0]+(?=[{_CJK}])")
_MARKS = re.compile(r"[,;:?!]+")
_FULL_WIDTH = str.maketrans(",;:?!", "，；：？！")
_PARENTHESIS = re.compile(r"[()]")
# A lone full stop: a run of them (..., ......) is an ellipsis typed in Latin, left alone.
_FULL_STOP = re.compile(r"(?<!\.)\.(?!\.)")
# Prose has these; headings, by-lines and captions usually do not, and there a space
# between two words is deliberate ("汇聚奋进力量 写好履职答卷", "毕 竞").
_PROSE_MARKS = frozenset("，。；！？")

# A line ending in one of these ends a sentence (half-width forms are converted later).
_SENTENCE_END = frozenset("。！？…；”’」』）.!?;)\"'")
# A paragraph ending in one of these is a sentence cut in two.
_COMMA_END = frozenset("，、,")
# Columns narrower than this are verse (七言 with its mark is 8) or lists, not wrapped
# prose; newspaper columns that OCR keeps as lines are 12 to 16 characters wide.
_MIN_WRAP_WIDTH = 12
# "About as long as the column": digits and Latin letters make a line a little longer.
_WRAP_BAND = (0.9, 1.15)
# Shorter lines ending in a comma are salutations or verse ("各位委员，") and stay.
_MIN_CUT_PARAGRAPH = 20
# Line breaks that are not "\n": vertical tab, form feed (page break), NEL, U+2028/2029.
_LINE_BREAKS = "\v\f\x85\u2028\u2029"
_CONTROL = {
    **{code: None for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0xFEFF, 0x200B]},
    **{ord(ch): "\n" for ch in _LINE_BREAKS},
    ord("\n"): "\n",
    ord("\t"): "\t",
}


def clean_text(text: str) -> str:
    """Return the working text of a manuscript; ``clean_text`` of the result is the same.

    Each rule's output can make another rule apply (joining two lines can pair up their
    quotes), so the rules run until nothing changes; they only ever shorten the text, join
    lines or turn half-width marks full-width, so this ends, usually after two rounds.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    while (cleaned := _clean_once(text)) != text:
        text = cleaned
    return text


def clean_paged(text: str) -> str:
    """``clean_text`` for a text whose pages begin with a form feed (a PDF, a scan).

    Each page is cleaned on its own, so no page break is lost (an empty page keeps its
    own). The reader saw the page's layout and already decided whether a paragraph runs
    on over the break (form feed alone) or the next page starts one (line end, then form
    feed); that decision is kept.
    """
    raw_pages = text.split("\f")
    joined = clean_text(raw_pages[0])
    for before, raw in itertools.pairwise(raw_pages):
        runs_on = not before.endswith("\n") or not joined.strip("\f")
        joined += ("\f" if runs_on else "\n\f") + clean_text(raw)
    return joined


def _clean_once(text: str) -> str:
    """One round of all rules, on text whose line ends and controls are already clean."""
    lines = _join_cut_paragraphs(_join_wrapped([line.rstrip() for line in text.split("\n")]))
    lines = [_tidy_line(line) for line in lines]
    kept: list[str] = []
    for line in lines:  # runs of blank lines become one; none at the start or end
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _stands_alone(line: str) -> bool:
    """A table row or a note (``Document`` conventions) is a line of its own, never
    joined to another; a hard-wrapped note still takes its continuation lines."""
    return "\t" in line or NOTE_MARK_RE.match(line) is not None


def _width(line: str) -> int:
    """Length in characters, not counting the spaces between CJK that are removed later."""
    return len(_CJK_GAP.sub("", line))


def _is_cjk(ch: str) -> bool:
    return _CJK_CHAR.match(ch) is not None


def _glue(first: str, second: str) -> str:
    """What joins two pieces of one sentence: a space only between two non-CJK characters."""
    return "" if _is_cjk(first[-1]) or _is_cjk(second[0]) else " "


def _wrap_width(widths: list[int]) -> int | None:
    """The column width, if most of these lines are about that long and (almost) none longer.

    Wrapped lines fill the column and only a paragraph's last line is shorter; a list of
    titles varies both ways.
    """
    if len(widths) < 2:
        return None
    typical = sorted(widths)[len(widths) // 2]
    low, high = _WRAP_BAND
    near = sum(low * typical <= width <= high * typical for width in widths)
    longer = sum(width > high * typical for width in widths)
    if typical < _MIN_WRAP_WIDTH or 2 * near <= len(widths) or longer > len(widths) // 10:
        return None
    return typical


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-empty lines, each blank line as a block of its own."""
    blocks: list[list[str]] = []
    for line in lines:
        if line and blocks and blocks[-1][-1]:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a full-width line that does not end a sentence goes on.

    A block of three or more lines shows its own column width; shorter blocks (a paragraph
    of two lines between blank lines) use the width of the whole text.
    """
    blocks = _blocks(lines)
    document_width = _wrap_width([_width(line) for line in lines if line])
    joined: list[str] = []
    for block in blocks:
        widths = [_width(line) for line in block]
        width = _wrap_width(widths) if len(block) >= 3 else document_width
        pieces = [block[0]]  # of the line being joined, concatenated once: linear time
        for previous, previous_width, line in zip(block, widths, block[1:], strict=False):
            if (
                width is not None
                and previous_width >= 0.8 * width
                and previous[-1] not in _SENTENCE_END
                and line[0] not in _SPACES
                and "\t" not in previous
                and not _stands_alone(line)
            ):
                pieces += (_glue(pieces[-1], line), line)
            else:
                joined.append("".join(pieces))
                pieces = [line]
        joined.append("".join(pieces))
    return joined


def _join_cut_paragraphs(lines: list[str]) -> list[str]:
    """Join a paragraph ending in a comma to the next one: a sentence never ends so.

    Blank lines between them go; an indented next line starts a paragraph of its own.
    A line is kept as its pieces and its width is summed, not measured again after each
    join (a glued space is never between two CJK characters): linear time.
    """
    joined: list[list[str]] = []
    widths: list[int] = []  # 0 for a table row, which takes no line on
    last = -1  # the last non-blank line
    for line in lines:
        if last >= 0 and line and line[0] not in _SPACES and not _stands_alone(line):
            pieces = joined[last]
            if pieces[-1][-1] in _COMMA_END and widths[last] >= _MIN_CUT_PARAGRAPH:
                del joined[last + 1 :], widths[last + 1 :]
                space = _glue(pieces[-1], line)
                pieces += (space, line)
                widths[last] += len(space) + _width(line)
                continue
        joined.append([line])
        widths.append(0 if "\t" in line else _width(line))
        if line:
            last = len(joined) - 1
    return ["".join(pieces) for pieces in joined]


def _tidy_line(line: str) -> str:
    """Full-width punctuation next to CJK, then no spaces between CJK in prose."""
    line = _convert_full_stops(_convert_marks(_convert_parentheses(_convert_quotes(line))))
    if _PROSE_MARKS.isdisjoint(line):
        return line
    return _CJK_GAP.sub("", line)


def _convert_quotes(line: str) -> str:
    """Straight quotes that pair up around CJK text become “ ” and ‘ ’ (GB/T 15834)."""
    doubles = [i for i, ch in enumerate(line) if ch == '"']
    line = _pair_quotes(line, doubles, "“”")
    singles = [i for i, ch in enumerate(line) if ch == "'" and not _is_apostrophe(line, i)]
    return _pair_quotes(line, singles, "‘’")


def _pair_quotes(line: str, positions: list[int], marks: str) -> str:
    """Pair the quotes at ``positions`` in order; a pair around CJK text takes ``marks``."""
    if not positions or len(positions) % 2:
        return line  # an odd one out makes every pairing a guess
    chars = list(line)
    for start, end in zip(positions[::2], positions[1::2], strict=True):
        if _CHINESE_CONTENT.search(line, start + 1, end):
            chars[start], chars[end] = marks
    return "".join(chars)


def _is_latin_word(ch: str) -> bool:
    return ch.isalnum() and not _is_cjk(ch)


def _is_apostrophe(line: str, i: int) -> bool:
    """A ' between two Latin letters or digits (Teilhard's, It's) is no quote."""
    return 0 < i < len(line) - 1 and _is_latin_word(line[i - 1]) and _is_latin_word(line[i + 1])


def _convert_parentheses(line: str) -> str:
    """Matching half-width parentheses around CJK text become （ ）.

    The text between two parentheses is searched once, and what it holds counts for every
    pair around it, so deeply nested ones take linear time.
    """
    chars = list(line)
    opened: list[list] = []  # [position, whether CJK text follows it] of each open one
    after = 0
    for match in _PARENTHESIS.finditer(line):
        i = match.start()
        if opened and _CHINESE_CONTENT.search(line, after, i):
            opened[-1][1] = True
        after = i + 1
        if line[i] == "(":
            opened.append([i, False])
        elif opened:
            start, chinese = opened.pop()
            if chinese:
                chars[start], chars[i] = "（", "）"
                if opened:
                    opened[-1][1] = True
    return "".join(chars)


def _convert_marks(line: str) -> str:
    """, ; : ? ! next to CJK (spaces aside) become full-width; 1,000 and 3:30 stay."""

    def convert(match: re.Match[str]) -> str:
        before, after = match.start() - 1, match.end()
        while before >= 0 and line[before] in _SPACES:
            before -= 1
        while after < len(line) and line[after] in _SPACES:
            after += 1
        if (before >= 0 and _is_cjk(line[before])) or (after < len(line) and _is_cjk(line[after])):
            return match.group().translate(_FULL_WIDTH)
        return match.group()

    return _MARKS.sub(convert, line)


def _convert_full_stops(line: str) -> str:
    """A lone . that ends a Chinese sentence (CJK before it; the line's end, a space or CJK
    after it) becomes 。; 3.5, www.nxlw.gov.cn, Dr. Li and 灵武.cn stay."""

    def convert(match: re.Match[str]) -> str:
        at, after = match.start(), line[match.end() : match.end() + 1]
        ends = not after or after in _SPACES or _is_cjk(after)
        return "。" if at and _is_cjk(line[at - 1]) and ends else "."

    return _FULL_STOP.sub(convert, line)
