"""The 稿酬 payment sheet of a volume (.xlsx or .csv), with the total on the last row."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from wenshi.export.tables import write_table
from wenshi.volumes.fees import BASES, KINDS, Fee

HEADERS = [
    "ID",
    "作者",
    "题名",
    "类别",
    "计酬依据",
    "字数",
    "计酬千字",
    "标准（元/千字）",
    "金额（元）",
    "指导范围内",
    "支付日期",
]


def total(lines: Sequence[Fee]) -> float:
    return round(sum(f.amount for f in lines), 2)


def rows(lines: Sequence[Fee]) -> list[list[object]]:
    """One row per article, then the total."""
    out: list[list[object]] = [
        [
            f.id,
            f.authors,
            f.title,
            KINDS[f.kind][0],
            BASES[f.basis],
            f.figure,
            f.thousands,
            f.rate,
            f.amount,
            "是" if f.in_guidance else "否",
            f.paid_on or "",
        ]
        for f in lines
    ]
    out.append(["", "合计", "", "", "", "", "", "", total(lines), "", ""])
    return out


def write_payments(lines: Sequence[Fee], path: Path) -> None:
    write_table(Path(path), HEADERS, rows(lines), sheet="稿酬")
