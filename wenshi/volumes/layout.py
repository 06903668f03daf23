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

from wenshi.layout import Layout
from wenshi.text.wordcount import layout_lines


@dataclass(frozen=True)
class ArticleShape:
    """What the page estimate needs of one article."""

    body: str
    has_subtitle: bool
    has_byline: bool
    images: int
    verse: bool


def article_lines(shape: ArticleShape, settings: Layout) -> tuple[int, int]:
    """(lines on the page, lines counted as text for 版面字数) of one article."""
    heading = settings.title_lines + int(shape.has_subtitle) + int(shape.has_byline)
    body = layout_lines(shape.body, settings, verse=shape.verse)
    text_lines = heading + body
    return text_lines + shape.images * settings.image_lines, text_lines


@dataclass
class Placement:
    start_page: int
    end_page: int


def paginate(
    sections: Sequence[Sequence[int]], settings: Layout
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
