"""Tables to .csv (UTF-8 with BOM, so Excel and WPS read the Chinese) or .xlsx.

Writers here and in the other export modules write to the path they are given;
``wenshi.exports`` hands them a temporary path beside the target and renames it into place.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from wenshi.export.atomic import check_suffix
from wenshi.i18n import _

FORMATS = (".csv", ".xlsx")


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet: str = "Sheet1"
) -> None:
    """Write ``rows`` under ``headers`` to ``path``; the suffix chooses the format."""
    path = Path(path)
    suffix = check_suffix(path, FORMATS, _("表格"))
    if suffix == ".csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            writer.writerows(rows)
    else:
        _write_xlsx(path, headers, rows, sheet)


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
