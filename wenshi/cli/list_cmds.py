"""``wenshi list``, ``trash``, ``stats``: lists and totals of the catalog."""

from __future__ import annotations

import argparse

from wenshi.cli.argtypes import natural
from wenshi.cli.common import json_flag
from wenshi.cli.output import print_json, table
from wenshi.library import Library
from wenshi.queries import SORTS, Filter, Stats
from wenshi.records import ManuscriptSummary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="列出稿件")
    p.add_argument("--status", help="只列出此状态（如 初审、采用）")
    p.add_argument("--volume", type=natural, metavar="N", help="只列出第 N 辑")
    p.add_argument("--search", default="", metavar="TEXT", help="题名或作者包含的文字")
    p.add_argument("--sort", choices=sorted(SORTS), default="id")
    p.add_argument("--desc", action="store_true", help="倒序")
    json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("trash", help="列出回收站中的稿件")
    json_flag(p)
    p.set_defaults(handler=cmd_trash)

    p = sub.add_parser("stats", help="按状态统计篇数与字数")
    json_flag(p)
    p.set_defaults(handler=cmd_stats)


def summary_table(rows: list[ManuscriptSummary]) -> str:
    return table(
        ["ID", "题名", "作者", "状态", "字数", "辑", "栏目", "来稿日期"],
        [
            [
                str(r.id),
                r.title,
                "、".join(r.authors),
                r.status_label,
                str(r.words),
                str(r.volume or ""),
                r.section or "",
                r.received_date or "",
            ]
            for r in rows
        ],
    )


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    rows = library.queries.list(
        Filter(
            status=args.status,
            volume=args.volume,
            text=args.search,
            sort=args.sort,
            descending=args.desc,
        )
    )
    if args.json:
        print_json([r.to_dict() for r in rows])
    elif rows:
        print(summary_table(rows))
        print(f"共 {len(rows)} 篇，{sum(r.words for r in rows)} 字")
    else:
        print("没有符合条件的稿件")
    return 0


def cmd_trash(args: argparse.Namespace, library: Library) -> int:
    rows = library.queries.list(Filter(trash=True))
    if args.json:
        print_json([r.to_dict() for r in rows])
    else:
        print(summary_table(rows) if rows else "回收站是空的")
    return 0


def cmd_stats(args: argparse.Namespace, library: Library) -> int:
    stats = library.queries.stats()
    others = [{"program": o.program, "pid": o.pid} for o in library.other_sessions()]
    if args.json:
        print_json({**stats.to_dict(), "open_elsewhere": others})
    else:
        print_stats(stats, str(library.path))
        if others:
            who = "、".join(f"{o['program']}（进程 {o['pid']}）" for o in others)
            print(f"同时打开本文库的程序：{who}")
    return 0


def print_stats(stats: Stats, where: str) -> None:
    print(
        table(
            ["状态", "篇数", "字数", "汉字"],
            [
                [s["label"], str(s["manuscripts"]), str(s["words"]), str(s["han"])]
                for s in stats.by_status
            ]
            + [["合计", str(stats.manuscripts), str(stats.words), str(stats.han)]],
        )
    )
    print(f"回收站：{stats.in_trash} 篇    文库：{where}")
