"""``wenshi import PATH…``: files and folders into the library."""

from __future__ import annotations

import argparse

from wenshi import workflow
from wenshi.cli.common import json_flag, limit_options, limits_from
from wenshi.cli.output import error_line, print_json, terminal_progress
from wenshi.imports import ImportResult
from wenshi.library import Library
from wenshi.reading import OCR_MODES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="导入稿件文件或文件夹（.txt .md .docx .doc .wps .rtf .odt .pdf 图片）"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--status", default="received", help="导入后的状态（默认：收稿）")
    p.add_argument("--received", metavar="DATE", help="收稿日期，如 2022-06-24（默认：今天）")
    p.add_argument("--encoding", metavar="E", help="指定文本编码，不自动检测")
    p.add_argument("--title", help="题名（只导入一个文件时；默认取第一个非空行）")
    add_reading_options(p)
    json_flag(p)
    p.set_defaults(handler=cmd_import)


def add_reading_options(p: argparse.ArgumentParser) -> None:
    """Options of every command that reads PDFs and scans, and the limits it checks."""
    p.add_argument(
        "--ocr",
        choices=OCR_MODES,
        default="auto",
        help="PDF 何时用 OCR：auto 只识别没有可用文字层的页（默认），always 全部，never 不识别",
    )
    p.add_argument("--password", help="加密 PDF 的密码")
    limit_options(p)


def cmd_import(args: argparse.Namespace, library: Library) -> int:
    workflow.parse_status(args.status)
    results = library.imports.run(
        args.paths,
        status=args.status,
        received=args.received,
        encoding=args.encoding,
        title=args.title,
        ocr=args.ocr,
        password=args.password,
        limits=limits_from(args),
        progress=terminal_progress(),
    ).value
    print_results(results, args.json)
    return 1 if any(r.status == "error" for r in results) else 0


def print_results(results: list[ImportResult], as_json: bool) -> None:
    if as_json:
        print_json([r.to_dict() for r in results])
    for r in results:
        if r.status == "error":
            error_line(r.error or r.path)
        elif not as_json:
            if r.status == "duplicate":
                print(f"重复    #{r.id}  {r.path}（与库中稿件 {r.id} 的原始文件相同，未导入）")
            else:
                similar = f"  ⚠ 疑似与 #{r.similar_to} 重复" if r.similar_to else ""
                print(
                    f"已导入  #{r.id}  {r.title}  [{r.encoding or r.kind}，字数 {r.words}]{similar}"
                )
    if not as_json:
        done = sum(r.status == "imported" for r in results)
        dup = sum(r.status == "duplicate" for r in results)
        bad = sum(r.status == "error" for r in results)
        print(f"共 {len(results)} 个文件：导入 {done}，重复 {dup}，失败 {bad}")
