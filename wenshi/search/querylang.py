"""The search query language: what a researcher types in the search box, as a tree.

Pure (no index) so the engine, the CLI and the GUI share one reading of a query, and so
every typing mistake becomes an ``InvalidValueError`` that says what is wrong and where
instead of a search that silently finds nothing.

Grammar, loosest binding first::

    query   := and ("OR" and)*
    and     := unary unary*            (terms side by side are ANDed)
    unary   := "-" unary | primary     ("-" written directly before its operand)
    primary := term | "phrase" | field:value | "(" query ")"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wenshi.errors import InvalidValueError
from wenshi.i18n import _
from wenshi.text.periods import period_bounds


@dataclass(frozen=True)
class Text:
    """A term or phrase to find in the text; ``value`` as typed, a phrase without quotes."""

    value: str
    phrase: bool


@dataclass(frozen=True)
class Field:
    """A catalog filter; ``low``/``high`` bound volume and year (equal for one number)."""

    name: str
    value: str
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Text | Field | Not | And | Or

_CANONICAL = (
    "title",
    "author",
    "volume",
    "section",
    "status",
    "year",
    "tag",
    "person",
    "place",
    "period",
)

FIELDS: dict[str, str] = {
    **{name: name for name in _CANONICAL},
    "题名": "title",
    "作者": "author",
    "辑": "volume",
    "栏目": "section",
    "状态": "status",
    "年": "year",
    "年份": "year",
    "标签": "tag",
    "人物": "person",
    "地名": "place",
    "时期": "period",
    "年代": "period",
}
# Fields that stand for every name of an authority entry: searched in the text.
NAME_FIELDS = frozenset({"person", "place"})

_RANGE_FIELDS = frozenset({"volume", "year"})
_QUOTES = {'"': '"', "“": "”", "「": "」"}
_OPENERS = frozenset("(（")
_CLOSERS = frozenset(")）")
# A closing quote that no opener awaits (text pasted from inside a quotation: 挖石头”的事)
# is a character of the word it stands in, not a mark of the query.
_WORD_ENDS = _OPENERS | _CLOSERS | frozenset(_QUOTES)
_FIELD = re.compile(r"([^:：]+)([:：])(.*)", re.DOTALL)
# At most 9 digits: no volume or year is longer, and it keeps int() far from its limits.
_RANGE = re.compile(r"(\d{1,9})(?:\s*[-–—~～至]\s*(\d{1,9}))?")
_OPERAND_STARTS = frozenset({"operand", "not", "open"})


def _error(message: str) -> InvalidValueError:
    return InvalidValueError(_("检索式有误：{message}").format(message=message))


def _at(pos: int) -> str:
    """Where in the query, counted as a person would: from 1, in characters."""
    return f"第 {pos + 1} 个字符处的"


@dataclass(frozen=True)
class _Token:
    kind: str  # operand, or, not, open, close, end
    pos: int
    node: Text | Field | None = None


def _read_phrase(query: str, start: int) -> tuple[str, int]:
    """The text between the quote at ``start`` and its closer, and the index after it."""
    end = query.find(_QUOTES[query[start]], start + 1)
    if end < 0:
        raise _error(f"{_at(start)}引号没有闭合")
    value = query[start + 1 : end].strip()
    if not value:
        raise _error(f"{_at(start)}引号内没有内容")
    return value, end + 1


def _field(name: str, label: str, value: str) -> Field:
    """Check a field's value; volume and year become a range so a typo is caught here."""
    if not value:
        raise _error(f"字段“{label}”后面缺少要查找的内容")
    if name == "period":  # the years the text talks about: 1930-1939, 民国, 乾隆十年
        try:
            low, high = period_bounds(value)
        except InvalidValueError as refusal:
            raise _error(str(refusal)) from None
        return Field(name, value, low, high)
    if name not in _RANGE_FIELDS:
        return Field(name, value)
    match = _RANGE.fullmatch(value.strip())
    if match is None:
        raise _error(f"“{label}{value}”应为整数或“10-17”这样的范围")
    low = int(match[1])
    high = int(match[2]) if match[2] else low
    if low > high:
        raise _error(f"“{label}{value}”的范围前大后小，应写成“{label}{high}-{low}”")
    return Field(name, value, low, high)


def _word(query: str, start: int, end: int) -> tuple[Text | Field, int]:
    """A bare word: a field filter if it starts with a field name and a colon, else a term."""
    word = query[start:end]
    match = _FIELD.fullmatch(word)
    if match is None:
        return Text(word, phrase=False), end
    prefix, colon, value = match.groups()
    name = FIELDS.get(prefix.lower())
    if name is None:
        if prefix.isascii() and prefix.isalpha():
            raise _error(f"未知的字段“{prefix}{colon}”；可用字段：{'、'.join(_CANONICAL)}")
        return Text(word, phrase=False), end  # 12:30, 马：…
    if not value and end < len(query) and query[end] in _QUOTES:
        value, end = _read_phrase(query, end)
    return _field(name, prefix + colon, value), end


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _OPENERS or ch in _CLOSERS or ch == "-":
            kind = "open" if ch in _OPENERS else "close" if ch in _CLOSERS else "not"
            tokens.append(_Token(kind, i))
            i += 1
        elif ch in _QUOTES:
            value, end = _read_phrase(query, i)
            tokens.append(_Token("operand", i, Text(value, phrase=True)))
            i = end
        else:
            end = i
            while end < len(query) and not query[end].isspace() and query[end] not in _WORD_ENDS:
                end += 1
            if query[i:end] == "OR":
                tokens.append(_Token("or", i))
            else:
                node, end = _word(query, i, end)
                tokens.append(_Token("operand", i, node))
            i = end
    tokens.append(_Token("end", len(query)))
    return tokens


def _combine(kind: type[And] | type[Or], children: list[Node]) -> Node:
    """One node for the children: nested same-kind nodes flattened, a single child as is."""
    flat: list[Node] = []
    for child in children:
        flat.extend(child.children if isinstance(child, kind) else (child,))
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


MAX_DEPTH = 100  # brackets or “-” inside one another: far past any real query


class _Parser:
    """Recursive descent over the tokens, one method per grammar rule."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        if token.kind != "end":
            self.i += 1
        return token

    def query(self) -> Node:
        if self.peek().kind == "or":
            raise _error(f"{_at(self.peek().pos)}“OR”前面缺少检索词")
        children = [self.conjunction()]
        while self.peek().kind == "or":
            op = self.take()
            if self.peek().kind not in _OPERAND_STARTS:
                raise _error(f"{_at(op.pos)}“OR”后面缺少检索词")
            children.append(self.conjunction())
        return _combine(Or, children)

    def conjunction(self) -> Node:
        children = [self.unary()]
        while self.peek().kind in _OPERAND_STARTS:
            children.append(self.unary())
        return _combine(And, children)

    def unary(self) -> Node:
        token = self.take()
        if token.kind in ("not", "open"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _error(f"{_at(token.pos)}括号或“-”嵌套超过 {MAX_DEPTH} 层")
            try:
                return self._nested(token)
            finally:
                self.depth -= 1
        if token.kind == "close":
            raise _error(f"{_at(token.pos)}右括号没有对应的左括号")
        assert token.node is not None  # only operands are left
        return token.node

    def _nested(self, token: _Token) -> Node:
        """What follows a “-” or an opening bracket."""
        if token.kind == "not":
            operand = self.peek()
            if operand.pos != token.pos + 1 or operand.kind not in _OPERAND_STARTS:
                raise _error(f"{_at(token.pos)}“-”后面缺少检索词；排除时请紧接着写，如“-宁夏”")
            child = self.unary()
            return child.child if isinstance(child, Not) else Not(child)
        if self.peek().kind == "close":
            raise _error(f"{_at(token.pos)}括号内没有检索词")
        if self.peek().kind == "end":
            raise _error(f"{_at(token.pos)}括号没有闭合")
        node = self.query()
        if self.take().kind != "close":
            raise _error(f"{_at(token.pos)}括号没有闭合")
        return node


def parse(query: str) -> Node:
    """The tree for ``query``; raises ``InvalidValueError`` naming the first mistake."""
    tokens = _tokenize(query)
    if not any(token.kind == "operand" for token in tokens):
        raise InvalidValueError(_("检索式为空，请输入要查找的词"))
    parser = _Parser(tokens)
    node = parser.query()
    rest = parser.peek()
    if rest.kind == "close":
        raise _error(f"{_at(rest.pos)}右括号没有对应的左括号")
    return node


def expand_names(node: Node, names: Callable[[str, str], list[str]]) -> Node:
    """``node`` with each ``person:``/``place:`` field replaced by its entry's names, each
    a phrase, any of which may match (``names(kind, value)`` gives them)."""
    if isinstance(node, Field) and node.name in NAME_FIELDS:
        found = list(dict.fromkeys(names(node.name, node.value.strip()))) or [node.value]
        return _combine(Or, [Text(name, phrase=True) for name in found])
    if isinstance(node, Not):
        return Not(expand_names(node.child, names))
    if isinstance(node, And | Or):
        return type(node)(tuple(expand_names(child, names) for child in node.children))
    return node


def name_fields(node: Node) -> list[Field]:
    """The ``person:``/``place:`` fields a hit can satisfy (none under a Not)."""
    if isinstance(node, Field):
        return [node] if node.name in NAME_FIELDS else []
    if isinstance(node, And | Or):
        return [f for child in node.children for f in name_fields(child)]
    return []


def positive_texts(node: Node) -> list[Text]:
    """Texts a hit can contain (none under a Not), first of each value, for highlighting."""
    found: dict[str, Text] = {}

    def walk(current: Node) -> None:
        if isinstance(current, Text):
            found.setdefault(current.value, current)
        elif isinstance(current, And | Or):
            for child in current.children:
                walk(child)

    walk(node)
    return list(found.values())
