"""The 目录 as text: Markdown, HTML and CSV rows."""

from __future__ import annotations

import html
import re

from wenshi.export.names import volume_name
from wenshi.export.toc_lines import toc_sections
from wenshi.volumes.plan import VolumePlan

CSV_HEADERS = ("辑", "栏目", "题名", "副题", "作者", "起始页", "字数", "版面字数")
_MD_SPECIAL = re.compile(r"([\\|<>*_\[\]`])")


def csv_rows(plan: VolumePlan) -> list[list[object]]:
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


def markdown(plan: VolumePlan) -> str:
    lines = ["# 目录", ""]
    for section in toc_sections(plan):
        lines += [f"## {_md(section.name)}", "", "| 题名 | 作者 | 页码 |", "| --- | --- | ---: |"]
        lines += [
            f"| {_md(entry.title)} | {_md(entry.credit)} | {entry.page} |"
            for entry in section.entries
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
    for section in toc_sections(plan):
        parts += ["<section>", f"<h2>{esc(section.name)}</h2>", '<ol class="toc">']
        for entry in section.entries:
            author = f'<span class="author">{esc(entry.credit)}</span>' if entry.credit else ""
            parts.append(
                f'<li><span class="title">{esc(entry.title)}</span>{author}'
                f'<span class="leader"></span><span class="page">{entry.page}</span></li>'
            )
        parts += ["</ol>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
