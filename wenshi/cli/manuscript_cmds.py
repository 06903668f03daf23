"""Commands on one manuscript: show, set, edit, history, restore, rm, undelete."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from wenshi.cli.argtypes import natural
from wenshi.cli.common import json_flag, limit_options, limits_from
from wenshi.cli.count_cmd import LABELS as COUNT_LABELS
from wenshi.cli.output import print_json, table
from wenshi.errors import InvalidValueError
from wenshi.library import Library
from wenshi.originals import copy_originals
from wenshi.reading import ReadOptions, read_document
from wenshi.records import COUNT_FIELDS, EDITABLE_FIELDS, ROLE_LABELS, ManuscriptDetail
from wenshi.text.periods import ranges_label

_FIELD_HELP = {
    "title": "题名",
    "subtitle": "副题",
    "unit": "作者单位",
    "identity": "作者身份",
    "phone": "联系电话",
    "address": "通讯地址",
    "received_date": "来稿日期，如 2022-06-24",
    "received_via": "来稿方式",
    "section_wish": "拟投栏目",
    "genre": "体裁：prose（文章）或 verse（诗词）",
    "notes": "备注",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="显示一篇稿件：信息、字数、正文、历史")
    p.add_argument("id", type=natural)
    json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser(
        "set",
        help="修改稿件信息或审稿状态（多篇：同一审稿步骤、加减标签）",
        description="一篇稿件可改任何信息；给出多个 ID 时，只能一起转入同一审稿状态"
        "（同一条意见，全部成功或全部不变）或加上、去掉标签。",
    )
    p.add_argument("ids", type=natural, nargs="+", metavar="ID")
    for name in EDITABLE_FIELDS:
        p.add_argument("--" + name.replace("_", "-"), help=_FIELD_HELP[name])
    p.add_argument("--author", action="append", metavar="NAME", help="作者（可重复）")
    p.add_argument("--compiler", action="append", metavar="NAME", help="整理者（可重复）")
    p.add_argument("--narrator", action="append", metavar="NAME", help="口述者（可重复）")
    p.add_argument("--tag", action="append", metavar="TAG", help="标签（可重复，替换原有标签）")
    p.add_argument("--add-tag", action="append", metavar="TAG", help="加上标签（保留原有标签）")
    p.add_argument("--remove-tag", action="append", metavar="TAG", help="去掉标签")
    p.add_argument("--status", help="转入的审稿状态（如 初审、复审、采用）")
    p.add_argument("--opinion", default="", help="审稿意见")
    p.add_argument("--by", default="", metavar="NAME", help="经办人")
    p.add_argument(
        "--if-version", type=natural, metavar="V", help="只在稿件仍是第 V 版信息时修改（防止覆盖）"
    )
    p.set_defaults(handler=cmd_set)

    p = sub.add_parser("original", help="把稿件的原始文件按原来的文件名复制出来")
    p.add_argument("id", type=natural)
    p.add_argument("--to", default=".", metavar="DIR", help="复制到哪个文件夹（默认：当前文件夹）")
    json_flag(p)
    p.set_defaults(handler=cmd_original)

    p = sub.add_parser("edit", help="以文件替换正文（保留旧版本）")
    p.add_argument("id", type=natural)
    p.add_argument("--body-file", required=True, metavar="F")
    p.add_argument("--reason", default="", help="修改原因")
    p.add_argument("--encoding", metavar="E")
    p.add_argument(
        "--if-version", type=natural, metavar="V", help="只在稿件仍是第 V 版信息时修改（防止覆盖）"
    )
    limit_options(p)
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("history", help="正文版本、信息修改与审稿记录")
    p.add_argument("id", type=natural)
    p.add_argument("--show", type=natural, metavar="REV", help="输出该版本的全文")
    p.add_argument("--diff", type=natural, metavar="REV", help="该版本与当前正文的差异")
    json_flag(p)
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("restore", help="把正文恢复为某一版本（作为新版本保存）")
    p.add_argument("id", type=natural)
    p.add_argument("revision", type=natural)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("rm", help="把稿件移入回收站")
    p.add_argument("id", type=natural)
    p.set_defaults(handler=cmd_rm)

    p = sub.add_parser("undelete", help="从回收站恢复稿件")
    p.add_argument("id", type=natural)
    p.set_defaults(handler=cmd_undelete)


def cmd_show(args: argparse.Namespace, library: Library) -> int:
    manuscripts = library.manuscripts
    detail = manuscripts.get(args.id)
    history = manuscripts.history(args.id)
    reviews = manuscripts.reviews(args.id)
    details = manuscripts.detail_changes(args.id)
    if args.json:
        data = detail.to_dict()
        data["history"] = [h.to_dict() for h in history]
        data["reviews"] = [r.to_dict() for r in reviews]
        data["detail_changes"] = [c.to_dict() for c in details]
        print_json(data)
    else:
        print(format_detail(detail, len(history), len(reviews)))
    return 0


def format_detail(detail: ManuscriptDetail, revisions: int, reviews: int) -> str:
    people = [("作者", detail.authors), ("口述", detail.narrators), ("整理", detail.compilers)]
    lines = [
        f"#{detail.id}  {detail.title}"
        + (f"\n      ——{detail.subtitle}" if detail.subtitle else "")
    ]
    lines += [f"{label}：{'、'.join(names)}" for label, names in people if names]
    lines.append(f"状态：{detail.status_label}" + ("（在回收站中）" if detail.deleted_at else ""))
    for label, value in (
        ("单位", detail.unit),
        ("身份", detail.identity),
        ("电话", detail.phone),
        ("地址", detail.address),
        ("来稿日期", detail.received_date or ""),
        ("来稿方式", detail.received_via),
        ("拟投栏目", detail.section_wish),
        ("标签", "、".join(detail.tags)),
        ("备注", detail.notes),
        ("辑/栏目", f"第{detail.volume}辑 {detail.section}" if detail.volume else ""),
        ("已刊", f"第{detail.volume}辑第{detail.start_page}页起" if detail.start_page else ""),
        ("疑似重复", f"#{detail.similar_to}" if detail.similar_to else ""),
        ("提到的年代", ranges_label(detail.periods)),
    ):
        if value:
            lines.append(f"{label}：{value}")
    lines.append("  ".join(f"{COUNT_LABELS[k]} {detail.counts[k]}" for k in COUNT_FIELDS))
    for f in detail.files:
        lines.append(f"原始文件：{f.original_name}（{f.kind}，{f.encoding or '—'}，{f.size} 字节）")
    if detail.furniture:
        lines.append(f"页眉页脚（不计字数）：{' / '.join(detail.furniture.splitlines())}")
    lines.append(
        f"正文版本：{revisions}    信息版本：{detail.version}    审稿记录：{reviews} 条"
        f"（wenshi history {detail.id}）"
    )
    lines += ["", detail.body]
    return "\n".join(lines)


def cmd_set(args: argparse.Namespace, library: Library) -> int:
    fields = {
        name: getattr(args, name) for name in EDITABLE_FIELDS if getattr(args, name) is not None
    }
    people = {role: getattr(args, role) for role in ROLE_LABELS if getattr(args, role) is not None}
    retag = args.add_tag is not None or args.remove_tag is not None
    if not fields and not people and args.tag is None and args.status is None and not retag:
        raise InvalidValueError("没有要修改的内容；见 wenshi set --help")
    ids = list(dict.fromkeys(args.ids))
    details: dict[str, object] = {}
    if fields or people or args.tag is not None or args.if_version:
        details = {
            "fields": fields,
            "people": people,
            "tags": args.tag,
            "expected_version": args.if_version,
        }
    manuscripts = library.manuscripts
    manuscripts.set_many(
        ids,
        status=args.status,
        actor=args.by,
        opinion=args.opinion,
        add_tags=args.add_tag or (),
        remove_tags=args.remove_tag or (),
        **details,
    )
    for mid in ids:
        detail = manuscripts.get(mid)
        tags = f"  标签：{'、'.join(detail.tags)}" if retag else ""
        print(f"#{detail.id}  {detail.title}  状态：{detail.status_label}{tags}")
    return 0


def cmd_original(args: argparse.Namespace, library: Library) -> int:
    copies = copy_originals(library, args.id, Path(args.to))
    if args.json:
        print_json([str(path) for path in copies])
    else:
        for path in copies:
            print(path)
    return 0


def cmd_edit(args: argparse.Namespace, library: Library) -> int:
    options = ReadOptions(args.encoding, limits=limits_from(args))
    _, document = read_document(Path(args.body_file), options)
    text = document.text
    before = library.manuscripts.get(args.id, include_deleted=False).revisions
    number = library.manuscripts.edit_body(
        args.id, text, args.reason, expected_version=args.if_version
    ).value
    if number == before:
        print(f"#{args.id} 正文没有变化，未新建版本")
    else:
        undo = f"wenshi restore {args.id} {before}"
        print(f"#{args.id} 已保存为第 {number} 版（可用 {undo} 恢复旧版本）")
    return 0


def cmd_history(args: argparse.Namespace, library: Library) -> int:
    manuscripts = library.manuscripts
    if args.show is not None:
        print(manuscripts.revision_text(args.id, args.show))
        return 0
    if args.diff is not None:
        old = manuscripts.revision_text(args.id, args.diff).splitlines()
        new = manuscripts.get(args.id).body.splitlines()
        diff = difflib.unified_diff(old, new, f"第 {args.diff} 版", "当前正文", lineterm="")
        print("\n".join(diff) or "与当前正文相同")
        return 0
    revisions = manuscripts.history(args.id)
    reviews = manuscripts.reviews(args.id)
    details = manuscripts.detail_changes(args.id)
    if args.json:
        print_json(
            {
                "id": args.id,
                "revisions": [r.to_dict() for r in revisions],
                "detail_changes": [c.to_dict() for c in details],
                "reviews": [r.to_dict() for r in reviews],
            }
        )
        return 0
    print("正文版本：")
    print(
        table(
            ["版本", "时间", "字数", "原因", ""],
            [
                [str(r.number), r.created_at, str(r.words), r.reason, "当前" if r.current else ""]
                for r in revisions
            ],
        )
    )
    if details:
        print("\n信息修改：")
        print(
            table(
                ["时间", "项目", "原为", "改为", "经办人"],
                [[c.at, c.label, c.old or "（空）", c.new or "（空）", c.actor] for c in details],
            )
        )
    print("\n审稿记录：")
    print(
        table(
            ["时间", "状态", "经办人", "意见"],
            [[e.at, e.to_label, e.actor, e.opinion] for e in reviews],
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace, library: Library) -> int:
    number = library.manuscripts.restore(args.id, args.revision).value
    print(f"#{args.id} 已恢复为第 {args.revision} 版的正文，保存为第 {number} 版")
    return 0


def cmd_rm(args: argparse.Namespace, library: Library) -> int:
    title = library.manuscripts.get(args.id, include_deleted=False).title
    library.manuscripts.delete(args.id)
    print(f"#{args.id}《{title}》已移入回收站（wenshi undelete {args.id} 可恢复）")
    return 0


def cmd_undelete(args: argparse.Namespace, library: Library) -> int:
    library.manuscripts.undelete(args.id)
    print(f"#{args.id}《{library.manuscripts.get(args.id).title}》已从回收站恢复")
    return 0
