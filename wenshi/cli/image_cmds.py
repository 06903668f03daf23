"""``wenshi image add|list|set|rm``: the photos of a manuscript."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.cli.argtypes import natural
from wenshi.cli.common import json_flag, limit_options, limits_from
from wenshi.cli.output import error_line, print_json, table
from wenshi.errors import ImportFileError
from wenshi.library import Library


def register(sub: argparse._SubParsersAction) -> None:
    img = sub.add_parser("image", help="稿件图片：add ID FILE… | list ID | set IMAGE | rm IMAGE")
    isub = img.add_subparsers(
        dest="image_command", metavar="ACTION", required=True, parser_class=type(img)
    )
    p = isub.add_parser("add", help="给稿件添加图片")
    p.add_argument("id", type=natural)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--caption", default="", help="图注")
    p.add_argument("--date", default="", help="拍摄日期（默认取 EXIF）")
    p.add_argument("--by", default="", metavar="NAME", help="摄影者（默认取 EXIF）")
    limit_options(p, "max_pixels")
    p.set_defaults(handler=cmd_image_add)
    p = isub.add_parser("list", help="列出稿件的图片")
    p.add_argument("id", type=natural)
    json_flag(p)
    p.set_defaults(handler=cmd_image_list)
    p = isub.add_parser("set", help="修改图注、日期、摄影者")
    p.add_argument("image", type=natural, metavar="IMAGE")
    p.add_argument("--caption")
    p.add_argument("--date")
    p.add_argument("--by", metavar="NAME")
    p.set_defaults(handler=cmd_image_set)
    p = isub.add_parser("rm", help="移除图片（原始文件仍保存在文库中）")
    p.add_argument("image", type=natural, metavar="IMAGE")
    p.set_defaults(handler=cmd_image_rm)


def cmd_image_add(args: argparse.Namespace, library: Library) -> int:
    failed = False
    limits = limits_from(args)
    for name in args.files:
        try:
            info = library.images.attach(
                args.id,
                Path(name),
                caption=args.caption,
                taken_on=args.date,
                photographer=args.by,
                limits=limits,
            ).value
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
    library.manuscripts.get(args.id)
    infos = library.images.list(args.id)
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
    library.images.update(
        args.image, caption=args.caption, taken_on=args.date, photographer=args.by
    )
    print(f"图片 {args.image} 已修改")
    return 0


def cmd_image_rm(args: argparse.Namespace, library: Library) -> int:
    library.images.remove(args.image)
    print(f"图片 {args.image} 已移除（原始文件仍保存在文库中）")
    return 0
