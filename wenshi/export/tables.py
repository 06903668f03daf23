"""Tables to .csv (UTF-8 with BOM, so Excel and WPS read the Chinese) or .xlsx.

Each file is written to a temporary name beside the target and renamed into place, so a
failed export never leaves a half-written file where the user expects the result.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from wenshi.errors import InvalidValueError, WenshiError

FORMATS = (".csv", ".xlsx")


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], sheet: str = "Sheet1"
) -> None:
    """Write ``rows`` under ``headers`` to ``path``; the suffix chooses the format."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InvalidValueError(
            f"{path}：不支持的表格格式“{suffix or '（无扩展名）'}”；可用 .csv 或 .xlsx"
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".wenshi-", suffix=suffix)
        os.close(fd)
    except OSError as exc:
        raise WenshiError(f"{path}：无法写入（{exc.strerror or exc}）") from exc
    try:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                writer.writerows(rows)
        else:
            _write_xlsx(Path(tmp), headers, rows, sheet)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WenshiError(f"{path}：无法写入（{exc.strerror or exc}）") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
