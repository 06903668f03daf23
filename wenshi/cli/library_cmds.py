"""Commands on the library as a whole: ``sample``, ``backup``, ``restore-backup``."""

from __future__ import annotations

import argparse
from pathlib import Path

from wenshi.backup import backup_library, restore_backup
from wenshi.cli.common import json_flag
from wenshi.cli.output import print_json, terminal_progress
from wenshi.library import Library
from wenshi.sample import HoldsManuscriptsError, load_sample


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sample", help="载入示例文库（两辑《灵武文史》和几篇审稿中的稿件）")
    p.add_argument("--force", action="store_true", help="文库中已有稿件时仍然载入")
    p.set_defaults(handler=cmd_sample)

    p = sub.add_parser("backup", help="把整个文库备份为一个 .zip")
    p.add_argument("file", metavar="FILE.zip")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore-backup", help="把 wenshi backup 生成的 .zip 恢复到一个新文件夹，并检查其完整性"
    )
    p.add_argument("file", metavar="FILE.zip")
    p.add_argument("folder", metavar="DIR", help="恢复到的新文件夹（须不存在或为空）")
    json_flag(p)
    p.set_defaults(handler=cmd_restore_backup, needs_library=False)


def cmd_sample(args: argparse.Namespace, library: Library) -> int:
    try:
        count = load_sample(library, progress=terminal_progress(), force=args.force).value
    except HoldsManuscriptsError as exc:  # the core's sentence, with the option that insists
        raise HoldsManuscriptsError(f"{exc}；确需载入请加 --force") from None
    print(f"已载入示例文库：{count} 篇稿件，第十六、十七辑（wenshi volume list 查看）")
    return 0


def cmd_backup(args: argparse.Namespace, library: Library) -> int:
    count = backup_library(library, Path(args.file), terminal_progress())
    print(f"已备份到 {args.file}（数据库和 {count} 个原始文件）")
    return 0


def cmd_restore_backup(args: argparse.Namespace, _library: object) -> int:
    report = restore_backup(Path(args.file), Path(args.folder), terminal_progress())
    if args.json:
        print_json(report.to_dict())
    else:
        print(
            f"已恢复到 {report.folder}：{report.manuscripts} 篇稿件、{report.volumes} 辑、"
            f"{report.files} 个原始文件，检查无误（wenshi --library {report.folder} stats 查看）"
        )
    return 0
