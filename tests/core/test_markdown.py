"""Markdown manuscripts: the text a reader sees, counted without the markup."""

from __future__ import annotations

from pathlib import Path

from wenshi.reading import read_document
from wenshi.reading.markdown import markdown_to_text
from wenshi.text.wordcount import count_text

MANUSCRIPT = """# 灵武长枣栽培史话

文/杨振宇

**灵武长枣**是宁夏灵武市的*特产*，
栽培历史已有一千三百余年。

## 一、品种

- 果实长圆
- 皮薄肉脆
  - 以 [东塔寺](https://example.org/dongta) 一带为最

1. 清乾隆年间
2. 民国时期

| 年份 | 面积（亩） |
|------|-----------|
| 1985年 | 3200 |
| 2020年 | 140000 |

> 枣园连片，![枣园](zaoyuan.jpg)秋来满枝红。

```
亩产  800公斤
```

---

<p align="center">（完）</p>
"""


def test_markup_leaves_only_its_text() -> None:
    assert markdown_to_text(MANUSCRIPT).split("\n") == [
        "灵武长枣栽培史话",
        "",
        "文/杨振宇",
        "",
        "灵武长枣是宁夏灵武市的特产，栽培历史已有一千三百余年。",
        "",
        "一、品种",
        "",
        "果实长圆",
        "皮薄肉脆",
        "以 东塔寺 一带为最",
        "",
        "1. 清乾隆年间",
        "2. 民国时期",
        "",
        "年份\t面积（亩）",
        "1985年\t3200",
        "2020年\t140000",
        "",
        "枣园连片，秋来满枝红。",
        "",
        "亩产  800公斤",
        "",
        "（完）",
    ]


def test_line_breaks_inside_a_paragraph() -> None:
    # A soft break joins Chinese directly and Latin words with a space; a hard one stays.
    text = "黄河\n东岸 Yellow\nRiver  \n下一行"
    assert markdown_to_text(text) == "黄河东岸 Yellow River\n下一行"


def test_read_and_counted_without_markup(tmp_path: Path) -> None:
    path = tmp_path / "长枣.md"
    path.write_text("# 灵武长枣\n\n**灵武长枣**，皮薄肉脆。\n\n- 果实长圆\n", encoding="utf-8")
    _, document = read_document(path)
    assert (document.kind, document.encoding) == ("md", "utf-8")
    assert document.text == "灵武长枣\n\n灵武长枣，皮薄肉脆。\n\n果实长圆"
    # 4 + 10 + 4 East Asian characters; read as plain text, ** ** # - added 4 words.
    counts = count_text(document.text)
    assert (counts.words, counts.chars_no_spaces, counts.paragraphs) == (18, 18, 3)
