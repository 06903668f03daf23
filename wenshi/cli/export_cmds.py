"""Export commands: ``export-toc``, ``export-volume``, ``export-index``, ``export-catalogue``,
``payments``."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.cli.argtypes import natural
from wenshi.cli.output import print_json, table
from wenshi.export import payments
from wenshi.library import Library
from wenshi.volumes import fees


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-toc", help="导出目录稿（.docx .md .html .csv）")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--format", choices=["docx", "md", "html", "csv"])
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export_toc)

    p = sub.add_parser("export-volume", help="导出整辑文稿（.docx，供排版）")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("-o", "--output", required=True, metavar="FILE.docx")
    p.add_argument(
        "--index",
        action="append",
        choices=["person", "place"],
        default=[],
        help="书末附人名索引（person）或地名索引（place），可都给",
    )
    p.set_defaults(handler=cmd_export_volume)

    p = sub.add_parser(
        "export-index",
        help="导出一辑的人名索引或地名索引（.docx 两栏，或 .csv）",
        description="按人物/地名名录编出全辑的索引：每个名称出现的页码（已出版的辑用实际页码，"
        "编排中的辑用估算页码），按汉语拼音排序，别名“见”正名。",
    )
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--kind", choices=["person", "place"], default="person")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export_index)

    p = sub.add_parser("export-catalogue", help="导出各辑总目录（.docx 或 .csv）")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.set_defaults(handler=cmd_export_catalogue)

    p = sub.add_parser("payments", help="导出一辑的稿酬表（.xlsx 或 .csv）")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--rate", type=float, metavar="R", help="未单独设定的稿件按此标准（元/千字）")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_payments)


def cmd_export_toc(args: argparse.Namespace, library: Library) -> int:
    path = library.exports.toc(args.number, Path(args.output), args.format)
    print(f"已导出第 {args.number} 辑目录：{path}")
    return 0


def cmd_export_index(args: argparse.Namespace, library: Library) -> int:
    lines = library.exports.name_index(args.number, args.kind, Path(args.output))
    label = "人名索引" if args.kind == "person" else "地名索引"
    print(f"已导出第 {args.number} 辑{label}（{lines} 条）：{args.output}")
    return 0


def cmd_export_volume(args: argparse.Namespace, library: Library) -> int:
    indexes = tuple(dict.fromkeys(args.index))
    articles = library.exports.volume(args.number, Path(args.output), indexes)
    print(f"已导出第 {args.number} 辑全文（{articles} 篇）：{args.output}")
    return 0


def cmd_export_catalogue(args: argparse.Namespace, library: Library) -> int:
    count = library.exports.all_volumes_toc(Path(args.output))
    print(f"已导出总目录（{count} 辑）：{args.output}")
    return 0


def cmd_payments(args: argparse.Namespace, library: Library) -> int:
    if args.output:
        lines = library.exports.payments(args.number, Path(args.output), args.rate)
        total = payments.total(lines)
        print(f"已导出稿酬表：{len(lines)} 篇，合计 {total} 元 → {args.output}")
        return 0
    lines = library.volumes.payments(args.number, args.rate)
    total = payments.total(lines)
    if args.json:
        print_json({"number": args.number, "total": total, "lines": [f.to_dict() for f in lines]})
    else:
        print(
            table(
                payments.HEADERS[:9],
                [
                    [
                        str(f.id),
                        f.authors,
                        f.title,
                        fees.KINDS[f.kind][0],
                        fees.BASES[f.basis],
                        str(f.figure),
                        str(f.thousands),
                        f"{f.rate:g}",
                        f"{f.amount:.2f}",
                    ]
                    for f in lines
                ],
            )
        )
        print(f"合计 {total:.2f} 元")
    return 0
