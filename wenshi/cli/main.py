"""``wenshi`` — the command line, a thin shell over the core API (like calibre's calibredb).

Exit status: 0 success, 1 failure (a message on stderr), 2 usage error. Errors are one line,
never a traceback. ``--json`` prints machine-readable results on stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from wenshi import __version__
from wenshi.cli import (
    authority_cmds,
    cite_cmd,
    count_cmd,
    export_cmds,
    image_cmds,
    import_cmd,
    library_cmds,
    list_cmds,
    manuscript_cmds,
    search_cmds,
    volume_cmds,
    volume_import_cmd,
)
from wenshi.cli.output import error_line
from wenshi.errors import WenshiError
from wenshi.library import Library


class UsageError(Exception):
    """Bad command-line words: exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}（用法见 {self.prog} --help）")


def build_parser() -> Parser:
    parser = Parser(
        prog="wenshi",
        description="wenshi 文史档案管理 —— 稿件登记、审稿、字数、检索、编辑成辑",
    )
    parser.add_argument("--version", action="version", version=f"wenshi {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="文库文件夹（默认：环境变量 WENSHI_LIBRARY，否则用户数据文件夹）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for module in (
        count_cmd,
        import_cmd,
        list_cmds,
        manuscript_cmds,
        image_cmds,
        library_cmds,
        search_cmds,
        cite_cmd,
        authority_cmds,
        volume_cmds,
        volume_import_cmd,
        export_cmds,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        # A file name that is not valid UTF-8 reaches Python as lone surrogates, which
        # strict UTF-8 cannot write: they are printed as backslash escapes instead.
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
        sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(words)
    except UsageError as exc:
        error_line(_dash_hint(words) or str(exc))
        return 2
    library: Library | None = None
    try:
        if getattr(args, "needs_library", True):
            library = Library.open(args.library)
            if library.upgrade_backup is not None:
                error_line(f"文库已升级到新版本；升级前的数据库副本保存在 {library.upgrade_backup}")
        code = int(args.handler(args, library) or 0)
        if library is not None and library.index_warning:
            error_line(library.index_warning)
        return code
    except UsageError as exc:
        error_line(str(exc))
        return 2
    except WenshiError as exc:
        error_line(str(exc))
        return 1
    except KeyboardInterrupt:
        error_line("已中断")
        return 130
    except BrokenPipeError:  # the reader stopped (``wenshi list | head``): end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit's final flush fails no more
        return 0
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("WENSHI_DEBUG"):
            raise
        error_line(f"内部错误：{type(exc).__name__}: {exc}（设置 WENSHI_DEBUG=1 可查看详情）")
        return 1
    finally:
        if library is not None:
            library.close()


def _dash_hint(words: list[str]) -> str | None:
    """A query that starts with “-” (``wenshi search -宁夏``) reads as an option: say how
    to write it instead of argparse's puzzling complaint."""
    if "--library" in words:  # the one option before the command takes a value
        at = words.index("--library")
        words = words[:at] + words[at + 2 :]
    if not words or words[0] not in ("search", "concordance") or "--" in words:
        return None
    for word in words[1:]:
        if word.startswith("-") and len(word) > 1 and not word[1].isascii():
            return (
                f"检索式“{word}”以“-”开头，会被当作选项；"
                f"请写在 -- 之后：wenshi {words[0]} -- {word}"
            )
    return None


if __name__ == "__main__":
    raise SystemExit(main())
