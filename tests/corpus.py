"""Realistic manuscripts for tests: fixture files and builders for the shapes they arrive in."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "lingwu-cppcc-2022-review.txt"

TRADITIONAL = """靈武舊事
文／陳國棟

靈武地處黃河東岸，自古為塞上重鎮。民國二十五年，馬鴻賓部駐防於此，修築城牆，疏浚渠道。

據老人回憶，當年橫城渡口船隻往來不絕，羊皮筏子載著枸杞與灘羊皮順流而下，遠至包頭。
"""

DOCX_TITLE = "灵武长枣栽培史话"
DOCX_PARAGRAPHS = [
    "灵武长枣是宁夏灵武市的特产，栽培历史已有一千三百余年。",
    "清乾隆年间《灵州志》已有“枣园”之记载。民国时期，东塔寺一带枣林连片。",
]
DOCX_TABLE = [["年份", "面积（亩）"], ["1985年", "3200"], ["2020年", "140000"]]


def make_docx(path: Path) -> Path:
    """A manuscript as editors receive it from Word: title, by-line, paragraphs, a table."""
    import docx

    document = docx.Document()
    document.add_paragraph(DOCX_TITLE)
    document.add_paragraph("文/杨振宇")
    document.add_paragraph(DOCX_PARAGRAPHS[0])
    table = document.add_table(rows=len(DOCX_TABLE), cols=2)
    for r, row in enumerate(DOCX_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(DOCX_PARAGRAPHS[1])
    document.save(str(path))
    return path
