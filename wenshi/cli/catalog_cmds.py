"""Catalog commands: import, list, show, set, edit, history, restore, rm, trash, undelete,
stats, backup. Each is a few lines over ``wenshi.catalog`` / ``wenshi.query``."""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from wenshi import importer, query, workflow
from wenshi.backup import backup_library
from wenshi.catalog import Catalog
from wenshi.cli.count_cmd import LABELS as COUNT_LABELS
from wenshi.cli.output import error_line, print_json, table, terminal_progress
from wenshi.errors import ImportFileError, InvalidValueError
from wenshi.images import Images
from wenshi.library import Library
from wenshi.records import COUNT_FIELDS, ROLE_LABELS
from wenshi.sample import load_sample


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="输出 JSON")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="导入稿件文件或文件夹（.txt .md .docx）")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--status", default="received", help="导入后的状态（默认：收稿）")
    p.add_argument("--encoding", metavar="E", help="指定文本编码，不自动检测")
    p.add_argument("--title", help="题名（只导入一个文件时；默认取第一个非空行）")
    _json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="列出稿件")
    p.add_argument("--status", help="只列出此状态（如 初审、采用）")
    p.add_argument("--volume", type=int, metavar="N", help="只列出第 N 辑")
    p.add_argument("--search", default="", metavar="TEXT", help="题名或作者包含的文字")
    p.add_argument("--sort", choices=sorted(query.SORT_KEYS), default="id")
    p.add_argument("--desc", action="store_true", help="倒序")
    _json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="显示一篇稿件：信息、字数、正文、历史")
    p.add_argument("id", type=int)
    _json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("set", help="修改稿件信息或审稿状态")
    p.add_argument("id", type=int)
    for flag, help_text in (
        ("--title", "题名"),
        ("--subtitle", "副题"),
        ("--unit", "作者单位"),
        ("--identity", "作者身份"),
        ("--phone", "联系电话"),
        ("--address", "通讯地址"),
        ("--received-date", "来稿日期，如 2022-06-24"),
        ("--received-via", "来稿方式"),
        ("--section-wish", "拟投栏目"),
        ("--genre", "体裁：prose（文章）或 verse（诗词）"),
        ("--notes", "备注"),
    ):
        p.add_argument(flag, help=help_text)
    p.add_argument("--author", action="append", metavar="NAME", help="作者（可重复）")
    p.add_argument("--compiler", action="append", metavar="NAME", help="整理者（可重复）")
    p.add_argument("--narrator", action="append", metavar="NAME", help="口述者（可重复）")
    p.add_argument("--tag", action="append", metavar="TAG", help="标签（可重复，替换原有标签）")
    p.add_argument("--status", help="转入的审稿状态（如 初审、复审、采用）")
    p.add_argument("--opinion", default="", help="审稿意见")
    p.add_argument("--by", default="", metavar="NAME", help="经办人")
    p.set_defaults(handler=cmd_set)

    p = sub.add_parser("edit", help="以文件替换正文（保留旧版本）")
    p.add_argument("id", type=int)
    p.add_argument("--body-file", required=True, metavar="F")
    p.add_argument("--reason", default="", help="修改原因")
    p.add_argument("--encoding", metavar="E")
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("history", help="正文版本与审稿记录")
    p.add_argument("id", type=int)
    p.add_argument("--show", type=int, metavar="REV", help="输出该版本的全文")
    p.add_argument("--diff", type=int, metavar="REV", help="该版本与当前正文的差异")
    _json_flag(p)
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("restore", help="把正文恢复为某一版本（作为新版本保存）")
    p.add_argument("id", type=int)
    p.add_argument("revision", type=int)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("rm", help="把稿件移入回收站")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_rm)

    p = sub.add_parser("trash", help="列出回收站中的稿件")
    _json_flag(p)
    p.set_defaults(handler=cmd_trash)

    p = sub.add_parser("undelete", help="从回收站恢复稿件")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_undelete)

    p = sub.add_parser("stats", help="按状态统计篇数与字数")
    _json_flag(p)
    p.set_defaults(handler=cmd_stats)

    register_images(sub)

    p = sub.add_parser("sample", help="载入示例文库（两辑《灵武文史》和几篇审稿中的稿件）")
    p.set_defaults(handler=cmd_sample)

    p = sub.add_parser("backup", help="把整个文库备份为一个 .zip")
    p.add_argument("file", metavar="FILE.zip")
    p.set_defaults(handler=cmd_backup)


# -- import ---------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace, library: Library) -> int:
    workflow.parse_status(args.status)
    results = importer.import_paths(
        library,
        args.paths,
        status=args.status,
        encoding=args.encoding,
        title=args.title,
        progress=terminal_progress(),
    )
    if args.json:
        print_json([r.to_dict() for r in results])
    for r in results:
        if r.status == "error":
            error_line(r.error or r.path)
        elif not args.json:
            if r.status == "duplicate":
                print(f"重复    #{r.id}  {r.path}（与库中稿件 {r.id} 的原始文件相同，未导入）")
            else:
                similar = f"  ⚠ 疑似与 #{r.similar_to} 重复" if r.similar_to else ""
                print(
                    f"已导入  #{r.id}  {r.title}  [{r.encoding or 'docx'}，字数 {r.words}]{similar}"
                )
    if not args.json:
        done = sum(r.status == "imported" for r in results)
        dup = sum(r.status == "duplicate" for r in results)
        bad = sum(r.status == "error" for r in results)
        print(f"共 {len(results)} 个文件：导入 {done}，重复 {dup}，失败 {bad}")
    return 1 if any(r.status == "error" for r in results) else 0


# -- list / trash / stats --------------------------------------------------------------------
def _summary_table(rows: list) -> str:
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
    rows = query.list_manuscripts(
        query.Filter(
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
        print(_summary_table(rows))
        print(f"共 {len(rows)} 篇，{sum(r.words for r in rows)} 字")
    else:
        print("没有符合条件的稿件")
    return 0


def cmd_trash(args: argparse.Namespace, library: Library) -> int:
    rows = query.list_manuscripts(query.Filter(trash=True))
    if args.json:
        print_json([r.to_dict() for r in rows])
    else:
        print(_summary_table(rows) if rows else "回收站是空的")
    return 0


def cmd_stats(args: argparse.Namespace, library: Library) -> int:
    stats = query.stats()
    if args.json:
        print_json(stats.to_dict())
        return 0
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
    print(f"回收站：{stats.in_trash} 篇    文库：{library.path}")
    return 0


# -- one manuscript -------------------------------------------------------------------------
def cmd_show(args: argparse.Namespace, library: Library) -> int:
    catalog = Catalog(library)
    detail = catalog.get(args.id)
    history = catalog.history(args.id)
    reviews = catalog.reviews(args.id)
    if args.json:
        data = detail.to_dict()
        data["history"] = [h.to_dict() for h in history]
        data["reviews"] = [r.to_dict() for r in reviews]
        print_json(data)
        return 0
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
    ):
        if value:
            lines.append(f"{label}：{value}")
    lines.append("  ".join(f"{COUNT_LABELS[k]} {detail.counts[k]}" for k in COUNT_FIELDS))
    for f in detail.files:
        lines.append(f"原始文件：{f.original_name}（{f.kind}，{f.encoding or '—'}，{f.size} 字节）")
    lines.append(
        f"正文版本：{len(history)}    审稿记录：{len(reviews)} 条（wenshi history {detail.id}）"
    )
    lines += ["", detail.body]
    print("\n".join(lines))
    return 0


def _people_changes(args: argparse.Namespace) -> dict[str, list[str]]:
    return {role: getattr(args, role) for role in ROLE_LABELS if getattr(args, role) is not None}


def cmd_set(args: argparse.Namespace, library: Library) -> int:
    catalog = Catalog(library)
    fields = {
        name: getattr(args, name)
        for name in (
            "title",
            "subtitle",
            "unit",
            "identity",
            "phone",
            "address",
            "received_date",
            "received_via",
            "section_wish",
            "genre",
            "notes",
        )
        if getattr(args, name) is not None
    }
    people = _people_changes(args)
    if not fields and not people and args.tag is None and args.status is None:
        raise InvalidValueError("没有要修改的内容；见 wenshi set --help")
    catalog.get(args.id, include_deleted=False)
    with library.write():  # all of it or none: a refused status step keeps the old title
        if fields:
            catalog.update(args.id, **fields)
        for role, names in people.items():
            catalog.set_people(args.id, role, names)
        if args.tag is not None:
            catalog.set_tags(args.id, args.tag)
        if args.status is not None:
            catalog.transition(args.id, args.status, actor=args.by, opinion=args.opinion)
    detail = catalog.get(args.id)
    print(f"#{detail.id}  {detail.title}  状态：{detail.status_label}")
    return 0


def cmd_edit(args: argparse.Namespace, library: Library) -> int:
    _, _, text, _ = importer.read_document(Path(args.body_file), args.encoding)
    catalog = Catalog(library)
    before = catalog.get(args.id, include_deleted=False).revisions
    number = catalog.edit_body(args.id, text, args.reason)
    if number == before:
        print(f"#{args.id} 正文没有变化，未新建版本")
    else:
        undo = f"wenshi restore {args.id} {before}"
        print(f"#{args.id} 已保存为第 {number} 版（可用 {undo} 恢复旧版本）")
    return 0


def cmd_history(args: argparse.Namespace, library: Library) -> int:
    catalog = Catalog(library)
    if args.show is not None:
        print(catalog.revision_text(args.id, args.show))
        return 0
    if args.diff is not None:
        old = catalog.revision_text(args.id, args.diff).splitlines()
        new = catalog.get(args.id).body.splitlines()
        diff = difflib.unified_diff(old, new, f"第 {args.diff} 版", "当前正文", lineterm="")
        print("\n".join(diff) or "与当前正文相同")
        return 0
    revisions = catalog.history(args.id)
    reviews = catalog.reviews(args.id)
    if args.json:
        print_json(
            {
                "id": args.id,
                "revisions": [r.to_dict() for r in revisions],
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
    print("\n审稿记录：")
    print(
        table(
            ["时间", "状态", "经办人", "意见"],
            [[e.at, e.to_label, e.actor, e.opinion] for e in reviews],
        )
    )
    return 0


def cmd_restore(args: argparse.Namespace, library: Library) -> int:
    number = Catalog(library).restore(args.id, args.revision)
    print(f"#{args.id} 已恢复为第 {args.revision} 版的正文，保存为第 {number} 版")
    return 0


def cmd_rm(args: argparse.Namespace, library: Library) -> int:
    catalog = Catalog(library)
    title = catalog.get(args.id, include_deleted=False).title
    catalog.delete(args.id)
    print(f"#{args.id}《{title}》已移入回收站（wenshi undelete {args.id} 可恢复）")
    return 0


def cmd_undelete(args: argparse.Namespace, library: Library) -> int:
    catalog = Catalog(library)
    catalog.undelete(args.id)
    print(f"#{args.id}《{catalog.get(args.id).title}》已从回收站恢复")
    return 0


def cmd_backup(args: argparse.Namespace, library: Library) -> int:
    count = backup_library(library, Path(args.file), terminal_progress())
    print(f"已备份到 {args.file}（数据库和 {count} 个原始文件）")
    return 0


# -- images ---------------------------------------------------------------------------------
def register_images(sub: argparse._SubParsersAction) -> None:
    img = sub.add_parser("image", help="稿件图片：add ID FILE… | list ID | set IMAGE | rm IMAGE")
    isub = img.add_subparsers(
        dest="image_command", metavar="ACTION", required=True, parser_class=type(img)
    )
    p = isub.add_parser("add", help="给稿件添加图片")
    p.add_argument("id", type=int)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--caption", default="", help="图注")
    p.add_argument("--date", default="", help="拍摄日期（默认取 EXIF）")
    p.add_argument("--by", default="", metavar="NAME", help="摄影者（默认取 EXIF）")
    p.set_defaults(handler=cmd_image_add)
    p = isub.add_parser("list", help="列出稿件的图片")
    p.add_argument("id", type=int)
    _json_flag(p)
    p.set_defaults(handler=cmd_image_list)
    p = isub.add_parser("set", help="修改图注、日期、摄影者")
    p.add_argument("image", type=int, metavar="IMAGE")
    p.add_argument("--caption")
    p.add_argument("--date")
    p.add_argument("--by", metavar="NAME")
    p.set_defaults(handler=cmd_image_set)
    p = isub.add_parser("rm", help="移除图片（原始文件仍保存在文库中）")
    p.add_argument("image", type=int, metavar="IMAGE")
    p.set_defaults(handler=cmd_image_rm)


def cmd_image_add(args: argparse.Namespace, library: Library) -> int:
    images = Images(library)
    failed = False
    for name in args.files:
        try:
            info = images.attach(
                args.id, Path(name), caption=args.caption, taken_on=args.date, photographer=args.by
            )
        except ImportFileError as exc:
            error_line(str(exc))
            failed = True
            continue
        print(
            f"图{info.position}  #{info.id}  {info.original_name}  {info.width}×{info.height}"
            f"  {info.caption}"
        )
    return 1 if failed else 0


def cmd_image_list(args: argparse.Namespace, library: Library) -> int:
    Catalog(library).get(args.id)
    infos = Images(library).list(args.id)
    if args.json:
        print_json([i.to_dict() for i in infos])
    elif infos:
        print(
            table(
                ["图", "ID", "文件", "尺寸", "图注", "日期", "摄影"],
                [
                    [
                        str(i.position),
                        str(i.id),
                        i.original_name,
                        f"{i.width}×{i.height}",
                        i.caption,
                        i.taken_on,
                        i.photographer,
                    ]
                    for i in infos
                ],
            )
        )
    else:
        print(f"稿件 {args.id} 没有图片")
    return 0


def cmd_image_set(args: argparse.Namespace, library: Library) -> int:
    Images(library).update(
        args.image, caption=args.caption, taken_on=args.date, photographer=args.by
    )
    print(f"图片 {args.image} 已修改")
    return 0


def cmd_image_rm(args: argparse.Namespace, library: Library) -> int:
    Images(library).remove(args.image)
    print(f"图片 {args.image} 已移除（原始文件仍保存在文库中）")
    return 0


def cmd_sample(args: argparse.Namespace, library: Library) -> int:
    count = load_sample(library, progress=terminal_progress())
    print(f"已载入示例文库：{count} 篇稿件，第十六、十七辑（wenshi volume list 查看）")
    return 0
