"""Search commands: ``search``, ``concordance``, ``reindex``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wenshi.cli.argtypes import natural
from wenshi.cli.output import error_line, print_json, terminal_progress
from wenshi.library import Library
from wenshi.search import engine

QUERY_HELP = (
    '检索式：空格分隔的词同时出现；OR 任一出现；-词 排除；"带空格的短语"；括号分组；'
    "字段 title: author: volume:10-17 section: status: year:2020-2022 tag: "
    "person: place: period:1930-1939（时期，如 民国、乾隆十年）"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="全文检索（简繁通检，逐字精确匹配）", description=QUERY_HELP)
    p.add_argument("query", metavar="QUERY", help="检索式")
    p.add_argument("--limit", type=natural, default=20, help="最多显示几篇（0 = 全部，默认 20）")
    p.add_argument("--offset", type=natural, default=0, help="跳过前几篇（翻页）")
    p.add_argument("--include-rejected", action="store_true", help="包括退稿稿件")
    p.add_argument(
        "--sort",
        choices=engine.SORTS,
        default="relevance",
        help="排序：relevance 相关度、volume 辑、date 来稿日期、title 题名",
    )
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser(
        "concordance", help="列出每一处出现及其上下文（可导出 .csv/.xlsx）", description=QUERY_HELP
    )
    p.add_argument("query", metavar="QUERY")
    p.add_argument("-o", "--output", metavar="FILE", help="导出为 .csv 或 .xlsx")
    p.add_argument("--include-rejected", action="store_true", help="包括退稿稿件")
    p.add_argument("--context", type=natural, default=20, help="上下文字数（默认 20）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=cmd_concordance)

    p = sub.add_parser("reindex", help="重建检索索引")
    p.set_defaults(handler=cmd_reindex)


def _report_rebuilds(library: Library) -> None:
    """An automatic rebuild of the index says so on stderr, with a progress bar."""
    library.index.notice = lambda message: error_line(message)
    library.index.progress_factory = terminal_progress


def _highlight(snippet: engine.Snippet) -> str:
    if sys.stdout.isatty():
        return snippet.marked("\033[1;31m", "\033[0m")
    return snippet.marked()


def cmd_search(args: argparse.Namespace, library: Library) -> int:
    _report_rebuilds(library)
    results = library.search.search(
        args.query,
        limit=args.limit,
        offset=args.offset,
        include_rejected=args.include_rejected,
        sort=args.sort,
    )
    if args.json:
        print_json([hit.to_dict() for hit in results.hits])
        return 0
    if not results.total:
        print(f"没有找到“{args.query}”")
        return 0
    shown = (
        f"第 {results.offset + 1}–{results.offset + len(results.hits)} 篇" if results.hits else ""
    )
    print(f"共 {results.total} 篇 {shown}")
    for hit in results.hits:
        place = f"第{hit.volume}辑·{hit.section}" if hit.volume else "未编辑"
        mark = "  [退稿]" if hit.status == "rejected" else ""
        print(
            f"\n#{hit.id}  {hit.title}  {'、'.join(hit.authors)}  {place}  {hit.status_label}"
            f"  {hit.hits} 处{mark}"
        )
        for snippet in hit.snippets:
            page = f"第{snippet.page}页  " if snippet.page is not None else ""
            print(f"    {page}{_highlight(snippet)}")
    return 0


def cmd_concordance(args: argparse.Namespace, library: Library) -> int:
    _report_rebuilds(library)
    if args.output:
        count = library.exports.concordance(
            args.query,
            Path(args.output),
            include_rejected=args.include_rejected,
            context=args.context,
        )
        print(f"已导出 {count} 处到 {args.output}")
        return 0
    lines = library.search.concordance(
        args.query, include_rejected=args.include_rejected, context=args.context
    )
    if args.json:
        print_json([c.to_dict() for c in lines])
    else:
        for c in lines:
            page = f" 第{c.page}页" if c.page is not None else ""
            print(f"#{c.id}《{c.title}》{c.offset}{page}\t{c.before}【{c.match}】{c.after}")
        print(f"共 {len(lines)} 处")
    return 0


def cmd_reindex(args: argparse.Namespace, library: Library) -> int:
    count = library.search.reindex(terminal_progress()).value
    print(f"检索索引已重建：{count} 篇")
    return 0
