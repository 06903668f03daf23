"""What the command modules share: flags used by many commands."""

from __future__ import annotations

import argparse
import dataclasses

from wenshi.cli.argtypes import natural
from wenshi.reading.limits import DEFAULT_LIMITS, OPTIONS, Limits


def json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="输出 JSON")


# Each limit a command can raise: the field of ``Limits``, the unit its option counts in,
# and what it limits.
_LIMITS = {
    "max_chars": (1, "一篇稿件的字符数"),
    "max_paragraphs": (1, "一个 .docx 的段落数"),
    "max_unpacked_bytes": (1024 * 1024, ".docx 等压缩包解压后的大小（MB）"),
    "max_parts": (1, ".docx 等压缩包中的部件数"),
    "max_pixels": (1, "一张图片的像素数"),
    "convert_timeout": (1, "LibreOffice 转换一个文件的秒数"),
}


def limit_options(p: argparse.ArgumentParser, *fields: str) -> None:
    """``--max-chars N`` and the like (all, or those of ``fields``), for the file that a
    refusal said is over a limit."""
    for field in fields or _LIMITS:
        unit, what = _LIMITS[field]
        default = int(getattr(DEFAULT_LIMITS, field)) // unit
        p.add_argument(
            OPTIONS[field],
            dest=field,
            type=natural,
            metavar="N",
            help=f"{what}上限（默认 {default:,}）",
        )


def limits_from(args: argparse.Namespace) -> Limits:
    """The default limits with those the command line gave."""
    given = {
        field: value * unit
        for field, (unit, _) in _LIMITS.items()
        if (value := getattr(args, field, None)) is not None
    }
    return dataclasses.replace(DEFAULT_LIMITS, **given)
