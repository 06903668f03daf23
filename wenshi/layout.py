"""How a volume is set — 开本, the type area and where articles begin — as one value, from
the ``28x30`` an editor types to the page estimate and the 版面字数 of 稿酬.

``Layout()`` is the one default (16开, 28 characters × 30 lines); a volume stores its own
in its row, and the page-estimate functions, the 版面字数 count and the exports all take a
``Layout``. Every value is checked once, when a ``Layout`` is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wenshi.errors import InvalidValueError
from wenshi.i18n import _

_SPEC = re.compile(r"\s*(\d+)\s*[xX×ｘＸ]\s*(\d+)\s*")


@dataclass(frozen=True, slots=True)
class Layout:
    chars_per_line: int = 28
    lines_per_page: int = 30
    indent: int = 2  # paragraph indent in character cells
    paper: str = "16开"
    title_lines: int = 3
    section_lines: int = 2
    image_lines: int = 10
    new_page: bool = False
    right_hand: bool = False
    front_pages: int = 0

    def __post_init__(self) -> None:
        for label, value, minimum in (
            ("每行字数", self.chars_per_line, 1),
            ("每页行数", self.lines_per_page, 1),
            ("段首缩进", self.indent, 0),
            ("标题行数", self.title_lines, 0),
            ("栏目标题行数", self.section_lines, 0),
            ("每幅图片行数", self.image_lines, 0),
            ("前置页数", self.front_pages, 0),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                raise InvalidValueError(
                    _("版式的{label}必须是不小于 {minimum} 的整数，而不是 {value!r}。").format(
                        label=label, minimum=minimum, value=value
                    )
                )

    def check_for_volume(self) -> None:
        """What a volume's page estimate needs beyond a type area: a title block (with
        subtitle and by-line) that fits on a page."""
        if self.title_lines + 2 > self.lines_per_page:
            raise InvalidValueError(_("标题所占行数不能超过一页"))

    @classmethod
    def parse(cls, spec: str) -> Layout:
        """Read "28x30" (also "28×30", "28X30"), the form editors write a type area in."""
        return cls().with_type_area(spec)

    def with_type_area(self, spec: str) -> Layout:
        """This layout with the type area ``spec`` ("28x30")."""
        match = _SPEC.fullmatch(spec)
        if match is None or int(match[1]) == 0 or int(match[2]) == 0:
            raise InvalidValueError(
                _(
                    "版式“{spec}”无法识别：应写作“每行字数x每页行数”，两者都是正整数，例如“28x30”。"
                ).format(spec=spec)
            )
        return replace(self, chars_per_line=int(match[1]), lines_per_page=int(match[2]))

    def changed(self, **values: object) -> Layout:
        """This layout with some settings changed (checked like a new one)."""
        return replace(self, **values)

    @property
    def type_area(self) -> str:
        return f"{self.chars_per_line}x{self.lines_per_page}"


# The settings a volume stores, one column each (the indent is the same for every volume).
STORED = (
    "paper",
    "chars_per_line",
    "lines_per_page",
    "title_lines",
    "section_lines",
    "image_lines",
    "new_page",
    "right_hand",
    "front_pages",
)
