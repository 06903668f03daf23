"""``cite``: the citation of articles (or of one page of one), for a paper or Zotero."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.citation import FORMATS
from wenshi.cli.argtypes import natural
from wenshi.library import Library

FORMAT_HELP = (
    "gbt7714 GB/T 7714-2015 著录（默认）；ris 导入 Zotero/EndNote；"
    "csl-json 导入 Zotero/Pandoc；bibtex 用于 LaTeX"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "cite",
        help="引用稿件：GB/T 7714、RIS、CSL-JSON、BibTeX",
        description="按 GB/T 7714-2015 析出文献著录，或导出为 RIS / CSL-JSON / BibTeX。"
        "只有编入某辑的稿件可以引用；页码取自已出版的辑。",
    )
    p.add_argument("ids", type=natural, nargs="+", metavar="ID")
    p.add_argument("--page", type=natural, metavar="P", help="引用某一页（检索命中所在页）")
    p.add_argument("--format", choices=list(FORMATS), help=FORMAT_HELP)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="写入文件，格式随扩展名：.txt GB/T 7714、.ris、.json CSL-JSON、.bib BibTeX",
    )
    p.set_defaults(handler=cmd_cite)


def cmd_cite(args: argparse.Namespace, library: Library) -> int:
    if args.output:
        count = library.exports.citations(
            args.ids, Path(args.output), page=args.page, style=args.format
        )
        print(f"已写入 {count} 条引文：{args.output}")
        return 0
    print(library.citations.cite(args.ids, page=args.page, style=args.format or "gbt7714"), end="")
    return 0
