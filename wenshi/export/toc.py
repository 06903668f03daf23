"""目录 drafts of a volume and the 总目录 of all volumes, laid out like a 期刊目次 (GB/T 13417).

Under each 栏目 every article gets 题名（——副题）, its by-line, a leader and its start
page. In Word the leader is a right tab stop with dots at the right margin — never dots or
spaces typed in — so it survives any change of font, size or margin by the typesetter.
Page numbers are those of the plan's page estimate.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER

from wenshi.errors import InvalidValueError
from wenshi.export.atomic import check_suffix
from wenshi.export.docx_style import (
    BODY_PT,
    HEI,
    SONG,
    add_text,
    new_document,
    paragraph_style,
    save,
    text_width,
)
from wenshi.export.tables import write_table
from wenshi.volumes.plan import ItemPlan, SectionPlan, VolumePlan

TOC_FORMATS = (".docx", ".md", ".html", ".csv")
CATALOGUE_FORMATS = (".docx", ".csv")
CSV_HEADERS = ("辑", "栏目", "题名", "副题", "作者", "起始页", "字数", "版面字数")

_DIGITS = "〇一二三四五六七八九"
_SERIES = re.compile(r"《(.+?)》")
_NUMBERED = re.compile(r"第.+?辑")
_MD_SPECIAL = re.compile(r"([\\|<>*_\[\]`])")


def chinese_number(n: int) -> str:
    """17 → 十七, 105 → 一百零五, 110 → 一百一十: 辑 are numbered in Chinese in print."""
    if not 0 <= n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if not hundreds:
        if n < 10:
            return _DIGITS[n]
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")
    out = _DIGITS[hundreds] + "百"
    if tens:
        out += _DIGITS[tens] + "十" + (_DIGITS[units] if units else "")
    elif units:
        out += "零" + _DIGITS[units]
    return out


def series_name(plan: VolumePlan) -> str:
    """灵武文史: the publication's name inside the volume title."""
    title = plan.title.strip()
    found = _SERIES.search(title)
    if found:
        return found.group(1)
    return _NUMBERED.split(title)[0].strip() or title


def volume_name(plan: VolumePlan) -> str:
    """《灵武文史》第十七辑: the title as is when it names the 辑, else built from it."""
    title = plan.title.strip()
    if _NUMBERED.search(title):
        return title
    return f"《{series_name(plan)}》第{chinese_number(plan.number)}辑"


def entry_title(item: ItemPlan) -> str:
    """题名——副题, as the article is listed."""
    return f"{item.title}——{item.subtitle}" if item.subtitle else item.title


def _filled(plan: VolumePlan) -> list[SectionPlan]:
    return [section for section in plan.sections if section.items]


def write_toc(plan: VolumePlan, path: Path) -> None:
    """Write the 目录 of ``plan``; the suffix of ``path`` chooses the format."""
    path = Path(path)
    suffix = check_suffix(path, TOC_FORMATS, "目录")
    if suffix == ".csv":
        write_table(path, CSV_HEADERS, _csv_rows(plan), sheet="目录")
    elif suffix == ".docx":
        document = new_document(plan.settings.paper, f"{volume_name(plan)} 目录")
        add_toc(document, plan)
        save(document, path)
    else:
        text = _markdown(plan) if suffix == ".md" else toc_html(plan)
        path.write_text(text, encoding="utf-8")


def write_all_volumes_toc(plans: list[VolumePlan], path: Path) -> None:
    """Write the 总目录 of ``plans`` in volume order, as .docx or .csv."""
    path = Path(path)
    suffix = check_suffix(path, CATALOGUE_FORMATS, "总目录")
    if not plans:
        raise InvalidValueError(f"{path}：没有可编入总目录的辑")
    plans = sorted(plans, key=lambda plan: plan.number)
    if suffix == ".csv":
        rows = [row for plan in plans for row in _csv_rows(plan)]
        write_table(path, CSV_HEADERS, rows, sheet="总目录")
        return
    first, last = plans[0].number, plans[-1].number
    span = f"第{first}辑" if first == last else f"第{first}—{last}辑"
    # The newest volume's name and 开本: a 总目录 is printed in the latest volume.
    heading = f"《{series_name(plans[-1])}》总目录（{span}）"
    document = new_document(plans[-1].settings.paper, heading)
    _define_styles(document)
    _add_text_paragraph(document, heading, "目录标题")
    for plan in plans:
        if _filled(plan):
            year = f"（{plan.year}）" if plan.year else ""
            _add_text_paragraph(document, volume_name(plan) + year, "目录辑名")
            _add_sections(document, plan)
    save(document, path)


def add_toc(document: Document, plan: VolumePlan) -> None:
    """Append the 目录 of ``plan`` to ``document`` (also used inside the volume itself)."""
    _define_styles(document)
    _add_text_paragraph(document, "目录", "目录标题")
    _add_sections(document, plan)


def _define_styles(document: Document) -> None:
    paragraph_style(
        document,
        "目录标题",
        east_asia=HEI,
        size=16,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        after=18,
        keep_next=True,
    )
    paragraph_style(
        document,
        "目录辑名",
        east_asia=HEI,
        size=14,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        before=18,
        after=6,
        keep_next=True,
    )
    paragraph_style(
        document,
        "目录栏目",
        east_asia=HEI,
        size=12,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        before=9,
        after=3,
        keep_next=True,
    )
    entry = paragraph_style(
        document,
        "目录条目",
        east_asia=SONG,
        size=BODY_PT,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        after=3,
        left_indent=2 * BODY_PT,
    )
    entry.paragraph_format.line_spacing = 1.25


def _add_text_paragraph(document: Document, text: str, style: str) -> None:
    add_text(document.add_paragraph(style=style), text)


def _add_sections(document: Document, plan: VolumePlan) -> None:
    right = text_width(document)
    for section in _filled(plan):
        _add_text_paragraph(document, section.name, "目录栏目")
        for item in section.items:
            paragraph = document.add_paragraph(style="目录条目")
            by = f"　{item.credit_line}" if item.credit_line else ""
            add_text(paragraph, f"{entry_title(item)}{by}\t{item.start_page}")
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                right, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )


def _csv_rows(plan: VolumePlan) -> list[list[object]]:
    return [
        [
            plan.number,
            section.name,
            item.title,
            item.subtitle,
            item.credit_line,
            item.start_page,
            item.words,
            item.layout_words,
        ]
        for section in plan.sections
        for item in section.items
    ]


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _markdown(plan: VolumePlan) -> str:
    lines = ["# 目录", ""]
    for section in _filled(plan):
        lines += [f"## {_md(section.name)}", "", "| 题名 | 作者 | 页码 |", "| --- | --- | ---: |"]
        lines += [
            f"| {_md(entry_title(item))} | {_md(item.credit_line)} | {item.start_page} |"
            for item in section.items
        ]
        lines.append("")
    return "\n".join(lines)


_CSS = """\
body { font-family: "Songti SC", SimSun, "宋体", "Noto Serif CJK SC", serif;
       max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.8; }
h1, h2 { font-family: "Heiti SC", SimHei, "黑体", "Noto Sans CJK SC", sans-serif;
         font-weight: normal; }
h1 { text-align: center; font-size: 1.6em; }
h2 { font-size: 1.15em; margin: 1.2em 0 .3em; }
ol.toc { list-style: none; margin: 0; padding-left: 2em; }
ol.toc li { display: flex; align-items: baseline; }
ol.toc .author { margin-left: 1em; white-space: nowrap; }
ol.toc .leader { flex: 1 1 2em; min-width: 2em; margin: 0 .3em;
                 border-bottom: .15em dotted currentColor; }
ol.toc .page { font-variant-numeric: tabular-nums; }
"""


def toc_html(plan: VolumePlan) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(volume_name(plan))} 目录</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
        "<body>",
        "<h1>目录</h1>",
    ]
    for section in _filled(plan):
        parts += ["<section>", f"<h2>{esc(section.name)}</h2>", '<ol class="toc">']
        for item in section.items:
            author = (
                f'<span class="author">{esc(item.credit_line)}</span>' if item.credit_line else ""
            )
            parts.append(
                f'<li><span class="title">{esc(entry_title(item))}</span>{author}'
                f'<span class="leader"></span><span class="page">{item.start_page}</span></li>'
            )
        parts += ["</ol>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
