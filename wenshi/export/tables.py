"""Tables to .csv (UTF-8 with BOM, so Excel and WPS read the Chinese) or .xlsx.

Each file is written beside the target and renamed into place (``wenshi.export.atomic``),
so a failed export never leaves a half-written file where the user expects the result.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from wenshi.export.atomic import atomic_path, check_suffix

FORMATS = (".csv", ".xlsx")


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet: str = "Sheet1"
) -> None:
    """Write ``rows`` under ``headers`` to ``path``; the suffix chooses the format."""
    path = Path(path)
    suffix = check_suffix(path, FORMATS, "表格")
    with atomic_path(path) as tmp:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                writer.writerows(rows)
        else:
            _write_xlsx(tmp, headers, rows, sheet)


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    book.save(path)
