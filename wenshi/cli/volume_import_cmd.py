"""``wenshi import-volume FILE.pdf --volume N``: a published volume split into its articles."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.cli.argtypes import natural
from wenshi.cli.common import json_flag, limits_from
from wenshi.cli.import_cmd import add_reading_options
from wenshi.cli.output import print_json, table, terminal_progress
from wenshi.library import Library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-volume",
        help="导入已出版的整辑 PDF（文字版或扫描版）：按目录分篇，建辑，各篇标为已刊",
    )
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--volume", type=natural, required=True, metavar="N", help="辑号")
    p.add_argument("--title", help="辑名（默认取封面第一行）")
    add_reading_options(p)
    json_flag(p)
    p.set_defaults(handler=cmd_import_volume)


def cmd_import_volume(args: argparse.Namespace, library: Library) -> int:
    result = library.volume_imports.run(
        Path(args.file),
        args.volume,
        title=args.title,
        ocr=args.ocr,
        password=args.password,
        limits=limits_from(args),
        progress=terminal_progress(),
    )
    if args.json:
        print_json(result.to_dict())
        return 0
    rows = [
        [
            f"#{a.id}",
            a.section,
            a.title,
            "、".join(a.authors),
            f"{a.start_page}–{a.end_page}",
            f"{a.words:,}",
        ]
        for a in result.articles
    ]
    print(table(["ID", "栏目", "题名", "作者", "页码", "字数"], rows))
    ocr = f"，其中 {result.ocr_pages} 页经 OCR 识别" if result.ocr_pages else ""
    print(
        f"已导入第 {result.volume} 辑：{result.pages} 页{ocr}，{len(result.articles)} 篇，均为已刊"
    )
    return 0
