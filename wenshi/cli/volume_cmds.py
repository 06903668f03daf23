"""Volume commands: ``volume …`` and ``fee``."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from wenshi.cli.argtypes import natural
from wenshi.cli.output import print_json, table
from wenshi.errors import InvalidValueError
from wenshi.layout import Layout
from wenshi.library import Library
from wenshi.volumes import fees
from wenshi.volumes.facts import FACT_FIELDS, PublicationFacts
from wenshi.volumes.service import VOLUME_STATUSES


def _layout_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layout", metavar="CPLxLPP", help="版心：每行字数x每页行数，如 28x30")
    p.add_argument("--paper", help="开本，如 16开、32开")
    p.add_argument("--title-lines", type=natural, help="题名所占行数（默认 3）")
    p.add_argument("--section-lines", type=natural, help="栏目标题所占行数（默认 2）")
    p.add_argument("--image-lines", type=natural, help="每幅图片所占行数（默认 10）")
    p.add_argument("--front-pages", type=natural, help="前置页数（扉页、前言、目录等）")
    p.add_argument(
        "--new-page", action=argparse.BooleanOptionalAction, default=None, help="每篇另起一页"
    )
    p.add_argument(
        "--right-hand",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="每篇从单页码（右页）起",
    )


def _fact_options(p: argparse.ArgumentParser) -> None:
    """A volume's publication facts, as a citation of its articles gives them."""
    p.add_argument("--editor", help="主编/编者，个人或机构，如 政协灵武市委员会文史资料委员会")
    p.add_argument("--place", help="出版地，如 灵武")
    p.add_argument("--publisher", help="出版者")
    internal = p.add_mutually_exclusive_group()
    internal.add_argument(
        "--internal", action="store_true", default=None, help="内部资料（无出版社，凭准印证印行）"
    )
    internal.add_argument(
        "--not-internal", dest="internal", action="store_false", help="不是内部资料"
    )
    p.add_argument("--permit", metavar="NO", help="准印证号")
    p.add_argument("--isbn", help="ISBN（空字符串清除）")
    p.add_argument("--series", help="丛书名，如 灵武文史（默认取辑名书名号内的文字）")


def _fact_changes(args: argparse.Namespace) -> dict[str, object]:
    return {n: getattr(args, n) for n in FACT_FIELDS if getattr(args, n, None) is not None}


def _layout_changes(args: argparse.Namespace) -> dict[str, object]:
    """The layout settings given on the command line (a type area "28x30" as its two)."""
    changes: dict[str, object] = {}
    if args.layout:
        area = Layout.parse(args.layout)
        changes |= {"chars_per_line": area.chars_per_line, "lines_per_page": area.lines_per_page}
    for name in (
        "paper",
        "title_lines",
        "section_lines",
        "image_lines",
        "front_pages",
        "new_page",
        "right_hand",
    ):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    return changes


def register(sub: argparse._SubParsersAction) -> None:
    vol = sub.add_parser("volume", help="编辑成辑：辑、栏目、编排、页码估算")
    vsub = vol.add_subparsers(
        dest="volume_command", metavar="ACTION", required=True, parser_class=type(vol)
    )

    p = vsub.add_parser("create", help="新建一辑")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--title", required=True, help="辑名，如 《灵武文史》第十七辑")
    p.add_argument("--year", type=natural)
    p.add_argument("--target-words", type=natural, metavar="W", help="目标字数")
    _layout_options(p)
    p.set_defaults(handler=cmd_create)

    p = vsub.add_parser("set", help="修改辑名、年份、目标字数、状态、版式或出版信息")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--title")
    p.add_argument("--year", type=natural)
    p.add_argument("--target-words", type=natural, metavar="W")
    p.add_argument("--status", choices=sorted(VOLUME_STATUSES))
    _layout_options(p)
    _fact_options(p)
    p.set_defaults(handler=cmd_set)

    p = vsub.add_parser("list", help="列出各辑")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = vsub.add_parser(
        "section", help="栏目：add NAME [--at POS] | rename OLD NEW | move NAME POS | rm NAME"
    )
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("action", choices=["add", "rename", "move", "rm"])
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--at", type=natural, metavar="POS", help="位置（从 1 起）")
    p.set_defaults(handler=cmd_section)

    p = vsub.add_parser("add", help="把稿件编入栏目")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("ids", type=natural, nargs="+", metavar="ID")
    p.add_argument("--section", required=True, metavar="NAME")
    p.add_argument("--at", type=natural, metavar="POS", help="插入位置（从 1 起，默认末尾）")
    p.set_defaults(handler=cmd_add)

    p = vsub.add_parser("move", help="移动稿件到另一栏目或位置")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("id", type=natural, metavar="ID")
    p.add_argument("--section", required=True, metavar="NAME")
    p.add_argument("--at", type=natural, metavar="POS")
    p.set_defaults(handler=cmd_move)

    p = vsub.add_parser("remove", help="把稿件移出本辑（回到待编稿件）")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("id", type=natural, metavar="ID")
    p.set_defaults(handler=cmd_remove)

    p = vsub.add_parser("show", help="显示一辑：栏目、篇目、字数、起始页、合计")
    p.add_argument("number", type=natural, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = vsub.add_parser("pool", help="尚未编入任何一辑的采用、待用稿件")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_pool)
    p = sub.add_parser("fee", help="设定一篇稿件的稿酬：类别、计酬依据、标准、支付日期")
    p.add_argument("id", type=natural)
    p.add_argument(
        "--kind",
        choices=sorted(fees.KINDS),
        help="original 原创 / compilation 汇编 / translation 翻译",
    )
    p.add_argument("--basis", choices=sorted(fees.BASES), help="words Word 字数 / layout 版面字数")
    p.add_argument("--rate", type=float, metavar="R", help="元/千字")
    p.add_argument("--paid", metavar="DATE", help="支付日期")
    p.set_defaults(handler=cmd_fee)


def cmd_create(args: argparse.Namespace, library: Library) -> int:
    settings = Layout(**_layout_changes(args))
    library.volumes.create(
        args.number, args.title, year=args.year, target_words=args.target_words, settings=settings
    )
    print(f"已新建第 {args.number} 辑 {args.title.strip()}（版心 {settings.type_area}）")
    return 0


def cmd_set(args: argparse.Namespace, library: Library) -> int:
    changes = {**_layout_changes(args), **_fact_changes(args)}
    for name in ("title", "year", "target_words", "status"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if not changes:
        raise InvalidValueError("没有要修改的内容；见 wenshi volume set --help")
    library.volumes.update(args.number, **changes)
    print(f"第 {args.number} 辑已修改")
    return 0


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    volumes = library.volumes.list()
    if args.json:
        print_json([asdict(v) for v in volumes])
    elif volumes:
        print(
            table(
                ["辑", "辑名", "年份", "状态", "篇数", "字数", "目标字数"],
                [
                    [
                        str(v.number),
                        v.title,
                        str(v.year or ""),
                        VOLUME_STATUSES[v.status],
                        str(v.articles),
                        str(v.words),
                        str(v.target_words or ""),
                    ]
                    for v in volumes
                ],
            )
        )
    else:
        print("还没有任何一辑（wenshi volume create N --title …）")
    return 0


def cmd_section(args: argparse.Namespace, library: Library) -> int:
    volumes, names, n = library.volumes, args.names, args.number
    expected = {"add": 1, "rename": 2, "move": 2, "rm": 1}[args.action]
    if len(names) != expected:
        raise InvalidValueError(
            "用法：section N add NAME [--at POS] | rename OLD NEW | move NAME POS | rm NAME"
        )
    if args.action == "add":
        volumes.add_section(n, names[0], args.at)
    elif args.action == "rename":
        volumes.rename_section(n, names[0], names[1])
    elif args.action == "move":
        if not names[1].isdigit():
            raise InvalidValueError(f"位置“{names[1]}”无效：须为从 1 起的整数")
        volumes.move_section(n, names[0], int(names[1]))
    else:
        volumes.remove_section(n, names[0])
    print(f"第 {n} 辑栏目：{'、'.join(volumes.sections(n)) or '（无）'}")
    return 0


def cmd_add(args: argparse.Namespace, library: Library) -> int:
    library.volumes.place(args.number, args.ids, args.section, args.at)
    print(f"已把 {len(args.ids)} 篇编入第 {args.number} 辑“{args.section}”")
    return 0


def cmd_move(args: argparse.Namespace, library: Library) -> int:
    library.volumes.move(args.number, args.id, args.section, args.at)
    print(f"稿件 {args.id} 已移到“{args.section}”")
    return 0


def cmd_remove(args: argparse.Namespace, library: Library) -> int:
    library.volumes.remove(args.number, args.id)
    print(f"稿件 {args.id} 已移出第 {args.number} 辑")
    return 0


def cmd_show(args: argparse.Namespace, library: Library) -> int:
    plan = library.volumes.plan(args.number)
    if args.json:
        print_json(plan.to_dict())
        return 0
    s = plan.settings
    print(f"第 {plan.number} 辑  {plan.title}  {plan.year or ''}  {VOLUME_STATUSES[plan.status]}")
    print(
        f"版式：{s.paper}，每行 {s.chars_per_line} 字 × 每页 {s.lines_per_page} 行"
        + ("，每篇另起页" if s.new_page else "")
        + ("，每篇起右页" if s.right_hand else "")
    )
    facts = publication_line(plan.facts)
    if facts:
        print(f"出版：{facts}")
    for section in plan.sections:
        t = section.totals
        print(f"\n【{section.name}】 {t.articles} 篇  {t.words} 字  版面 {t.layout_words} 字")
        if section.items:
            print(
                table(
                    ["起页", "ID", "题名", "作者", "字数", "版面字数", "图"],
                    [
                        [
                            str(i.start_page),
                            str(i.id),
                            i.title,
                            i.credit_line,
                            str(i.words),
                            str(i.layout_words),
                            str(i.images or ""),
                        ]
                        for i in section.items
                    ],
                )
            )
    t = plan.totals
    target = ""
    if plan.target_words:
        target = f"，目标 {plan.target_words} 字（{plan.progress:.0%}）"
    print(
        f"\n合计：{t.articles} 篇，{t.words} 字（汉字 {t.han}），版面字数 {t.layout_words}，"
        f"图片 {t.images} 幅，约 {t.pages} 页{target}"
    )
    return 0


def publication_line(facts: PublicationFacts) -> str:
    """编者 政协…；灵武：政协灵武市委员会；内部资料（准印证号 …）；ISBN …"""
    parts = []
    if facts.editor:
        parts.append(f"编者 {facts.editor}")
    if facts.place or facts.publisher:
        parts.append("：".join(p for p in (facts.place, facts.publisher) if p))
    if facts.internal:
        parts.append(f"内部资料（准印证号 {facts.permit}）" if facts.permit else "内部资料")
    if facts.isbn:
        parts.append(f"ISBN {facts.isbn}")
    if facts.series:
        parts.append(f"丛书 {facts.series}")
    return "；".join(parts)


def cmd_pool(args: argparse.Namespace, library: Library) -> int:
    pool = library.volumes.pool()
    if args.json:
        print_json([asdict(p) for p in pool])
    elif pool:
        print(
            table(
                ["ID", "题名", "作者", "状态", "字数", "拟投栏目"],
                [
                    [
                        str(p.id),
                        p.title,
                        "、".join(p.authors),
                        p.status_label,
                        str(p.words),
                        p.section_wish,
                    ]
                    for p in pool
                ],
            )
        )
    else:
        print("没有待编的采用、待用稿件")
    return 0


def cmd_fee(args: argparse.Namespace, library: Library) -> int:
    if all(v is None for v in (args.kind, args.basis, args.rate, args.paid)):
        raise InvalidValueError("没有要设定的内容；见 wenshi fee --help")
    library.manuscripts.set_fee(
        args.id, kind=args.kind, basis=args.basis, rate=args.rate, paid_on=args.paid
    )
    print(f"稿件 {args.id} 的稿酬设定已保存")
    return 0
