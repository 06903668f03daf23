"""``person`` and ``place``: the authority list, an entry under all its names."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.authorities import PERSON_TYPES, PLACE_TYPES, Entry
from wenshi.cli.argtypes import natural
from wenshi.cli.output import print_json, table, terminal_progress
from wenshi.library import Library

HELP = {
    "person": ("人物名录：正名及字、号、别名、笔名、繁体、异体", PERSON_TYPES[1:]),
    "place": ("地名名录：今名及旧名（各有时期）、别名", PLACE_TYPES[1:]),
}


def register(sub: argparse._SubParsersAction) -> None:
    for kind, (help_text, types) in HELP.items():
        top = sub.add_parser(kind, help=help_text)
        actions = top.add_subparsers(
            dest=f"{kind}_command", metavar="ACTION", required=True, parser_class=type(top)
        )
        p = actions.add_parser("add", help="新增一条（正名）")
        p.add_argument("name", metavar="NAME")
        if kind == "person":
            p.add_argument("--dates", default="", help="生卒，如 1884—1960")
        p.add_argument("--note", default="", help="说明")
        p.set_defaults(handler=cmd_add, kind=kind)

        p = actions.add_parser("alias", help="给一条添加别的名称")
        p.add_argument("name", metavar="NAME", help="该条的任一名称")
        p.add_argument("alias", metavar="ALIAS")
        p.add_argument("--type", default="别名" if kind == "person" else "旧名", choices=types)
        if kind == "place":
            p.add_argument("--period", default="", help="该名称通行的时期，如 北魏—明")
        p.set_defaults(handler=cmd_alias, kind=kind)

        p = actions.add_parser("list", help="列出全部条目")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_list, kind=kind)

        p = actions.add_parser("show", help="一条的全部名称，及提到它的每篇稿件")
        p.add_argument("name", metavar="NAME", help="任一名称")
        p.add_argument("-o", "--output", metavar="FILE", help="把稿件列表导出为 .csv 或 .xlsx")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_show, kind=kind)

        p = actions.add_parser("rm", help="删除一条（或用 --alias 只删一个名称）")
        p.add_argument("name", metavar="NAME")
        p.add_argument("--alias", metavar="ALIAS")
        p.set_defaults(handler=cmd_rm, kind=kind)

        p = actions.add_parser(
            "suggest", help="从全部稿件中找出名录尚缺的候选名称（jieba 词性标注与署名），按频次排列"
        )
        p.add_argument("--limit", type=natural, default=30, help="最多列出几个（0 = 全部）")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_suggest, kind=kind)

        p = actions.add_parser("reject", help="候选名称不是人名/地名：以后不再建议")
        p.add_argument("name", metavar="NAME")
        p.set_defaults(handler=cmd_reject, kind=kind)

        p = actions.add_parser("import", help="从 CSV 导入（与 export 同格式；全部成功才存入）")
        p.add_argument("file", metavar="FILE")
        p.set_defaults(handler=cmd_import, kind=kind)

        p = actions.add_parser("export", help="导出为 CSV")
        p.add_argument("file", metavar="FILE")
        p.set_defaults(handler=cmd_export, kind=kind)


def _names(entry: Entry) -> str:
    return "、".join(
        f"{n.name}（{n.type}{'，' + n.period if n.period else ''}）" for n in entry.names[1:]
    )


def cmd_add(args: argparse.Namespace, library: Library) -> int:
    library.authorities.add(args.kind, args.name, dates=getattr(args, "dates", ""), note=args.note)
    print(f"已新增：{args.name.strip()}")
    return 0


def cmd_alias(args: argparse.Namespace, library: Library) -> int:
    period = getattr(args, "period", "")
    library.authorities.alias(args.kind, args.name, args.alias, type_=args.type, period=period)
    entry = library.authorities.get(args.kind, args.name)
    print(f"{entry.name}：{_names(entry)}")
    return 0


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    entries = library.authorities.list(args.kind)
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    if not entries:
        print("名录为空")
        return 0
    print(
        table(
            ["正名", "其他名称", "生卒" if args.kind == "person" else "说明"],
            [[e.name, _names(e), e.dates if args.kind == "person" else e.note] for e in entries],
        )
    )
    return 0


def cmd_show(args: argparse.Namespace, library: Library) -> int:
    authorities = library.authorities
    entry = authorities.get(args.kind, args.name)
    if args.output:
        count = library.exports.mentions(args.kind, args.name, Path(args.output))
        print(f"已导出 {count} 篇到 {args.output}")
        return 0
    mentions = authorities.mentions(args.kind, args.name)
    if args.json:
        print_json({**entry.to_dict(), "mentions": [m.to_dict() for m in mentions]})
        return 0
    print(f"{entry.name}  {entry.dates}".rstrip())
    if len(entry.names) > 1:
        print(f"又名：{_names(entry)}")
    if entry.note:
        print(entry.note)
    print(f"\n提到的稿件：{len(mentions)} 篇")
    if mentions:
        print(
            table(
                ["ID", "题名", "辑", "年份", "所用名称", "处数"],
                [
                    [
                        str(m.id),
                        m.title,
                        f"第{m.volume}辑" if m.volume else "",
                        str(m.year or ""),
                        "、".join(m.names),
                        str(m.hits),
                    ]
                    for m in mentions
                ],
            )
        )
    return 0


def cmd_suggest(args: argparse.Namespace, library: Library) -> int:
    candidates = library.name_candidates.suggest(
        args.kind, limit=args.limit, progress=terminal_progress()
    )
    if args.json:
        print_json([c.to_dict() for c in candidates])
        return 0
    if not candidates:
        print("没有新的候选名称")
        return 0
    rows = [
        [c.name, str(c.count), str(c.manuscripts), "、".join(c.spellings[1:]), "、".join(c.sources)]
        for c in candidates
    ]
    print(table(["候选", "次数", "篇数", "其他写法", "来源"], rows))
    print(
        f"\n收入：wenshi {args.kind} add 名称；并入：wenshi {args.kind} alias 正名 名称；"
        f"不收：wenshi {args.kind} reject 名称"
    )
    return 0


def cmd_reject(args: argparse.Namespace, library: Library) -> int:
    library.name_candidates.reject(args.kind, args.name)
    print(f"已记下：{args.name.strip()} 不再作为候选")
    return 0


def cmd_rm(args: argparse.Namespace, library: Library) -> int:
    library.authorities.remove(args.kind, args.name, args.alias)
    print(f"已删除：{args.alias or args.name}")
    return 0


def cmd_import(args: argparse.Namespace, library: Library) -> int:
    added = library.authorities.import_csv(args.kind, Path(args.file))
    print(f"已导入 {added} 个名称")
    return 0


def cmd_export(args: argparse.Namespace, library: Library) -> int:
    count = library.authorities.export_csv(args.kind, Path(args.file))
    print(f"已导出 {count} 条到 {args.file}")
    return 0
