"""``wenshi volume …``, exports and payments as an editor runs them: a volume of 40+
realistic manuscripts built, reordered and exported."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import Run
from tests.corpus import generate_articles
from wenshi.library import Library

SECTIONS = ["史海钩沉", "人物春秋", "文化教育", "民俗风情"]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """44 accepted manuscripts, built once through the API (the CLI's own import and
    review commands are tested elsewhere) and copied for each test."""
    root = tmp_path_factory.mktemp("volume-cli")
    inbox = root / "inbox"
    inbox.mkdir()
    for i, text in enumerate(generate_articles(44, 1200, seed=17)):
        (inbox / f"{i + 1:02d}.txt").write_text(
            f"灵武旧事拾零之{i + 1}\n文/作者{chr(0x4E00 + i * 37)}{chr(0x4E8C + i)}\n\n{text}",
            encoding="utf-8",
        )
    with Library.open(root / "lib") as library:
        catalog = library.manuscripts
        with library.batch():
            for result in library.imports.run([inbox]).value:
                for step in ("初审", "复审", "终审", "采用"):
                    catalog.transition(result.id, step, actor="编辑部")
    return root / "lib"


@pytest.fixture
def run(capsys, tmp_path: Path, template: Path) -> Run:
    shutil.copytree(template, tmp_path / "lib")
    return Run(capsys, tmp_path / "lib")


def build(run: Run) -> None:
    assert (
        run(
            "volume",
            "create",
            "17",
            "--title",
            "《灵武文史》第十七辑",
            "--year",
            "2022",
            "--target-words",
            "190000",
            "--layout",
            "28x30",
            "--front-pages",
            "4",
        )[0]
        == 0
    )
    for name in SECTIONS:
        assert run("volume", "section", "17", "add", name)[0] == 0
    for k, name in enumerate(SECTIONS):
        ids = [str(m) for m in range(1 + k * 11, 12 + k * 11)]
        code, _out, err = run("volume", "add", "17", *ids, "--section", name)
        assert code == 0, err


def test_build_show_reorder(run: Run):
    build(run)
    shown = run.json("volume", "show", "17")
    assert {k: v for k, v in shown.items() if k not in ("sections", "progress")} == {
        "number": 17,
        "title": "《灵武文史》第十七辑",
        "year": 2022,
        "status": "planning",
        "words": 44704,
        "han": 36009,
        "layout_words": 59248,
        "images": 0,
        "articles": 44,
        "pages": 76,
        "target_words": 190000,
        "layout": {
            "paper": "16开",
            "chars_per_line": 28,
            "lines_per_page": 30,
            "indent": 2,
            "title_lines": 3,
            "section_lines": 2,
            "image_lines": 10,
            "new_page": False,
            "right_hand": False,
            "front_pages": 4,
        },
        "publication": {
            "editor": "",
            "place": "",
            "publisher": "",
            "internal": False,
            "permit": "",
            "isbn": "",
            "series": "",
        },
    }
    assert shown["progress"] == pytest.approx(44704 / 190000)
    assert [s["name"] for s in shown["sections"]] == SECTIONS
    assert [s["words"] for s in shown["sections"]] == [11216, 11140, 11199, 11149]
    items = [i for s in shown["sections"] for i in s["items"]]
    assert [i["id"] for i in items] == list(range(1, 45))
    assert items[0] == {
        "id": 1,
        "title": "灵武旧事拾零之1",
        "subtitle": "",
        "authors": ["作者一二"],
        "compilers": [],
        "narrators": [],
        "status": "accepted",
        "status_label": "采用",
        "genre": "prose",
        "words": 1036,
        "han": 834,
        "layout_words": 1400,  # 50 lines (title 3, by-line 1, text 46) of 28
        "images": 0,
        "lines": 50,
        "start_page": 5,  # after 4 pages of front matter
        "end_page": 6,
    }
    # Each piece is about 48 lines (1.6 pages) and follows the last on the same page.
    assert [i["start_page"] for i in items] == [
        *(5, 6, 8, 10, 11, 13, 14, 16, 18, 19, 21),
        *(23, 24, 26, 28, 29, 31, 32, 34, 36, 37, 39),
        *(40, 42, 44, 45, 47, 49, 50, 52, 53, 55, 57),
        *(58, 60, 61, 63, 64, 66, 68, 69, 71, 72, 74),
    ]

    assert run("volume", "move", "17", "44", "--section", "史海钩沉", "--at", "1") == (
        0,
        "稿件 44 已移到“史海钩沉”\n",
        "",
    )
    assert run("volume", "section", "17", "move", "民俗风情", "1") == (
        0,
        "第 17 辑栏目：民俗风情、史海钩沉、人物春秋、文化教育\n",
        "",
    )
    shown = run.json("volume", "show", "17")
    assert [s["name"] for s in shown["sections"]] == [
        "民俗风情",
        "史海钩沉",
        "人物春秋",
        "文化教育",
    ]
    assert [[i["id"] for i in s["items"]] for s in shown["sections"]] == [
        list(range(34, 44)),
        [44, *range(1, 12)],
        list(range(12, 23)),
        list(range(23, 34)),
    ]
    code, out, _ = run("volume", "show", "17")
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == [
        "第 17 辑  《灵武文史》第十七辑  2022  编辑中",
        "版式：16开，每行 28 字 × 每页 30 行",
    ]
    assert [line for line in lines if line.startswith("【")] == [
        "【民俗风情】 10 篇  10151 字  版面 13244 字",
        "【史海钩沉】 12 篇  12214 字  版面 16380 字",
        "【人物春秋】 11 篇  11140 字  版面 14756 字",
        "【文化教育】 11 篇  11199 字  版面 14868 字",
    ]
    assert lines[5].split() == ["5", "34", "灵武旧事拾零之34", "作者勅亭", "1020", "1260"]
    assert lines[-1] == (
        "合计：44 篇，44704 字（汉字 36009），版面字数 59248，图片 0 幅，约 76 页，"
        "目标 190000 字（24%）"
    )


def test_exports(run: Run, tmp_path: Path):
    build(run)
    for fmt in ("docx", "md", "html", "csv"):
        target = tmp_path / f"目录.{fmt}"
        code, out, err = run("export-toc", "17", "--format", fmt, "-o", str(target))
        assert (code, out) == (0, f"已导出第 17 辑目录：{target}\n"), err
        assert target.stat().st_size > 0
    with open(tmp_path / "目录.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 45
    assert rows[:3] == [
        ["辑", "栏目", "题名", "副题", "作者", "起始页", "字数", "版面字数"],
        ["17", "史海钩沉", "灵武旧事拾零之1", "", "作者一二", "5", "1036", "1400"],
        ["17", "史海钩沉", "灵武旧事拾零之2", "", "作者严亍", "6", "1014", "1372"],
    ]
    markdown = (tmp_path / "目录.md").read_text(encoding="utf-8").splitlines()
    assert markdown[:7] == [
        "# 目录",
        "",
        "## 史海钩沉",
        "",
        "| 题名 | 作者 | 页码 |",
        "| --- | --- | ---: |",
        "| 灵武旧事拾零之1 | 作者一二 | 5 |",
    ]
    code, out, _ = run("export-volume", "17", "-o", str(tmp_path / "第十七辑.docx"))
    assert (code, out) == (0, f"已导出第 17 辑全文（44 篇）：{tmp_path / '第十七辑.docx'}\n")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "第十七辑.docx")).paragraphs)
    assert text.index("史海钩沉") < text.index("灵武旧事拾零之1") < text.index("人物春秋")
    code, out, _ = run("export-catalogue", "-o", str(tmp_path / "总目录.csv"))
    assert (code, out) == (0, f"已导出总目录（1 辑）：{tmp_path / '总目录.csv'}\n")
    with open(tmp_path / "总目录.csv", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == rows  # one volume: the same lines as its 目录


def test_payments(run: Run, tmp_path: Path):
    build(run)
    code, _, err = run("payments", "17", "-o", str(tmp_path / "稿酬.xlsx"))
    assert code == 1
    assert err == (
        "wenshi: 第 17 辑有 44 篇稿件未定稿酬标准（1、2、3、4、5、6、7、8、9、10）；"
        "请用 --rate 指定默认标准，或用 wenshi fee ID --rate R 逐篇设定\n"
    )
    assert run("fee", "1", "--kind", "compilation", "--rate", "15") == (
        0,
        "稿件 1 的稿酬设定已保存\n",
        "",
    )
    code, out, _ = run("payments", "17", "--rate", "80", "-o", str(tmp_path / "稿酬.xlsx"))
    assert (code, out) == (0, f"已导出稿酬表：44 篇，合计 6190.0 元 → {tmp_path / '稿酬.xlsx'}\n")
    sheet = load_workbook(tmp_path / "稿酬.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 44 + 2
    assert rows[:3] == [
        (
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
        ),
        # 1,036 字 counts as 2 千字; 汇编 at 15 元.
        (1, "作者一二", "灵武旧事拾零之1", "汇编", "Word 字数", 1036, 2, 15, 30, "是", None),
        (2, "作者严亍", "灵武旧事拾零之2", "原创", "Word 字数", 1014, 2, 80, 160, "是", None),
    ]
    assert rows[-1] == (None, "合计", None, None, None, None, None, None, 6190, None, None)
    assert sum(row[8] for row in rows[1:-1]) == 6190
    data = run.json("payments", "17", "--rate", "80")
    assert data["total"] == 6190
    first = next(line for line in data["lines"] if line["id"] == 1)
    assert (first["kind"], first["thousands"], first["rate"], first["amount"]) == (
        "compilation",
        2,
        15,
        30,
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["volume", "show", "9"], "第 9 辑不存在（可用 wenshi volume create 9 新建）"),
        (
            ["volume", "create", "18", "--title", "第十八辑", "--layout", "0x30"],
            "版式“0x30”无法识别：应写作“每行字数x每页行数”，两者都是正整数，例如“28x30”。",
        ),
        (
            ["volume", "add", "17", "1", "--section", "不存在的栏目"],
            "第 17 辑没有栏目“不存在的栏目”；现有栏目：史海钩沉、人物春秋、文化教育、民俗风情",
        ),
        (
            ["export-toc", "17", "--format", "docx", "-o", "/nonexistent/dir/目录.docx"],
            "/nonexistent/dir/目录.docx：无法写入（文件夹不存在（可能已被移走或删除））",
        ),
        (
            ["export-toc", "17", "-o", "目录.pdf"],
            "目录.pdf：不支持的目录格式“.pdf”；可用 .docx、.md、.html、.csv",
        ),
        (
            ["export-volume", "17", "-o", "全文.pdf"],
            "全文.pdf：不支持的成书文件格式“.pdf”；可用 .docx",
        ),
        (
            ["payments", "17", "--rate", "80", "-o", "稿酬.pdf"],
            "稿酬.pdf：不支持的表格格式“.pdf”；可用 .csv、.xlsx",
        ),
        (
            ["export-catalogue", "-o", "总目录.pdf"],
            "总目录.pdf：不支持的总目录格式“.pdf”；可用 .docx、.csv",
        ),
    ],
)
def test_bad_requests_one_line_change_nothing(run: Run, argv, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative names are written here, if at all
    build(run)
    before = run.json("volume", "show", "17")
    code, out, err = run(*argv)
    assert (code, out, err) == (1, "", f"wenshi: {message}\n")
    assert run.json("volume", "show", "17") == before
    assert [p.name for p in tmp_path.iterdir()] == ["lib"]


def test_rejected_manuscript_is_refused_and_removed_one_returns_to_pool(run: Run, tmp_path):
    build(run)
    extra = tmp_path / "退稿.txt"
    extra.write_text("关于某厂的广告\n本厂产品远销全国。", encoding="utf-8")
    [new] = run.json("import", str(extra))
    assert run("set", str(new["id"]), "--status", "退稿", "--opinion", "非文史稿件") == (
        0,
        "#45  关于某厂的广告  状态：退稿\n",
        "",
    )
    code, _, err = run("volume", "add", "17", str(new["id"]), "--section", "史海钩沉")
    assert code == 1
    assert err == (
        "wenshi: 稿件 45《关于某厂的广告》的状态是“退稿”，"
        "只有采用、待用（及其后的编辑加工、校对）的稿件可以编入\n"
    )
    assert run("volume", "remove", "17", "3") == (0, "稿件 3 已移出第 17 辑\n", "")
    assert [p["id"] for p in run.json("volume", "pool")] == [3]
