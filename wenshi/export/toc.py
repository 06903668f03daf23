"""目录 drafts of a volume and the 总目录 of all volumes, laid out like a 期刊目次 (GB/T 13417),
in the format the file name asks for.

Under each 栏目 every article gets 题名（——副题）, its by-line, a leader and its start
page; page numbers are those of the plan's page estimate. The formats live apart:
``toc_docx`` (Word), ``toc_text`` (Markdown, HTML, CSV rows); names in ``names``.
"""

from __future__ import annotations

from pathlib import Path

from wenshi.errors import InvalidValueError
from wenshi.export.atomic import check_suffix
from wenshi.export.tables import write_table
from wenshi.export.toc_docx import write_all_volumes_docx, write_toc_docx
from wenshi.export.toc_text import CSV_HEADERS, csv_rows, markdown, toc_html
from wenshi.i18n import _
from wenshi.volumes.plan import VolumePlan

TOC_FORMATS = (".docx", ".md", ".html", ".csv")
CATALOGUE_FORMATS = (".docx", ".csv")


def write_toc(plan: VolumePlan, path: Path) -> None:
    """Write the 目录 of ``plan``; the suffix of ``path`` chooses the format."""
    path = Path(path)
    suffix = check_suffix(path, TOC_FORMATS, _("目录"))
    if suffix == ".csv":
        write_table(path, CSV_HEADERS, csv_rows(plan), sheet="目录")
    elif suffix == ".docx":
        write_toc_docx(plan, path)
    else:
        text = markdown(plan) if suffix == ".md" else toc_html(plan)
        path.write_text(text, encoding="utf-8")


def write_all_volumes_toc(plans: list[VolumePlan], path: Path) -> None:
    """Write the 总目录 of ``plans`` in volume order, as .docx or .csv."""
    path = Path(path)
    suffix = check_suffix(path, CATALOGUE_FORMATS, _("总目录"))
    if not plans:
        raise InvalidValueError(_("{path}：没有可编入总目录的辑").format(path=path))
    plans = sorted(plans, key=lambda plan: plan.number)
    if suffix == ".csv":
        rows = [row for plan in plans for row in csv_rows(plan)]
        write_table(path, CSV_HEADERS, rows, sheet="总目录")
    else:
        write_all_volumes_docx(plans, path)
