"""Page estimate of a volume: how many 版面 lines each article takes and where it starts.

Pure functions on plain data. An article takes its title block (``title_lines``), one line
for a subtitle and one for the by-line when present, its body wrapped at the characters per
line (every partial line a full line, see ``wenshi.text.wordcount.layout_lines``) and
``image_lines`` per photo. Pages hold ``lines_per_page`` lines; front matter comes first;
a 栏目 heading takes ``section_lines`` above its first article; an article may be set to
begin on a new page or on a right-hand (odd) page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wenshi.errors import InvalidValueError
from wenshi.text.wordcount import Layout, layout_lines


@dataclass(frozen=True)
class LayoutSettings:
    """How a volume is set: 开本, the type area and where articles begin."""

    paper: str = "16开"
    chars_per_line: int = 28
    lines_per_page: int = 30
    title_lines: int = 3
    section_lines: int = 2
    image_lines: int = 10
    new_page: bool = False
    right_hand: bool = False
    front_pages: int = 0

    def __post_init__(self) -> None:
        if self.chars_per_line < 1 or self.lines_per_page < 1:
            raise InvalidValueError(
                f"版式“{self.chars_per_line}x{self.lines_per_page}”无效："
                "每行字数和每页行数都必须大于 0"
            )
        for name, label in (
            ("title_lines", "标题行数"),
            ("section_lines", "栏目标题行数"),
            ("image_lines", "每幅图片行数"),
            ("front_pages", "前置页数"),
        ):
            if getattr(self, name) < 0:
                raise InvalidValueError(f"{label}不能为负数")
        if self.title_lines + 2 > self.lines_per_page:
            raise InvalidValueError("标题所占行数不能超过一页")

    @property
    def text_layout(self) -> Layout:
        return Layout(self.chars_per_line, self.lines_per_page)


@dataclass(frozen=True)
class ArticleShape:
    """What the page estimate needs of one article."""

    body: str
    has_subtitle: bool
    has_byline: bool
    images: int
    verse: bool


def article_lines(shape: ArticleShape, settings: LayoutSettings) -> tuple[int, int]:
    """(lines on the page, lines counted as text for 版面字数) of one article."""
    heading = settings.title_lines + int(shape.has_subtitle) + int(shape.has_byline)
    body = layout_lines(shape.body, settings.text_layout, verse=shape.verse)
    text_lines = heading + body
    return text_lines + shape.images * settings.image_lines, text_lines


@dataclass
class Placement:
    start_page: int
    end_page: int


def paginate(
    sections: Sequence[Sequence[int]], settings: LayoutSettings
) -> tuple[list[list[Placement]], int]:
    """Start and end page of every article, given each section's article line counts in
    order; returns the placements and the total number of pages (front matter included)."""
    per_page = settings.lines_per_page
    page = settings.front_pages + 1
    used = 0  # lines used on ``page``
    out: list[list[Placement]] = []

    def advance(lines: int) -> None:
        nonlocal page, used
        used += lines
        while used > per_page:
            used -= per_page
            page += 1
        if used == per_page:
            page, used = page + 1, 0

    breaks = settings.new_page or settings.right_hand
    for articles in sections:
        placed: list[Placement] = []
        for index, lines in enumerate(articles):
            heading = settings.section_lines if index == 0 else 0
            if breaks and used:
                page, used = page + 1, 0
            if settings.right_hand and page % 2 == 0:
                page += 1  # the left-hand page stays blank
            if used and used + heading + settings.title_lines >= per_page:
                page, used = page + 1, 0  # never a title alone at the foot of a page
            advance(heading)
            start = page
            advance(lines)
            placed.append(Placement(start, max(start, page if used else page - 1)))
        out.append(placed)
    total = page if used else page - 1
    return out, max(total, settings.front_pages)
